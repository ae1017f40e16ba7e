#include "content/yaml_hints.hpp"

#include <algorithm>

namespace samrapport::content::yaml {

namespace {

struct Line {
  std::string_view text;  // without the newline
  std::size_t column;     // of the error, 0-based, in bytes
};

Line line_at(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::size_t nl = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  const std::size_t start = nl == std::string_view::npos ? 0 : nl + 1;
  std::size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  return {text.substr(start, end - start), offset - start};
}

// The column of the first ": " (or a ':' at the end) on the line, outside quotes; npos
// when there is none.
std::size_t first_key_colon(std::string_view line) {
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ')) {
      return std::string_view::npos;
    } else if (c == ':' && (i + 1 == line.size() || line[i + 1] == ' ')) {
      return i;
    }
  }
  return std::string_view::npos;
}

// Whether a quoted value on the line closes before the error and text follows it:
// name: "Ål" kommune.
bool text_after_quotes(const Line& l) {
  const std::size_t upto = std::min(l.column + 1, l.text.size());
  const std::size_t close = l.text.substr(0, upto).find_last_of("\"'");
  return close != std::string_view::npos && close + 1 < upto &&
         l.text.substr(close + 1, upto - close - 1).find_first_not_of(' ') !=
             std::string_view::npos;
}

constexpr const char* kIndentation =
    "check the indentation: the keys of one mapping start in the same column, and the keys "
    "of a list item line up under the first one after '- '";
constexpr const char* kQuotes =
    "a ': ' or ',' inside a value is read as YAML syntax: put the text in quotes, "
    "e.g. name: \"Helse: legevakt\"";

}  // namespace

std::string syntax_hint(std::string_view msg, std::string_view text, std::size_t offset) {
  const Line l = line_at(text, offset);
  if (msg == "end of sequence not found" || msg == "end of map not found") {
    if (text_after_quotes(l))
      return " (text follows a quoted value: put the whole value in one pair of quotes)";
    return std::string(" (") + kIndentation + ")";
  }
  if (msg == "illegal map value") {
    // A second ': ' on a "key: value" line is inside the value; a line whose only ': ' is
    // the error is indented deeper than the key before it (read as that key's value).
    const std::size_t first = first_key_colon(l.text);
    if (first != std::string_view::npos && first < l.column)
      return std::string(" (") + kQuotes + ")";
    return " (this line is indented more than the key before it; " + std::string(kIndentation) +
           ")";
  }
  if (msg == "end of map flow not found" || msg == "end of sequence flow not found") {
    return " (a '{' or '[' is not closed on this line, or a ',' or ': ' inside a value in "
           "{ } or [ ] splits it: put such text in quotes, e.g. { name: \"Hol, Ål og Gol\" })";
  }
  return "";
}

}  // namespace samrapport::content::yaml
