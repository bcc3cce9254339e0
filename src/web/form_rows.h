// Repeating rows of a form (a progress report's outputs and milestones, a case's outcomes and
// funding): fields named PREFIX_I_NAME for rows 0 to COUNT-1, COUNT sent in its own field.
#pragma once
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "web/tracker_view.h"
#include "web/url.h"

namespace bsap::web {

// More rows than a form offers is not a browser's doing.
inline constexpr std::size_t kMaxFormRows = 60;

// The rows sent, each field trimmed; a row left wholly blank is dropped. At most kMaxFormRows,
// whatever count_field says.
template <std::size_t N>
std::vector<std::array<std::string, N>> posted_rows(const FormData& form, std::string_view prefix,
                                                    const std::array<std::string_view, N>& names,
                                                    std::string_view count_field) {
  const auto sent = parse_number(form.get(count_field));
  const std::size_t count =
      sent && *sent > 0 ? std::min(static_cast<std::size_t>(*sent), kMaxFormRows) : 0;
  std::vector<std::array<std::string, N>> rows;
  for (std::size_t i = 0; i < count; ++i) {
    std::array<std::string, N> row;
    bool blank = true;
    for (std::size_t field = 0; field < N; ++field) {
      row[field] = trim_text(form.get(std::string(prefix) + "_" + std::to_string(i) + "_" +
                                      std::string(names[field])));
      blank = blank && row[field].empty();
    }
    if (!blank) rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace bsap::web
