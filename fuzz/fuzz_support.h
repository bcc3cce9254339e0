// What the fuzz targets share: cutting one input into pieces, and a scratch folder for the
// loaders that read files rather than text.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace bsap::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The input cut at each "\n---\n": several texts in one input (meta.xml and a data file, the
// terms of a record). Missing pieces are empty.
inline std::vector<std::string_view> split_pieces(std::string_view input, std::size_t count) {
  constexpr std::string_view kSeparator = "\n---\n";
  std::vector<std::string_view> pieces;
  while (pieces.size() + 1 < count) {
    const std::size_t at = input.find(kSeparator);
    if (at == std::string_view::npos) break;
    pieces.push_back(input.substr(0, at));
    input.remove_prefix(at + kSeparator.size());
  }
  pieces.push_back(input);
  pieces.resize(count);
  return pieces;
}

// Takes the first byte of the input as a selector (0 for an empty input).
inline std::uint8_t take_byte(std::string_view& input) {
  if (input.empty()) return 0;
  const auto byte = static_cast<std::uint8_t>(input.front());
  input.remove_prefix(1);
  return byte;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << stream.rdbuf();
  return bytes.str();
}

inline void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A folder of its own under the system's temporary folder, removed at exit.
class ScratchFolder {
 public:
  explicit ScratchFolder(const std::string& name) {
    std::string pattern = (std::filesystem::temp_directory_path() / (name + "-XXXXXX")).string();
    path_ = ::mkdtemp(pattern.data()) ? std::filesystem::path(pattern) : std::filesystem::path();
    if (path_.empty()) std::abort();
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The repository's folder (for the real data files the file loaders need around the fuzzed one).
inline std::filesystem::path source_dir() { return BSAP_SOURCE_DIR; }

}  // namespace bsap::fuzz
