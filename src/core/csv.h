// Writing CSV (RFC 4180): a field is quoted when it holds a comma, a quote, CR or LF, a quote
// inside doubled; records end with CRLF. For the open data and the secretariat's exports.
//
// Text that people typed (titles, comments) goes into spreadsheets. A cell that starts with
// '=', '+', '-', '@', a tab or CR is read by spreadsheet programs as a formula (OWASP "CSV
// injection"), so such a field gets a leading apostrophe — unless the whole field is a number
// ("-12.50"), which stays as it is.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace bsap {

std::string csv_field(std::string_view value);
// The fields joined by commas, each through csv_field, ending with "\r\n".
std::string csv_record(const std::vector<std::string>& fields);

}  // namespace bsap
