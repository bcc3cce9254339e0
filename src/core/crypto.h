// Small cryptographic helpers over libsodium: random tokens for sessions and CSRF, and SHA-256
// for storing a token's digest instead of the token itself.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace bsap {

// Initialises libsodium once (thread-safe, idempotent); every helper here calls it first.
// Throws std::runtime_error when libsodium cannot initialise.
void ensure_sodium();

// `bytes` bytes from the operating system's CSPRNG, encoded base64url without padding, so the
// token can go in a cookie or a URL unescaped (32 bytes -> 43 characters).
std::string random_token(std::size_t bytes);

// Standard base64 with padding (RFC 4648 §4), as MIME bodies and encoded words use it.
std::string base64_encode(std::string_view bytes);

// Lower-case hex SHA-256 of text (64 characters).
std::string sha256_hex(std::string_view text);

}  // namespace bsap
