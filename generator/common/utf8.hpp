// UTF-8 helpers shared by the readers, the writers and the survey import. (The template
// engine has its own, being a library without dependencies on the rest of samrapport.)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace samrapport::common {

/// Length of the valid UTF-8 sequence that starts at byte `i` of `s`, or 0 when it is
/// invalid: a stray continuation byte, a truncated sequence, an overlong form, a surrogate
/// or a code point above U+10FFFF.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

/// True when the whole of `s` is valid UTF-8.
bool valid_utf8(std::string_view s);

/// Appends the UTF-8 encoding of `cp` (a Unicode scalar value) to `out`.
void append_utf8(std::string& out, char32_t cp);

/// Number of code points in valid UTF-8 `s` (continuation bytes are not counted).
std::size_t utf8_length(std::string_view s);

}  // namespace samrapport::common
