#include "outputs/template_loader.hpp"

#include "jinja/error.hpp"

namespace samrapport::outputs {

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

std::optional<std::string> ChainLoader::load(std::string_view name) const {
  for (const auto& loader : loaders_) {
    if (auto source = loader->load(name)) return source;
  }
  return std::nullopt;
}

std::shared_ptr<const jinja::Loader> make_template_loader(const std::vector<std::string>& dirs) {
  std::vector<std::shared_ptr<const jinja::Loader>> chain;
  if (!dirs.empty()) {
    std::vector<std::filesystem::path> paths(dirs.begin(), dirs.end());
    chain.push_back(std::make_shared<jinja::FileSystemLoader>(paths));
  }
  std::shared_ptr<const SourceTree> embedded = open_embedded("templates");
  if (embedded) chain.push_back(std::make_shared<SourceTreeLoader>(embedded));
  return std::make_shared<ChainLoader>(std::move(chain));
}

}  // namespace samrapport::outputs
