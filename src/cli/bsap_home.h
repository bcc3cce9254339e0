// Where the program finds data/, templates/ and static/: $BSAP_HOME, else the source tree the
// program was built from (so `build/bsap` works from a checkout with no set-up).
#pragma once
#include <filesystem>

namespace bsap::cli {

std::filesystem::path bsap_home();
std::filesystem::path bsap_data_dir();  // bsap_home() / "data"

}  // namespace bsap::cli
