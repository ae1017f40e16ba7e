// Hints for YAML syntax errors whose cause is common in hand-written content: a line
// indented wrongly, and a ':' or ',' inside a value that is not in quotes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace samrapport::content::yaml {

/// " (...)" to append to yaml-cpp's message `msg` for an error at byte `offset` of `text`,
/// or "" when the message has no common cause.
std::string syntax_hint(std::string_view msg, std::string_view text, std::size_t offset);

}  // namespace samrapport::content::yaml
