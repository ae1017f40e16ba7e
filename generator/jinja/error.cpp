#include "jinja/error.hpp"

#include <algorithm>

#include "jinja/unicode.hpp"

namespace samrapport::jinja {

std::string_view error_kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Syntax:
      return "TemplateSyntaxError";
    case ErrorKind::Assertion:
      return "TemplateAssertionError";
    case ErrorKind::NotFound:
      return "TemplateNotFound";
    case ErrorKind::Undefined:
      return "UndefinedError";
    case ErrorKind::Runtime:
      return "TemplateRuntimeError";
    case ErrorKind::Type:
      return "TypeError";
    case ErrorKind::Value:
      return "ValueError";
    case ErrorKind::ZeroDivision:
      return "ZeroDivisionError";
    case ErrorKind::Limit:
      return "LimitError";
    case ErrorKind::Security:
      return "SecurityError";
  }
  return "TemplateError";
}

TemplateError::TemplateError(ErrorKind kind, std::string message)
    : kind_(kind), message_(std::move(message)) {}

void TemplateError::set_position(std::string_view template_name, int line, int column,
                                 std::string_view source_line) {
  if (has_position()) return;
  template_name_ = template_name;
  line_ = line;
  column_ = column;
  source_line_ = source_line;
  what_.clear();
}

void TemplateError::set_message(std::string message) {
  message_ = std::move(message);
  what_.clear();
}

std::string TemplateError::format() const {
  std::string out;
  out += template_name_.empty() ? std::string("<template>") : template_name_;
  if (line_ > 0) {
    out += ':';
    out += std::to_string(line_);
    if (column_ > 0) {
      out += ':';
      out += std::to_string(column_);
    }
  }
  out += ": error: ";
  out += message_;
  if (line_ > 0 && !source_line_.empty()) {
    out += "\n  ";
    // Tabs are kept so that the caret lines up in a terminal.
    out += source_line_;
    out += "\n  ";
    std::size_t i = 0;
    int col = 1;
    while (col < column_ && i < source_line_.size()) {
      char32_t cp = unicode::decode(source_line_, i);
      out += cp == '\t' ? '\t' : ' ';
      ++col;
    }
    out += '^';
  }
  return out;
}

const char* TemplateError::what() const noexcept {
  if (what_.empty()) {
    try {
      what_ = format();
    } catch (...) {
      return message_.c_str();
    }
  }
  return what_.c_str();
}

void throw_error(ErrorKind kind, std::string message) {
  throw TemplateError(kind, std::move(message));
}

namespace {

std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  std::size_t i = 0;
  while (i < s.size()) out.push_back(unicode::decode(s, i));
  return out;
}

std::size_t edit_distance(const std::vector<char32_t>& a, const std::vector<char32_t>& b) {
  // Damerau-Levenshtein (optimal string alignment): a swap of neighbours is one edit.
  std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
    }
    prev2 = prev;
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

std::string closest_match(std::string_view name, const std::vector<std::string>& candidates) {
  auto a = code_points(name);
  std::string lowered = unicode::lower(name);
  std::size_t best = static_cast<std::size_t>(-1);
  std::string best_name;
  std::size_t limit = std::max<std::size_t>(1, (a.size() + 2) / 3);
  for (const auto& c : candidates) {
    if (c == name) continue;
    std::size_t d = edit_distance(a, code_points(c));
    if (unicode::lower(c) == lowered) d = 0;  // only the case differs
    if (d <= limit && d < best) {
      best = d;
      best_name = c;
    }
  }
  return best_name;
}

}  // namespace samrapport::jinja
