#include "cli/bsap_home.h"

#include <cstdlib>

namespace bsap::cli {

std::filesystem::path bsap_home() {
  const char* home = std::getenv("BSAP_HOME");
  return std::filesystem::path(home && *home ? home : BSAP_DEFAULT_HOME);
}

std::filesystem::path bsap_data_dir() { return bsap_home() / "data"; }

}  // namespace bsap::cli
