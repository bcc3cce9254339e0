#include "core/crypto.h"

#include <sodium.h>

#include <array>
#include <stdexcept>
#include <vector>

namespace bsap {

void ensure_sodium() {
  // sodium_init() is itself thread-safe and returns 1 once already initialised; the static only
  // spares the call on every token.
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not initialise");
}

namespace {

std::string encode(const unsigned char* bytes, std::size_t size, int variant) {
  ensure_sodium();
  std::string encoded(sodium_base64_ENCODED_LEN(size, variant), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), bytes, size, variant);
  encoded.resize(encoded.find('\0'));  // the encoded length counts the terminating NUL
  return encoded;
}

}  // namespace

std::string random_token(std::size_t bytes) {
  ensure_sodium();
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string encoded = encode(raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(raw.data(), raw.size());
  return encoded;
}

std::string base64_encode(std::string_view bytes) {
  return encode(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                sodium_base64_VARIANT_ORIGINAL);
}

std::string sha256_hex(std::string_view text) {
  ensure_sodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()),
                     text.size());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();  // the NUL sodium_bin2hex writes
  return hex;
}

}  // namespace bsap
