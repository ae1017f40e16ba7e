#include "content/input_checks.hpp"

#include <cstdint>

#include "common/utf8.hpp"

namespace samrapport::content {

namespace {

std::string hex_byte(unsigned char b) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string s = "0x";
  s += kDigits[b >> 4];
  s += kDigits[b & 0xF];
  return s;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

LineColumn line_column_at(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  LineColumn lc;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      line_start = i + 1;
    }
  }
  for (std::size_t i = line_start; i < offset; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++lc.column;
  }
  return lc;
}

std::optional<InputProblem> check_text_bytes(std::string_view text) {
  if (text.size() > kMaxFileBytes) {
    return InputProblem{0, "file is " + std::to_string(text.size()) +
                               " bytes; content files are limited to " +
                               std::to_string(kMaxFileBytes) + " bytes (16 MiB)"};
  }
  if (starts_with(text, std::string_view("\x00\x00\xFE\xFF", 4)) ||
      starts_with(text, std::string_view("\xFF\xFE\x00\x00", 4))) {
    return InputProblem{0, "file is encoded as UTF-32; save it as UTF-8"};
  }
  if (starts_with(text, "\xFE\xFF") || starts_with(text, "\xFF\xFE")) {
    return InputProblem{0, "file is encoded as UTF-16; save it as UTF-8"};
  }
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0) {
      return InputProblem{
          i, "NUL byte at byte offset " + std::to_string(i) + "; content files must be UTF-8 text"};
    }
    if (c < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = common::utf8_sequence_length(text, i);
    if (len == 0) {
      return InputProblem{i, "invalid UTF-8 (byte " + hex_byte(c) + " at byte offset " +
                                 std::to_string(i) + "); content files must be UTF-8"};
    }
    i += len;
  }
  return std::nullopt;
}

std::optional<InputProblem> check_flow_depth(std::string_view text) {
  int depth = 0;
  // Block context: whether the next character may start a node (line start after
  // indentation, or after "- ", "? ", ": ").
  bool node_start = true;
  // Flow context: the last significant character, to tell a quote that opens a scalar.
  char last = '[';
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n; ++i) {
    const char c = text[i];
    const bool after_blank = i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' ||
                             text[i - 1] == '\n' || text[i - 1] == '\r';
    if (c == '#' && after_blank) {  // comment: skip to the end of the line
      while (i + 1 < n && text[i + 1] != '\n') ++i;
      continue;
    }
    if (c == '\n') {
      if (depth == 0) node_start = true;
      continue;
    }
    if (depth == 0) {
      if (c == ' ' || c == '\t' || c == '\r') continue;
      if (node_start && (c == '[' || c == '{')) {
        depth = 1;
        last = c;
        continue;
      }
      const bool indicator = (c == '-' || c == '?' || c == ':') &&
                             (i + 1 == n || text[i + 1] == ' ' || text[i + 1] == '\n' ||
                              text[i + 1] == '\r' || text[i + 1] == '\t');
      node_start = indicator && (c == ':' || node_start);
      continue;
    }
    // Flow context.
    if (c == ' ' || c == '\t' || c == '\r') continue;
    if (c == '[' || c == '{') {
      if (++depth > kMaxNestingDepth) {
        return InputProblem{i, "collections are nested deeper than " +
                                   std::to_string(kMaxNestingDepth) + " levels"};
      }
    } else if (c == ']' || c == '}') {
      if (--depth == 0) node_start = false;
    } else if ((c == '"' || c == '\'') &&
               (last == '[' || last == '{' || last == ',' || last == ':' || last == '?')) {
      for (++i; i < n; ++i) {
        if (c == '"' && text[i] == '\\') {
          ++i;
        } else if (text[i] == c) {
          if (c == '\'' && i + 1 < n && text[i + 1] == '\'') {
            ++i;
          } else {
            break;
          }
        }
      }
    }
    last = c;
  }
  return std::nullopt;
}

}  // namespace samrapport::content
