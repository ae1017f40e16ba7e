#include "document/safety.hpp"

namespace samrapport::document {
namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equals_lower(std::string_view a, std::string_view lower_b) {
  if (a.size() != lower_b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower_b[i]) return false;
  }
  return true;
}

}  // namespace

bool allowed_url(std::string_view url) {
  for (const char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return false;  // browsers drop these, so "java\tscript:"
  }
  // A scheme is what comes before the first ':' when no '/', '?' or '#' comes first.
  const std::size_t end = url.find_first_of(":/?#");
  if (end == std::string_view::npos || url[end] != ':') return true;  // relative
  const std::string_view scheme = url.substr(0, end);
  for (const std::string_view ok : {"http", "https", "mailto", "tel"}) {
    if (equals_lower(scheme, ok)) return true;
  }
  return false;
}

std::string image_path_problem(std::string_view path) {
  if (path.empty()) return "the path is empty";
  if (path.front() == '/') return "an absolute path; give a path relative to the content";
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return "a control character";
    switch (c) {
      case '\\':
      case '{':
      case '}':
      case '$':
      case '&':
      case '#':
      case '^':
      case '_':
      case '%':
      case '~':
      case '"':
      case '\'':
      case '`':
      case '<':
      case '>':
      case '|':
        return std::string("the character '") + c + "' (TeX and HTML would read it as markup)";
      case ':':
        return "':' (a drive or URL scheme); give a path relative to the content";
      default:
        break;
    }
  }
  std::size_t begin = 0;
  while (begin <= path.size()) {
    std::size_t end = path.find('/', begin);
    if (end == std::string_view::npos) end = path.size();
    if (path.substr(begin, end - begin) == "..") return "'..' leaves the content directory";
    begin = end + 1;
  }
  if (path.back() == '/') return "names a directory, not a file";
  return {};
}

}  // namespace samrapport::document
