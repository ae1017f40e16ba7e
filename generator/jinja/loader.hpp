// Template loaders: where Environment::get_template finds sources by name.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samrapport::jinja {

class Loader {
 public:
  virtual ~Loader() = default;
  /// The source of template `name`, or nullopt when there is no such template.
  /// May throw TemplateError (Security) for names that are refused.
  virtual std::optional<std::string> load(std::string_view name) const = 0;
  /// The name the template loaded as `name` is known by: its errors name it, and it selects
  /// the escaper. Loaders that look a short name up in several places return the place
  /// that has it ("eierskap/nn/melding.md.j2" for "melding.md.j2"); by default, `name`.
  virtual std::string resolve(std::string_view name) const { return std::string(name); }
};

/// Templates held in memory (tests, the conformance runner, embedded templates).
class DictLoader final : public Loader {
 public:
  DictLoader() = default;
  explicit DictLoader(std::map<std::string, std::string, std::less<>> templates)
      : templates_(std::move(templates)) {}
  void add(std::string name, std::string source) {
    templates_[std::move(name)] = std::move(source);
  }
  std::optional<std::string> load(std::string_view name) const override;

 private:
  std::map<std::string, std::string, std::less<>> templates_;
};

/// Templates from a list of directories, searched in order. Names use '/' and are relative
/// to a directory; names with `..`, absolute names and files (or symlinks) that resolve to a
/// place outside the directory are refused with a Security error.
class FileSystemLoader final : public Loader {
 public:
  explicit FileSystemLoader(std::vector<std::filesystem::path> directories);
  std::optional<std::string> load(std::string_view name) const override;

 private:
  std::vector<std::filesystem::path> dirs_;  // canonical
};

/// Splits a template name into its path segments ('.' and empty segments dropped);
/// throws TemplateError (Security) for absolute names and `..`.
std::vector<std::string> split_template_name(std::string_view name);

}  // namespace samrapport::jinja
