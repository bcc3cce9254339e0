#include "store/packed_column.h"

#include <bit>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace bsap::store {
namespace {

void put_varint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7f) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

std::uint64_t zigzag(std::int64_t value) {
  return (static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63);
}

std::int64_t unzigzag(std::uint64_t value) {
  return static_cast<std::int64_t>(value >> 1) ^ -static_cast<std::int64_t>(value & 1);
}

[[noreturn]] void malformed(std::string_view what) {
  throw std::invalid_argument("a packed column is malformed: " + std::string(what));
}

// Reads the packed bytes front to back, refusing to read past their end.
class Cursor {
 public:
  explicit Cursor(std::string_view bytes) : bytes_(bytes) {}

  std::size_t at() const { return at_; }
  bool at_end() const { return at_ == bytes_.size(); }

  unsigned char byte() {
    if (at_end()) malformed("it ends early");
    return static_cast<unsigned char>(bytes_[at_++]);
  }

  std::uint64_t varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      unsigned char b = byte();
      value |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return value;
    }
    malformed("a number is longer than 64 bits");
  }

  std::string_view take(std::uint64_t size) {
    if (size > bytes_.size() - at_) malformed("a value runs past its end");
    std::string_view out = bytes_.substr(at_, size);
    at_ += size;
    return out;
  }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

void require_kind(ColumnKind have, ColumnKind want) {
  if (have != want) throw std::logic_error("a value of another kind added to a packed column");
}

}  // namespace

void ColumnPacker::add_null_bit(bool is_null) {
  if (count_ % 8 == 0) nulls_.push_back(0);
  if (is_null) nulls_.back() |= static_cast<unsigned char>(1u << (count_ % 8));
  ++count_;
}

void ColumnPacker::add(std::optional<std::string_view> text) {
  require_kind(kind_, ColumnKind::text);
  add_null_bit(!text);
  if (!text) return;
  put_varint(values_, text->size());
  values_ += *text;
}

void ColumnPacker::add(std::optional<std::int64_t> integer) {
  require_kind(kind_, ColumnKind::integer);
  add_null_bit(!integer);
  if (integer) put_varint(values_, zigzag(*integer));
}

void ColumnPacker::add(std::optional<double> real) {
  require_kind(kind_, ColumnKind::real);
  add_null_bit(!real);
  if (!real) return;
  static_assert(std::endian::native == std::endian::little, "reals are packed little-endian");
  char bytes[sizeof(double)];
  std::memcpy(bytes, &*real, sizeof bytes);
  values_.append(bytes, sizeof bytes);
}

std::string_view ColumnPacker::finish() {
  packed_.assign(1, static_cast<char>(kind_));
  put_varint(packed_, count_);
  packed_.append(nulls_.begin(), nulls_.end());
  packed_ += values_;
  count_ = 0;
  nulls_.clear();
  values_.clear();
  return packed_;
}

PackedColumn::PackedColumn(std::string bytes) : bytes_(std::move(bytes)) {
  Cursor in(bytes_);
  unsigned char kind = in.byte();
  if (kind != 'T' && kind != 'I' && kind != 'R') malformed("its kind is unknown");
  kind_ = static_cast<ColumnKind>(kind);
  std::uint64_t count = in.varint();
  if (count > std::numeric_limits<std::uint32_t>::max()) malformed("it counts too many values");
  std::string_view bitmap = in.take((count + 7) / 8);
  nulls_.resize(count);
  for (std::size_t row = 0; row < count; ++row)
    nulls_[row] = static_cast<char>((static_cast<unsigned char>(bitmap[row / 8]) >> (row % 8)) & 1);
  if (kind_ == ColumnKind::text) {
    text_at_.assign(count, 0);
    text_size_.assign(count, 0);
  } else if (kind_ == ColumnKind::integer) {
    integers_.assign(count, 0);
  } else {
    reals_.assign(count, 0);
  }
  for (std::size_t row = 0; row < count; ++row) {
    if (nulls_[row]) continue;
    if (kind_ == ColumnKind::text) {
      std::uint64_t size = in.varint();
      std::size_t at = in.at();
      in.take(size);
      text_at_[row] = static_cast<std::uint32_t>(at);
      text_size_[row] = static_cast<std::uint32_t>(size);
    } else if (kind_ == ColumnKind::integer) {
      integers_[row] = unzigzag(in.varint());
    } else {
      std::memcpy(&reals_[row], in.take(sizeof(double)).data(), sizeof(double));
    }
  }
  if (!in.at_end()) malformed("bytes follow its last value");
}

std::size_t PackedColumn::memory_bytes() const {
  return sizeof(*this) + bytes_.capacity() + nulls_.capacity() +
         (text_at_.capacity() + text_size_.capacity()) * sizeof(std::uint32_t) +
         integers_.capacity() * sizeof(std::int64_t) + reals_.capacity() * sizeof(double);
}

std::string_view PackedColumn::text(std::size_t row) const {
  return std::string_view(bytes_).substr(text_at_[row], text_size_[row]);
}

}  // namespace bsap::store
