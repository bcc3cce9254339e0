// What a request's query string, form body and Cookie header carry: percent_decode,
// FormData::parse, the `next` redirect check and find_cookie. The input is
// "QUERY-OR-FORM\n---\nCOOKIE-HEADER".
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_support.h"
#include "web/cookies.h"
#include "web/url.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto pieces = bsap::fuzz::split_pieces(bsap::fuzz::as_text(data, size), 2);
  const std::string_view form = pieces[0];

  for (const bool plus_is_space : {false, true}) {
    const auto decoded = bsap::web::percent_decode(form, plus_is_space);
    if (!decoded) continue;
    if (decoded->find('\0') != std::string::npos) std::abort();  // an encoded NUL is refused
    // Encoding and decoding again gives the same text.
    const auto again = bsap::web::percent_decode(bsap::web::percent_encode(*decoded));
    if (!again || *again != *decoded) std::abort();
    (void)bsap::web::is_safe_local_path(*decoded);
  }
  const bsap::web::FormData fields = bsap::web::FormData::parse(form);
  const std::string next = fields.get("next");
  if (bsap::web::is_safe_local_path(next) && (next.empty() || next[0] != '/')) std::abort();
  (void)fields.all("site_codes");

  const auto session = bsap::web::find_cookie(pieces[1], "bsap_session");
  if (session) (void)bsap::web::session_cookie("bsap_session", *session, {true, false});
  return 0;
}
