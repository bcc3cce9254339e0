// What a page test asks of a page: whether its HTML holds a text, escaped as every {{value}} is,
// and whether it shows a catalogue text in a language.
#pragma once
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "core/messages.h"
#include "web/http_client.h"

namespace bsap::test {

inline const MessageCatalogue& catalogue() {
  static const SimplifiedConverter converter;
  static const MessageCatalogue messages = [] {
    std::ifstream in(std::string(BSAP_HOME_DIR) + "/data/i18n/messages.yaml");
    std::ostringstream text;
    text << in.rdbuf();
    return MessageCatalogue::from_yaml(text.str(), converter);
  }();
  return messages;
}

inline bool has(const HttpResponse& response, std::string_view text) {
  return response.body.find(text) != std::string::npos;
}

// A catalogue text as the page shows it: HTML-escaped, as every {{value}} is.
inline std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

inline bool shows(const HttpResponse& response, std::string_view key, Lang lang) {
  return has(response, escaped(catalogue().get(key, lang)));
}

}  // namespace bsap::test
