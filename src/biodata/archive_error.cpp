#include "biodata/archive_error.h"

namespace bsap::biodata {

std::string ArchiveError::message() const { return file + ": " + reason; }

}  // namespace bsap::biodata
