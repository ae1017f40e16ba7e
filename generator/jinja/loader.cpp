#include "jinja/loader.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

#include "jinja/error.hpp"

namespace samrapport::jinja {

namespace fs = std::filesystem;

std::optional<std::string> DictLoader::load(std::string_view name) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> split_template_name(std::string_view name) {
  if (name.empty()) throw_error(ErrorKind::NotFound, "empty template name");
  if (name.front() == '/' || name.front() == '\\' || (name.size() > 1 && name[1] == ':')) {
    throw_error(ErrorKind::Security, "template name '" + std::string(name) +
                                         "' is absolute; names are relative to the template "
                                         "directories");
  }
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find('/', start);
    if (end == std::string_view::npos) end = name.size();
    std::string_view part = name.substr(start, end - start);
    if (part == "..") {
      throw_error(ErrorKind::Security,
                  "template name '" + std::string(name) + "' leaves the template directories");
    }
    if (part.find('\\') != std::string_view::npos || part.find('\0') != std::string_view::npos) {
      throw_error(ErrorKind::Security,
                  "template name '" + std::string(name) + "' contains a forbidden character");
    }
    if (!part.empty() && part != ".") parts.emplace_back(part);
    start = end + 1;
  }
  if (parts.empty()) throw_error(ErrorKind::NotFound, "empty template name");
  return parts;
}

FileSystemLoader::FileSystemLoader(std::vector<fs::path> directories) {
  for (auto& d : directories) {
    std::error_code ec;
    fs::path c = fs::weakly_canonical(d, ec);
    dirs_.push_back(ec ? d : c);
  }
}

namespace {

bool is_within(const fs::path& dir, const fs::path& p) {
  auto d = dir.begin();
  auto q = p.begin();
  for (; d != dir.end(); ++d, ++q) {
    if (d->empty()) continue;  // trailing separator
    if (q == p.end() || *d != *q) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> FileSystemLoader::load(std::string_view name) const {
  std::vector<std::string> parts = split_template_name(name);
  for (const auto& dir : dirs_) {
    fs::path p = dir;
    for (const auto& part : parts) p /= part;
    std::error_code ec;
    if (!fs::exists(p, ec)) continue;
    fs::path real = fs::canonical(p, ec);
    if (ec) continue;
    if (!is_within(dir, real)) {
      throw_error(ErrorKind::Security, "template '" + std::string(name) +
                                           "' resolves to a file outside the template "
                                           "directories");
    }
    if (!fs::is_regular_file(real, ec)) continue;
    std::ifstream in(real, std::ios::binary);
    if (!in) continue;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  return std::nullopt;
}

}  // namespace samrapport::jinja
