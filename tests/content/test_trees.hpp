// Source trees for the content tests: files held in memory, and a case directory laid
// over a base directory (the bad-content corpus).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/source_tree.hpp"

namespace samrapport::testing {

/// Files in memory, shown under `root` (default "content").
class MemoryTree final : public SourceTree {
 public:
  explicit MemoryTree(std::map<std::string, std::string> files, std::string root = "content")
      : files_(std::move(files)), root_(std::move(root)) {}
  void set(const std::string& relative, std::string bytes) { files_[relative] = std::move(bytes); }
  void remove(const std::string& relative) { files_.erase(relative); }

  [[nodiscard]] std::string display_root() const override { return root_; }
  [[nodiscard]] std::vector<std::string> list(std::string_view dir,
                                              std::string_view suffix) const override;
  [[nodiscard]] std::optional<std::string> read(std::string_view relative) const override;

 private:
  std::map<std::string, std::string> files_;
  std::string root_;
};

/// Reads every regular file under `dir` (recursively) into a map keyed by relative path.
std::map<std::string, std::string> read_directory(const std::filesystem::path& dir);

/// The files of `base` with those of `overlay` laid over them; `deleted` lists files of
/// `base` to leave out. Files named expected.txt and deleted.txt in `overlay` are not
/// content.
MemoryTree overlay_tree(const std::filesystem::path& base, const std::filesystem::path& overlay);

/// Loads the content of `tree` and returns the diagnostics as printed (with the count).
std::string check_output(const SourceTree& tree, unsigned threads = 0);

}  // namespace samrapport::testing
