#include "jinja/unicode.hpp"

#include <algorithm>
#include <cstdio>

#include "jinja/unicode_tables.hpp"

namespace samrapport::jinja::unicode {

namespace ud = unicode_data;

char32_t decode(std::string_view s, std::size_t& i) {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int n = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    n = 1;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 2;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 3;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + n >= s.size()) {
    ++i;
    return 0xFFFD;
  }
  for (int k = 1; k <= n; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += n + 1;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string encode(char32_t cp) {
  std::string s;
  append_utf8(s, cp);
  return s;
}

bool is_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

std::size_t length(std::string_view s) {
  std::size_t n = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
    } else {
      decode(s, i);
    }
    ++n;
  }
  return n;
}

std::size_t byte_offset(std::string_view s, std::size_t index) {
  std::size_t i = 0;
  while (index > 0 && i < s.size()) {
    decode(s, i);
    --index;
  }
  return i;
}

bool is_valid(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t before = i;
    char32_t cp = decode(s, i);
    if (cp == 0xFFFD && !(i - before == 3 && s.substr(before, 3) == "\xEF\xBF\xBD")) return false;
  }
  return true;
}

std::uint16_t properties(char32_t cp) {
  const std::uint32_t* end = ud::kPropStarts + ud::kPropCount;
  const std::uint32_t* it = std::upper_bound(ud::kPropStarts, end, static_cast<std::uint32_t>(cp));
  if (it == ud::kPropStarts) return 0;
  return ud::kPropValues[it - ud::kPropStarts - 1];
}

bool is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
  return properties(cp) & ud::kSpace;
}
bool is_alpha(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return properties(cp) & ud::kAlpha;
}
bool is_decimal(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return properties(cp) & ud::kDecimal;
}
bool is_digit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return properties(cp) & ud::kDigit;
}
bool is_numeric(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return properties(cp) & ud::kNumeric;
}
bool is_alnum(char32_t cp) {
  if (cp < 0x80) return is_alpha(cp) || is_decimal(cp);
  return properties(cp) & (ud::kAlpha | ud::kDecimal | ud::kDigit | ud::kNumeric);
}
bool is_printable(char32_t cp) {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7F;
  return properties(cp) & ud::kPrintable;
}
bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return properties(cp) & ud::kUpper;
}
bool is_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return properties(cp) & ud::kLower;
}
bool is_title(char32_t cp) {
  return cp >= 0x80 && (properties(cp) & ud::kTitle);
}
bool is_cased(char32_t cp) {
  if (cp < 0x80) return is_alpha(cp);
  return properties(cp) & (ud::kUpper | ud::kLower | ud::kTitle);
}
bool is_word(char32_t cp) {
  return cp == '_' || is_alnum(cp);
}
bool is_id_start(char32_t cp) {
  if (cp < 0x80) return cp == '_' || is_alpha(cp);
  return properties(cp) & ud::kIdStart;
}
bool is_id_continue(char32_t cp) {
  if (cp < 0x80) return cp == '_' || is_alpha(cp) || is_decimal(cp);
  return properties(cp) & ud::kIdContinue;
}

namespace {

const ud::CaseMapping* find_mapping(const ud::CaseMapping* table, std::size_t count, char32_t cp) {
  const ud::CaseMapping* end = table + count;
  const ud::CaseMapping* it =
      std::lower_bound(table, end, static_cast<std::uint32_t>(cp),
                       [](const ud::CaseMapping& m, std::uint32_t c) { return m.cp < c; });
  if (it != end && it->cp == cp) return it;
  return nullptr;
}

void append_mapping(std::string& out, const ud::CaseMapping* m, char32_t cp) {
  if (!m) {
    append_utf8(out, cp);
    return;
  }
  for (std::uint32_t c : m->to) {
    if (c == 0) break;
    append_utf8(out, c);
  }
}

}  // namespace

void append_upper(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp >= 'a' && cp <= 'z' ? cp - 32 : cp));
    return;
  }
  append_mapping(out, find_mapping(ud::kUpperMap, ud::kUpperMapCount, cp), cp);
}

void append_lower(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    return;
  }
  append_mapping(out, find_mapping(ud::kLowerMap, ud::kLowerMapCount, cp), cp);
}

void append_title(std::string& out, char32_t cp) {
  if (cp >= 0x80) {
    if (const auto* m = find_mapping(ud::kTitleMap, ud::kTitleMapCount, cp)) {
      append_mapping(out, m, cp);
      return;
    }
  }
  append_upper(out, cp);
}

namespace {

bool all_cased(std::string_view s, bool upper) {
  bool any = false;
  std::size_t i = 0;
  while (i < s.size()) {
    const char32_t cp = decode(s, i);
    if (upper ? is_lower(cp) : is_upper(cp)) return false;
    if (is_title(cp)) return false;
    if (upper ? is_upper(cp) : is_lower(cp)) any = true;
  }
  return any;
}

}  // namespace

bool is_all_upper(std::string_view s) {
  return all_cased(s, true);
}
bool is_all_lower(std::string_view s) {
  return all_cased(s, false);
}

void append_escaped_code_point(std::string& out, char32_t cp) {
  char buf[16];
  if (cp <= 0xFF) {
    std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
  } else if (cp <= 0xFFFF) {
    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
  } else {
    std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(cp));
  }
  out += buf;
}

std::string upper(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) append_upper(out, decode(s, i));
  return out;
}

std::string lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  char32_t prev = 0;
  while (i < s.size()) {
    char32_t cp = decode(s, i);
    if (cp == 0x3A3) {
      // Greek capital sigma: final form after a cased letter at the end of a word
      char32_t next = 0;
      if (i < s.size()) {
        std::size_t j = i;
        next = decode(s, j);
      }
      bool final_form = prev != 0 && is_cased(prev) && !(next != 0 && is_cased(next));
      append_utf8(out, final_form ? 0x3C2 : 0x3C3);
    } else {
      append_lower(out, cp);
    }
    prev = cp;
  }
  return out;
}

std::string capitalize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  bool first = true;
  while (i < s.size()) {
    char32_t cp = decode(s, i);
    if (first) {
      append_title(out, cp);
      first = false;
    } else {
      append_lower(out, cp);
    }
  }
  return out;
}

std::string title(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  bool prev_cased = false;
  while (i < s.size()) {
    char32_t cp = decode(s, i);
    if (prev_cased) {
      append_lower(out, cp);
    } else {
      append_title(out, cp);
    }
    prev_cased = is_cased(cp);
  }
  return out;
}

std::string swapcase(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = decode(s, i);
    if (is_upper(cp)) {
      append_lower(out, cp);
    } else if (is_lower(cp)) {
      append_upper(out, cp);
    } else {
      append_utf8(out, cp);
    }
  }
  return out;
}

namespace {

bool in_chars(char32_t cp, const std::string_view* chars) {
  if (!chars) return is_space(cp);
  std::size_t i = 0;
  while (i < chars->size()) {
    if (decode(*chars, i) == cp) return true;
  }
  return false;
}

}  // namespace

std::string_view strip(std::string_view s, const std::string_view* chars, bool left, bool right) {
  std::size_t begin = 0;
  std::size_t end = s.size();
  if (left) {
    while (begin < end) {
      std::size_t j = begin;
      char32_t cp = decode(s, j);
      if (!in_chars(cp, chars)) break;
      begin = j;
    }
  }
  if (right) {
    while (end > begin) {
      std::size_t start = end - 1;
      while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
      std::size_t j = start;
      char32_t cp = decode(s, j);
      if (j != end || !in_chars(cp, chars)) break;
      end = start;
    }
  }
  return s.substr(begin, end - begin);
}

}  // namespace samrapport::jinja::unicode
