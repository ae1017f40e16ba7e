#include "common/source_tree.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "common/embedded_files.hpp"

namespace samrapport {

namespace fs = std::filesystem;

std::string SourceTree::display_path(std::string_view relative) const {
  std::string root = display_root();
  if (root.empty()) return std::string(relative);
  if (root.back() != '/') root += '/';
  return root + std::string(relative);
}

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Why an entry of a content directory cannot be read as a file, from lstat/stat/open
// errors and file types; throws std::runtime_error "PATH: REASON".
[[noreturn]] void refuse(const std::string& shown, const std::string& reason) {
  throw std::runtime_error(shown + ": " + reason);
}

std::string errno_reason(int err) {
  switch (err) {
    case EACCES:
    case EPERM:
      return "permission denied";
    case ELOOP:
      return "symbolic link loop (too many levels of symbolic links)";
    case ENOENT:
      return "broken symbolic link (its target does not exist)";
    case EISDIR:
      return "is a directory, not a file";
    case ENAMETOOLONG:
      return "file name too long";
    default:
      return std::error_code(err, std::generic_category()).message();
  }
}

std::string type_reason(mode_t mode) {
  if (S_ISDIR(mode)) return "is a directory, not a file";
  if (S_ISFIFO(mode)) return "not a regular file (a FIFO)";
  if (S_ISSOCK(mode)) return "not a regular file (a socket)";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "not a regular file (a device)";
  return "not a regular file";
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

class DiskTree final : public SourceTree {
 public:
  DiskTree(std::string root, std::size_t max_bytes) : root_(std::move(root)), max_(max_bytes) {}

  std::string display_root() const override { return root_; }

  // Every entry named *suffix (files, and whatever else is named so: read() then says why
  // it is not a file), so that nothing in the content is skipped without a word.
  std::vector<std::string> list(std::string_view dir, std::string_view suffix) const override {
    std::vector<std::string> out;
    std::error_code ec;
    const fs::path base = dir.empty() ? fs::path(root_) : fs::path(root_) / fs::path(dir);
    for (fs::directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') continue;
      if (!ends_with(name, suffix)) continue;
      out.push_back(dir.empty() ? name : std::string(dir) + "/" + name);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  std::optional<std::string> read(std::string_view relative) const override {
    const std::string p = (fs::path(root_) / fs::path(relative)).string();
    const std::string shown = display_path(relative);
    struct stat link {};
    if (::lstat(p.c_str(), &link) != 0) {
      if (errno == ENOENT || errno == ENOTDIR) return std::nullopt;  // missing
      refuse(shown, errno_reason(errno));
    }
    struct stat target = link;
    if (S_ISLNK(link.st_mode) && ::stat(p.c_str(), &target) != 0) {
      refuse(shown, errno_reason(errno));  // broken link or loop
    }
    // The type is checked before opening, and the file opened without blocking, so that a
    // FIFO named *.yaml cannot stop the run.
    if (!S_ISREG(target.st_mode)) refuse(shown, type_reason(target.st_mode));
    Fd f;
    f.fd = ::open(p.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (f.fd < 0) refuse(shown, errno_reason(errno));
    struct stat st {};
    if (::fstat(f.fd, &st) != 0) refuse(shown, errno_reason(errno));
    if (!S_ISREG(st.st_mode)) refuse(shown, type_reason(st.st_mode));  // replaced meanwhile
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    if (size > max_) {
      refuse(shown, "file is " + std::to_string(size) + " bytes; the limit is " +
                        std::to_string(max_) + " bytes");
    }
    std::string data(static_cast<std::size_t>(size), '\0');
    std::size_t done = 0;
    while (done < data.size()) {
      const ssize_t n = ::read(f.fd, data.data() + done, data.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) refuse(shown, errno_reason(errno));
      if (n == 0) break;
      done += static_cast<std::size_t>(n);
    }
    data.resize(done);
    return data;
  }

 private:
  std::string root_;
  std::size_t max_;
};

class EmbeddedTree final : public SourceTree {
 public:
  explicit EmbeddedTree(std::string name) : name_(std::move(name)) {}

  std::string display_root() const override { return "<embedded>/" + name_; }

  std::vector<std::string> list(std::string_view dir, std::string_view suffix) const override {
    std::vector<std::string> out;
    const std::string prefix = name_ + "/" + (dir.empty() ? "" : std::string(dir) + "/");
    for (const auto& f : embedded::files()) {
      std::string_view path = f.path;
      if (path.substr(0, prefix.size()) != prefix) continue;
      std::string_view rest = path.substr(prefix.size());
      if (rest.find('/') != std::string_view::npos || !ends_with(rest, suffix)) continue;
      out.emplace_back(path.substr(name_.size() + 1));
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  std::optional<std::string> read(std::string_view relative) const override {
    const std::string full = name_ + "/" + std::string(relative);
    for (const auto& f : embedded::files()) {
      if (f.path == full) return std::string(f.data, f.size);
    }
    return std::nullopt;
  }

 private:
  std::string name_;
};

}  // namespace

std::unique_ptr<SourceTree> open_directory(const std::string& dir, std::size_t max_file_bytes) {
  return std::make_unique<DiskTree>(dir, max_file_bytes);
}

std::unique_ptr<SourceTree> open_embedded(std::string_view name) {
  const std::string prefix = std::string(name) + "/";
  for (const auto& f : embedded::files()) {
    if (std::string_view(f.path).substr(0, prefix.size()) == prefix) {
      return std::make_unique<EmbeddedTree>(std::string(name));
    }
  }
  return nullptr;
}

}  // namespace samrapport
