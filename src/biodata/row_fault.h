// A fault in one row of a data file. A bad row never stops an import: it is skipped, or kept with
// what could be read, and reported with its line number.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace bsap::biodata {

enum class RowDisposition {
  skipped,  // not delivered: its values cannot be trusted (too many fields, an unclosed quote)
  kept,     // delivered with the missing trailing values read as empty
};

struct RowFault {
  std::size_t line;  // 1-based physical line where the row starts
  RowDisposition disposition;
  std::string reason;  // "12 fields where the header has 11"
};

// The faults of one file. Every fault is counted, but only the first `max_kept` are kept with
// their lines, so that a file that is wrong on every line cannot exhaust memory.
class RowFaultLog {
 public:
  explicit RowFaultLog(std::size_t max_kept = 1000) : max_kept_(max_kept) {}

  void add(RowFault fault);
  std::size_t count() const { return skipped_ + kept_; }
  std::size_t skipped_rows() const { return skipped_; }
  std::size_t kept_rows() const { return kept_; }
  const std::vector<RowFault>& first_faults() const { return first_faults_; }

 private:
  std::size_t max_kept_;
  std::size_t skipped_ = 0;
  std::size_t kept_ = 0;
  std::vector<RowFault> first_faults_;
};

}  // namespace bsap::biodata
