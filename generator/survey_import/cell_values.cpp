#include "survey_import/cell_values.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace samrapport::survey_import {

namespace {

/// Length of the whitespace sequence at s[i] (ASCII space, tab, line breaks, U+00A0,
/// U+2009, U+202F), or 0.
std::size_t space_at(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
  if (s.substr(i, 2) == "\xC2\xA0") return 2;
  if (s.substr(i, 3) == "\xE2\x80\x89" || s.substr(i, 3) == "\xE2\x80\xAF") return 3;
  return 0;
}

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

struct Piece {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Splits `s` at any of `seps` (compared ignoring ASCII case), keeping byte ranges.
std::vector<Piece> split_pieces(std::string_view s, const std::vector<std::string_view>& seps) {
  std::vector<Piece> out;
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 0;
    for (std::string_view sep : seps) {
      if (i + sep.size() <= s.size() && iequals_ascii(s.substr(i, sep.size()), sep)) {
        len = sep.size();
        break;
      }
    }
    if (len == 0) {
      ++i;
      continue;
    }
    out.push_back({start, i});
    i += len;
    start = i;
  }
  out.push_back({start, s.size()});
  return out;
}

/// The longest runs of consecutive pieces that `find` accepts, left to right. A run never
/// spans more than kMaxSpan pieces (names and labels have few separators in them).
template <class Find>
auto greedy_match(std::string_view s, const std::vector<std::string_view>& seps, Find find,
                  std::string& bad)
    -> std::optional<std::vector<typename decltype(find(s))::value_type>> {
  constexpr std::size_t kMaxSpan = 16;
  using Value = typename decltype(find(s))::value_type;
  const std::vector<Piece> pieces = split_pieces(s, seps);
  std::vector<Value> out;
  std::size_t i = 0;
  while (i < pieces.size()) {
    const std::string_view first = s.substr(pieces[i].begin, pieces[i].end - pieces[i].begin);
    if (normalize_space(first).empty()) {
      ++i;
      continue;
    }
    bool matched = false;
    const std::size_t last = std::min(pieces.size(), i + kMaxSpan);
    for (std::size_t j = last; j-- > i;) {
      const std::string_view run = s.substr(pieces[i].begin, pieces[j].end - pieces[i].begin);
      if (auto v = find(run)) {
        out.push_back(*v);
        i = j + 1;
        matched = true;
        break;
      }
    }
    if (!matched) {
      bad = normalize_space(first);
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace

std::string normalize_space(std::string_view s) {
  std::string out;
  bool pending_space = false;
  std::size_t i = 0;
  while (i < s.size()) {
    if (const std::size_t n = space_at(s, i)) {
      pending_space = !out.empty();
      i += n;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += s[i++];
  }
  return out;
}

std::string fold(std::string_view s) {
  const std::string norm = normalize_space(s);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(norm);
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string trim(std::string_view s) {
  std::size_t b = 0;
  while (b < s.size()) {
    const std::size_t n = space_at(s, b);
    if (n == 0) break;
    b += n;
  }
  std::size_t e = s.size();
  while (e > b) {
    // Step back over one whitespace sequence, if the text ends with one.
    std::size_t n = 0;
    for (std::size_t len : {1u, 2u, 3u}) {
      if (e >= b + len && space_at(s, e - len) == len) {
        n = len;
        break;
      }
    }
    if (n == 0) break;
    e -= n;
  }
  return std::string(s.substr(b, e - b));
}

std::optional<double> parse_number(std::string_view raw) {
  std::string s;
  std::size_t i = 0;
  while (i < raw.size()) {
    if (const std::size_t n = space_at(raw, i)) {
      i += n;
      continue;
    }
    if (raw.substr(i, 3) == "\xE2\x88\x92") {  // U+2212 MINUS SIGN
      s += '-';
      i += 3;
      continue;
    }
    s += raw[i++];
  }
  if (s.empty()) return std::nullopt;
  const std::size_t dots = static_cast<std::size_t>(std::count(s.begin(), s.end(), '.'));
  const std::size_t commas = static_cast<std::size_t>(std::count(s.begin(), s.end(), ','));
  char decimal = 0;
  if (dots > 0 && commas > 0) {
    decimal = s.find_last_of(".,") == s.rfind('.') ? '.' : ',';
    if ((decimal == '.' ? dots : commas) != 1) return std::nullopt;
  } else if (dots == 1) {
    decimal = '.';
  } else if (commas == 1) {
    decimal = ',';
  }
  std::string plain;
  for (char c : s) {
    if (c == decimal) {
      plain += '.';
    } else if (c != '.' && c != ',') {
      plain += c;
    }
  }
  // Only an optional sign, digits and one decimal point with digits on at least one side.
  // (std::from_chars takes no '+'.)
  if (!plain.empty() && plain.front() == '+') {
    plain.erase(0, 1);
    if (!plain.empty() && plain.front() == '-') return std::nullopt;
  }
  const std::size_t k = (!plain.empty() && plain.front() == '-') ? 1 : 0;
  std::size_t digits = 0;
  bool point = false;
  for (std::size_t m = k; m < plain.size(); ++m) {
    if (plain[m] >= '0' && plain[m] <= '9') {
      ++digits;
    } else if (plain[m] == '.' && !point) {
      point = true;
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0) return std::nullopt;
  double v = 0;
  const auto res = std::from_chars(plain.data(), plain.data() + plain.size(), v);
  if (res.ec != std::errc() || res.ptr != plain.data() + plain.size() || !std::isfinite(v)) {
    return std::nullopt;
  }
  return v;
}

std::optional<bool> parse_flag(std::string_view s) {
  const std::string f = fold(s);
  for (std::string_view yes : {"ja", "j", "yes", "y", "true", "sant", "x", "1"}) {
    if (f == yes) return true;
  }
  for (std::string_view no : {"", "nei", "n", "no", "false", "usant", "0"}) {
    if (f == no) return false;
  }
  return std::nullopt;
}

std::optional<std::size_t> match_option(const std::vector<std::string>& options,
                                        std::string_view s) {
  const std::string norm = normalize_space(s);
  for (std::size_t i = 0; i < options.size(); ++i) {
    if (normalize_space(options[i]) == norm) return i;
  }
  const std::string folded = fold(s);
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < options.size(); ++i) {
    if (fold(options[i]) == folded) {
      if (found) return std::nullopt;  // ambiguous without case: take neither
      found = i;
    }
  }
  return found;
}

std::optional<std::vector<std::size_t>> match_options(const std::vector<std::string>& options,
                                                      std::string_view s, std::string& bad) {
  return greedy_match(
      s, {";", ",", "\n"}, [&](std::string_view run) { return match_option(options, run); }, bad);
}

MunicipalityMatcher::MunicipalityMatcher(const content::Content& c) : c_(c) {
  for (content::MunicipalityIdx m = 0; m < c.municipalities.size(); ++m) {
    folded_.emplace_back(fold(c.municipalities[m].name), m);
    if (!c.municipalities[m].id.empty()) folded_.emplace_back(c.municipalities[m].id, m);
  }
  std::stable_sort(folded_.begin(), folded_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
}

std::optional<content::MunicipalityIdx> MunicipalityMatcher::find(std::string_view ref) const {
  const std::string norm = normalize_space(ref);
  if (norm.empty()) return std::nullopt;
  if (auto it = c_.municipality_by_ref.find(norm); it != c_.municipality_by_ref.end()) {
    return it->second;
  }
  const auto lookup = [&](const std::string& key) -> std::optional<content::MunicipalityIdx> {
    auto it = std::lower_bound(folded_.begin(), folded_.end(), key,
                               [](const auto& e, const std::string& k) { return e.first < k; });
    if (it != folded_.end() && it->first == key) return it->second;
    return std::nullopt;
  };
  std::string key = fold(norm);
  if (auto m = lookup(key)) return m;
  constexpr std::string_view kSuffix = " kommune";
  if (key.size() > kSuffix.size() && key.ends_with(kSuffix)) {
    key.resize(key.size() - kSuffix.size());
    if (auto m = lookup(key)) return m;
  }
  return std::nullopt;
}

std::optional<std::vector<content::MunicipalityIdx>> MunicipalityMatcher::find_list(
    std::string_view cell, std::string& bad) const {
  return greedy_match(
      cell, {";", ",", "\n", " og ", " and ", " & "},
      [&](std::string_view run) { return find(run); }, bad);
}

}  // namespace samrapport::survey_import
