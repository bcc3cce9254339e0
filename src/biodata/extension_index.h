// An extension's rows grouped by coreid, so that each core record can be delivered with its
// extension rows while the core streams past (a star schema join).
//
// Memory grows linearly with the extension: every row is held, about its size in UTF-8 plus some
// 100 bytes of bookkeeping per row and value. The index refuses to grow past a budget and stops
// the import with a message instead of exhausting memory. Extensions past that size need a
// sorted on-disk spill: sort the extension by coreid in runs on disk, merge them, and join by
// merging with the core (sorted too, or looked up through an on-disk index).
#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "biodata/archive_error.h"
#include "biodata/archive_record.h"
#include "biodata/table_reader.h"

namespace bsap::biodata {

class ExtensionIndex {
 public:
  // Reads every row of the extension. `file` names it in the fault when the budget is exceeded.
  static std::variant<ExtensionIndex, ArchiveError> build(TableReader& rows,
                                                          const std::string& file,
                                                          std::size_t budget_bytes);

  // The rows whose coreid is `core_id`; they count as joined from then on.
  std::span<const Record> rows_for(const std::string& core_id);
  // Rows whose coreid matched no core record asked for so far.
  std::size_t unjoined_rows() const;

 private:
  struct Group {
    std::vector<Record> rows;
    bool joined = false;
  };
  std::unordered_map<std::string, Group> groups_;
};

}  // namespace bsap::biodata
