// Output folders that are never half-written, never lost, and only ever replace what
// samrapport made.
//
//   OUT/.samrapport.lock          held (flock) by the one build writing into OUT
//   OUT/.samrapport-staging/...   staged folders of the running build; leftovers of builds
//                                 that were killed are removed by the next build
//   OUT/<folder>/                 a product's output, with its manifest
//   OUT/<folder>/.samrapport-output   which product made it and which files each format
//                                 wrote, one per line (the marker that makes it replaceable)
//
// A build stages the whole folder, carries over the files of the old folder that it does
// not rebuild (another format, a file the user put there), and swaps the staged folder with
// the old one in one atomic exchange (renameat2 RENAME_EXCHANGE): a reader sees either the
// old or the new folder, never none, whatever moment the build is killed at.
#pragma once

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace samrapport {

/// An output folder that may not be written (not made by samrapport, holds the content ...)
/// or an output directory another build is writing.
class OutputRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Which product made a folder and which files each of its formats wrote.
struct OutputManifest {
  static constexpr std::string_view kFileName = ".samrapport-output";

  std::string product;
  std::map<std::string, std::set<std::string>> files;  // format -> relative paths

  /// The manifest of `folder`; nullopt when it has none. Throws OutputRefused when the
  /// manifest is there but unreadable or not samrapport's.
  static std::optional<OutputManifest> read(const std::filesystem::path& folder);
  [[nodiscard]] std::string to_text() const;
};

/// The exclusive right to write into one output directory, for the life of the object.
class OutputLock {
 public:
  /// Creates `out_dir` when missing, takes OUT/.samrapport.lock without waiting (throws
  /// OutputRefused "another build is writing OUT" when it is held), and removes what
  /// killed builds left in OUT/.samrapport-staging.
  explicit OutputLock(std::filesystem::path out_dir);
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  [[nodiscard]] const std::filesystem::path& out_dir() const { return out_dir_; }
  [[nodiscard]] const std::filesystem::path& staging_root() const { return staging_root_; }

 private:
  std::filesystem::path out_dir_;
  std::filesystem::path staging_root_;
  int fd_ = -1;
};

/// Throws OutputRefused unless `target` may be replaced by a build of `product`: it does not
/// exist, or it is a directory with samrapport's manifest; and it is not, and does not hold,
/// any of `protected_paths` (the content, the template folders, the working directory).
void check_replaceable(const std::filesystem::path& target, std::string_view product,
                       const std::vector<std::filesystem::path>& protected_paths);

/// One product's folder, staged under the lock's staging root and swapped into place whole.
/// Destroyed without commit(): the staging is removed and the target is left as it was.
class StagedFolder {
 public:
  StagedFolder(const OutputLock& lock, std::filesystem::path target, std::string product);
  ~StagedFolder();
  StagedFolder(const StagedFolder&) = delete;
  StagedFolder& operator=(const StagedFolder&) = delete;

  /// Writes `relative` (subfolders allowed, never leaving the folder), owned by `format`.
  /// Thread-safe, as is adopt().
  void write(std::string_view relative, std::string_view bytes, std::string_view format);
  /// Records a file that a tool (latexmk) put into staging() itself as owned by `format`.
  void adopt(std::string_view relative, std::string_view format);
  /// Where files are staged, for tools that write by themselves.
  [[nodiscard]] const std::filesystem::path& staging() const { return staging_; }
  [[nodiscard]] const std::filesystem::path& target() const { return target_; }

  /// Carries over every file of the current target that the `rebuilt` formats do not own,
  /// writes the merged manifest and swaps the staged folder with the target atomically.
  void commit(const std::set<std::string>& rebuilt);

 private:
  void carry_over(const std::set<std::string>& rebuilt);

  std::filesystem::path target_;
  std::filesystem::path staging_;
  std::mutex mutex_;  // write() and adopt() may be called from several threads
  OutputManifest manifest_;
};

}  // namespace samrapport
