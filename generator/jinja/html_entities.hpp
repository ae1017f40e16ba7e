// HTML5 named character references (generated, see tools/gen_html_entities.py) and
// Python's html.unescape() on top of them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace samrapport::jinja {

namespace html_data {
struct Entity {
  const char* name;   // without '&', with ';' where the standard requires it
  const char* value;  // UTF-8
};
extern const Entity kEntities[];  // sorted by name
extern const std::size_t kEntityCount;
}  // namespace html_data

/// Python's html.unescape(): named and numeric character references to characters.
std::string html_unescape(std::string_view s);

}  // namespace samrapport::jinja
