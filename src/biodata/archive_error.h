// The one error value of the Darwin Core Archive reader: which file is at fault and what is
// wrong with it. A broken archive stops an import with this message; a bad row never does (see
// row_fault.h).
#pragma once
#include <string>

namespace bsap::biodata {

struct ArchiveError {
  std::string file;    // "meta.xml", "occurrence.txt", or the archive itself
  std::string reason;  // "extension has no <coreid>"
  // "meta.xml: extension has no <coreid>"
  std::string message() const;
};

}  // namespace bsap::biodata
