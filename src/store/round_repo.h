// Application rounds (guidelines §2.6.1): the secretariat opens a round with its closing date; an
// application submitted while a round is open belongs to it, and the scheme aims to finish
// assessing a round within six months after its closing date. Rounds never overlap, so a day
// belongs to at most one round. Every change is audited in the same transaction.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "store/store.h"

namespace bsap::store {

struct Round {
  std::int64_t id = 0;
  std::string name_zh;
  std::string name_en;
  CivilDate opens_on = CivilDate::from_days_since_epoch(0);
  CivilDate closes_on = CivilDate::from_days_since_epoch(0);  // the last day to submit
  std::int64_t created_by = 0;
  std::string created_at;  // UTC ISO 8601
};

struct NewRound {
  std::string name_zh;
  std::string name_en;
  CivilDate opens_on = CivilDate::from_days_since_epoch(0);
  CivilDate closes_on = CivilDate::from_days_since_epoch(0);
};

// The round overlaps another, closes before it opens, or has no name.
class RoundRefused : public StoreError {
 public:
  using StoreError::StoreError;
};

// Throws RoundRefused with a message naming the other round and its dates.
std::int64_t create_round(Transaction& tx, const NewRound& round, std::int64_t user_id);
std::optional<Round> find_round(Transaction& tx, std::int64_t id);
// Every round, the newest (latest closing date) first.
std::vector<Round> list_rounds(Transaction& tx);
// The round open on `day` (opens_on ≤ day ≤ closes_on), if any.
std::optional<Round> round_open_on(Transaction& tx, CivilDate day);

}  // namespace bsap::store
