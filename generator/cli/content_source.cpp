#include "cli/content_source.hpp"

#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "content/reader.hpp"

namespace samrapport::cli {

std::unique_ptr<SourceTree> open_content(const std::string& dir, bool announce) {
  if (dir.empty()) {
    auto tree = open_embedded("content");
    if (!tree) throw std::runtime_error("this samrapport was built without default content");
    if (announce) std::cerr << "samrapport: note: " << kBuiltinContentNote << '\n';
    return tree;
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw std::runtime_error(dir + ": not a directory (expected a content directory)");
  }
  return open_directory(dir);
}

std::optional<content::Content> load_or_report(const SourceTree& tree, std::size_t warning_limit,
                                               Diagnostics* keep) {
  Diagnostics diags;
  content::Content c = content::load_content(tree, keep ? *keep : diags);
  if (keep) {
    if (keep->has_errors()) return std::nullopt;
    return c;
  }
  diags.sort();
  if (diags.has_errors() || diags.items().size() <= warning_limit) {
    diags.print(std::cerr);
    if (diags.has_errors()) return std::nullopt;
    return c;
  }
  std::size_t shown = 0;
  for (const auto& d : diags.items()) {
    if (shown++ == warning_limit) break;
    std::cerr << format_diagnostic(d) << '\n';
  }
  std::cerr << "samrapport: " << diags.items().size() - warning_limit
            << " more warnings (samrapport check lists them all)\n";
  return c;
}

}  // namespace samrapport::cli
