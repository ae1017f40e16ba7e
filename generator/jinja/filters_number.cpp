// Built-in number filters: abs, int, float, round.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "jinja/error.hpp"
#include "jinja/filters_common.hpp"
#include "jinja/undefined.hpp"
#include "jinja/unicode.hpp"

namespace samrapport::jinja::builtins {

namespace {

std::string strip_ws(std::string_view s) {
  return std::string(unicode::strip(s, nullptr, true, true));
}

// Removes single underscores between digits; false if underscores are misplaced.
bool remove_underscores(std::string_view s, std::string& out, bool (*is_digit)(char)) {
  out.clear();
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_') {
      if (i == 0 || i + 1 >= s.size() || !is_digit(s[i - 1]) || !is_digit(s[i + 1])) return false;
      continue;
    }
    out += s[i];
  }
  return true;
}

bool is_dec(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex(char c) {
  return is_dec(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

}  // namespace

/// Python float(str).
bool parse_py_float(std::string_view text, double& out) {
  std::string s = strip_ws(text);
  if (s.empty()) return false;
  std::string lower = unicode::lower(s);
  std::string_view body = lower;
  bool neg = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body == "inf" || body == "infinity") {
    out = neg ? -INFINITY : INFINITY;
    return true;
  }
  if (body == "nan") {
    out = NAN;
    return true;
  }
  // digits [. digits] [e [+-] digits], with underscores between digits
  std::string clean;
  std::size_t i = 0;
  bool any_digit = false;
  auto digits = [&](bool allow_empty) {
    std::size_t start = i;
    while (i < body.size() && (is_dec(body[i]) || body[i] == '_')) ++i;
    std::string part;
    if (!remove_underscores(body.substr(start, i - start), part, is_dec)) return false;
    if (part.empty() && !allow_empty) return false;
    if (!part.empty()) any_digit = true;
    clean += part;
    return true;
  };
  if (!digits(true)) return false;
  if (i < body.size() && body[i] == '.') {
    clean += '.';
    ++i;
    if (!digits(true)) return false;
  }
  if (!any_digit) return false;
  if (i < body.size() && body[i] == 'e') {
    clean += 'e';
    ++i;
    if (i < body.size() && (body[i] == '+' || body[i] == '-')) clean += body[i++];
    if (!digits(false)) return false;
  }
  if (i != body.size()) return false;
  errno = 0;
  double v = std::strtod(clean.c_str(), nullptr);
  out = neg ? -v : v;
  return true;
}

/// Python int(str, base).
bool parse_py_int(std::string_view text, int base, std::int64_t& out) {
  std::string s = strip_ws(text);
  std::string_view body = s;
  bool neg = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body.size() >= 2 && body[0] == '0') {
    char p = static_cast<char>(body[1] | 0x20);
    int prefix_base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (prefix_base && (base == 0 || base == prefix_base)) {
      base = prefix_base;
      body.remove_prefix(2);
      if (!body.empty() && body[0] == '_') body.remove_prefix(1);
    }
  }
  if (base == 0) {
    base = 10;
    // base 0 forbids leading zeros in non-zero decimals
    if (body.size() > 1 && body[0] == '0') {
      for (char c : body) {
        if (c != '0' && c != '_') return false;
      }
    }
  }
  if (base < 2 || base > 36)
    return false;  // int() raises ValueError, which the filter turns into its default
  std::string clean;
  if (!remove_underscores(body, clean, [](char c) {
        return is_hex(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
      })) {
    return false;
  }
  if (clean.empty()) return false;
  unsigned long long v = 0;
  for (char c : clean) {
    int d;
    if (is_dec(c)) {
      d = c - '0';
    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      d = (c | 0x20) - 'a' + 10;
    } else {
      return false;
    }
    if (d >= base) return false;
    if (v > (0xFFFFFFFFFFFFFFFFULL - static_cast<unsigned>(d)) / static_cast<unsigned>(base)) {
      return false;
    }
    v = v * static_cast<unsigned>(base) + static_cast<unsigned>(d);
  }
  if (v > static_cast<unsigned long long>(INT64_MAX) + (neg ? 1ULL : 0ULL)) return false;
  out = neg ? static_cast<std::int64_t>(0 - v) : static_cast<std::int64_t>(v);
  return true;
}

namespace {

bool float_to_int(double d, std::int64_t& out) {
  if (!std::isfinite(d)) return false;
  double t = std::trunc(d);
  if (t < -9.2233720368547758e18 || t >= 9.2233720368547758e18) return false;
  out = static_cast<std::int64_t>(t);
  return true;
}

// Python round(x, n) for floats: correctly rounded (half to even on the exact binary value).
double py_round(double x, std::int64_t ndigits) {
  if (!std::isfinite(x)) return x;
  if (ndigits > 300) return x;
  if (ndigits >= 0) {
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(ndigits), x);
    return std::strtod(buf, nullptr);
  }
  if (ndigits < -308) return std::copysign(0.0, x);
  double p = std::pow(10.0, static_cast<double>(-ndigits));
  double y = x / p;
  double r = std::nearbyint(y);  // default rounding mode: half to even
  return r * p;
}

Value do_abs(Context&, const Value& v, CallArgs& args) {
  expect_no_args(args, "abs");
  if (v.is_float()) return Value(std::fabs(v.as_double()));
  if (v.is_int() || v.is_bool()) {
    std::int64_t i = v.as_int();
    if (i == INT64_MIN) throw_error(ErrorKind::Value, "integer result too large");
    return Value(i < 0 ? -i : i);
  }
  throw_error(ErrorKind::Type, "bad operand type for abs(): '" + std::string(v.type_name()) + "'");
}

Value do_int(Context&, const Value& v, CallArgs& args) {
  Args a(args, "int", {"default", "base"});
  Value dflt = a.get_or(0, Value(static_cast<std::int64_t>(0)));
  std::int64_t base = a.int_or(1, 10);
  if (v.is_undefined()) raise_undefined(v);  // int(Undefined) raises in Jinja2
  std::int64_t out = 0;
  if (v.is_string()) {
    if (parse_py_int(v.str(), static_cast<int>(base), out)) return Value(out);
    double d;
    if (parse_py_float(v.str(), d) && float_to_int(d, out)) return Value(out);
    return dflt;
  }
  if (v.is_int() || v.is_bool()) return Value(v.as_int());
  if (v.is_float()) {
    if (float_to_int(v.as_double(), out)) return Value(out);
    return dflt;
  }
  return dflt;
}

Value do_float(Context&, const Value& v, CallArgs& args) {
  Args a(args, "float", {"default"});
  Value dflt = a.get_or(0, Value(0.0));
  if (v.is_undefined()) raise_undefined(v);
  if (v.is_number()) return Value(v.as_double());
  if (v.is_string()) {
    double d;
    if (parse_py_float(v.str(), d)) return Value(d);
  }
  return dflt;
}

Value do_round(Context&, const Value& v, CallArgs& args) {
  Args a(args, "round", {"precision", "method"});
  std::int64_t precision = a.int_or(0, 0);
  std::string method = a.string_or(1, "common");
  if (method != "common" && method != "ceil" && method != "floor") {
    throw_error(ErrorKind::Runtime, "method must be common, ceil or floor");
  }
  if (v.is_undefined()) throw_error(ErrorKind::Undefined, "cannot round an undefined value");
  if (!v.is_number()) {
    throw_error(ErrorKind::Type,
                "type " + std::string(v.type_name()) + " doesn't define __round__ method");
  }
  if (method == "common") {
    if (v.is_int() || v.is_bool()) {
      if (precision >= 0) return Value(v.as_int());
      // int rounding to tens/hundreds: half to even
      double p = std::pow(10.0, static_cast<double>(-precision));
      return Value(
          static_cast<std::int64_t>(std::nearbyint(static_cast<double>(v.as_int()) / p) * p));
    }
    return Value(py_round(v.as_double(), precision));
  }
  double p = std::pow(10.0, static_cast<double>(precision));
  double x = v.as_double() * p;
  double r = method == "ceil" ? std::ceil(x) : std::floor(x);
  return Value(r / p);
}

}  // namespace

void register_number_filters(Environment& env) {
  env.add_filter("abs", do_abs);
  env.add_filter("int", do_int);
  env.add_filter("float", do_float);
  env.add_filter("round", do_round);
}

}  // namespace samrapport::jinja::builtins
