// Messages for undefined values: "'nope' is undefined", "'analysis' has no attribute
// 'sectorss' (did you mean 'sectors'?)", and raising UndefinedError from them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "jinja/value.hpp"

namespace samrapport::jinja {

/// The message Jinja2 would give when `u` (an Undefined) is used, with a suggestion of
/// the closest existing name when there is one.
std::string undefined_message(const Value& u);

/// Throws TemplateError (Undefined) for the use of `u`.
[[noreturn]] void raise_undefined(const Value& u);

/// Undefined for a missing attribute/item `name` looked up on `owner`.
Value make_missing(const Value& owner, std::string name, std::string owner_text, bool is_item);

/// Undefined with a complete message (e.g. "there is no previous item").
Value make_undefined_hint(std::string message);

/// The names that exist on `owner` (dict keys, object attributes) for suggestions.
std::vector<std::string> existing_names(const Value& owner);

}  // namespace samrapport::jinja
