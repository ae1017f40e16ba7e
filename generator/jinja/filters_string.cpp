// Built-in string filters.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "jinja/error.hpp"
#include "jinja/escape.hpp"
#include "jinja/filters_common.hpp"
#include "jinja/html_entities.hpp"
#include "jinja/json.hpp"
#include "jinja/limits.hpp"
#include "jinja/methods.hpp"
#include "jinja/operators.hpp"
#include "jinja/pyformat.hpp"
#include "jinja/undefined.hpp"
#include "jinja/unicode.hpp"
#include "jinja/value_print.hpp"

namespace samrapport::jinja::builtins {

bool parse_py_float(std::string_view text, double& out);

namespace {

std::string text_of(Context& ctx, const Value& v) {
  return v.is_string() ? v.str() : ctx.to_string(v);
}

Value markup_if(Context& ctx, std::string s) {
  return ctx.autoescape() ? Value::markup(std::move(s)) : Value(std::move(s));
}

Value do_upper(Context& ctx, const Value& v, CallArgs& args) {
  expect_no_args(args, "upper");
  return string_like(v, unicode::upper(text_of(ctx, v)));
}

Value do_lower(Context& ctx, const Value& v, CallArgs& args) {
  expect_no_args(args, "lower");
  return string_like(v, unicode::lower(text_of(ctx, v)));
}

Value do_capitalize(Context& ctx, const Value& v, CallArgs& args) {
  expect_no_args(args, "capitalize");
  return string_like(v, unicode::capitalize(text_of(ctx, v)));
}

bool is_title_separator(char32_t cp) {
  return cp == '-' || cp == '(' || cp == '{' || cp == '[' || cp == '<' || unicode::is_space(cp);
}

Value do_title(Context& ctx, const Value& v, CallArgs& args) {
  expect_no_args(args, "title");
  // "".join(item[0].upper() + item[1:].lower() for item in re.split(r"([-\s({\[<]+)", s))
  std::string s = text_of(ctx, v);
  std::string out;
  std::size_t i = 0;
  bool at_start = true;
  while (i < s.size()) {
    char32_t cp = unicode::decode(s, i);
    if (is_title_separator(cp)) {
      unicode::append_utf8(out, cp);
      at_start = true;
    } else if (at_start) {
      unicode::append_upper(out, cp);
      at_start = false;
    } else {
      unicode::append_lower(out, cp);
    }
  }
  return Value(std::move(out));  // "".join(...) gives a plain str, even for Markup
}

Value do_center(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "center", {"width"});
  std::int64_t width = a.int_or(0, 80);
  ctx.check_size(static_cast<std::size_t>(std::max<std::int64_t>(width, 0)));
  std::string s = text_of(ctx, v);
  if (width <= 0) return string_like(v, s);
  return string_like(v, py_center(s, static_cast<std::size_t>(width)));
}

Value do_escape(Context& ctx, const Value& v, CallArgs& args) {
  expect_no_args(args, "escape");
  if (v.is_markup()) return v;
  std::string out;
  ctx.escape(text_of(ctx, v), out);
  return Value::markup(std::move(out));
}

Value do_forceescape(Context& ctx, const Value& v, CallArgs& args) {
  expect_no_args(args, "forceescape");
  std::string out;
  ctx.escape(text_of(ctx, v), out);
  return Value::markup(std::move(out));
}

Value do_safe(Context& ctx, const Value& v, CallArgs& args) {
  expect_no_args(args, "safe");
  if (v.is_markup()) return v;
  return Value::markup(text_of(ctx, v));
}

Value do_string(Context& ctx, const Value& v, CallArgs& args) {
  expect_no_args(args, "string");
  if (v.is_string()) return v;
  return Value(ctx.to_string(v));
}

Value do_format(Context& ctx, const Value& v, CallArgs& args) {
  if (!args.pos.empty() && !args.kw.empty()) {
    throw_error(ErrorKind::Runtime,
                "can't handle positional and keyword arguments at the same time");
  }
  Value fmt_args;
  if (!args.kw.empty()) {
    fmt_args = Value::dict();
    for (const auto& [k, val] : args.kw) fmt_args.dict_obj().set(k, val);
  } else {
    fmt_args = Value::tuple(args.pos);
  }
  std::string s = percent_format(ctx, text_of(ctx, v), fmt_args, v.is_markup());
  return string_like(v, std::move(s));
}

Value do_trim(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "trim", {"chars"});
  std::string s = text_of(ctx, v);
  if (a.has(0) && !a.get(0)->is_none()) {
    std::string chars = a.string_or(0, "");
    std::string_view cv = chars;
    return string_like(v, std::string(unicode::strip(s, &cv, true, true)));
  }
  return string_like(v, std::string(unicode::strip(s, nullptr, true, true)));
}

// Python str.splitlines() (no ends).
std::vector<std::string> splitlines(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0, start = 0;
  while (i < s.size()) {
    std::size_t before = i;
    char32_t cp = unicode::decode(s, i);
    if (cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x1C || cp == 0x1D ||
        cp == 0x1E || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
      out.push_back(s.substr(start, before - start));
      if (cp == '\r' && i < s.size() && s[i] == '\n') ++i;
      start = i;
    }
  }
  if (start < s.size()) out.push_back(s.substr(start));
  return out;
}

Value do_indent(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "indent", {"width", "first", "blank"});
  std::string indention;
  if (a.has(0) && a.get(0)->is_string()) {
    indention = a.get(0)->str();
  } else {
    std::int64_t w = a.int_or(0, 4);
    ctx.check_size(static_cast<std::size_t>(std::max<std::int64_t>(w, 0)));
    indention = std::string(static_cast<std::size_t>(std::max<std::int64_t>(w, 0)), ' ');
  }
  bool first = a.bool_or(1, false);
  bool blank = a.bool_or(2, false);
  if (v.is_undefined()) raise_undefined(v);  // Undefined + "\n" raises
  if (!v.is_string()) {
    throw_error(ErrorKind::Type, "unsupported operand type(s) for +=: '" +
                                     std::string(v.type_name()) + "' and 'str'");
  }
  std::string s = text_of(ctx, v) + "\n";
  std::vector<std::string> lines = splitlines(s);
  {
    // the size of the result, checked before it is built
    std::size_t size = first ? indention.size() : 0;
    for (const auto& line : lines) size += line.size() + 1 + indention.size();
    ctx.check_size(size);
  }
  std::string rv;
  if (blank) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i) rv += "\n" + indention;
      rv += lines[i];
    }
  } else {
    rv = lines.empty() ? std::string() : lines[0];
    for (std::size_t i = 1; i < lines.size(); ++i) {
      rv += '\n';
      if (!lines[i].empty()) rv += indention;
      rv += lines[i];
    }
  }
  if (first) rv = indention + rv;
  ctx.check_size(rv.size());
  return string_like(v, std::move(rv));
}

Value do_replace(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "replace", {"old", "new", "count"}, 2);
  std::int64_t count = a.int_or(2, -1);
  const Value& old_v = *a.get(0);
  const Value& new_v = *a.get(1);
  std::string old_s = text_of(ctx, old_v);
  std::string new_s = text_of(ctx, new_v);
  if (!ctx.autoescape()) {
    std::string r = py_replace(text_of(ctx, v), old_s, new_s, count);
    ctx.check_size(r.size());
    return Value(std::move(r));
  }
  // Markup semantics: escape the subject when a safe string is put into a plain one.
  std::string s;
  bool markup = v.is_markup();
  if ((old_v.is_markup() || new_v.is_markup()) && !v.is_markup()) {
    ctx.escape(text_of(ctx, v), s);
    markup = true;
  } else {
    s = text_of(ctx, v);
  }
  if (markup) {
    // Markup.replace escapes the replacement only
    if (!new_v.is_markup()) {
      std::string e;
      ctx.escape(new_s, e);
      new_s = std::move(e);
    }
  }
  std::string r = py_replace(s, old_s, new_s, count);
  ctx.check_size(r.size());
  return markup ? Value::markup(std::move(r)) : Value(std::move(r));
}

Value do_striptags(Context& ctx, const Value& v, CallArgs& args) {
  expect_no_args(args, "striptags");
  std::string value = text_of(ctx, v);
  while (true) {
    std::size_t start = value.find("<!--");
    if (start == std::string::npos) break;
    std::size_t end = value.find("-->", start);
    if (end == std::string::npos) break;
    value.erase(start, end + 3 - start);
  }
  while (true) {
    std::size_t start = value.find('<');
    if (start == std::string::npos) break;
    std::size_t end = value.find('>', start);
    if (end == std::string::npos) break;
    value.erase(start, end + 1 - start);
  }
  std::vector<std::string> words = py_split(value, nullptr, -1);
  std::string joined;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) joined += ' ';
    joined += words[i];
  }
  return Value(html_unescape(joined));
}

Value do_truncate(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "truncate", {"length", "killwords", "end", "leeway"});
  std::int64_t length = a.int_or(0, 255);
  bool killwords = a.bool_or(1, false);
  std::string end = a.string_or(2, "...");
  std::int64_t leeway = a.int_or(3, 5);
  auto end_len = static_cast<std::int64_t>(unicode::length(end));
  if (length < end_len) {
    throw_error(ErrorKind::Runtime, "expected length >= " + std::to_string(end_len) + ", got " +
                                        std::to_string(length));
  }
  if (leeway < 0) throw_error(ErrorKind::Runtime, "expected leeway >= 0");
  if (!v.is_string()) {
    // len(s) and slicing: undefined and short containers come back unchanged
    if (v.is_undefined()) return v;
    std::int64_t n = -1;
    if (v.is_sequence()) n = static_cast<std::int64_t>(v.items().size());
    if (v.is_dict()) n = static_cast<std::int64_t>(v.dict_obj().size());
    if (n < 0) {
      throw_error(ErrorKind::Type,
                  "object of type '" + std::string(v.type_name()) + "' has no len()");
    }
    if (n <= length + leeway) return v;
    throw_error(ErrorKind::Type,
                "truncate expects a string, not '" + std::string(v.type_name()) + "'");
  }
  std::string s = text_of(ctx, v);
  auto len = static_cast<std::int64_t>(unicode::length(s));
  if (len <= length + leeway) return string_like(v, s);
  std::string head =
      s.substr(0, unicode::byte_offset(s, static_cast<std::size_t>(length - end_len)));
  if (v.is_markup()) {  // Markup + str escapes the str
    std::string e;
    ctx.escape(end, e);
    end = std::move(e);
  }
  if (killwords) return string_like(v, head + end);
  std::size_t sp = head.rfind(' ');
  if (sp != std::string::npos) head = head.substr(0, sp);
  return string_like(v, head + end);
}

// ------------------------------------------------------------------ wordwrap (textwrap)

bool is_textwrap_ws(char32_t cp) {
  return cp == '\t' || cp == '\n' || cp == 0x0B || cp == 0x0C || cp == '\r' || cp == ' ';
}

bool is_letter(char32_t cp) {
  return unicode::is_word(cp) && !unicode::is_decimal(cp) && !unicode::is_digit(cp);
}

bool is_word_punct(char32_t cp) {
  return unicode::is_word(cp) || cp == '!' || cp == '"' || cp == '\'' || cp == '&' || cp == '.' ||
         cp == ',' || cp == '?';
}

// Length of `-{2,}` at i when followed by a word character (else 0).
std::size_t em_dash_at(const std::u32string& w, std::size_t i) {
  std::size_t j = i;
  while (j < w.size() && w[j] == '-') ++j;
  if (j - i >= 2 && j < w.size() && unicode::is_word(w[j])) return j - i;
  return 0;
}

bool letter_at(const std::u32string& w, std::size_t i) {
  return i < w.size() && is_letter(w[i]);
}

// Splits a line into textwrap chunks like Python's TextWrapper.wordsep_re: whitespace runs,
// words, em-dashes between words, and (with break_on_hyphens) words broken after hyphens
// between letters.
std::vector<std::u32string> wrap_chunks(const std::u32string& s, bool break_on_hyphens) {
  std::vector<std::u32string> chunks;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    if (is_textwrap_ws(s[i])) {
      while (j < s.size() && is_textwrap_ws(s[j])) ++j;
      chunks.push_back(s.substr(i, j - i));
      i = j;
      continue;
    }
    while (j < s.size() && !is_textwrap_ws(s[j])) ++j;
    std::u32string w = s.substr(i, j - i);
    i = j;
    if (!break_on_hyphens) {
      chunks.push_back(w);
      continue;
    }
    std::size_t pos = 0;
    while (pos < w.size()) {
      if (pos > 0 && is_word_punct(w[pos - 1])) {
        if (std::size_t n = em_dash_at(w, pos)) {
          chunks.push_back(w.substr(pos, n));
          pos += n;
          continue;
        }
      }
      std::size_t end = w.size();
      for (std::size_t k = pos + 1; k <= w.size(); ++k) {
        if (k < w.size() && w[k] == '-') {
          bool behind = (letter_at(w, k - 1) && k >= 2 && letter_at(w, k - 2)) ||
                        (k >= 3 && letter_at(w, k - 1) && w[k - 2] == '-' && letter_at(w, k - 3));
          bool ahead =
              letter_at(w, k + 1) &&
              (letter_at(w, k + 2) || (k + 2 < w.size() && w[k + 2] == '-' && letter_at(w, k + 3)));
          if (behind && ahead) {
            end = k + 1;
            break;
          }
        }
        if (k == w.size()) {
          end = k;
          break;
        }
        if (is_word_punct(w[k - 1]) && em_dash_at(w, k)) {
          end = k;
          break;
        }
      }
      chunks.push_back(w.substr(pos, end - pos));
      pos = end;
    }
  }
  return chunks;
}

bool blank_chunk(const std::u32string& c) {
  for (char32_t cp : c) {
    if (!unicode::is_space(cp)) return false;
  }
  return true;
}

std::vector<std::u32string> textwrap(const std::u32string& text, std::size_t width,
                                     bool break_long_words, bool break_on_hyphens) {
  std::vector<std::u32string> chunks = wrap_chunks(text, break_on_hyphens);
  std::reverse(chunks.begin(), chunks.end());
  std::vector<std::u32string> lines;
  while (!chunks.empty()) {
    std::vector<std::u32string> cur;
    std::size_t cur_len = 0;
    if (blank_chunk(chunks.back()) && !lines.empty()) chunks.pop_back();
    while (!chunks.empty()) {
      std::size_t l = chunks.back().size();
      if (cur_len + l <= width) {
        cur.push_back(chunks.back());
        chunks.pop_back();
        cur_len += l;
      } else {
        break;
      }
    }
    if (!chunks.empty() && chunks.back().size() > width) {
      std::size_t space_left = width < 1 ? 1 : width - cur_len;
      if (break_long_words) {
        std::size_t end = space_left;
        std::u32string& chunk = chunks.back();
        if (break_on_hyphens && chunk.size() > space_left) {
          std::size_t hyphen = chunk.rfind(U'-', space_left == 0 ? 0 : space_left - 1);
          if (hyphen != std::u32string::npos && hyphen > 0 && hyphen < space_left) {
            bool non_dash = false;
            for (std::size_t k = 0; k < hyphen; ++k) {
              if (chunk[k] != '-') non_dash = true;
            }
            if (non_dash) end = hyphen + 1;
          }
        }
        cur.push_back(chunk.substr(0, end));
        cur_len += std::min(end, chunk.size());
        chunk = chunk.substr(std::min(end, chunk.size()));
      } else if (cur.empty()) {
        cur.push_back(chunks.back());
        chunks.pop_back();
      }
    }
    if (!cur.empty() && blank_chunk(cur.back())) cur.pop_back();
    if (!cur.empty()) {
      std::u32string line;
      for (const auto& c : cur) line += c;
      lines.push_back(std::move(line));
    }
  }
  return lines;
}

std::u32string to_u32(const std::string& s) {
  std::u32string out;
  std::size_t i = 0;
  while (i < s.size()) out.push_back(unicode::decode(s, i));
  return out;
}

std::string from_u32(const std::u32string& s) {
  std::string out;
  for (char32_t cp : s) unicode::append_utf8(out, cp);
  return out;
}

Value do_wordwrap(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "wordwrap", {"width", "break_long_words", "wrapstring", "break_on_hyphens"});
  std::int64_t width = a.int_or(0, 79);
  if (width <= 0)
    throw_error(ErrorKind::Value, "invalid width " + std::to_string(width) + " (must be > 0)");
  bool break_long = a.bool_or(1, true);
  std::string wrapstring = a.has(2) && !a.get(2)->is_none() ? a.string_or(2, "\n") : "\n";
  bool break_hyphens = a.bool_or(3, true);
  if (v.is_undefined()) raise_undefined(v);
  if (!v.is_string()) {
    throw_error(ErrorKind::Type,
                "'" + std::string(v.type_name()) + "' object has no attribute 'splitlines'");
  }
  std::string s = text_of(ctx, v);
  std::vector<std::string> paragraphs = splitlines(s);
  // The lines first, to check the size of the result before building it (a long
  // wrapstring multiplies the text).
  std::vector<std::vector<std::string>> wrapped;
  std::size_t size = 0;
  for (const auto& paragraph : paragraphs) {
    auto lines =
        textwrap(to_u32(paragraph), static_cast<std::size_t>(width), break_long, break_hyphens);
    std::vector<std::string> utf8;
    for (const auto& line : lines) {
      utf8.push_back(from_u32(line));
      size += utf8.back().size() + wrapstring.size();
      check_alloc(size);
    }
    wrapped.push_back(std::move(utf8));
    size += wrapstring.size();
  }
  ctx.check_size(size);
  std::string out;
  out.reserve(size);
  for (std::size_t p = 0; p < wrapped.size(); ++p) {
    if (p) out += wrapstring;
    for (std::size_t i = 0; i < wrapped[p].size(); ++i) {
      if (i) out += wrapstring;
      out += wrapped[p][i];
    }
  }
  return Value(std::move(out));
}

Value do_wordcount(Context& ctx, const Value& v, CallArgs& args) {
  expect_no_args(args, "wordcount");
  std::string s = text_of(ctx, v);
  std::int64_t n = 0;
  bool in_word = false;
  std::size_t i = 0;
  while (i < s.size()) {
    bool w = unicode::is_word(unicode::decode(s, i));
    if (w && !in_word) ++n;
    in_word = w;
  }
  return Value(n);
}

// ------------------------------------------------------------------ URLs

std::string url_quote(const std::string& s, bool for_qs) {
  static const char* hex = "0123456789ABCDEF";
  auto is_safe = [for_qs](unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-' || c == '~' || (!for_qs && c == '/');
  };
  std::size_t size = 0;
  for (unsigned char c : s) size += (is_safe(c) || (for_qs && c == ' ')) ? 1 : 3;
  check_alloc(size);
  std::string out;
  out.reserve(size);
  for (unsigned char c : s) {
    bool safe = is_safe(c);
    if (safe) {
      out += static_cast<char>(c);
    } else if (for_qs && c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

Value do_urlencode(Context& ctx, const Value& v, CallArgs& args) {
  expect_no_args(args, "urlencode");
  if (v.is_string() || !(v.is_dict() || v.is_sequence()))
    return Value(url_quote(text_of(ctx, v), false));
  std::vector<std::pair<Value, Value>> items;
  if (v.is_dict()) {
    for (const auto& e : v.dict_obj().entries()) items.emplace_back(e.key, e.value);
  } else {
    for (const auto& pair : v.items()) {
      std::vector<Value> kv = ctx.iterate(pair);
      if (kv.size() != 2) throw_error(ErrorKind::Value, "urlencode expects (key, value) pairs");
      items.emplace_back(kv[0], kv[1]);
    }
  }
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += '&';
    out += url_quote(ctx.to_string(items[i].first), true);
    out += '=';
    out += url_quote(ctx.to_string(items[i].second), true);
  }
  return Value(std::move(out));
}

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

bool ascii_word(char32_t cp) {
  return unicode::is_word(cp);
}

// ^(https?://|www\.)(([\w%-]+\.)+)?([a-z]{2,63}|xn--[\w%]{2,59}) | ([\w%-]{2,63}\.)+(com|net|...)
// | https?://(IPv4|[IPv6]) followed by (:port)? ([/?#]\S*)?$
bool match_http(const std::string& s) {
  std::u32string u = to_u32(s);
  std::u32string lower;
  for (char32_t c : u)
    lower.push_back(c < 0x80 ? static_cast<char32_t>(std::tolower(static_cast<int>(c))) : c);
  auto tail_ok = [&](std::size_t i) {
    // (?::\d{1,5})? (?:[/?#]\S*)? $
    if (i < lower.size() && lower[i] == ':') {
      std::size_t j = i + 1;
      while (j < lower.size() && j - i - 1 < 5 && lower[j] >= '0' && lower[j] <= '9') ++j;
      if (j > i + 1) i = j;
    }
    if (i == lower.size()) return true;
    if (lower[i] != '/' && lower[i] != '?' && lower[i] != '#') return false;
    for (std::size_t j = i; j < lower.size(); ++j) {
      if (unicode::is_space(lower[j])) return false;
    }
    return true;
  };
  auto domain_char = [](char32_t c) { return ascii_word(c) || c == '%' || c == '-'; };
  std::size_t pos = 0;
  bool scheme = false;
  if (lower.size() >= 8 && lower.substr(0, 8) == U"https://") {
    pos = 8;
    scheme = true;
  } else if (lower.size() >= 7 && lower.substr(0, 7) == U"http://") {
    pos = 7;
    scheme = true;
  } else if (lower.size() >= 4 && lower.substr(0, 4) == U"www.") {
    pos = 4;
  }
  // Alternative 1: (scheme|www.) (label.)* tld
  if (pos > 0) {
    // try every split of labels: greedy labels then tld; since labels end with '.', find the
    // host part up to the first char not in [\w%-.]
    std::size_t end = pos;
    while (end < lower.size() && (domain_char(lower[end]) || lower[end] == '.')) ++end;
    // candidate tld ends at positions where host ends; backtrack over possible host ends
    for (std::size_t host_end = end; host_end > pos; --host_end) {
      std::u32string host = lower.substr(pos, host_end - pos);
      std::size_t last_dot = host.rfind(U'.');
      std::u32string tld = last_dot == std::u32string::npos ? host : host.substr(last_dot + 1);
      bool labels_ok = true;
      if (last_dot != std::u32string::npos) {
        std::size_t start = 0;
        while (start < last_dot) {
          std::size_t dot = host.find(U'.', start);
          if (dot == start) {
            labels_ok = false;
            break;
          }
          start = dot + 1;
        }
      }
      bool tld_ok =
          tld.size() >= 2 && tld.size() <= 63 &&
          std::all_of(tld.begin(), tld.end(), [](char32_t c) { return c >= 'a' && c <= 'z'; });
      if (!tld_ok && tld.size() >= 6 && tld.substr(0, 4) == U"xn--") {
        tld_ok = tld.size() - 4 <= 59 && std::all_of(tld.begin() + 4, tld.end(), [](char32_t c) {
                   return ascii_word(c) || c == '%';
                 });
      }
      if (labels_ok && tld_ok && tail_ok(host_end)) return true;
    }
  }
  // Alternative 2: (label.)+ (com|net|int|edu|gov|org|info|mil)
  {
    static const std::u32string tlds[] = {U"com", U"net", U"int",  U"edu",
                                          U"gov", U"org", U"info", U"mil"};
    std::size_t end = 0;
    while (end < lower.size() && (domain_char(lower[end]) || lower[end] == '.')) ++end;
    for (std::size_t host_end = end; host_end > 0; --host_end) {
      std::u32string host = lower.substr(0, host_end);
      std::size_t last_dot = host.rfind(U'.');
      if (last_dot == std::u32string::npos) continue;
      std::u32string tld = host.substr(last_dot + 1);
      if (std::find(std::begin(tlds), std::end(tlds), tld) == std::end(tlds)) continue;
      bool ok = true;
      std::size_t start = 0;
      while (start <= last_dot && ok) {
        std::size_t dot = host.find(U'.', start);
        std::size_t len = dot - start;
        if (len < 2 || len > 63) ok = false;
        start = dot + 1;
      }
      if (ok && tail_ok(host_end)) return true;
    }
  }
  // Alternative 3: scheme + IPv4
  if (scheme) {
    std::size_t i = pos;
    int groups = 0;
    while (groups < 4) {
      std::size_t j = i;
      while (j < lower.size() && j - i < 3 && lower[j] >= '0' && lower[j] <= '9') ++j;
      if (j == i) break;
      ++groups;
      i = j;
      if (groups < 4) {
        if (i < lower.size() && lower[i] == '.') {
          ++i;
        } else {
          break;
        }
      }
    }
    if (groups == 4 && tail_ok(i)) return true;
  }
  return false;
}

// ^\S+@\w[\w.-]*\.\w+$
bool match_email(const std::string& s) {
  std::u32string u = to_u32(s);
  for (std::size_t k = 0; k < u.size(); ++k) {
    if (unicode::is_space(u[k])) return false;
  }
  // \S+ is greedy; any '@' with a valid domain after it works
  for (std::size_t a = 1; a < u.size(); ++a) {
    if (u[a] != '@') continue;
    std::u32string dom = u.substr(a + 1);
    if (dom.empty() || !ascii_word(dom[0])) continue;
    std::size_t dot = dom.rfind(U'.');
    if (dot == std::u32string::npos || dot == 0 || dot + 1 >= dom.size()) continue;
    bool ok = true;
    for (std::size_t k = 1; k < dot; ++k) {
      if (!(ascii_word(dom[k]) || dom[k] == '.' || dom[k] == '-')) ok = false;
    }
    for (std::size_t k = dot + 1; k < dom.size(); ++k) {
      if (!ascii_word(dom[k])) ok = false;
    }
    if (ok) return true;
  }
  return false;
}

std::string urlize_text(const std::string& text, bool is_markup, const Value* trim_limit,
                        const std::string& rel, const std::string& target) {
  std::string escaped;
  if (is_markup) {
    escaped = text;  // markupsafe.escape() leaves Markup alone
  } else {
    escape_html(text, escaped);
  }
  auto trim_url = [&](const std::string& x) {
    if (!trim_limit || trim_limit->is_none()) return x;
    auto lim = static_cast<std::size_t>(std::max<std::int64_t>(0, trim_limit->as_int()));
    if (unicode::length(x) > lim) return x.substr(0, unicode::byte_offset(x, lim)) + "...";
    return x;
  };
  std::string rel_attr = rel.empty() ? "" : " rel=\"" + rel + "\"";
  std::string target_attr;
  if (!target.empty()) {
    std::string t;
    escape_html(target, t);
    target_attr = " target=\"" + t + "\"";
  }
  // split into words and whitespace runs
  std::vector<std::string> words;
  {
    std::size_t i = 0;
    while (i < escaped.size()) {
      std::size_t j = i;
      char32_t cp = unicode::decode(escaped, j);
      bool ws = unicode::is_space(cp);
      std::size_t k = i;
      while (k < escaped.size()) {
        std::size_t m = k;
        if (unicode::is_space(unicode::decode(escaped, m)) != ws) break;
        k = m;
      }
      words.push_back(escaped.substr(i, k - i));
      i = k;
    }
  }
  std::string out;
  for (auto& word : words) {
    std::string head, middle = word, tail;
    // ^([(<]|&lt;)+
    while (true) {
      if (!middle.empty() && (middle[0] == '(' || middle[0] == '<')) {
        head += middle[0];
        middle.erase(0, 1);
      } else if (starts_with(middle, "&lt;")) {
        head += "&lt;";
        middle.erase(0, 4);
      } else {
        break;
      }
    }
    // ([)>.,\n]|&gt;)+$
    while (true) {
      if (!middle.empty() &&
          (middle.back() == ')' || middle.back() == '>' || middle.back() == '.' ||
           middle.back() == ',' || middle.back() == '\n')) {
        tail.insert(0, 1, middle.back());
        middle.pop_back();
      } else if (ends_with(middle, "&gt;")) {
        tail.insert(0, "&gt;");
        middle.erase(middle.size() - 4);
      } else {
        break;
      }
    }
    const std::pair<std::string, std::string> pairs[] = {{"(", ")"}, {"<", ">"}, {"&lt;", "&gt;"}};
    for (const auto& [open, close] : pairs) {
      auto count = [](const std::string& s, const std::string& sub) {
        std::size_t n = 0;
        for (std::size_t p = s.find(sub); p != std::string::npos; p = s.find(sub, p + sub.size()))
          ++n;
        return n;
      };
      std::size_t start_count = count(middle, open);
      if (start_count <= count(middle, close)) continue;
      std::size_t moves = std::min(start_count, count(tail, close));
      for (std::size_t k = 0; k < moves; ++k) {
        std::size_t end_index = tail.find(close) + close.size();
        middle += tail.substr(0, end_index);
        tail = tail.substr(end_index);
      }
    }
    if (match_http(middle)) {
      if (starts_with(middle, "https://") || starts_with(middle, "http://")) {
        middle =
            "<a href=\"" + middle + "\"" + rel_attr + target_attr + ">" + trim_url(middle) + "</a>";
      } else {
        middle = "<a href=\"https://" + middle + "\"" + rel_attr + target_attr + ">" +
                 trim_url(middle) + "</a>";
      }
    } else if (starts_with(middle, "mailto:") && match_email(middle.substr(7))) {
      middle = "<a href=\"" + middle + "\">" + middle.substr(7) + "</a>";
    } else if (middle.find('@') != std::string::npos && !starts_with(middle, "www.") &&
               !starts_with(middle, "@") && middle.find(':') == std::string::npos &&
               match_email(middle)) {
      middle = "<a href=\"mailto:" + middle + "\">" + middle + "</a>";
    }
    out += head + middle + tail;
  }
  return out;
}

Value do_urlize(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "urlize", {"trim_url_limit", "nofollow", "target", "rel", "extra_schemes"});
  std::vector<std::string> rel_parts;
  auto add_rel = [&](const std::string& s) {
    for (auto& p : py_split(s, nullptr, -1)) {
      if (std::find(rel_parts.begin(), rel_parts.end(), p) == rel_parts.end())
        rel_parts.push_back(p);
    }
  };
  if (a.has(3) && !a.get(3)->is_none()) add_rel(a.string_or(3, ""));
  if (a.bool_or(1, false)) add_rel("nofollow");
  add_rel("noopener");
  std::sort(rel_parts.begin(), rel_parts.end());
  std::string rel;
  for (const auto& p : rel_parts) {
    if (!rel.empty()) rel += ' ';
    rel += p;
  }
  std::string target = a.has(2) && !a.get(2)->is_none() ? a.string_or(2, "") : "";
  if (a.has(0) && a.get(0)->is_undefined()) raise_undefined(*a.get(0));
  std::string rv = urlize_text(text_of(ctx, v), v.is_markup(), a.get(0), rel, target);
  return markup_if(ctx, std::move(rv));
}

Value do_xmlattr(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "xmlattr", {"autospace"});
  bool autospace = a.bool_or(0, true);
  if (!v.is_dict()) throw_error(ErrorKind::Type, "xmlattr expects a mapping");
  std::string rv;
  for (const auto& e : v.dict_obj().entries()) {
    if (e.value.is_none() || e.value.is_undefined()) continue;
    std::string key = ctx.to_string(e.key);
    for (char c : key) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>' ||
          c == '=') {
        throw_error(ErrorKind::Value, "Invalid character in attribute name: " + to_repr(e.key));
      }
    }
    if (!rv.empty()) rv += ' ';
    escape_html(key, rv);
    rv += "=\"";
    if (e.value.is_markup()) {
      rv += e.value.str();
    } else {
      escape_html(ctx.to_string(e.value), rv);
    }
    rv += '"';
  }
  if (autospace && !rv.empty()) rv.insert(0, 1, ' ');
  return markup_if(ctx, std::move(rv));
}

Value do_filesizeformat(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "filesizeformat", {"binary"});
  bool binary = a.bool_or(0, false);
  double bytes;
  if (v.is_number()) {
    bytes = v.as_double();
  } else if (!v.is_string() || !parse_py_float(v.str(), bytes)) {
    throw_error(ErrorKind::Value, "could not convert " + to_repr(v) + " to float");
  }
  double base = binary ? 1024 : 1000;
  static const char* dec[] = {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  static const char* bin[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
  if (bytes == 1) return Value("1 Byte");
  if (bytes < base) {
    std::string s;
    append_int(s, static_cast<std::int64_t>(bytes));
    return Value(s + " Bytes");
  }
  (void)ctx;
  char buf[64];
  double unit = base;
  for (int i = 0; i < 8; ++i) {
    unit = std::pow(base, i + 2);
    if (bytes < unit || i == 7) {
      std::snprintf(buf, sizeof buf, "%.1f %s", base * bytes / unit, binary ? bin[i] : dec[i]);
      return Value(std::string(buf));
    }
  }
  return Value();
}

// ------------------------------------------------------------------ pprint, tojson

std::string safe_repr(const Value& v, int depth);

std::vector<std::pair<Value, Value>> sorted_entries(const Value& d) {
  std::vector<std::pair<Value, Value>> items;
  for (const auto& e : d.dict_obj().entries()) items.emplace_back(e.key, e.value);
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
    try {
      return py_less(a.first, b.first);
    } catch (const TemplateError&) {
      // pprint's _safe_key: unorderable keys are ordered by their type
      return std::string(a.first.type_name()) < std::string(b.first.type_name());
    }
  });
  return items;
}

bool pprint_list(const Value& v) {
  return v.is_tuple() || (v.is_list() && v.list_obj().flavor == ListFlavor::Plain);
}

// pprint's _safe_repr: repr with dict keys sorted.
std::string safe_repr(const Value& v, int depth) {
  if (depth > 100) throw_error(ErrorKind::Limit, "pprint: structure nested too deeply");
  ValueDepthGuard guard;
  count_operations();
  if (v.is_dict()) {
    std::string out = "{";
    bool first = true;
    for (const auto& [k, val] : sorted_entries(v)) {
      if (!first) out += ", ";
      first = false;
      out += safe_repr(k, depth + 1) + ": " + safe_repr(val, depth + 1);
      check_alloc(out.size());
    }
    return out + "}";
  }
  if (pprint_list(v)) {
    std::string out = v.is_tuple() ? "(" : "[";
    for (std::size_t i = 0; i < v.items().size(); ++i) {
      if (i) out += ", ";
      out += safe_repr(v.items()[i], depth + 1);
      check_alloc(out.size());
    }
    if (v.is_tuple() && v.items().size() == 1) out += ",";
    return out + (v.is_tuple() ? ")" : "]");
  }
  return to_repr(v);
}

// Python's pprint.PrettyPrinter(width=80)._format and its _pprint_* helpers.
class PrettyPrinter {
 public:
  std::string out;

  void format(const Value& v, std::size_t indent, std::size_t allowance, int level) {
    if (level > 100) throw_error(ErrorKind::Limit, "pprint: structure nested too deeply");
    std::string rep = safe_repr(v, level);
    std::size_t len = unicode::length(rep);
    std::size_t max_width = kWidth > indent + allowance ? kWidth - indent - allowance : 0;
    if (len > max_width) {
      if (v.is_dict()) return pprint_dict(v, indent, allowance, level + 1);
      if (pprint_list(v)) return pprint_seq(v, indent, allowance, level + 1);
      if (v.kind() == Kind::Str) return pprint_str(v.str(), indent, allowance, level + 1);
    }
    out += rep;
  }

 private:
  static constexpr std::size_t kWidth = 80;

  void pprint_dict(const Value& v, std::size_t indent, std::size_t allowance, int level) {
    out += '{';
    auto items = sorted_entries(v);
    indent += 1;
    for (std::size_t i = 0; i < items.size(); ++i) {
      bool last = i + 1 == items.size();
      std::string rep = safe_repr(items[i].first, level);
      out += rep;
      out += ": ";
      format(items[i].second, indent + unicode::length(rep) + 2, last ? allowance + 1 : 1, level);
      if (!last) {
        out += ",\n";
        out.append(indent, ' ');
      }
    }
    out += '}';
  }

  void pprint_seq(const Value& v, std::size_t indent, std::size_t allowance, int level) {
    const auto& items = v.items();
    std::string end = v.is_tuple() ? (items.size() == 1 ? ",)" : ")") : "]";
    out += v.is_tuple() ? '(' : '[';
    allowance += end.size();
    indent += 1;
    for (std::size_t i = 0; i < items.size(); ++i) {
      bool last = i + 1 == items.size();
      if (i) {
        out += ",\n";
        out.append(indent, ' ');
      }
      format(items[i], indent, last ? allowance : 1, level);
    }
    out += end;
  }

  static std::vector<std::string> lines_keepends(const std::string& s) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\n' || s[i] == '\r') {
        std::size_t end = i + 1;
        if (s[i] == '\r' && end < s.size() && s[end] == '\n') ++end;
        lines.push_back(s.substr(start, end - start));
        start = end;
        i = end - 1;
      }
    }
    if (start < s.size()) lines.push_back(s.substr(start));
    return lines;
  }

  static std::string str_repr(const std::string& s) {
    std::string r;
    append_string_repr(r, s);
    return r;
  }

  void pprint_str(const std::string& s, std::size_t indent, std::size_t allowance, int level) {
    std::vector<std::string> chunks;
    std::vector<std::string> lines = lines_keepends(s);
    if (level == 1) {
      indent += 1;
      allowance += 1;
    }
    std::size_t max_width = kWidth > indent ? kWidth - indent : 0;
    std::size_t max_width1 = max_width;
    std::string rep;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      rep = str_repr(lines[i]);
      if (i + 1 == lines.size()) max_width1 = max_width1 > allowance ? max_width1 - allowance : 0;
      if (unicode::length(rep) <= max_width1) {
        chunks.push_back(rep);
        continue;
      }
      // alternating runs of non-space and space: re.findall(r'\S*\s*', line)
      std::vector<std::string> parts;
      const std::string& line = lines[i];
      std::size_t p = 0;
      while (p < line.size()) {
        std::size_t q = p;
        while (q < line.size()) {
          std::size_t k = q;
          if (unicode::is_space(unicode::decode(line, k))) break;
          q = k;
        }
        while (q < line.size()) {
          std::size_t k = q;
          if (!unicode::is_space(unicode::decode(line, k))) break;
          q = k;
        }
        parts.push_back(line.substr(p, q - p));
        p = q;
      }
      std::size_t max_width2 = max_width;
      std::string current;
      for (std::size_t j = 0; j < parts.size(); ++j) {
        std::string candidate = current + parts[j];
        if (j + 1 == parts.size() && i + 1 == lines.size()) {
          max_width2 = max_width2 > allowance ? max_width2 - allowance : 0;
        }
        if (unicode::length(str_repr(candidate)) > max_width2) {
          if (!current.empty()) chunks.push_back(str_repr(current));
          current = parts[j];
        } else {
          current = candidate;
        }
      }
      if (!current.empty()) chunks.push_back(str_repr(current));
    }
    if (chunks.size() == 1) {
      out += rep;
      return;
    }
    if (level == 1) out += '(';
    for (std::size_t i = 0; i < chunks.size(); ++i) {
      if (i) {
        out += '\n';
        out.append(indent, ' ');
      }
      out += chunks[i];
    }
    if (level == 1) out += ')';
  }
};

Value do_pprint(Context&, const Value& v, CallArgs& args) {
  expect_no_args(args, "pprint");
  PrettyPrinter pp;
  pp.format(v, 0, 0, 0);
  return Value(std::move(pp.out));
}

Value do_tojson(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "tojson", {"indent"});
  int indent = a.has(0) && !a.get(0)->is_none() ? static_cast<int>(a.int_or(0, 0)) : -1;
  if (v.is_undefined() && ctx.strict_undefined()) ctx.to_string(v);
  std::string json = dumps_json(v, true, indent);
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    switch (c) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      case '\'':
        out += "\\u0027";
        break;
      default:
        out += c;
    }
  }
  return Value::markup(std::move(out));
}

}  // namespace

void register_string_filters(Environment& env) {
  env.add_filter("upper", do_upper);
  env.add_filter("lower", do_lower);
  env.add_filter("capitalize", do_capitalize);
  env.add_filter("title", do_title);
  env.add_filter("center", do_center);
  env.add_filter("escape", do_escape);
  env.add_filter("e", do_escape);
  env.add_filter("forceescape", do_forceescape);
  env.add_filter("safe", do_safe);
  env.add_filter("string", do_string);
  env.add_filter("format", do_format);
  env.add_filter("trim", do_trim);
  env.add_filter("indent", do_indent);
  env.add_filter("replace", do_replace);
  env.add_filter("striptags", do_striptags);
  env.add_filter("truncate", do_truncate);
  env.add_filter("wordwrap", do_wordwrap);
  env.add_filter("wordcount", do_wordcount);
  env.add_filter("urlencode", do_urlencode);
  env.add_filter("urlize", do_urlize);
  env.add_filter("xmlattr", do_xmlattr);
  env.add_filter("filesizeformat", do_filesizeformat);
  env.add_filter("pprint", do_pprint);
  env.add_filter("tojson", do_tojson);
}

}  // namespace samrapport::jinja::builtins
