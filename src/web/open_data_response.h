// An open-data file's response (/open-data/...): the same for every visitor and free of any
// session, so caches and other sites' scripts may read it; a publication shows within five
// minutes. CSV files are RFC 4180 without a byte-order mark.
#pragma once
#include <string>

#include "web/http_message.h"

namespace bsap::web {

// disposition: "inline; filename=\"x.json\"" or "attachment; filename=\"x.csv\"".
Response open_data_response(std::string content_type, std::string body, std::string disposition);

}  // namespace bsap::web
