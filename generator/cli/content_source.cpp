#include "cli/content_source.hpp"

#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "content/reader.hpp"

namespace samrapport::cli {

std::unique_ptr<SourceTree> open_content(const std::string& dir) {
  if (dir.empty()) {
    auto tree = open_embedded("content");
    if (!tree) throw std::runtime_error("this samrapport was built without default content");
    return tree;
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw std::runtime_error(dir + ": not a directory (expected a content directory)");
  }
  return open_directory(dir);
}

std::optional<content::Content> load_or_report(const SourceTree& tree) {
  Diagnostics diags;
  content::Content c = content::load_content(tree, diags);
  diags.sort();
  diags.print(std::cerr);
  if (diags.has_errors()) return std::nullopt;
  return c;
}

}  // namespace samrapport::cli
