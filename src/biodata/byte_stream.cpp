#include "biodata/byte_stream.h"

#include <algorithm>

namespace bsap::biodata {

namespace {

class StringStream final : public ByteStream {
 public:
  explicit StringStream(std::string bytes) : bytes_(std::move(bytes)) {}

  std::size_t read(std::span<char> buffer) override {
    std::size_t count = std::min(buffer.size(), bytes_.size() - offset_);
    std::copy_n(bytes_.data() + offset_, count, buffer.data());
    offset_ += count;
    return count;
  }
  const std::optional<ArchiveError>& error() const override { return no_error_; }

 private:
  std::string bytes_;
  std::size_t offset_ = 0;
  std::optional<ArchiveError> no_error_;
};

}  // namespace

std::unique_ptr<ByteStream> make_string_stream(std::string bytes) {
  return std::make_unique<StringStream>(std::move(bytes));
}

}  // namespace bsap::biodata
