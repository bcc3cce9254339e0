// One column of a block of records, packed into bytes: the embedded store keeps the hub's
// occurrences as blocks of a batch's records, each column a value of its own, not as a row each
// (decision 0013 §13). A column holds values of one kind (text, integer or real), each perhaps
// NULL. The packing is pure.
//
// Format: a kind byte ('T', 'I' or 'R'); the number of values as a varint; a bitmap of the NULLs
// (bit i of byte i / 8, set when value i is NULL); then each value that is not NULL, in order:
// text as its length (varint) and its bytes, integers zigzag-encoded as varints, reals as their
// 8 bytes, little-endian.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bsap::store {

enum class ColumnKind : char { text = 'T', integer = 'I', real = 'R' };

class ColumnPacker {
 public:
  explicit ColumnPacker(ColumnKind kind) : kind_(kind) {}
  // The value's kind must be the column's.
  void add(std::optional<std::string_view> text);
  void add(std::optional<std::int64_t> integer);
  void add(std::optional<double> real);
  // The packed column, valid until the packer is used again; the packer starts a new column
  // afterwards, keeping its buffers, so that packing block after block allocates nothing.
  std::string_view finish();

 private:
  void add_null_bit(bool is_null);

  ColumnKind kind_;
  std::size_t count_ = 0;
  std::vector<unsigned char> nulls_;
  std::string values_, packed_;
};

// A packed column, read back. Throws std::invalid_argument on bytes ColumnPacker did not write.
class PackedColumn {
 public:
  explicit PackedColumn(std::string bytes);

  ColumnKind kind() const { return kind_; }
  std::size_t size() const { return nulls_.size(); }
  bool is_null(std::size_t row) const { return nulls_[row] != 0; }
  // The value of a row that is not NULL, of the column's kind.
  std::string_view text(std::size_t row) const;
  std::int64_t integer(std::size_t row) const { return integers_[row]; }
  double real(std::size_t row) const { return reals_[row]; }
  // What it holds in memory, about.
  std::size_t memory_bytes() const;

 private:
  std::string bytes_;
  ColumnKind kind_ = ColumnKind::text;
  std::vector<char> nulls_;
  // One slot per row, NULL or not: where a text starts in bytes_ and its length; the numbers.
  std::vector<std::uint32_t> text_at_, text_size_;
  std::vector<std::int64_t> integers_;
  std::vector<double> reals_;
};

}  // namespace bsap::store
