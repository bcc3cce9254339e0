// SOCI reports database failures as soci::soci_error; outside store/ they are StoreError, so that
// callers need not know SOCI and the CLI maps them to its "store failed" exit code.
#pragma once
#include <soci/error.h>

#include <string>
#include <string_view>

#include "store/store.h"

namespace bsap::store {

// Runs work and returns its result; a SOCI error comes out as StoreError("<doing>: <reason>").
template <typename Work>
auto translate_soci_errors(std::string_view doing, Work&& work) -> decltype(work()) {
  try {
    return work();
  } catch (const soci::soci_error& e) {
    std::string reason = e.get_error_message();
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) reason.pop_back();
    throw StoreError(std::string(doing) + ": " + reason);
  }
}

}  // namespace bsap::store
