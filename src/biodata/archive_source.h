// Where a Darwin Core Archive's files come from: a .zip (read with libzip), a folder, or a lone
// data file. Members are listed by name and streamed in chunks; none is ever read whole except
// the small ones a caller asks for by size (meta.xml).
#pragma once
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "biodata/archive_error.h"
#include "biodata/byte_stream.h"

namespace bsap::biodata {

class ArchiveSource {
 public:
  virtual ~ArchiveSource() = default;

  // Member names relative to the archive's root, '/'-separated. Folders and the clutter that
  // archivers add (__MACOSX/, ._resource forks, .DS_Store, .keep) are left out. When every member
  // sits under one top folder (a zipped folder, common though not in the standard), that folder
  // is taken as the root.
  const std::vector<std::string>& members() const { return members_; }

  // The member named exactly so, else the only one whose name matches ignoring case (archives
  // made on Windows or macOS often disagree with meta.xml about case).
  std::optional<std::string> find_member(std::string_view name) const;

  virtual std::variant<std::unique_ptr<ByteStream>, ArchiveError> open_member(
      const std::string& member) const = 0;

  // Reads a small member whole; refuses one longer than max_bytes.
  std::variant<std::string, ArchiveError> read_member(const std::string& member,
                                                      std::size_t max_bytes) const;

 protected:
  // Keeps the wanted names of `stored_names` (as the container spells them) and works out the root.
  void list_members(const std::vector<std::string>& stored_names);
  // The container's own name of a member.
  std::string stored_name(const std::string& member) const { return root_ + member; }

 private:
  std::vector<std::string> members_;
  std::string root_;  // "" or "folder/"
};

// Opens a .zip, a folder, or a single delimited data file. A .tar.gz / .tgz is refused with a
// message saying so; so is anything that cannot be read.
std::variant<std::unique_ptr<ArchiveSource>, ArchiveError> open_archive_source(
    const std::filesystem::path& path);

}  // namespace bsap::biodata
