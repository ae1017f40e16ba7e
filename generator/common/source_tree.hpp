// A read-only tree of text files: a directory on disk, or files embedded in the binary.
//
// The default content/ and templates/ are compiled into samrapport, so that every
// command works without --content or --templates, from any working directory.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samrapport {

class SourceTree {
 public:
  virtual ~SourceTree() = default;
  /// How paths in this tree are shown to the user, e.g. "content" or "/tmp/x/content".
  [[nodiscard]] virtual std::string display_root() const = 0;
  /// Relative paths ("arrangements/helse.yaml") of the entries directly in `dir` ("" = the
  /// root) whose names end with `suffix` (hidden names left out), sorted by byte order. On
  /// disk these are all such entries, files or not: read() says why one is not a file.
  [[nodiscard]] virtual std::vector<std::string> list(std::string_view dir,
                                                      std::string_view suffix) const = 0;
  /// The file's bytes, or nullopt when it does not exist. Anything else that keeps it from
  /// being read throws std::runtime_error "PATH: REASON": permission denied, a broken
  /// symbolic link, a symbolic link loop, a directory, not a regular file (FIFO, socket,
  /// device; never opened, so a FIFO cannot block), larger than the limit.
  [[nodiscard]] virtual std::optional<std::string> read(std::string_view relative) const = 0;
  /// `display_root()/relative`, for diagnostics.
  [[nodiscard]] std::string display_path(std::string_view relative) const;
};

/// A directory on disk. Files larger than `max_file_bytes` are refused by read()
/// with std::runtime_error naming the file.
std::unique_ptr<SourceTree> open_directory(const std::string& dir,
                                           std::size_t max_file_bytes = 64u << 20);

/// One of the trees compiled into the binary: "content" or "templates".
/// Returns nullptr for an unknown name.
std::unique_ptr<SourceTree> open_embedded(std::string_view name);

}  // namespace samrapport
