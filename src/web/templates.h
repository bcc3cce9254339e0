// The Mustache templates under templates/: one file per page, a shared layout, and partials
// (files whose names start with '_', included as {{>name}} without the underscore, and expanded
// into the pages when they are loaded).
// kainjow escapes every {{value}} for HTML; only {{{content}}} in the layout is raw.
#pragma once
#include <filesystem>
#include <kainjow/mustache.hpp>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace bsap::web {

using PageData = kainjow::mustache::data;

// A list of {text} rows, for {{#list}}<li>{{text}}</li>{{/list}}.
PageData text_list(const std::vector<std::string>& texts);

class TemplateSet {
 public:
  // Reads every *.mustache in dir and checks that each parses; throws std::runtime_error
  // naming the file and the fault, so a broken template stops the server at start.
  static TemplateSet load(const std::filesystem::path& dir);

  // Renders template name (without ".mustache"); throws std::out_of_range for an unknown name.
  std::string render(std::string_view name, const PageData& data) const;

 private:
  // Each page's source with its partials expanded into it.
  std::map<std::string, std::string, std::less<>> sources_;
};

}  // namespace bsap::web
