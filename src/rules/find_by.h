// The element of a list whose member `key` equals `wanted`: the lookup every registry of this
// module needs by code, letter, key or number.
#pragma once
#include <algorithm>
#include <vector>

namespace bsap::rules {

template <typename Entry, typename Key, typename Wanted>
const Entry* find_by(const std::vector<Entry>& entries, Key Entry::*key, const Wanted& wanted) {
  const auto found = std::find_if(entries.begin(), entries.end(),
                                  [&](const Entry& entry) { return entry.*key == wanted; });
  return found == entries.end() ? nullptr : &*found;
}

}  // namespace bsap::rules
