#include "common/source_tree.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
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

class DiskTree final : public SourceTree {
 public:
  DiskTree(std::string root, std::size_t max_bytes) : root_(std::move(root)), max_(max_bytes) {}

  std::string display_root() const override { return root_; }

  std::vector<std::string> list(std::string_view dir, std::string_view suffix) const override {
    std::vector<std::string> out;
    std::error_code ec;
    const fs::path base = dir.empty() ? fs::path(root_) : fs::path(root_) / fs::path(dir);
    for (fs::directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') continue;
      if (!ends_with(name, suffix)) continue;
      out.push_back(dir.empty() ? name : std::string(dir) + "/" + name);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  std::optional<std::string> read(std::string_view relative) const override {
    const fs::path p = fs::path(root_) / fs::path(relative);
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) return std::nullopt;
    const auto size = fs::file_size(p, ec);
    if (ec) return std::nullopt;
    if (size > max_) {
      throw std::runtime_error(display_path(relative) + ": file is " + std::to_string(size) +
                               " bytes; the limit is " + std::to_string(max_) + " bytes");
    }
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    std::string data(static_cast<std::size_t>(size), '\0');
    in.read(data.data(), static_cast<std::streamsize>(size));
    data.resize(static_cast<std::size_t>(in.gcount()));
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
