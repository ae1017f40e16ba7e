#include "products/template_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "common/embedded_files.hpp"
#include "content/suggest.hpp"
#include "jinja/error.hpp"

namespace samrapport::products {

namespace fs = std::filesystem;

std::optional<std::string> SourceTreeLoader::load(std::string_view name) const {
  const bool refused = name.empty() || name.front() == '/' ||
                       name.find('\\') != std::string_view::npos ||
                       name.find("..") != std::string_view::npos;
  if (refused) {
    throw jinja::TemplateError(jinja::ErrorKind::Security,
                               "template name '" + std::string(name) +
                                   "' is refused: names are relative and may not contain '..'");
  }
  return tree_->read(name);
}

ProductLoader::ProductLoader(const std::vector<std::string>& user_dirs, std::string product_folder,
                             std::string lang)
    : product_(std::move(product_folder)), lang_(std::move(lang)) {
  if (!user_dirs.empty()) {
    std::vector<fs::path> paths(user_dirs.begin(), user_dirs.end());
    user_ = std::make_shared<jinja::FileSystemLoader>(paths);
  }
  std::shared_ptr<const SourceTree> embedded = open_embedded("templates");
  if (embedded) embedded_ = std::make_shared<SourceTreeLoader>(embedded);
}

std::vector<std::string> ProductLoader::candidates(std::string_view name) const {
  const std::string n(name);
  if (n.find('/') != std::string::npos) return {n};
  return {product_ + "/" + lang_ + "/" + n, product_ + "/" + n, "lib/" + lang_ + "/" + n,
          "lib/" + n};
}

// The user's folders are searched (most specific name first) before any built-in template:
// a user's report/kap3.md.j2 overrides the built-in report/nb/kap3.md.j2 in every language.
std::string ProductLoader::resolve(std::string_view name) const {
  const auto names = candidates(name);
  if (user_) {
    for (const auto& c : names) {
      if (user_->load(c)) return c;
    }
  }
  if (embedded_) {
    for (const auto& c : names) {
      if (embedded_->load(c)) return c;
    }
  }
  return names.back();
}

std::optional<std::string> ProductLoader::load(std::string_view name) const {
  const auto names = candidates(name);
  if (user_) {
    for (const auto& c : names) {
      if (auto source = user_->load(c)) {
        std::lock_guard lock(mutex_);
        used_user_.insert(c);
        return source;
      }
    }
  }
  if (embedded_) {
    for (const auto& c : names) {
      if (auto source = embedded_->load(c)) return source;
    }
  }
  return std::nullopt;
}

std::set<std::string> ProductLoader::used_user_files() const {
  std::lock_guard lock(mutex_);
  return used_user_;
}

std::vector<std::string> embedded_template_names() {
  std::vector<std::string> out;
  constexpr std::string_view prefix = "templates/";
  for (const auto& f : embedded::files()) {
    const std::string_view p(f.path);
    if (p.starts_with(prefix)) out.emplace_back(p.substr(prefix.size()));
  }
  return out;
}

void check_template_dirs(const std::vector<std::string>& dirs) {
  for (const auto& d : dirs) {
    std::error_code ec;
    const auto st = fs::status(d, ec);
    if (!fs::exists(st)) throw std::runtime_error(d + ": no such folder (given with --templates)");
    if (!fs::is_directory(st))
      throw std::runtime_error(d + ": not a folder (--templates takes a folder of templates)");
  }
}

std::vector<std::string> unused_template_overrides(const std::vector<std::string>& dirs,
                                                   const std::set<std::string>& used) {
  std::vector<std::string> known = embedded_template_names();
  // A product's language-folder template (report/nb/kap3.md.j2) can also be overridden for
  // every language at once (report/kap3.md.j2).
  const std::size_t n_embedded = known.size();
  for (std::size_t i = 0; i < n_embedded; ++i) {
    const std::string k = known[i];
    const auto first = k.find('/');
    const auto second = first == std::string::npos ? first : k.find('/', first + 1);
    if (second == std::string::npos || k.compare(0, first, "lib") == 0) continue;
    const std::string alias = k.substr(0, first + 1) + k.substr(second + 1);
    if (std::find(known.begin(), known.end(), alias) == known.end()) known.push_back(alias);
  }
  std::vector<std::string> out;
  for (const auto& d : dirs) {
    std::error_code ec;
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(d, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      files.push_back(it->path().lexically_relative(d).generic_string());
    }
    std::sort(files.begin(), files.end());
    for (const auto& rel : files) {
      if (used.count(rel)) continue;
      bool overrides = false;
      for (const auto& k : known) overrides = overrides || k == rel;
      // A file named like a built-in one that this build did not need (another product's)
      // is fine; a name that matches nothing is most likely misspelt.
      if (overrides) continue;
      out.push_back((fs::path(d) / rel).string() +
                    ": overrides no template and no template loads it" +
                    content::did_you_mean(content::closest(rel, known)));
    }
  }
  return out;
}

}  // namespace samrapport::products
