#include "test_trees.hpp"

#include <fstream>
#include <sstream>

#include "common/diagnostics.hpp"
#include "content/reader.hpp"

namespace samrapport::testing {

namespace fs = std::filesystem;

std::vector<std::string> MemoryTree::list(std::string_view dir, std::string_view suffix) const {
  std::vector<std::string> out;
  const std::string prefix = dir.empty() ? std::string() : std::string(dir) + "/";
  for (const auto& [path, bytes] : files_) {
    if (!path.starts_with(prefix)) continue;
    const std::string_view rest = std::string_view(path).substr(prefix.size());
    if (rest.find('/') != std::string_view::npos || !rest.ends_with(suffix)) continue;
    if (!rest.empty() && rest.front() == '.') continue;
    out.push_back(path);
  }
  return out;  // std::map keeps byte order
}

std::optional<std::string> MemoryTree::read(std::string_view relative) const {
  const auto it = files_.find(std::string(relative));
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

std::map<std::string, std::string> read_directory(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    files[fs::relative(entry.path(), dir).generic_string()] = bytes.str();
  }
  return files;
}

MemoryTree overlay_tree(const fs::path& base, const fs::path& overlay) {
  auto files = read_directory(base);
  auto top = read_directory(overlay);
  if (const auto it = top.find("deleted.txt"); it != top.end()) {
    std::istringstream lines(it->second);
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty()) files.erase(line);
    }
    top.erase(it);
  }
  top.erase("expected.txt");
  for (auto& [path, bytes] : top) files[path] = std::move(bytes);
  return MemoryTree(std::move(files));
}

std::string check_output(const SourceTree& tree, unsigned threads) {
  Diagnostics diags;
  content::LoadOptions options;
  options.threads = threads;
  (void)content::load_content(tree, diags, options);
  std::ostringstream out;
  diags.print(out);
  return out.str();
}

}  // namespace samrapport::testing
