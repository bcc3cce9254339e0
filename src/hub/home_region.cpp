#include "hub/home_region.h"

#include <yaml-cpp/yaml.h>

#include <stdexcept>

namespace bsap::hub {

HomeRegion load_home_region(const std::filesystem::path& file) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(file.string());
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(file.string() + ": " + e.what());
  }
  auto number = [&](const char* key) {
    if (!root[key]) throw std::runtime_error(file.string() + ": '" + key + "' is missing");
    try {
      return root[key].as<double>();
    } catch (const YAML::Exception&) {
      throw std::runtime_error(file.string() + ": '" + key + "' is not a number");
    }
  };
  HomeRegion region{number("min_latitude"), number("max_latitude"), number("min_longitude"),
                    number("max_longitude"),
                    root["source"] ? root["source"].as<std::string>() : ""};
  if (region.min_lat >= region.max_lat || region.min_lon >= region.max_lon)
    throw std::runtime_error(file.string() + ": the minimum must be below the maximum");
  return region;
}

}  // namespace bsap::hub
