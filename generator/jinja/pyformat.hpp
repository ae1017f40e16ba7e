// Python string formatting: printf-style `'%.1f' % x` (the `format` filter and the `%`
// operator) and `'{:>5}'.format(x)` (str.format).
#pragma once

#include <string>
#include <string_view>

#include "jinja/callable.hpp"
#include "jinja/value.hpp"

namespace samrapport::jinja {

/// fmt % args. `args` is a tuple (positional), a dict (for %(name)s) or a single value.
/// With `escape_args`, %s and %r results of non-Markup arguments are escaped (Markup % x).
std::string percent_format(Context& ctx, std::string_view fmt, const Value& args,
                           bool escape_args = false);

/// fmt.format(*args, **kwargs).
/// With `escape_fields` (Markup.format), each replacement field that is not Markup is
/// escaped.
std::string str_format(Context& ctx, std::string_view fmt, const CallArgs& args,
                       bool escape_fields = false);

/// format(value, spec) with Python's format specification mini-language.
std::string format_with_spec(Context& ctx, const Value& value, std::string_view spec);

/// Pads `s` to `width` code points (align '<', '>', '^'; fill character).
std::string pad_to_width(std::string_view s, std::size_t width, char align,
                         std::string_view fill = " ");

}  // namespace samrapport::jinja
