#include "survey_import/csv_reader.hpp"

#include <algorithm>
#include <cctype>

namespace samrapport::survey_import {

namespace {

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// Walks the text byte by byte, keeping the 1-based line and character column.
class Cursor {
 public:
  explicit Cursor(std::string_view t) : t_(t) {}

  [[nodiscard]] bool done() const { return i_ >= t_.size(); }
  [[nodiscard]] char peek(std::size_t ahead = 0) const {
    return i_ + ahead < t_.size() ? t_[i_ + ahead] : '\0';
  }
  [[nodiscard]] bool at_line_break() const { return !done() && (peek() == '\n' || peek() == '\r'); }
  [[nodiscard]] int line() const { return line_; }
  [[nodiscard]] int column() const { return column_; }
  [[nodiscard]] std::size_t offset() const { return i_; }

  /// Moves past one byte, or past a whole line break (CRLF counts as one).
  void advance() {
    const char c = t_[i_];
    if (c == '\n' || c == '\r') {
      ++i_;
      if (c == '\r' && i_ < t_.size() && t_[i_] == '\n') ++i_;
      ++line_;
      column_ = 1;
      return;
    }
    ++i_;
    if (i_ >= t_.size() || !is_continuation(t_[i_])) ++column_;
  }

 private:
  std::string_view t_;
  std::size_t i_ = 0;
  int line_ = 1;
  int column_ = 1;
};

class Parser {
 public:
  Parser(std::string_view text, const std::string& file, Diagnostics& diags, char sep)
      : cur_(text), file_(file), diags_(diags), sep_(sep) {}

  std::vector<CsvRecord> records() {
    std::vector<CsvRecord> out;
    while (!cur_.done() && !fatal_) {
      CsvRecord rec;
      rec.line = cur_.line();
      while (true) {
        rec.fields.push_back(field());
        if (fatal_) break;
        if (!cur_.done() && cur_.peek() == sep_) {
          cur_.advance();
          continue;
        }
        if (!cur_.done()) cur_.advance();  // the line break
        break;
      }
      const bool blank = std::all_of(rec.fields.begin(), rec.fields.end(),
                                     [](const CsvField& f) { return f.text.empty(); });
      if (!blank) out.push_back(std::move(rec));
    }
    return out;
  }

  /// Skips an Excel `sep=X` line, returning X (or 0 when there is none).
  char separator_hint() {
    std::string head;
    for (std::size_t k = 0; k < 4; ++k) {
      head += static_cast<char>(std::tolower(static_cast<unsigned char>(cur_.peek(k))));
    }
    if (head != "sep=") return 0;
    const char x = cur_.peek(4);
    const char after = cur_.peek(5);
    if (x == '\0' || x == '\n' || x == '\r' || (after != '\n' && after != '\r' && after != '\0')) {
      return 0;
    }
    for (int k = 0; k < 5; ++k) cur_.advance();
    if (cur_.at_line_break()) cur_.advance();
    return x;
  }

  void set_separator(char sep) { sep_ = sep; }

 private:
  CsvField field() {
    CsvField f;
    f.line = cur_.line();
    f.column = cur_.column();
    // Spaces before an opening quote are tolerated (some writers put one after a comma).
    std::size_t k = 0;
    while ((cur_.peek(k) == ' ' || cur_.peek(k) == '\t') && cur_.peek(k) != sep_) ++k;
    if (cur_.peek(k) == '"') {
      for (std::size_t s = 0; s < k; ++s) cur_.advance();
      quoted(f);
      return f;
    }
    while (!cur_.done() && cur_.peek() != sep_ && !cur_.at_line_break()) {
      f.text += cur_.peek();
      cur_.advance();
    }
    return f;
  }

  void quoted(CsvField& f) {
    f.quoted = true;
    const int open_line = cur_.line();
    const int open_column = cur_.column();
    cur_.advance();  // the opening quote
    while (true) {
      if (cur_.done()) {
        diags_.error({file_, open_line, open_column},
                     "unterminated quoted field: the quote opened here is never closed");
        fatal_ = true;
        return;
      }
      const char c = cur_.peek();
      if (c == '"') {
        if (cur_.peek(1) == '"') {
          f.text += '"';
          cur_.advance();
          cur_.advance();
          continue;
        }
        cur_.advance();  // the closing quote
        break;
      }
      if (c == '\r' || c == '\n') {
        f.text += '\n';
      } else {
        f.text += c;
      }
      cur_.advance();
    }
    while (cur_.peek() == ' ' || cur_.peek() == '\t') {
      if (cur_.peek() == sep_) break;
      cur_.advance();
    }
    if (!cur_.done() && cur_.peek() != sep_ && !cur_.at_line_break()) {
      diags_.error({file_, cur_.line(), cur_.column()},
                   "unexpected text after the closing quote of a field; a quote inside a "
                   "quoted field must be doubled (\"\")");
      while (!cur_.done() && cur_.peek() != sep_ && !cur_.at_line_break()) cur_.advance();
    }
  }

  Cursor cur_;
  const std::string& file_;
  Diagnostics& diags_;
  char sep_;
  bool fatal_ = false;
};

}  // namespace

char detect_separator(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && (text[i] == '\n' || text[i] == '\r')) ++i;  // blank lines
  std::size_t semicolons = 0, commas = 0, tabs = 0;
  bool in_quotes = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      in_quotes = !in_quotes;  // a doubled quote toggles twice
    } else if (!in_quotes) {
      if (c == '\n' || c == '\r') break;
      if (c == ';') ++semicolons;
      if (c == ',') ++commas;
      if (c == '\t') ++tabs;
    }
  }
  if (semicolons == 0 && commas == 0 && tabs == 0) return ',';
  if (semicolons >= commas && semicolons >= tabs) return ';';
  if (commas >= tabs) return ',';
  return '\t';
}

CsvTable read_csv(std::string_view text, const std::string& file_name, Diagnostics& diags,
                  char separator) {
  CsvTable table;
  Parser parser(text, file_name, diags, separator ? separator : ',');
  const char hint = parser.separator_hint();
  if (separator == 0) separator = hint ? hint : detect_separator(text);
  parser.set_separator(separator);
  table.separator = separator;
  table.records = parser.records();
  return table;
}

}  // namespace samrapport::survey_import
