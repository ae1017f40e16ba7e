// Interned variable names: the parser maps each name to a small integer once, so that
// scope lookups at render time compare integers instead of strings.
#pragma once

#include <cstdint>
#include <string_view>

namespace samrapport::jinja {

using NameId = std::uint32_t;

/// The id of a name (thread-safe; ids are stable for the life of the process).
NameId intern_name(std::string_view name);
/// The text of an interned name.
std::string_view name_text(NameId id);

}  // namespace samrapport::jinja
