#include "biodata/archive_source.h"

#include <zip.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iterator>

namespace bsap::biodata {

namespace {

bool is_clutter(std::string_view name) {
  if (name.empty() || name.back() == '/' || name.starts_with("__MACOSX/")) return true;
  std::size_t start = 0;
  while (start < name.size()) {
    if (name[start] == '.') return true;  // a hidden file or folder anywhere on the path
    std::size_t slash = name.find('/', start);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return false;
}

// "folder/" when every name starts with that one folder, else "".
std::string common_root_folder(const std::vector<std::string>& names) {
  if (names.empty()) return "";
  std::size_t slash = names.front().find('/');
  if (slash == std::string::npos) return "";
  std::string root = names.front().substr(0, slash + 1);
  bool all_under_root = std::all_of(
      names.begin(), names.end(), [&](const std::string& name) { return name.starts_with(root); });
  return all_under_root ? root : "";
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

class FileStream final : public ByteStream {
 public:
  FileStream(std::FILE* file, std::string name) : file_(file), name_(std::move(name)) {}
  ~FileStream() override { std::fclose(file_); }
  FileStream(const FileStream&) = delete;
  FileStream& operator=(const FileStream&) = delete;

  std::size_t read(std::span<char> buffer) override {
    if (error_) return 0;
    std::size_t got = std::fread(buffer.data(), 1, buffer.size(), file_);
    if (got == 0 && std::ferror(file_)) error_ = ArchiveError{name_, "cannot be read"};
    return got;
  }
  const std::optional<ArchiveError>& error() const override { return error_; }

 private:
  std::FILE* file_;
  std::string name_;
  std::optional<ArchiveError> error_;
};

std::variant<std::unique_ptr<ByteStream>, ArchiveError> open_file_stream(
    const std::filesystem::path& path, const std::string& name) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return ArchiveError{name, "cannot be opened"};
  return std::make_unique<FileStream>(file, name);
}

class ZipMemberStream final : public ByteStream {
 public:
  ZipMemberStream(zip_file_t* file, std::string name) : file_(file), name_(std::move(name)) {}
  ~ZipMemberStream() override { zip_fclose(file_); }
  ZipMemberStream(const ZipMemberStream&) = delete;
  ZipMemberStream& operator=(const ZipMemberStream&) = delete;

  std::size_t read(std::span<char> buffer) override {
    if (error_) return 0;
    zip_int64_t got = zip_fread(file_, buffer.data(), buffer.size());
    if (got >= 0) return static_cast<std::size_t>(got);
    // A CRC mismatch or a truncated entry shows up here, mid-stream.
    error_ = ArchiveError{name_, std::string("is corrupt in the zip: ") +
                                     zip_error_strerror(zip_file_get_error(file_))};
    return 0;
  }
  const std::optional<ArchiveError>& error() const override { return error_; }

 private:
  zip_file_t* file_;
  std::string name_;
  std::optional<ArchiveError> error_;
};

class ZipArchiveSource final : public ArchiveSource {
 public:
  explicit ZipArchiveSource(zip_t* zip) : zip_(zip) {
    std::vector<std::string> names;
    zip_int64_t count = zip_get_num_entries(zip_, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
      if (const char* name = zip_get_name(zip_, static_cast<zip_uint64_t>(i), 0)) {
        names.emplace_back(name);
      }
    }
    list_members(names);
  }
  ~ZipArchiveSource() override { zip_discard(zip_); }
  ZipArchiveSource(const ZipArchiveSource&) = delete;
  ZipArchiveSource& operator=(const ZipArchiveSource&) = delete;

  std::variant<std::unique_ptr<ByteStream>, ArchiveError> open_member(
      const std::string& member) const override {
    zip_file_t* file = zip_fopen(zip_, stored_name(member).c_str(), 0);
    if (file == nullptr) {
      return ArchiveError{member, std::string("cannot be opened in the zip: ") +
                                      zip_error_strerror(zip_get_error(zip_))};
    }
    return std::make_unique<ZipMemberStream>(file, member);
  }

 private:
  zip_t* zip_;
};

class FolderArchiveSource final : public ArchiveSource {
 public:
  explicit FolderArchiveSource(std::filesystem::path folder) : folder_(std::move(folder)) {
    std::vector<std::string> names;
    // The error_code forms: an unreadable subfolder must not throw out of the module.
    std::error_code error;
    std::filesystem::recursive_directory_iterator entry(folder_, error), end;
    for (; !error && entry != end; entry.increment(error)) {
      if (entry->is_regular_file(error)) {
        names.push_back(entry->path().lexically_relative(folder_).generic_string());
      }
    }
    std::sort(names.begin(), names.end());  // directory order differs between file systems
    list_members(names);
  }

  std::variant<std::unique_ptr<ByteStream>, ArchiveError> open_member(
      const std::string& member) const override {
    return open_file_stream(folder_ / stored_name(member), member);
  }

 private:
  std::filesystem::path folder_;
};

// A lone data file: an archive of one member with no meta.xml, read from its header line.
class SingleFileSource final : public ArchiveSource {
 public:
  explicit SingleFileSource(std::filesystem::path file) : file_(std::move(file)) {
    list_members({file_.filename().string()});
  }

  std::variant<std::unique_ptr<ByteStream>, ArchiveError> open_member(
      const std::string& member) const override {
    return open_file_stream(file_, member);
  }

 private:
  std::filesystem::path file_;
};

enum class FileKind { zip, gzip, other };

FileKind sniff_file_kind(const std::filesystem::path& path) {
  std::array<unsigned char, 4> magic{};
  std::ifstream in(path, std::ios::binary);
  in.read(reinterpret_cast<char*>(magic.data()), magic.size());
  if (in.gcount() >= 4 && magic[0] == 'P' && magic[1] == 'K') return FileKind::zip;
  if (in.gcount() >= 2 && magic[0] == 0x1f && magic[1] == 0x8b) return FileKind::gzip;
  return FileKind::other;
}

std::variant<std::unique_ptr<ArchiveSource>, ArchiveError> open_zip(
    const std::filesystem::path& path) {
  int error_code = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error_code);
  if (zip == nullptr) {
    zip_error_t error;
    zip_error_init_with_code(&error, error_code);
    ArchiveError failure{path.filename().string(),
                         std::string("is not a readable zip: ") + zip_error_strerror(&error)};
    zip_error_fini(&error);
    return failure;
  }
  return std::make_unique<ZipArchiveSource>(zip);
}

}  // namespace

void ArchiveSource::list_members(const std::vector<std::string>& stored_names) {
  std::vector<std::string> wanted;
  std::copy_if(stored_names.begin(), stored_names.end(), std::back_inserter(wanted),
               [](const std::string& name) { return !is_clutter(name); });
  root_ = common_root_folder(wanted);
  members_.clear();
  for (const std::string& name : wanted) members_.push_back(name.substr(root_.size()));
}

std::optional<std::string> ArchiveSource::find_member(std::string_view name) const {
  if (std::find(members_.begin(), members_.end(), name) != members_.end()) {
    return std::string(name);
  }
  std::optional<std::string> match;
  for (const std::string& member : members_) {
    if (!equal_ignoring_case(member, name)) continue;
    if (match) return std::nullopt;  // ambiguous: two members differ only in case
    match = member;
  }
  return match;
}

std::variant<std::string, ArchiveError> ArchiveSource::read_member(const std::string& member,
                                                                   std::size_t max_bytes) const {
  auto opened = open_member(member);
  if (auto* error = std::get_if<ArchiveError>(&opened)) return *error;
  ByteStream& stream = *std::get<std::unique_ptr<ByteStream>>(opened);
  std::string text;
  std::array<char, 16384> chunk;
  while (std::size_t got = stream.read(chunk)) {
    text.append(chunk.data(), got);
    if (text.size() > max_bytes) {
      return ArchiveError{member, "is larger than " + std::to_string(max_bytes) + " bytes"};
    }
  }
  if (stream.error()) return *stream.error();
  return text;
}

std::variant<std::unique_ptr<ArchiveSource>, ArchiveError> open_archive_source(
    const std::filesystem::path& path) {
  std::string name = path.filename().string();
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return std::make_unique<FolderArchiveSource>(path);
  }
  if (!std::filesystem::is_regular_file(path, error)) {
    return ArchiveError{name, "does not exist or is not a file or folder"};
  }
  switch (sniff_file_kind(path)) {
    case FileKind::zip:
      return open_zip(path);
    case FileKind::gzip:
      // A tar reader is not in the stack; GBIF and IPT publish zips, so this is rare.
      return ArchiveError{name,
                          "is a gzip (.tar.gz / .tgz) archive, which is not supported; unpack it "
                          "into a folder or repack it as .zip"};
    case FileKind::other:
      break;
  }
  if (path.extension() == ".zip") return ArchiveError{name, "is not a zip archive"};
  return std::make_unique<SingleFileSource>(path);
}

}  // namespace bsap::biodata
