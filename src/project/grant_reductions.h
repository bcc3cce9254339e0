// §5.5.4 and §5.5.5: reductions of the grant the secretariat may make, computed and shown before
// it confirms them. Pure; floored to the cent (a reduction never takes more than the proportion).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/lang.h"
#include "core/money.h"

namespace bsap::project {

// §5.5.4(b)–(g): the measures whose shortfall reduces the grant pro rata; (a) a change of scope
// has no measure and is entered as an amount.
enum class ReductionGround {
  scope_change,           // (a)
  area,                   // (b)
  activities,             // (c)
  participants,           // (d)
  printed_items,          // (e)
  opening_hours,          // (f)
  duration,               // (g)
  performance,            // §5.5.5, after consulting the committee
};
std::string_view reduction_ground_code(ReductionGround ground);
std::optional<ReductionGround> reduction_ground_from_code(std::string_view code);
std::string reduction_ground_clause(ReductionGround ground);  // "§5.5.4(b)", "§5.5.5"
std::string reduction_ground_text(ReductionGround ground, Lang lang);

struct ReductionRefusal {
  std::string clause;
  std::string message_zh;
  std::string message_en;
};

// §5.5.4(b)–(g): `base` (the part of the grant the measure concerns, the whole grant by default)
// × (target − actual) / target, floored to the cent; zero when the actual meets the target.
// Refuses a target of zero or less and a negative actual.
struct ProRataInput {
  Money base;
  long long target = 0;
  long long actual = 0;
};
std::optional<ReductionRefusal> check_pro_rata(const ProRataInput& input);
Money pro_rata_reduction(const ProRataInput& input);

// §5.5.5: `base` × (100 % − achieved share), with the share in basis points (0–10000) of the
// quantified targets met; zero at 100 % or more.
Money performance_reduction(Money base, int achieved_bp);

}  // namespace bsap::project
