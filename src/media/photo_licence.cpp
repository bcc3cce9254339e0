#include "media/photo_licence.h"

#include <array>
#include <utility>

namespace bsap::media {
namespace {

constexpr std::array<std::pair<PhotoLicence, std::string_view>, 5> kCodes{{
    {PhotoLicence::cc0, "CC0-1.0"},
    {PhotoLicence::cc_by, "CC-BY-4.0"},
    {PhotoLicence::cc_by_sa, "CC-BY-SA-4.0"},
    {PhotoLicence::cc_by_nc, "CC-BY-NC-4.0"},
    {PhotoLicence::all_rights_reserved, "all-rights-reserved"},
}};

constexpr std::array<std::string_view, 5> kMessageKeys{
    "photo_licence_cc0", "photo_licence_cc_by", "photo_licence_cc_by_sa", "photo_licence_cc_by_nc",
    "photo_licence_all_rights_reserved"};

}  // namespace

const std::vector<PhotoLicence>& all_licences() {
  static const std::vector<PhotoLicence> licences = [] {
    std::vector<PhotoLicence> out;
    for (const auto& [licence, code] : kCodes) out.push_back(licence);
    return out;
  }();
  return licences;
}

std::string_view licence_code(PhotoLicence licence) {
  return kCodes[static_cast<std::size_t>(licence)].second;
}

std::optional<PhotoLicence> parse_licence(std::string_view code) {
  for (const auto& [licence, c] : kCodes)
    if (c == code) return licence;
  return std::nullopt;
}

std::string licence_message_key(PhotoLicence licence) {
  return std::string(kMessageKeys[static_cast<std::size_t>(licence)]);
}

}  // namespace bsap::media
