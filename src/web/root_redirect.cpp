// "/": sends the visitor to the home page in the language their browser prefers among ours,
// Traditional Chinese when it names none of them.
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "web/lang_path.h"
#include "web/pages.h"

namespace bsap::web {
namespace {

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::optional<Lang> lang_for_tag(std::string_view tag) {
  std::string lower = lowercase(tag);
  if (lower == "en" || lower.starts_with("en-")) return Lang::en;
  if (lower.starts_with("zh-hans") || lower == "zh-cn" || lower == "zh-sg") return Lang::zh_hans;
  if (lower == "zh" || lower.starts_with("zh-")) return Lang::zh_hant;
  return std::nullopt;
}

// The quality of "en;q=0.8" (0.8); 1 when absent; 0 when malformed, which ranks it last.
double quality(std::string_view parameters) {
  std::size_t at = parameters.find("q=");
  if (at == std::string_view::npos) return 1.0;
  try {
    return std::stod(std::string(parameters.substr(at + 2)));
  } catch (const std::exception&) {
    return 0.0;
  }
}

// The language of the highest-quality tag we serve; the first one wins a tie.
Lang preferred_language(std::string_view accept_language) {
  Lang best = Lang::zh_hant;
  double best_quality = 0.0;
  while (!accept_language.empty()) {
    std::size_t comma = accept_language.find(',');
    std::string_view item = accept_language.substr(0, comma);
    accept_language = comma == std::string_view::npos ? "" : accept_language.substr(comma + 1);
    std::size_t semicolon = item.find(';');
    std::string_view tag = item.substr(0, semicolon);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    double q = semicolon == std::string_view::npos ? 1.0 : quality(item.substr(semicolon + 1));
    auto lang = lang_for_tag(tag);
    if (lang && q > best_quality) {
      best = *lang;
      best_quality = q;
    }
  }
  return best;
}

}  // namespace

Response root_redirect(RequestContext& ctx) {
  Response response = redirect_see_other(
      with_language(preferred_language(ctx.request().header("Accept-Language")), "/"));
  response.add_header("Vary", "Accept-Language");
  return response;
}

}  // namespace bsap::web
