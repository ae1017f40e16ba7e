#include "jinja/lexer.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>

#include "jinja/error.hpp"
#include "jinja/unicode.hpp"

namespace samrapport::jinja {

std::string normalize_newlines(std::string_view source, bool keep_trailing_newline) {
  std::string out;
  out.reserve(source.size());
  for (std::size_t i = 0; i < source.size(); ++i) {
    char c = source[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
    } else {
      out += c;
    }
  }
  if (!keep_trailing_newline && !out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::string_view source_line(std::string_view source, int line) {
  std::size_t start = 0;
  for (int l = 1; l < line; ++l) {
    std::size_t nl = source.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  std::size_t end = source.find('\n', start);
  if (end == std::string_view::npos) end = source.size();
  return source.substr(start, end - start);
}

std::string_view token_type_text(TokenType type) {
  switch (type) {
    case TokenType::Data:
      return "template data";
    case TokenType::VariableBegin:
      return "begin of print statement";
    case TokenType::VariableEnd:
      return "end of print statement";
    case TokenType::BlockBegin:
      return "begin of statement block";
    case TokenType::BlockEnd:
      return "end of statement block";
    case TokenType::Name:
      return "name";
    case TokenType::String:
      return "string";
    case TokenType::Integer:
      return "integer";
    case TokenType::Float:
      return "float";
    case TokenType::Add:
      return "+";
    case TokenType::Sub:
      return "-";
    case TokenType::Div:
      return "/";
    case TokenType::FloorDiv:
      return "//";
    case TokenType::Mul:
      return "*";
    case TokenType::Mod:
      return "%";
    case TokenType::Pow:
      return "**";
    case TokenType::Tilde:
      return "~";
    case TokenType::LBracket:
      return "[";
    case TokenType::RBracket:
      return "]";
    case TokenType::LParen:
      return "(";
    case TokenType::RParen:
      return ")";
    case TokenType::LBrace:
      return "{";
    case TokenType::RBrace:
      return "}";
    case TokenType::Eq:
      return "==";
    case TokenType::Ne:
      return "!=";
    case TokenType::Gt:
      return ">";
    case TokenType::GtEq:
      return ">=";
    case TokenType::Lt:
      return "<";
    case TokenType::LtEq:
      return "<=";
    case TokenType::Assign:
      return "=";
    case TokenType::Dot:
      return ".";
    case TokenType::Colon:
      return ":";
    case TokenType::Pipe:
      return "|";
    case TokenType::Comma:
      return ",";
    case TokenType::Semicolon:
      return ";";
    case TokenType::Eof:
      return "end of template";
  }
  return "?";
}

std::string describe_token(const Token& token) {
  if (token.type == TokenType::Name) return token.value;
  return std::string(token_type_text(token.type));
}

namespace {

bool is_py_space_at(std::string_view s, std::size_t i, std::size_t* len) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return unicode::is_space(c);
  }
  std::size_t j = i;
  char32_t cp = unicode::decode(s, j);
  *len = j - i;
  return unicode::is_space(cp);
}

/// Python str.rstrip() (Unicode whitespace).
std::string_view rstrip_ws(std::string_view s) {
  return unicode::strip(s, nullptr, false, true);
}

bool all_ws(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 1;
    if (!is_py_space_at(s, i, &len)) return false;
    i += len;
  }
  return true;
}

class Lexer {
 public:
  Lexer(std::string_view src, const LexerOptions& opt, std::string_view name)
      : src_(src), opt_(opt), name_(name) {}

  std::vector<Token> run() {
    std::size_t pos = 0;
    bool line_starting = true;
    const std::size_t n = src_.size();
    while (pos < n) {
      std::size_t k = find_tag(pos);
      if (k == std::string_view::npos) {
        emit_data(pos, src_.substr(pos));
        break;
      }
      char kind = src_[k + 1];
      char sign = (k + 2 < n && (src_[k + 2] == '-' || src_[k + 2] == '+')) ? src_[k + 2] : 0;
      std::size_t after_open = k + 2 + (sign ? 1 : 0);
      std::size_t raw_end = 0;
      bool is_raw = kind == '%' && match_raw_begin(after_open, &raw_end);
      std::string_view text = src_.substr(pos, k - pos);
      text = apply_lstrip(text, sign, kind != '{', line_starting);
      emit_data(pos, text);
      line_starting = false;
      if (is_raw) {
        pos = lex_raw(k, raw_end, &line_starting);
      } else if (kind == '#') {
        pos = lex_comment(k, after_open, &line_starting);
      } else {
        pos = lex_tag(k, after_open, kind == '{', &line_starting);
      }
    }
    Token eof;
    eof.type = TokenType::Eof;
    position(n, eof);
    tokens_.push_back(std::move(eof));
    return std::move(tokens_);
  }

 private:
  [[noreturn]] void fail(std::size_t offset, std::string message) {
    Token t;
    position(offset, t);
    TemplateError e(ErrorKind::Syntax, std::move(message));
    e.set_position(name_, t.line, t.column, source_line(src_, t.line));
    throw e;
  }

  // Line and column (code points) of a byte offset; offsets are visited in increasing
  // order except for error reports, which restart from the beginning.
  void position(std::size_t offset, Token& t) {
    if (offset < pos_offset_) {
      pos_offset_ = 0;
      pos_line_ = 1;
      pos_col_ = 1;
    }
    while (pos_offset_ < offset && pos_offset_ < src_.size()) {
      char c = src_[pos_offset_];
      if (c == '\n') {
        ++pos_line_;
        pos_col_ = 1;
        ++pos_offset_;
      } else {
        unicode::decode(src_, pos_offset_);
        ++pos_col_;
      }
    }
    t.line = pos_line_;
    t.column = pos_col_;
  }

  std::size_t find_tag(std::size_t pos) const {
    while (true) {
      std::size_t k = src_.find('{', pos);
      if (k == std::string_view::npos || k + 1 >= src_.size()) return std::string_view::npos;
      char c = src_[k + 1];
      if (c == '{' || c == '%' || c == '#') return k;
      pos = k + 1;
    }
  }

  std::string_view apply_lstrip(std::string_view text, char sign, bool lstrip_applies,
                                bool line_starting) const {
    if (sign == '-') return rstrip_ws(text);
    if (sign != '+' && opt_.lstrip_blocks && lstrip_applies) {
      std::size_t nl = text.rfind('\n');
      std::size_t l_pos = nl == std::string_view::npos ? 0 : nl + 1;
      if (l_pos > 0 || line_starting) {
        std::string_view tail = text.substr(l_pos);
        if (!tail.empty() && all_ws(tail)) return text.substr(0, l_pos);
      }
    }
    return text;
  }

  void emit_data(std::size_t offset, std::string_view text) {
    if (text.empty()) return;
    Token t;
    t.type = TokenType::Data;
    position(offset, t);
    t.value = std::string(text);
    tokens_.push_back(std::move(t));
  }

  void emit(TokenType type, std::size_t offset) {
    Token t;
    t.type = type;
    position(offset, t);
    tokens_.push_back(std::move(t));
  }

  std::size_t skip_ws(std::size_t i) const {
    while (i < src_.size()) {
      std::size_t len = 1;
      if (!is_py_space_at(src_, i, &len)) break;
      i += len;
    }
    return i;
  }

  bool match_word(std::size_t i, std::string_view word) const {
    return src_.substr(i, word.size()) == word;
  }

  // `{%(-|+|)\s*raw\s*(-%}\s*|%})`; *end receives the offset after the match.
  bool match_raw_begin(std::size_t i, std::size_t* end) const {
    i = skip_ws(i);
    if (!match_word(i, "raw")) return false;
    i = skip_ws(i + 3);
    if (match_word(i, "-%}")) {
      *end = skip_ws(i + 3);
      return true;
    }
    if (match_word(i, "%}")) {
      *end = i + 2;
      return true;
    }
    return false;
  }

  // Block end at i: `+%}`, `-%}\s*` or `%}` (+ one newline with trim_blocks).
  bool match_block_end(std::size_t i, std::size_t* end, bool* ends_newline) const {
    if (match_word(i, "+%}")) {
      *end = i + 3;
      *ends_newline = false;
      return true;
    }
    if (match_word(i, "-%}")) {
      std::size_t e = skip_ws(i + 3);
      *end = e;
      *ends_newline = e > i + 3 && src_[e - 1] == '\n';
      return true;
    }
    if (match_word(i, "%}")) {
      std::size_t e = i + 2;
      *ends_newline = false;
      if (opt_.trim_blocks && e < src_.size() && src_[e] == '\n') {
        ++e;
        *ends_newline = true;
      }
      *end = e;
      return true;
    }
    return false;
  }

  std::size_t lex_raw(std::size_t open, std::size_t content_start, bool* line_starting) {
    if (content_start >= src_.size()) return src_.size();
    std::size_t p = content_start;
    bool starts_line = content_start > 0 && src_[content_start - 1] == '\n';
    while (true) {
      std::size_t k = src_.find("{%", p);
      if (k == std::string_view::npos) fail(open, "Missing end of raw directive");
      std::size_t i = k + 2;
      char sign = 0;
      if (i < src_.size() && (src_[i] == '-' || src_[i] == '+')) sign = src_[i++];
      i = skip_ws(i);
      if (match_word(i, "endraw")) {
        std::size_t j = skip_ws(i + 6);
        std::size_t end = 0;
        bool nl = false;
        if (match_block_end(j, &end, &nl)) {
          std::string_view text = src_.substr(content_start, k - content_start);
          text = apply_lstrip(text, sign, true, starts_line);
          emit_data(content_start, text);
          *line_starting = nl;
          return end;
        }
      }
      p = k + 2;
    }
  }

  std::size_t lex_comment(std::size_t open, std::size_t content_start, bool* line_starting) {
    // Like Jinja2's lexer, an opener at the very end of the source is ignored.
    if (content_start >= src_.size()) return src_.size();
    std::size_t q = src_.find("#}", content_start);
    if (q == std::string_view::npos) fail(open, "Missing end of comment tag");
    std::size_t end = q + 2;
    *line_starting = false;
    if (q > content_start && src_[q - 1] == '-') {
      std::size_t e = skip_ws(end);
      *line_starting = e > end && src_[e - 1] == '\n';
      end = e;
    } else if (q > content_start && src_[q - 1] == '+') {
      // no trimming
    } else if (opt_.trim_blocks && end < src_.size() && src_[end] == '\n') {
      ++end;
      *line_starting = true;
    }
    return end;
  }

  std::size_t lex_tag(std::size_t open, std::size_t i, bool variable, bool* line_starting) {
    emit(variable ? TokenType::VariableBegin : TokenType::BlockBegin, open);
    std::vector<char> balance;
    const std::size_t n = src_.size();
    while (true) {
      if (i >= n)
        fail(open, variable ? "unexpected end of template, expected '}}'"
                            : "unexpected end of template, expected '%}'");
      if (balance.empty()) {
        if (variable) {
          if (match_word(i, "-}}")) {
            emit(TokenType::VariableEnd, i);
            std::size_t e = skip_ws(i + 3);
            *line_starting = e > i + 3 && src_[e - 1] == '\n';
            return e;
          }
          if (match_word(i, "}}")) {
            emit(TokenType::VariableEnd, i);
            *line_starting = false;
            return i + 2;
          }
        } else {
          std::size_t end = 0;
          bool nl = false;
          if (match_block_end(i, &end, &nl)) {
            emit(TokenType::BlockEnd, i);
            *line_starting = nl;
            return end;
          }
        }
      }
      std::size_t len = 1;
      if (is_py_space_at(src_, i, &len)) {
        i += len;
        continue;
      }
      i = lex_token(i, balance);
    }
  }

  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  // (\d+_)*\d+ starting at i; returns end or npos
  std::size_t match_digits(std::size_t i) const {
    if (i >= src_.size() || !is_digit(src_[i])) return std::string_view::npos;
    while (true) {
      while (i < src_.size() && is_digit(src_[i])) ++i;
      if (i + 1 < src_.size() && src_[i] == '_' && is_digit(src_[i + 1])) {
        ++i;
        continue;
      }
      return i;
    }
  }

  std::size_t match_float(std::size_t i) const {
    if (i > 0 && src_[i - 1] == '.') return std::string_view::npos;
    std::size_t e = match_digits(i);
    if (e == std::string_view::npos) return e;
    std::size_t frac_end = std::string_view::npos;
    if (e < src_.size() && src_[e] == '.') frac_end = match_digits(e + 1);
    std::size_t base = frac_end != std::string_view::npos ? frac_end : e;
    if (base < src_.size() && (src_[base] == 'e' || src_[base] == 'E')) {
      std::size_t j = base + 1;
      if (j < src_.size() && (src_[j] == '+' || src_[j] == '-')) ++j;
      std::size_t exp_end = match_digits(j);
      if (exp_end != std::string_view::npos) return exp_end;
    }
    return frac_end;
  }

  std::size_t match_integer(std::size_t i, int* base) const {
    auto is_base_digit = [](char c, int b) {
      if (b == 2) return c == '0' || c == '1';
      if (b == 8) return c >= '0' && c <= '7';
      if (b == 16) return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
      return is_digit(c);
    };
    if (src_[i] == '0' && i + 1 < src_.size()) {
      char p = static_cast<char>(src_[i + 1] | 0x20);
      int b = p == 'b' ? 2 : p == 'o' ? 8 : p == 'x' ? 16 : 0;
      if (b) {
        std::size_t j = i + 2;
        std::size_t last = std::string_view::npos;
        while (true) {
          std::size_t k = j;
          if (k < src_.size() && src_[k] == '_') ++k;
          if (k < src_.size() && is_base_digit(src_[k], b)) {
            j = k + 1;
            last = j;
          } else {
            break;
          }
        }
        if (last != std::string_view::npos) {
          *base = b;
          return last;
        }
      }
    }
    *base = 10;
    if (src_[i] == '0') {
      std::size_t j = i + 1;
      while (true) {
        std::size_t k = j;
        if (k < src_.size() && src_[k] == '_') ++k;
        if (k < src_.size() && src_[k] == '0') {
          j = k + 1;
        } else {
          break;
        }
      }
      return j;
    }
    if (src_[i] >= '1' && src_[i] <= '9') {
      std::size_t j = i + 1;
      while (true) {
        std::size_t k = j;
        if (k < src_.size() && src_[k] == '_') ++k;
        if (k < src_.size() && is_digit(src_[k])) {
          j = k + 1;
        } else {
          break;
        }
      }
      return j;
    }
    return std::string_view::npos;
  }

  std::size_t lex_token(std::size_t i, std::vector<char>& balance) {
    char c = src_[i];
    // float before integer, as in Jinja's rule order
    if (is_digit(c)) {
      std::size_t fe = match_float(i);
      if (fe != std::string_view::npos) {
        std::string text;
        for (std::size_t k = i; k < fe; ++k) {
          if (src_[k] != '_') text += src_[k];
        }
        Token t;
        t.type = TokenType::Float;
        position(i, t);
        t.float_value = std::strtod(text.c_str(), nullptr);
        tokens_.push_back(std::move(t));
        return fe;
      }
      int base = 10;
      std::size_t ie = match_integer(i, &base);
      if (ie != std::string_view::npos) {
        std::string text;
        for (std::size_t k = (base == 10 ? i : i + 2); k < ie; ++k) {
          if (src_[k] != '_') text += src_[k];
        }
        Token t;
        t.type = TokenType::Integer;
        position(i, t);
        errno = 0;
        unsigned long long v = std::strtoull(text.c_str(), nullptr, base);
        if (errno == ERANGE || v > 9223372036854775807ULL) fail(i, "integer literal too large");
        t.int_value = static_cast<std::int64_t>(v);
        tokens_.push_back(std::move(t));
        return ie;
      }
    }
    // names (Python identifiers)
    {
      std::size_t j = i;
      char32_t cp = unicode::decode(src_, j);
      if (unicode::is_id_start(cp)) {
        while (j < src_.size()) {
          std::size_t k = j;
          char32_t c2 = unicode::decode(src_, k);
          if (!unicode::is_id_continue(c2)) break;
          j = k;
        }
        Token t;
        t.type = TokenType::Name;
        position(i, t);
        t.value = std::string(src_.substr(i, j - i));
        tokens_.push_back(std::move(t));
        return j;
      }
    }
    if (c == '\'' || c == '"') return lex_string(i);
    return lex_operator(i, balance);
  }

  std::size_t lex_string(std::size_t i) {
    char quote = src_[i];
    std::size_t j = i + 1;
    while (j < src_.size() && src_[j] != quote) {
      if (src_[j] == '\\') {
        j += 2;
      } else {
        ++j;
      }
    }
    if (j >= src_.size()) fail(i, std::string("unexpected char '") + quote + "'");
    Token t;
    t.type = TokenType::String;
    position(i, t);
    t.value = unescape(src_.substr(i + 1, j - i - 1), i);
    tokens_.push_back(std::move(t));
    return j + 1;
  }

  static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = static_cast<char>(c | 0x20);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  }

  // Python's "unicode-escape" decoding, as Jinja applies it to string literals.
  std::string unescape(std::string_view s, std::size_t offset) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
      char c = s[i];
      if (c != '\\') {
        out += c;
        ++i;
        continue;
      }
      if (i + 1 >= s.size()) {
        fail(offset, "\\ at end of string");
      }
      char e = s[i + 1];
      i += 2;
      switch (e) {
        case '\n':
          break;
        case '\\':
          out += '\\';
          break;
        case '\'':
          out += '\'';
          break;
        case '"':
          out += '"';
          break;
        case 'a':
          out += '\a';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'v':
          out += '\v';
          break;
        case 'x':
        case 'u':
        case 'U': {
          int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          char32_t cp = 0;
          for (int k = 0; k < digits; ++k) {
            if (i >= s.size() || hex_value(s[i]) < 0) {
              fail(offset, std::string("truncated \\") + e + " escape");
            }
            cp = cp * 16 + static_cast<char32_t>(hex_value(s[i]));
            ++i;
          }
          if (cp > 0x10FFFF) fail(offset, "illegal Unicode character");
          if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
          unicode::append_utf8(out, cp);
          break;
        }
        case 'N':
          fail(offset, "\\N{...} escapes are not supported");
        default:
          if (e >= '0' && e <= '7') {
            char32_t cp = static_cast<char32_t>(e - '0');
            for (int k = 0; k < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; ++k) {
              cp = cp * 8 + static_cast<char32_t>(s[i] - '0');
              ++i;
            }
            unicode::append_utf8(out, cp);
          } else if (static_cast<unsigned char>(e) >= 0x80) {
            // Jinja backslash-escapes non-ASCII characters before decoding, so a
            // backslash in front of one keeps the escape text.
            std::size_t j = i - 1;
            char32_t cp = unicode::decode(s, j);
            unicode::append_escaped_code_point(out, cp);
            i = j;
          } else {
            out += '\\';
            out += e;
          }
      }
    }
    return out;
  }

  std::size_t lex_operator(std::size_t i, std::vector<char>& balance) {
    auto two = src_.substr(i, 2);
    TokenType type;
    std::size_t len = 2;
    if (two == "//") {
      type = TokenType::FloorDiv;
    } else if (two == "**") {
      type = TokenType::Pow;
    } else if (two == "==") {
      type = TokenType::Eq;
    } else if (two == "!=") {
      type = TokenType::Ne;
    } else if (two == ">=") {
      type = TokenType::GtEq;
    } else if (two == "<=") {
      type = TokenType::LtEq;
    } else {
      len = 1;
      switch (src_[i]) {
        case '+':
          type = TokenType::Add;
          break;
        case '-':
          type = TokenType::Sub;
          break;
        case '/':
          type = TokenType::Div;
          break;
        case '*':
          type = TokenType::Mul;
          break;
        case '%':
          type = TokenType::Mod;
          break;
        case '~':
          type = TokenType::Tilde;
          break;
        case '[':
          type = TokenType::LBracket;
          break;
        case ']':
          type = TokenType::RBracket;
          break;
        case '(':
          type = TokenType::LParen;
          break;
        case ')':
          type = TokenType::RParen;
          break;
        case '{':
          type = TokenType::LBrace;
          break;
        case '}':
          type = TokenType::RBrace;
          break;
        case '>':
          type = TokenType::Gt;
          break;
        case '<':
          type = TokenType::Lt;
          break;
        case '=':
          type = TokenType::Assign;
          break;
        case '.':
          type = TokenType::Dot;
          break;
        case ':':
          type = TokenType::Colon;
          break;
        case '|':
          type = TokenType::Pipe;
          break;
        case ',':
          type = TokenType::Comma;
          break;
        case ';':
          type = TokenType::Semicolon;
          break;
        default: {
          std::size_t j = i;
          char32_t cp = unicode::decode(src_, j);
          std::string ch;
          unicode::append_utf8(ch, cp);
          fail(i, "unexpected char '" + ch + "'");
        }
      }
    }
    if (type == TokenType::LBrace || type == TokenType::LParen || type == TokenType::LBracket) {
      balance.push_back(type == TokenType::LBrace ? '}' : type == TokenType::LParen ? ')' : ']');
    } else if (type == TokenType::RBrace || type == TokenType::RParen ||
               type == TokenType::RBracket) {
      char ch = src_[i];
      if (balance.empty()) fail(i, std::string("unexpected '") + ch + "'");
      char expected = balance.back();
      balance.pop_back();
      if (expected != ch) {
        fail(i, std::string("unexpected '") + ch + "', expected '" + expected + "'");
      }
    }
    emit(type, i);
    return i + len;
  }

  std::string_view src_;
  const LexerOptions& opt_;
  std::string_view name_;
  std::vector<Token> tokens_;
  std::size_t pos_offset_ = 0;
  int pos_line_ = 1;
  int pos_col_ = 1;
};

}  // namespace

std::vector<Token> tokenize(std::string_view source, const LexerOptions& options,
                            std::string_view template_name) {
  Lexer lexer(source, options, template_name);
  return lexer.run();
}

}  // namespace samrapport::jinja
