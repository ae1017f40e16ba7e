// Where a product's templates come from, most specific first: the user's --templates
// folders, then the templates compiled into samrapport. A name without '/' is looked up as
// <product>/<lang>/NAME, <product>/NAME, lib/<lang>/NAME, lib/NAME (in every source before
// the next candidate), so a product's nynorsk folder overrides its shared files and the
// user's folders override everything; errors name the file that was found.
#pragma once

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "common/source_tree.hpp"
#include "jinja/loader.hpp"

namespace samrapport::products {

/// A jinja::Loader over a SourceTree (used for the embedded templates). Names with
/// `..`, a leading '/' or a backslash are refused like the filesystem loader does.
class SourceTreeLoader final : public jinja::Loader {
 public:
  explicit SourceTreeLoader(std::shared_ptr<const SourceTree> tree) : tree_(std::move(tree)) {}
  std::optional<std::string> load(std::string_view name) const override;

 private:
  std::shared_ptr<const SourceTree> tree_;
};

/// The templates of one product in one language.
class ProductLoader final : public jinja::Loader {
 public:
  /// `user_dirs` (searched first, in order), then the embedded templates.
  ProductLoader(const std::vector<std::string>& user_dirs, std::string product_folder,
                std::string lang);
  std::optional<std::string> load(std::string_view name) const override;
  std::string resolve(std::string_view name) const override;

  /// The names this loader took from the user's folders.
  [[nodiscard]] std::set<std::string> used_user_files() const;

 private:
  [[nodiscard]] std::vector<std::string> candidates(std::string_view name) const;

  std::shared_ptr<const jinja::Loader> user_;
  std::shared_ptr<const jinja::Loader> embedded_;
  std::string product_;
  std::string lang_;
  mutable std::mutex mutex_;
  mutable std::set<std::string> used_user_;
};

/// Every template compiled into samrapport ("report/kap3.md.j2", "lib/report.j2" ...).
std::vector<std::string> embedded_template_names();

/// Checks the user's --templates folders: each must be an existing folder (throws
/// std::runtime_error otherwise).
void check_template_dirs(const std::vector<std::string>& dirs);

/// The files in the user's folders that no build loaded, each with the closest embedded
/// template name: "DIR/report/kap33.md.j2: overrides no template; did you mean
/// 'report/kap3.md.j2'?".
std::vector<std::string> unused_template_overrides(const std::vector<std::string>& dirs,
                                                   const std::set<std::string>& used);

}  // namespace samrapport::products
