#include "web/templates.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace bsap::web {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read template " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TemplateSet TemplateSet::load(const std::filesystem::path& dir) {
  TemplateSet set;
  if (!std::filesystem::is_directory(dir))
    throw std::runtime_error("template folder not found: " + dir.string());
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".mustache") continue;
    std::string source = read_file(entry.path());
    kainjow::mustache::mustache parsed{source};
    if (!parsed.is_valid())
      throw std::runtime_error(entry.path().string() + ": " + parsed.error_message());
    std::string name = entry.path().stem().string();
    if (name.starts_with('_'))
      set.partials_.set(name.substr(1), kainjow::mustache::partial{[source] { return source; }});
    else
      set.sources_.emplace(name, std::move(source));
  }
  return set;
}

std::string TemplateSet::render(std::string_view name, const PageData& data) const {
  auto it = sources_.find(name);
  if (it == sources_.end()) throw std::out_of_range("no template named " + std::string(name));
  // kainjow's render is not const, so each render parses its own copy: a few microseconds for
  // templates this size, and no state shared between worker threads.
  kainjow::mustache::mustache page{it->second};
  kainjow::mustache::context<std::string> context{&partials_};
  context.push(&data);  // searched first; the partials stay underneath
  return page.render(context);
}

PageData text_list(const std::vector<std::string>& texts) {
  PageData list{PageData::type::list};
  for (const std::string& text : texts) {
    PageData row;
    row.set("text", text);
    list.push_back(row);
  }
  return list;
}

}  // namespace bsap::web
