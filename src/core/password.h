// Password hashing with argon2id (libsodium's crypto_pwhash, interactive limits). The encoded
// string carries its own salt and parameters, so stronger limits later still verify old hashes.
#pragma once
#include <string>
#include <string_view>

namespace bsap {

// The encoded argon2id hash ("$argon2id$v=19$m=...") of password, with a fresh random salt.
// Throws std::runtime_error if the system cannot spare the memory the hash needs.
std::string hash_password(std::string_view password);

// True when password matches encoded_hash; false for a wrong password or a malformed hash.
bool verify_password(std::string_view encoded_hash, std::string_view password);

}  // namespace bsap
