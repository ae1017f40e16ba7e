// Where templates come from: the user's template directories first (one file there
// overrides ours), then the templates compiled into samrapport.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/source_tree.hpp"
#include "jinja/loader.hpp"

namespace samrapport::outputs {

/// A jinja::Loader over a SourceTree (used for the embedded templates). Names with
/// `..`, a leading '/' or a backslash are refused like the filesystem loader does.
class SourceTreeLoader final : public jinja::Loader {
 public:
  explicit SourceTreeLoader(std::shared_ptr<const SourceTree> tree) : tree_(std::move(tree)) {}
  std::optional<std::string> load(std::string_view name) const override;

 private:
  std::shared_ptr<const SourceTree> tree_;
};

/// Tries each loader in order; the first that has the template wins.
class ChainLoader final : public jinja::Loader {
 public:
  explicit ChainLoader(std::vector<std::shared_ptr<const jinja::Loader>> loaders)
      : loaders_(std::move(loaders)) {}
  std::optional<std::string> load(std::string_view name) const override;

 private:
  std::vector<std::shared_ptr<const jinja::Loader>> loaders_;
};

/// The user's directories (searched first, in order), then the embedded templates.
std::shared_ptr<const jinja::Loader> make_template_loader(const std::vector<std::string>& dirs);

}  // namespace samrapport::outputs
