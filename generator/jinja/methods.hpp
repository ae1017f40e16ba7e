// Python methods of str, list, tuple and dict that templates may call:
// `d.items()`, `d.get('x', 0)`, `s.upper()`, `s.split(',')`, `xs.index(3)`, ...
#pragma once

#include <string_view>

#include "jinja/callable.hpp"
#include "jinja/value.hpp"

namespace samrapport::jinja {

/// Whether `self` (a str, list, tuple or dict) has a method called `name`.
bool has_method(const Value& self, std::string_view name);

/// Calls method `name` of `self`; false when there is no such method.
bool call_method(Context& ctx, const Value& self, std::string_view name, CallArgs& args,
                 Value& out);

/// Python str.center / ljust / rjust on code points.
std::string py_center(std::string_view s, std::size_t width, std::string_view fill = " ");

/// Python str.split(sep, maxsplit) / rsplit; sep null splits on runs of whitespace.
std::vector<std::string> py_split(std::string_view s, const std::string* sep, std::int64_t maxsplit,
                                  bool from_right = false);

/// Python str.replace(old, new, count) (count < 0: all).
std::string py_replace(std::string_view s, std::string_view old, std::string_view repl,
                       std::int64_t count);

}  // namespace samrapport::jinja
