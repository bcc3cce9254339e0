#include "core/password.h"

#include <sodium.h>

#include <stdexcept>

#include "core/crypto.h"

namespace bsap {

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char encoded[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(encoded, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("password hashing ran out of memory");
  }
  return encoded;
}

bool verify_password(std::string_view encoded_hash, std::string_view password) {
  ensure_sodium();
  // crypto_pwhash_str_verify reads a NUL-terminated string of bounded length.
  if (encoded_hash.size() >= crypto_pwhash_STRBYTES) return false;
  const std::string terminated(encoded_hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

}  // namespace bsap
