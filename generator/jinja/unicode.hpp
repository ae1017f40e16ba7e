// UTF-8 helpers and the Unicode properties the engine needs for Python string semantics:
// strings are sequences of code points (len, slicing, center, truncate count code points),
// and upper/lower/title/isspace/isalnum/isprintable follow Python's tables.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace samrapport::jinja::unicode {

/// Decodes the code point at byte offset i and advances i. Malformed input yields U+FFFD
/// and advances one byte, so every byte string can be walked.
char32_t decode(std::string_view s, std::size_t& i);
void append_utf8(std::string& out, char32_t cp);
std::string encode(char32_t cp);

bool is_ascii(std::string_view s);
/// Number of code points.
std::size_t length(std::string_view s);
/// Byte offset of code point `index` (s.size() when index >= length).
std::size_t byte_offset(std::string_view s, std::size_t index);
/// True if s is valid UTF-8.
bool is_valid(std::string_view s);

std::uint16_t properties(char32_t cp);
bool is_space(char32_t cp);
bool is_alpha(char32_t cp);
bool is_decimal(char32_t cp);
bool is_digit(char32_t cp);
bool is_numeric(char32_t cp);
bool is_alnum(char32_t cp);
bool is_printable(char32_t cp);
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);
bool is_title(char32_t cp);
/// Upper, lower or title case letter (Python's notion of "cased" for str.title()).
bool is_cased(char32_t cp);
/// Regex \w in Python: alphanumeric or underscore.
bool is_word(char32_t cp);
bool is_id_start(char32_t cp);
bool is_id_continue(char32_t cp);

/// Python str.isupper() / str.islower(): at least one cased code point, and none of the
/// other case (nor title case).
bool is_all_upper(std::string_view s);
bool is_all_lower(std::string_view s);

/// Python's repr() escape of a code point: \xHH, \uHHHH or \UHHHHHHHH.
void append_escaped_code_point(std::string& out, char32_t cp);

void append_upper(std::string& out, char32_t cp);
void append_lower(std::string& out, char32_t cp);
void append_title(std::string& out, char32_t cp);

std::string upper(std::string_view s);
std::string lower(std::string_view s);
/// Python str.capitalize(): first code point title-cased, the rest lower-cased.
std::string capitalize(std::string_view s);
/// Python str.title(): words (runs of cased letters) start upper, continue lower.
std::string title(std::string_view s);
std::string swapcase(std::string_view s);

/// Python str.strip() family (whitespace when chars is null, else any code point in chars).
std::string_view strip(std::string_view s, const std::string_view* chars, bool left, bool right);

}  // namespace samrapport::jinja::unicode
