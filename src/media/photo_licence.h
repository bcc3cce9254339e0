// The licences a photographer may choose for an uploaded photograph (issue 11: "photographs
// with credits and licences"): the Creative Commons 4.0 family the hub's data use, and all rights
// reserved for a photograph lent only to be shown.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bsap::media {

enum class PhotoLicence { cc0, cc_by, cc_by_sa, cc_by_nc, all_rights_reserved };

const std::vector<PhotoLicence>& all_licences();

// SPDX identifiers where there is one: "CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0";
// "all-rights-reserved" otherwise.
std::string_view licence_code(PhotoLicence licence);
std::optional<PhotoLicence> parse_licence(std::string_view code);

// The message catalogue's key for the licence's name: "photo_licence_cc_by", ...
std::string licence_message_key(PhotoLicence licence);

}  // namespace bsap::media
