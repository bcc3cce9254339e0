// What a new account must be, wherever one is made (the administrator's form, an applicant's
// registration): one rule, one place.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "core/lang.h"

namespace bsap::web {

inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::size_t kMaxNameLength = 100;

// Usernames go into audit records and the CLI, so they stay plain: 2–64 of a–z, 0–9, . _ -
bool is_valid_username(const std::string& username);

// An address mail could be sent to, as far as its form tells: one "@" with something before it,
// a dot in the domain after it, no spaces, at most 254 bytes (RFC 5321's limit). Whether the
// mailbox exists only a sent message can tell.
bool is_plausible_email(const std::string& email);

// The language a new account's notifications and e-mails are sent in (store::User::language):
// the one the person registered in.
std::string_view account_language_code(Lang lang);

}  // namespace bsap::web
