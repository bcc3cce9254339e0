// A stored photograph as an answer (issue 11). The route decides first whether the reader may
// see it; this only sets how it travels. Every stored photo is a JPEG that media/photo.h wrote.
#pragma once
#include <string>

#include "web/http_message.h"

namespace bsap::web {

// image/jpeg; "public, max-age=300" for a published photo, "private, no-store" for one that only
// its owner and the reviewers may see, so that no shared cache keeps it.
Response photo_response(std::string jpeg, bool is_public);

}  // namespace bsap::web
