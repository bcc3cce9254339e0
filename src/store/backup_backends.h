// What backup.cpp dispatches to: one pair of functions per backend (sqlite_backup.cpp,
// postgres_backup.cpp). They throw StoreError; backup.cpp turns that into an outcome.
#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "store/backup.h"

namespace bsap::store {

// A backup that fails a check before the target is touched: restore reports it as bad_backup.
class BadBackup : public StoreError {
 public:
  using StoreError::StoreError;
};

// A target that holds data while force was not given.
class TargetHoldsData : public StoreError {
 public:
  using StoreError::StoreError;
};

std::uintmax_t sqlite_backup(const std::filesystem::path& database,
                             const std::filesystem::path& file, const CopyProgress& progress);
RestoreOutcome sqlite_restore(const std::filesystem::path& database,
                              const std::filesystem::path& file, bool force,
                              const CopyProgress& progress);

std::uintmax_t postgres_backup(const std::string& url, const std::filesystem::path& file);
RestoreOutcome postgres_restore(const std::string& url, const std::filesystem::path& file,
                                bool force);

// Puts the backup into a scratch database with `load`, then checks it there (check_restorable):
// the outcome to return once the target is replaced. Any failure becomes BadBackup ("the backup
// FILE is refused: …", or "the backup FILE <failure>: …" when loading it failed), so a backup
// that cannot serve never touches the target.
RestoreOutcome checked_in_scratch(const std::filesystem::path& file, const std::string& scratch_url,
                                  std::string_view failure, const std::function<void()>& load);

// The refusal both backends give for a target with data.
std::string holds_data_message(const std::string& target);

}  // namespace bsap::store
