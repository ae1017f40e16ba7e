// Conversion between JSON (nlohmann::ordered_json) and template values, and Python's
// json.dumps as the `tojson` filter uses it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "jinja/value.hpp"

namespace samrapport::jinja {

/// JSON -> Value: objects keep their key order, integers stay int, floats stay float.
Value from_json(const nlohmann::ordered_json& j);
/// Parses JSON text straight into a Value (no intermediate JSON tree: faster, less memory).
/// Throws TemplateError (Value) with the byte offset for malformed JSON.
Value parse_json(std::string_view text);
/// Value -> JSON (None -> null, tuples -> arrays, Markup -> string); throws TemplateError
/// (TypeError) for values JSON cannot hold (undefined, macros, ...).
nlohmann::ordered_json to_json(const Value& v);

/// Python's json.dumps(v, sort_keys=sort_keys, indent=indent): ASCII only, ", " and ": "
/// separators (or "," and newlines with an indent), floats by repr, NaN/Infinity.
std::string dumps_json(const Value& v, bool sort_keys, int indent = -1);

}  // namespace samrapport::jinja
