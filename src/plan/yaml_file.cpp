#include "plan/yaml_file.h"

#include <fstream>
#include <sstream>

namespace bsap::plan {

PlanLoadError syntax_error(const std::filesystem::path& path, const YAML::Exception& error) {
  return {path.string(), error.mark.is_null() ? 0 : error.mark.line + 1, "", error.msg};
}

YAML::Node read_yaml(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw PlanLoadError{path.string(), 0, "", "cannot read the file"};
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return YAML::Load(text.str());
  } catch (const YAML::Exception& error) {
    throw syntax_error(path, error);
  }
}

}  // namespace bsap::plan
