// Python printing of values: str() and repr(), floats by repr (shortest round trip:
// 2.0, 0.30000000000000004, 1e+20, 1e-05, -0.0), strings with Python's quote choice.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "jinja/value.hpp"

namespace samrapport::jinja {

/// Python str(v); Undefined prints as "" (strict undefined is checked by the caller).
void append_str(std::string& out, const Value& v);
std::string to_str(const Value& v);
/// Python repr(v).
void append_repr(std::string& out, const Value& v);
std::string to_repr(const Value& v);

void append_int(std::string& out, std::int64_t i);
void append_float_repr(std::string& out, double d);
/// repr() of a str: 'abc', "it's", with \n, \x07, \u200b escapes.
void append_string_repr(std::string& out, std::string_view s);

}  // namespace samrapport::jinja
