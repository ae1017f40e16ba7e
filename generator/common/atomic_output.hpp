// Outputs that are never half-written: files go into a staging directory beside the
// target and the whole directory replaces the target in one rename at commit().
// If commit() is not reached (an error, an exception), the staging directory is removed
// and the target is left as it was.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace samrapport {

class StagedDirectory {
 public:
  /// Prepares `<target>.tmp-<pid>` (removed first if left over).
  explicit StagedDirectory(std::filesystem::path target);
  ~StagedDirectory();
  StagedDirectory(const StagedDirectory&) = delete;
  StagedDirectory& operator=(const StagedDirectory&) = delete;

  /// Writes `relative` (may contain subdirectories) inside the staging directory.
  void write(std::string_view relative, std::string_view bytes);
  /// Where files are staged, for tools (latexmk) that write by themselves.
  [[nodiscard]] const std::filesystem::path& staging() const { return staging_; }
  [[nodiscard]] const std::filesystem::path& target() const { return target_; }

  /// Replaces `target` by the staged directory.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool committed_ = false;
};

/// Writes one file atomically: a temporary file in the same directory, then rename().
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace samrapport
