#include "rules/ruleset_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "core/crypto.h"
#include "rules/rule_catalogue.h"
#include "rules/rule_references.h"
#include "rules/section_readers.h"
#include "rules/yaml_cursor.h"

namespace bsap::rules {
namespace {

namespace fs = std::filesystem;

const char* const kRequiredFiles[] = {
    "project_types.yaml", "limits.yaml",         "applicants.yaml", "budget.yaml",
    "assessment.yaml",    "implementation.yaml", "sites.yaml"};

// Thrown inside this file only; the public functions return it as a value.
struct LoadFailure {
  RulesLoadError error;
};

[[noreturn]] void refuse(const fs::path& file, int line, std::string key, std::string reason) {
  throw LoadFailure{{file.string(), line, std::move(key), std::move(reason)}};
}

std::string read_bytes(const fs::path& file) {
  std::ifstream stream(file, std::ios::binary);
  if (!stream) refuse(file, 0, "", "cannot be read");
  std::ostringstream bytes;
  bytes << stream.rdbuf();
  return bytes.str();
}

// Runs `step` on `file`'s content, turning the faults it throws into a LoadFailure for `file`.
template <typename Step>
auto in_file(const fs::path& file, Step&& step) {
  try {
    return step();
  } catch (const YamlFault& fault) {
    refuse(file, fault.line, fault.key, fault.reason);
  } catch (const YAML::Exception& error) {
    refuse(file, error.mark.is_null() ? 0 : error.mark.line + 1, "", error.msg);
  }
}

struct SourceFile {
  fs::path path;
  std::string bytes;
  YAML::Node document;
};

SourceFile read_source(const fs::path& path) {
  const fs::path normal = path.lexically_normal();
  std::string bytes = read_bytes(normal);
  YAML::Node document = in_file(normal, [&] { return YAML::Load(bytes); });
  return {normal, std::move(bytes), document};
}

class FolderLoader {
 public:
  explicit FolderLoader(const fs::path& folder) : folder_(folder) {}

  std::shared_ptr<const Ruleset> load() {
    read_header(add_source(folder_ / "ruleset.yaml"));
    read_file_list();
    for (const std::string& name : order_)
      in_file(source(name).path,
              [&] { catalogue_document(source(name).document, name, catalogue_); });
    check_references();
    read_typed_rules();
    ruleset_.entries = std::move(catalogue_.entries);
    ruleset_.fingerprint = fingerprint();
    return std::make_shared<const Ruleset>(std::move(ruleset_));
  }

  int version_line() const { return version_line_; }
  fs::path header_path() const { return (folder_ / "ruleset.yaml").lexically_normal(); }

 private:
  const SourceFile& add_source(const fs::path& path) {
    const std::string name = path.filename().string();
    order_.push_back(name);
    return sources_.emplace(name, read_source(path)).first->second;
  }

  // version (text, never a number: "1.10" is not "1.1"), effective_from, title.
  void read_header(const SourceFile& header) {
    in_file(header.path, [&] {
      const YamlCursor root(header.document, "");
      const YamlCursor version = root["version"];
      if (is_plain_scalar(version.node())) version.fail("write the version in quotes, as text");
      if (folder_.filename() != "ruleset-" + version.text())
        version.fail("the folder of version " + version.text() + " must be named ruleset-" +
                     version.text());
      ruleset_.version = version.text();
      version_line_ = version.line();
      ruleset_.effective_from = root["effective_from"].date();
      ruleset_.title = root["title"].bilingual();
      ruleset_.folder = folder_.string();
    });
  }

  void read_file_list() {
    const fs::path header = header_path();
    const auto files = in_file(
        header, [&] { return YamlCursor(source("ruleset.yaml").document, "")["files"].items(); });
    for (const YamlCursor& file : files) {
      const std::string relative = in_file(header, [&] { return file.text(); });
      if (sources_.contains(fs::path(relative).filename().string()))
        refuse(header, file.line(), file.path(), "'" + relative + "' is listed twice");
      add_source(folder_ / relative);
    }
    for (const char* required : kRequiredFiles)
      if (!sources_.contains(required))
        refuse(header, 0, "files", std::string("the ruleset must list ") + required);
  }

  void check_references() {
    Documents documents;
    for (const auto& [name, source] : sources_) documents.emplace(name, source.document);
    if (auto fault = check_see_references(catalogue_.see, documents)) refuse_in_source(*fault);
  }

  // The references name files as the ruleset does ("limits.yaml"); messages give the path.
  [[noreturn]] void refuse_in_source(RulesLoadError fault) const {
    fault.file = source(fault.file).path.string();
    throw LoadFailure{std::move(fault)};
  }

  const SourceFile& source(const std::string& name) const { return sources_.at(name); }

  template <typename Reader>
  void read_typed(const std::string& name, Reader&& reader) {
    const SourceFile& file = source(name);
    in_file(file.path, [&] { reader(YamlCursor(file.document, "")); });
  }

  // A file's readers run inside one read_typed, so a fault names that file.
  void read_typed_rules() {
    read_typed("sites.yaml", [&](const YamlCursor& document) {
      ruleset_.sites = std::make_shared<const SiteRegistry>(read_site_registry(document));
    });
    read_typed("project_types.yaml", [&](const YamlCursor& document) {
      read_project_types(document, *ruleset_.sites, ruleset_);
      read_application_site_rules(document, ruleset_);
    });
    check_applies_to();
    read_typed("limits.yaml", [&](const YamlCursor& document) {
      read_limits(document, ruleset_);
      read_public_opening(document, ruleset_);
    });
    read_typed("budget.yaml", [&](const YamlCursor& document) {
      read_budget(document, ruleset_);
      read_prohibited_sponsors(document, ruleset_);
    });
    read_typed("assessment.yaml", [&](const YamlCursor& document) {
      read_assessment(document, *ruleset_.sites, ruleset_);
    });
    read_typed("applicants.yaml",
               [&](const YamlCursor& document) { read_applicants(document, ruleset_); });
    read_typed("implementation.yaml", [&](const YamlCursor& document) {
      read_suspension_grounds(document, ruleset_);
      read_application_kpis(document, ruleset_);
    });
  }

  void check_applies_to() {
    std::vector<std::string> keys;
    for (const ProjectType& type : ruleset_.project_types) keys.push_back(type.key);
    if (auto fault = check_project_type_references(catalogue_.applies_to, keys))
      refuse_in_source(*fault);
  }

  // The files in the order listed, each with its name, so that any edit changes the print.
  std::string fingerprint() const {
    std::string all;
    for (const std::string& name : order_) all += name + '\0' + source(name).bytes + '\0';
    return sha256_hex(all);
  }

  fs::path folder_;
  std::map<std::string, SourceFile> sources_;  // by file name
  std::vector<std::string> order_;             // file names as listed
  Catalogue catalogue_;
  Ruleset ruleset_;
  int version_line_ = 0;
};

std::vector<fs::path> ruleset_folders(const fs::path& data_dir) {
  const fs::path ccfs = data_dir / "ccfs";
  std::error_code error;
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(ccfs, error))
    if (entry.is_directory() && entry.path().filename().string().starts_with("ruleset-"))
      folders.push_back(entry.path());
  if (folders.empty()) refuse(ccfs, 0, "", "no ruleset-<version> folder");
  std::sort(folders.begin(), folders.end());
  return folders;
}

std::string conflict_reason(RegistryConflict conflict) {
  return conflict == RegistryConflict::same_version
             ? "another folder has the same version"
             : "another version takes effect on the same date";
}

// A yaml-cpp fault outside any one file's step (a bug here rather than in the data): refused as
// a value all the same, so no exception leaves the module.
RulesLoadError unexpected_fault(const fs::path& where, const YAML::Exception& error) {
  return {where.string(), 0, "", error.what()};
}

}  // namespace

std::variant<std::shared_ptr<const Ruleset>, RulesLoadError> load_ruleset(
    const std::filesystem::path& folder) {
  try {
    return FolderLoader(folder).load();
  } catch (const LoadFailure& failure) {
    return failure.error;
  } catch (const YAML::Exception& error) {
    return unexpected_fault(folder, error);
  }
}

std::variant<RulesetRegistry, RulesLoadError> load_rulesets(const std::filesystem::path& data_dir) {
  try {
    RulesetRegistry registry;
    for (const fs::path& folder : ruleset_folders(data_dir)) {
      FolderLoader loader(folder);
      if (const auto conflict = registry.add(loader.load()))
        refuse(loader.header_path(), loader.version_line(), "version", conflict_reason(*conflict));
    }
    return registry;
  } catch (const LoadFailure& failure) {
    return failure.error;
  } catch (const YAML::Exception& error) {
    return unexpected_fault(data_dir, error);
  }
}

}  // namespace bsap::rules
