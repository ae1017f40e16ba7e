#include "content/suggest.hpp"

#include <algorithm>
#include <cstdint>

namespace samrapport::content {

namespace {

/// Decodes UTF-8 into code points, folding ASCII and Æ/Ø/Å (and a few accented
/// letters) to lower case. Invalid bytes are kept as themselves.
std::u32string folded(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    char32_t cp = c;
    std::size_t len = 1;
    if (c >= 0xC0 && c < 0xE0 && i + 1 < s.size()) {
      cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
      len = 2;
    } else if (c >= 0xE0 && c < 0xF0 && i + 2 < s.size()) {
      cp = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3F);
      len = 3;
    } else if (c >= 0xF0 && i + 3 < s.size()) {
      cp = ((c & 0x07) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 12) |
           ((static_cast<unsigned char>(s[i + 2]) & 0x3F) << 6) |
           (static_cast<unsigned char>(s[i + 3]) & 0x3F);
      len = 4;
    }
    if (cp >= U'A' && cp <= U'Z') cp += 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 32;  // Latin-1 capitals: Æ Ø Å É ...
    out.push_back(cp);
    i += len;
  }
  return out;
}

/// Norwegian letters as written without them: aa -> å, ae -> æ, oe -> ø.
std::u32string transliterated(const std::u32string& s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i + 1 < s.size()) {
      const char32_t a = s[i];
      const char32_t b = s[i + 1];
      if (a == U'a' && b == U'a') {
        out.push_back(0xE5);
        ++i;
        continue;
      }
      if (a == U'a' && b == U'e') {
        out.push_back(0xE6);
        ++i;
        continue;
      }
      if (a == U'o' && b == U'e') {
        out.push_back(0xF8);
        ++i;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

std::size_t levenshtein(const std::u32string& a, const std::u32string& b, std::size_t limit) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<std::size_t> prev(m + 1);
  std::vector<std::size_t> cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[m], limit + 1);
}

std::size_t char_count(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

std::size_t edit_distance(std::string_view a_bytes, std::string_view b_bytes, std::size_t limit) {
  const std::u32string a = folded(a_bytes);
  const std::u32string b = folded(b_bytes);
  const std::size_t plain = levenshtein(a, b, limit);
  if (plain == 0) return 0;
  return std::min(plain, levenshtein(transliterated(a), transliterated(b), limit));
}

std::size_t suggestion_limit(std::size_t chars) {
  if (chars <= 3) return 1;
  if (chars <= 6) return 2;
  return 3;
}

std::optional<std::string> closest(std::string_view word,
                                   std::span<const std::string_view> candidates) {
  const std::size_t limit = suggestion_limit(char_count(word));
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const std::string_view c : candidates) {
    const std::size_t d = edit_distance(word, c, std::min(limit, best_distance));
    if (d < best_distance) {
      best_distance = d;
      best = std::string(c);
      if (d == 0) break;
    }
  }
  return best;
}

std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
  std::vector<std::string_view> views(candidates.begin(), candidates.end());
  return closest(word, std::span<const std::string_view>(views));
}

std::string did_you_mean(const std::optional<std::string>& suggestion) {
  return suggestion ? "; did you mean '" + *suggestion + "'?" : std::string();
}

std::string join_list(std::span<const std::string_view> items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += items[i];
  }
  return out;
}

}  // namespace samrapport::content
