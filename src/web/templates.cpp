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

void check_parses(const std::filesystem::path& file, const std::string& source) {
  kainjow::mustache::mustache parsed{source};
  if (!parsed.is_valid()) throw std::runtime_error(file.string() + ": " + parsed.error_message());
}

using Sources = std::map<std::string, std::string, std::less<>>;

// Partials nest (a partial may include another); deeper than this is a cycle.
constexpr int kMaxPartialDepth = 8;

// The source with every {{>name}} replaced by the partial's own source, expanded in turn.
// kainjow parses a partial's text again each time it is included, so a partial inside a section
// was parsed once per row: the budget part's 41 fields took 80 ms a page. Expanded once at load,
// each page is one template, parsed once per render.
std::string expanded(const std::string& source, const Sources& partials, const std::string& file,
                     int depth = 0) {
  if (depth > kMaxPartialDepth)
    throw std::runtime_error(file + ": partials include one another in a cycle");
  std::string out;
  std::size_t from = 0;
  for (std::size_t at; (at = source.find("{{>", from)) != std::string::npos;) {
    const std::size_t close = source.find("}}", at);
    if (close == std::string::npos) break;  // check_parses has refused such a template already
    out.append(source, from, at - from);
    std::string name = source.substr(at + 3, close - at - 3);
    std::erase(name, ' ');
    const auto partial = partials.find(name);
    if (partial == partials.end())
      throw std::runtime_error(file + ": no partial named " + name + " (templates/_" + name +
                               ".mustache)");
    out += expanded(partial->second, partials, file, depth + 1);
    from = close + 2;
  }
  out.append(source, from);
  return out;
}

}  // namespace

TemplateSet TemplateSet::load(const std::filesystem::path& dir) {
  if (!std::filesystem::is_directory(dir))
    throw std::runtime_error("template folder not found: " + dir.string());
  Sources pages, partials;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".mustache") continue;
    std::string source = read_file(entry.path());
    check_parses(entry.path(), source);
    const std::string name = entry.path().stem().string();
    if (name.starts_with('_'))
      partials.emplace(name.substr(1), std::move(source));
    else
      pages.emplace(name, std::move(source));
  }
  TemplateSet set;
  for (auto& [name, source] : pages)
    set.sources_.emplace(name, expanded(source, partials, (dir / (name + ".mustache")).string()));
  return set;
}

std::string TemplateSet::render(std::string_view name, const PageData& data) const {
  auto it = sources_.find(name);
  if (it == sources_.end()) throw std::out_of_range("no template named " + std::string(name));
  // kainjow's render is not const, so each render parses its own copy (partials already expanded
  // in it): no state shared between worker threads.
  kainjow::mustache::mustache page{it->second};
  return page.render(data);
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
