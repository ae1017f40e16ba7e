#include <algorithm>
#include <cstring>

#include "jinja/html_entities.hpp"
#include "jinja/unicode.hpp"

namespace samrapport::jinja {

namespace {

const char* find_entity(std::string_view name) {
  const html_data::Entity* begin = html_data::kEntities;
  const html_data::Entity* end = begin + html_data::kEntityCount;
  const html_data::Entity* it = std::lower_bound(
      begin, end, name, [](const html_data::Entity& e, std::string_view n) { return e.name < n; });
  if (it != end && it->name == name) return it->value;
  return nullptr;
}

// Windows-1252 replacements for numeric references in 0x80-0x9F, as html.unescape does.
char32_t invalid_charref(std::uint32_t num, bool* found) {
  static const struct {
    std::uint32_t from;
    char32_t to;
  } table[] = {{0x00, 0xFFFD}, {0x0D, '\r'},   {0x80, 0x20AC}, {0x81, 0x81},   {0x82, 0x201A},
               {0x83, 0x0192}, {0x84, 0x201E}, {0x85, 0x2026}, {0x86, 0x2020}, {0x87, 0x2021},
               {0x88, 0x02C6}, {0x89, 0x2030}, {0x8A, 0x0160}, {0x8B, 0x2039}, {0x8C, 0x0152},
               {0x8D, 0x8D},   {0x8E, 0x017D}, {0x8F, 0x8F},   {0x90, 0x90},   {0x91, 0x2018},
               {0x92, 0x2019}, {0x93, 0x201C}, {0x94, 0x201D}, {0x95, 0x2022}, {0x96, 0x2013},
               {0x97, 0x2014}, {0x98, 0x02DC}, {0x99, 0x2122}, {0x9A, 0x0161}, {0x9B, 0x203A},
               {0x9C, 0x0153}, {0x9D, 0x9D},   {0x9E, 0x017E}, {0x9F, 0x0178}};
  for (const auto& e : table) {
    if (e.from == num) {
      *found = true;
      return e.to;
    }
  }
  *found = false;
  return 0;
}

bool invalid_codepoint(std::uint32_t n) {
  return (n >= 0x1 && n <= 0x8) || n == 0xB || (n >= 0xE && n <= 0x1F) ||
         (n >= 0x7F && n <= 0x9F) || (n >= 0xFDD0 && n <= 0xFDEF) || (n & 0xFFFE) == 0xFFFE;
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

}  // namespace

std::string html_unescape(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    std::size_t j = i + 1;
    if (j < s.size() && s[j] == '#') {
      bool hex = j + 1 < s.size() && (s[j + 1] == 'x' || s[j + 1] == 'X');
      std::size_t k = j + (hex ? 2 : 1);
      std::size_t start = k;
      while (k < s.size() && (hex ? is_hex(s[k]) : (s[k] >= '0' && s[k] <= '9'))) ++k;
      if (k == start) {
        out += s[i++];
        continue;
      }
      std::uint64_t num = 0;
      for (std::size_t d = start; d < k; ++d) {
        char c = s[d];
        int v = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
        num = num * (hex ? 16 : 10) + static_cast<std::uint64_t>(v);
        if (num > 0x10FFFFFULL) num = 0x110000;
      }
      if (k < s.size() && s[k] == ';') ++k;
      bool found = false;
      char32_t rep = invalid_charref(static_cast<std::uint32_t>(num), &found);
      if (found) {
        unicode::append_utf8(out, rep);
      } else if ((num >= 0xD800 && num <= 0xDFFF) || num > 0x10FFFF) {
        unicode::append_utf8(out, 0xFFFD);
      } else if (!invalid_codepoint(static_cast<std::uint32_t>(num))) {
        unicode::append_utf8(out, static_cast<char32_t>(num));
      }
      i = k;
      continue;
    }
    // named reference: [^\t\n\f <&#;]{1,32};?
    std::size_t k = j;
    while (k < s.size() && k - j < 32 && std::strchr("\t\n\f <&#;", s[k]) == nullptr) ++k;
    if (k == j) {
      out += s[i++];
      continue;
    }
    if (k < s.size() && s[k] == ';') ++k;
    std::string_view name = s.substr(j, k - j);
    if (const char* v = find_entity(name)) {
      out += v;
      i = k;
      continue;
    }
    bool matched = false;
    for (std::size_t x = name.size() - 1; x > 1; --x) {
      if (const char* v = find_entity(name.substr(0, x))) {
        out += v;
        out += name.substr(x);
        matched = true;
        break;
      }
    }
    if (!matched) {
      out += '&';
      out += name;
    }
    i = k;
  }
  return out;
}

}  // namespace samrapport::jinja
