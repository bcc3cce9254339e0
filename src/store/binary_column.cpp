#include "store/binary_column.h"

#include <fmt/format.h>

namespace bsap::store {
namespace {

std::string to_hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char byte : bytes) {
    hex.push_back(kDigits[byte >> 4]);
    hex.push_back(kDigits[byte & 0x0F]);
  }
  return hex;
}

int hex_value(char digit, std::string_view what) {
  if (digit >= '0' && digit <= '9') return digit - '0';
  if (digit >= 'a' && digit <= 'f') return digit - 'a' + 10;
  if (digit >= 'A' && digit <= 'F') return digit - 'A' + 10;
  throw StoreError(fmt::format("{}'s content came back from the database damaged (not hex)", what));
}

std::string from_hex(std::string_view hex, std::string_view what) {
  std::string bytes;
  bytes.reserve(hex.size() / 2);
  for (std::size_t at = 0; at + 1 < hex.size(); at += 2)
    bytes.push_back(
        static_cast<char>(hex_value(hex[at], what) * 16 + hex_value(hex[at + 1], what)));
  return bytes;
}

}  // namespace

std::string binary_parameter_sql(Backend backend, std::string_view name) {
  if (backend == Backend::postgres) return fmt::format("decode(:{}, 'hex')", name);
  return fmt::format("CAST(:{} AS BLOB)", name);
}

std::string binary_parameter(Backend backend, std::string_view bytes) {
  if (backend == Backend::postgres) return to_hex(bytes);
  return std::string(bytes);
}

std::string binary_column_sql(Backend backend, std::string_view column) {
  if (backend == Backend::postgres) return fmt::format("encode({}, 'hex')", column);
  return std::string(column);
}

std::string binary_from_column(Backend backend, std::string selected, std::string_view what) {
  if (backend == Backend::postgres) return from_hex(selected, what);
  return selected;
}

}  // namespace bsap::store
