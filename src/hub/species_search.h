// The species search (issue 9 §5) in all three scripts of the pages (ARCHITECTURE.md principle
// 7): the checklist holds Hong Kong Traditional names, and a reader of /zh-hans/ types
// Simplified. Both sides are made Simplified with OpenCC's hk2s before they are compared, because
// the other way is ambiguous: Simplified 白腹海雕 is 白腹海雕 to OpenCC's s2hk, while Hong Kong
// writes 白腹海鵰; every Traditional form has one Simplified form.
#pragma once
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/messages.h"
#include "store/bio_query_repo.h"

namespace bsap::hub {

// The checklist's Chinese names in Simplified, kept between searches and made again when the
// audit log's head hash changes: every change of a taxon is audited, so several servers over one
// database stay right, and the hash tells one database from another, so one index serves any
// store the process opens. Thread-safe.
class SimplifiedNameIndex {
 public:
  // The accepted taxa whose Chinese name contains text, both compared in Simplified.
  std::vector<std::int64_t> find(store::Transaction& tx, const SimplifiedConverter& converter,
                                 std::string_view text);

 private:
  struct Name {
    std::int64_t accepted_id = 0;
    std::string simplified;
  };
  std::mutex mutex_;
  std::string version_;  // the audit head hash the names were read at
  std::vector<Name> names_;
};

// store::search_species, and the taxa whose Chinese name the text matches in Simplified.
std::vector<store::TaxonHit> search_species(store::Transaction& tx, SimplifiedNameIndex& names,
                                            const SimplifiedConverter& converter,
                                            std::string_view text, int limit);

}  // namespace bsap::hub
