// Writing CSV (RFC 4180): a field is quoted when it holds a comma, a quote, CR or LF, a quote
// inside doubled; records end with CRLF. For the open data and the secretariat's exports.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace bsap {

std::string csv_field(std::string_view value);
// The fields joined by commas, each through csv_field, ending with "\r\n".
std::string csv_record(const std::vector<std::string>& fields);

}  // namespace bsap
