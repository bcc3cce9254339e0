#include "biodata/extension_index.h"

namespace bsap::biodata {

namespace {

constexpr std::size_t kBytesPerMebibyte = 1024 * 1024;

std::string describe_bytes(std::size_t bytes) {
  if (bytes < kBytesPerMebibyte) return std::to_string(bytes) + " bytes";
  return std::to_string(bytes / kBytesPerMebibyte) + " MiB";
}

// What a held record costs: its text, plus the strings, vector and hash node around it.
std::size_t approximate_bytes(const Record& record) {
  std::size_t bytes = sizeof(Record) + 2 * record.id.size() + 64;
  for (const std::string& value : record.values) bytes += sizeof(std::string) + value.size();
  return bytes;
}

}  // namespace

std::variant<ExtensionIndex, ArchiveError> ExtensionIndex::build(TableReader& rows,
                                                                 const std::string& file,
                                                                 std::size_t budget_bytes) {
  ExtensionIndex index;
  std::size_t used_bytes = 0;
  Record record;
  while (rows.next(record)) {
    used_bytes += approximate_bytes(record);
    if (used_bytes > budget_bytes) {
      return ArchiveError{file, "needs more than " + describe_bytes(budget_bytes) +
                                    " to be joined to the core in memory; too large for now"};
    }
    index.groups_[record.id].rows.push_back(record);
  }
  if (rows.error()) return *rows.error();
  return index;
}

std::span<const Record> ExtensionIndex::rows_for(const std::string& core_id) {
  auto found = groups_.find(core_id);
  if (found == groups_.end()) return {};
  found->second.joined = true;
  return found->second.rows;
}

std::size_t ExtensionIndex::unjoined_rows() const {
  std::size_t count = 0;
  for (const auto& [core_id, group] : groups_) {
    if (!group.joined) count += group.rows.size();
  }
  return count;
}

}  // namespace bsap::biodata
