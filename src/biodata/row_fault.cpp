#include "biodata/row_fault.h"

namespace bsap::biodata {

void RowFaultLog::add(RowFault fault) {
  ++(fault.disposition == RowDisposition::skipped ? skipped_ : kept_);
  if (first_faults_.size() < max_kept_) first_faults_.push_back(std::move(fault));
}

}  // namespace bsap::biodata
