#include "jinja/pyformat.hpp"

#include <cmath>
#include <cstdio>
#include <vector>

#include "jinja/error.hpp"
#include "jinja/unicode.hpp"
#include "jinja/value_print.hpp"

namespace samrapport::jinja {

std::string pad_to_width(std::string_view s, std::size_t width, char align, std::string_view fill) {
  std::size_t len = unicode::length(s);
  if (len >= width) return std::string(s);
  std::size_t total = width - len;
  std::size_t left = 0;
  if (align == '>') {
    left = total;
  } else if (align == '^') {
    left = total / 2;
  }
  std::size_t right = total - left;
  std::string out;
  for (std::size_t i = 0; i < left; ++i) out += fill;
  out += s;
  for (std::size_t i = 0; i < right; ++i) out += fill;
  return out;
}

namespace {

struct Spec {
  bool left = false;   // '-'
  bool zero = false;   // '0'
  bool plus = false;   // '+'
  bool space = false;  // ' '
  bool alt = false;    // '#'
  int width = -1;
  int precision = -1;
};

std::string digits_in_base(std::uint64_t v, int base, bool upper) {
  if (v == 0) return "0";
  const char* d = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string s;
  while (v) {
    s.insert(s.begin(), d[v % static_cast<std::uint64_t>(base)]);
    v /= static_cast<std::uint64_t>(base);
  }
  return s;
}

// Applies sign/zero padding/width to a number's digits.
std::string finish_number(bool negative, std::string prefix, std::string digits, const Spec& sp) {
  std::string sign = negative ? "-" : sp.plus ? "+" : sp.space ? " " : "";
  std::string body = prefix + digits;
  if (sp.width > 0) {
    auto len = static_cast<int>(sign.size() + body.size());
    if (len < sp.width) {
      if (sp.left) return sign + body + std::string(static_cast<std::size_t>(sp.width - len), ' ');
      if (sp.zero) {
        return sign + prefix + std::string(static_cast<std::size_t>(sp.width - len), '0') + digits;
      }
      return std::string(static_cast<std::size_t>(sp.width - len), ' ') + sign + body;
    }
  }
  return sign + body;
}

std::string format_float(double v, char conv, int precision, bool alt) {
  if (precision < 0) precision = 6;
  if (std::isnan(v) || std::isinf(v)) {
    std::string s = std::isnan(v) ? "nan" : "inf";
    if (conv == 'E' || conv == 'F' || conv == 'G') s = std::isnan(v) ? "NAN" : "INF";
    return s;
  }
  char fmt[16];
  std::snprintf(fmt, sizeof fmt, "%%%s.%d%c", alt ? "#" : "", precision, conv);
  std::vector<char> buf(static_cast<std::size_t>(precision) + 400);
  std::snprintf(buf.data(), buf.size(), fmt, std::fabs(v));
  return buf.data();
}

std::int64_t to_integer(const Value& v, char conv) {
  if (v.is_int() || v.is_bool()) return v.as_int();
  if (v.is_float() && (conv == 'd' || conv == 'i' || conv == 'u')) {
    double d = v.as_double();
    if (!std::isfinite(d)) throw_error(ErrorKind::Value, "cannot convert float to integer");
    return static_cast<std::int64_t>(std::trunc(d));
  }
  if (conv == 'd' || conv == 'i' || conv == 'u') {
    throw_error(ErrorKind::Type, std::string("%") + conv +
                                     " format: a real number is required, not " +
                                     std::string(v.type_name()));
  }
  throw_error(ErrorKind::Type, std::string("%") + conv + " format: an integer is required, not " +
                                   std::string(v.type_name()));
}

std::string convert(Context& ctx, const Value& v, char conv, const Spec& sp, bool escape_args) {
  switch (conv) {
    case 's':
    case 'r':
    case 'a': {
      std::string s = conv == 's' ? ctx.to_string(v) : to_repr(v);
      if (escape_args && !v.is_markup()) {
        std::string e;
        ctx.escape(s, e);
        s = std::move(e);
      }
      if (sp.precision >= 0) {
        s = s.substr(0, unicode::byte_offset(s, static_cast<std::size_t>(sp.precision)));
      }
      if (sp.width > 0)
        s = pad_to_width(s, static_cast<std::size_t>(sp.width), sp.left ? '<' : '>');
      return s;
    }
    case 'd':
    case 'i':
    case 'u': {
      std::int64_t i = to_integer(v, conv);
      std::uint64_t mag = i < 0 ? 0 - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i);
      std::string digits = digits_in_base(mag, 10, false);
      if (sp.precision > 0 && static_cast<int>(digits.size()) < sp.precision) {
        digits.insert(0, static_cast<std::size_t>(sp.precision) - digits.size(), '0');
      }
      return finish_number(i < 0, "", digits, sp);
    }
    case 'x':
    case 'X':
    case 'o': {
      std::int64_t i = to_integer(v, conv);
      std::uint64_t mag = i < 0 ? 0 - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i);
      int base = conv == 'o' ? 8 : 16;
      std::string prefix;
      if (sp.alt) prefix = conv == 'o' ? "0o" : conv == 'x' ? "0x" : "0X";
      return finish_number(i < 0, prefix, digits_in_base(mag, base, conv == 'X'), sp);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      if (!v.is_number()) {
        throw_error(ErrorKind::Type, "must be real number, not " + std::string(v.type_name()));
      }
      double d = v.as_double();
      return finish_number(std::signbit(d) && !std::isnan(d), "",
                           format_float(d, conv, sp.precision, sp.alt), sp);
    }
    case 'c': {
      std::string s;
      if (v.is_string() && unicode::length(v.str()) == 1) {
        s = v.str();
      } else if (v.is_int()) {
        std::int64_t i = v.as_int();
        if (i < 0 || i > 0x10FFFF) throw_error(ErrorKind::Value, "%c arg not in range(0x110000)");
        unicode::append_utf8(s, static_cast<char32_t>(i));
      } else {
        throw_error(ErrorKind::Type, "%c requires int or char");
      }
      if (sp.width > 0)
        s = pad_to_width(s, static_cast<std::size_t>(sp.width), sp.left ? '<' : '>');
      return s;
    }
    default:
      break;
  }
  throw_error(ErrorKind::Value, std::string("unsupported format character '") + conv + "'");
}

}  // namespace

std::string percent_format(Context& ctx, std::string_view fmt, const Value& args,
                           bool escape_args) {
  std::vector<Value> positional;
  const DictObj* mapping = nullptr;
  if (args.is_tuple()) {
    positional = args.items();
  } else {
    positional.push_back(args);
    if (args.is_dict()) mapping = &args.dict_obj();
  }
  std::size_t next_arg = 0;
  bool used_mapping = false;
  auto take = [&]() -> const Value& {
    if (next_arg >= positional.size()) {
      throw_error(ErrorKind::Type, "not enough arguments for format string");
    }
    return positional[next_arg++];
  };
  std::string out;
  std::size_t i = 0;
  while (i < fmt.size()) {
    char c = fmt[i];
    if (c != '%') {
      out += c;
      ++i;
      continue;
    }
    ++i;
    if (i >= fmt.size()) throw_error(ErrorKind::Value, "incomplete format");
    const Value* keyed = nullptr;
    if (fmt[i] == '(') {
      std::size_t close = fmt.find(')', i);
      if (close == std::string_view::npos) throw_error(ErrorKind::Value, "incomplete format key");
      if (!mapping) throw_error(ErrorKind::Type, "format requires a mapping");
      std::string key(fmt.substr(i + 1, close - i - 1));
      keyed = mapping->find(key);
      if (!keyed) throw_error(ErrorKind::Value, "KeyError: '" + key + "'");
      used_mapping = true;
      i = close + 1;
    }
    Spec sp;
    for (; i < fmt.size(); ++i) {
      char f = fmt[i];
      if (f == '-') {
        sp.left = true;
      } else if (f == '0') {
        sp.zero = true;
      } else if (f == '+') {
        sp.plus = true;
      } else if (f == ' ') {
        sp.space = true;
      } else if (f == '#') {
        sp.alt = true;
      } else {
        break;
      }
    }
    if (i < fmt.size() && fmt[i] == '*') {
      const std::int64_t w = take().as_int();
      if (w > 100000 || w < -100000) throw_error(ErrorKind::Limit, "format width too large");
      sp.width = static_cast<int>(w);
      if (sp.width < 0) {
        sp.left = true;
        sp.width = -sp.width;
      }
      ++i;
    } else {
      while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
        sp.width = (sp.width < 0 ? 0 : sp.width) * 10 + (fmt[i] - '0');
        if (sp.width > 100000) throw_error(ErrorKind::Limit, "format width too large");
        ++i;
      }
    }
    if (i < fmt.size() && fmt[i] == '.') {
      ++i;
      sp.precision = 0;
      if (i < fmt.size() && fmt[i] == '*') {
        const std::int64_t p = take().as_int();
        if (p > 10000 || p < -10000) throw_error(ErrorKind::Limit, "format precision too large");
        sp.precision = static_cast<int>(p);
        ++i;
      } else {
        while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
          sp.precision = sp.precision * 10 + (fmt[i] - '0');
          if (sp.precision > 10000) throw_error(ErrorKind::Limit, "format precision too large");
          ++i;
        }
      }
    }
    while (i < fmt.size() && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) ++i;
    if (i >= fmt.size()) throw_error(ErrorKind::Value, "incomplete format");
    char conv = fmt[i++];
    if (conv == '%') {
      out += '%';
      continue;
    }
    const Value& arg = keyed ? *keyed : take();
    out += convert(ctx, arg, conv, sp, escape_args);
  }
  // Python treats any argument with __getitem__ (list, dict) as a mapping: unused is fine
  bool mapping_like = !args.is_tuple() && (args.is_dict() || args.is_list() || args.is_undefined());
  if (!used_mapping && next_arg < positional.size() && !mapping_like) {
    throw_error(ErrorKind::Type, "not all arguments converted during string formatting");
  }
  return out;
}

// ------------------------------------------------------------------ format spec

namespace {

struct FormatSpec {
  std::string fill = " ";
  char align = 0;
  char sign = '-';
  bool alt = false;
  bool zero = false;
  int width = -1;
  char grouping = 0;
  int precision = -1;
  char type = 0;
};

FormatSpec parse_spec(std::string_view spec) {
  FormatSpec fs;
  std::size_t i = 0;
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
  // fill may be any code point followed by an align char
  if (!spec.empty()) {
    std::size_t j = 0;
    char32_t cp = unicode::decode(spec, j);
    if (j < spec.size() && is_align(spec[j])) {
      fs.fill = unicode::encode(cp);
      fs.align = spec[j];
      i = j + 1;
    } else if (is_align(spec[0])) {
      fs.align = spec[0];
      i = 1;
    }
  }
  if (i < spec.size() && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ')) fs.sign = spec[i++];
  if (i < spec.size() && spec[i] == 'z') ++i;
  if (i < spec.size() && spec[i] == '#') {
    fs.alt = true;
    ++i;
  }
  if (i < spec.size() && spec[i] == '0') {
    fs.zero = true;
    ++i;
  }
  while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9') {
    fs.width = (fs.width < 0 ? 0 : fs.width) * 10 + (spec[i] - '0');
    if (fs.width > 100000) throw_error(ErrorKind::Limit, "format width too large");
    ++i;
  }
  if (i < spec.size() && (spec[i] == ',' || spec[i] == '_')) fs.grouping = spec[i++];
  if (i < spec.size() && spec[i] == '.') {
    ++i;
    fs.precision = 0;
    bool any = false;
    while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9') {
      fs.precision = fs.precision * 10 + (spec[i] - '0');
      if (fs.precision > 10000) throw_error(ErrorKind::Limit, "format precision too large");
      any = true;
      ++i;
    }
    if (!any) throw_error(ErrorKind::Value, "Format specifier missing precision");
  }
  if (i < spec.size()) fs.type = spec[i++];
  if (i != spec.size()) throw_error(ErrorKind::Value, "Invalid format specifier");
  return fs;
}

std::string group_digits(const std::string& digits, char sep, int every) {
  if (!sep) return digits;
  std::string out;
  int n = static_cast<int>(digits.size());
  for (int k = 0; k < n; ++k) {
    if (k > 0 && (n - k) % every == 0) out += sep;
    out += digits[static_cast<std::size_t>(k)];
  }
  return out;
}

std::string apply_width(const FormatSpec& fs, const std::string& sign, const std::string& body,
                        char default_align) {
  char align = fs.align ? fs.align : (fs.zero ? '=' : default_align);
  std::string fill = fs.align ? fs.fill : (fs.zero ? "0" : fs.fill);
  std::size_t len = unicode::length(sign) + unicode::length(body);
  if (fs.width < 0 || len >= static_cast<std::size_t>(fs.width)) return sign + body;
  std::size_t total = static_cast<std::size_t>(fs.width) - len;
  std::string pad;
  if (align == '=') {
    for (std::size_t i = 0; i < total; ++i) pad += fill;
    return sign + pad + body;
  }
  return pad_to_width(sign + body, static_cast<std::size_t>(fs.width), align, fill);
}

std::string format_number_spec(const Value& v, const FormatSpec& fs) {
  char type = fs.type;
  bool is_int = v.is_int() || v.is_bool();
  if (is_int && (type == 0 || type == 'd' || type == 'n' || type == 'b' || type == 'o' ||
                 type == 'x' || type == 'X' || type == 'c')) {
    std::int64_t i = v.as_int();
    std::uint64_t mag = i < 0 ? 0 - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i);
    std::string digits;
    std::string prefix;
    if (type == 'c') {
      std::string s = unicode::encode(static_cast<char32_t>(i));
      return apply_width(fs, "", s, '<');
    }
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    digits = digits_in_base(mag, base, type == 'X');
    if (fs.alt && base != 10)
      prefix = base == 2 ? "0b" : base == 8 ? "0o" : type == 'x' ? "0x" : "0X";
    digits = group_digits(digits, fs.grouping, base == 10 ? 3 : 4);
    std::string sign = i < 0 ? "-" : fs.sign == '+' ? "+" : fs.sign == ' ' ? " " : "";
    return apply_width(fs, sign + prefix, digits, '>');
  }
  double d = v.as_double();
  if (type == 0 && fs.precision < 0) {
    std::string s;
    append_float_repr(s, std::fabs(d));
    std::size_t dot = s.find('.');
    std::string intpart = dot == std::string::npos ? s : s.substr(0, dot);
    std::string rest = dot == std::string::npos ? "" : s.substr(dot);
    if (s.find('e') == std::string::npos) s = group_digits(intpart, fs.grouping, 3) + rest;
    std::string sign = std::signbit(d) ? "-" : fs.sign == '+' ? "+" : fs.sign == ' ' ? " " : "";
    return apply_width(fs, sign, s, '>');
  }
  char conv = type;
  int precision = fs.precision < 0 ? 6 : fs.precision;
  double x = d;
  bool percent = false;
  if (type == '%') {
    conv = 'f';
    x = d * 100;
    percent = true;
  } else if (type == 0 || type == 'n') {
    conv = 'g';
  }
  if (conv != 'e' && conv != 'E' && conv != 'f' && conv != 'F' && conv != 'g' && conv != 'G') {
    throw_error(ErrorKind::Value, std::string("Unknown format code '") + type +
                                      "' for object of type '" + std::string(v.type_name()) + "'");
  }
  std::string body = format_float(x, conv, precision, fs.alt);
  if (type == 0 && body.find_first_of(".e") == std::string::npos && std::isfinite(x)) {
    body += ".0";  // Python keeps at least one decimal for the general format
  }
  if (fs.grouping && body.find_first_of("en") == std::string::npos) {
    std::size_t dot = body.find('.');
    std::string intpart = dot == std::string::npos ? body : body.substr(0, dot);
    std::string rest = dot == std::string::npos ? "" : body.substr(dot);
    body = group_digits(intpart, fs.grouping, 3) + rest;
  }
  if (percent) body += '%';
  std::string sign = (std::signbit(x) && !std::isnan(x)) ? "-"
                     : fs.sign == '+'                    ? "+"
                     : fs.sign == ' '                    ? " "
                                                         : "";
  return apply_width(fs, sign, body, '>');
}

}  // namespace

std::string format_with_spec(Context& ctx, const Value& value, std::string_view spec) {
  if (spec.empty()) return ctx.to_string(value);
  FormatSpec fs = parse_spec(spec);
  if (value.is_number()) {
    if (value.is_bool() && fs.type == 0) {
      std::string s = value.as_bool() ? "True" : "False";
      return apply_width(fs, "", s, '<');
    }
    if ((value.is_int() || value.is_bool()) && fs.type == 's') {
      throw_error(ErrorKind::Value, "Unknown format code 's' for object of type 'int'");
    }
    return format_number_spec(value, fs);
  }
  if (value.is_string()) {
    if (fs.type != 0 && fs.type != 's') {
      throw_error(ErrorKind::Value,
                  std::string("Unknown format code '") + fs.type + "' for object of type 'str'");
    }
    std::string s = value.str();
    if (fs.precision >= 0) {
      s = s.substr(0, unicode::byte_offset(s, static_cast<std::size_t>(fs.precision)));
    }
    return apply_width(fs, "", s, '<');
  }
  throw_error(ErrorKind::Type, "unsupported format string passed to " +
                                   std::string(value.type_name()) + ".__format__");
}

std::string str_format(Context& ctx, std::string_view fmt, const CallArgs& args,
                       bool escape_fields) {
  std::string out;
  std::size_t auto_index = 0;
  bool used_auto = false, used_manual = false;
  auto resolve = [&](std::string_view field) -> Value {
    // arg_name ("." attr | "[" key "]")*
    std::size_t i = 0;
    while (i < field.size() && field[i] != '.' && field[i] != '[') ++i;
    std::string_view name = field.substr(0, i);
    Value v;
    if (name.empty()) {
      if (used_manual) {
        throw_error(ErrorKind::Value,
                    "cannot switch from manual field specification to automatic field numbering");
      }
      used_auto = true;
      if (auto_index >= args.pos.size()) {
        throw_error(ErrorKind::Value, "Replacement index " + std::to_string(auto_index) +
                                          " out of range for positional args tuple");
      }
      v = args.pos[auto_index++];
    } else if (name[0] >= '0' && name[0] <= '9') {
      if (used_auto) {
        throw_error(ErrorKind::Value,
                    "cannot switch from automatic field numbering to manual field specification");
      }
      used_manual = true;
      std::size_t idx = std::stoul(std::string(name));
      if (idx >= args.pos.size()) {
        throw_error(ErrorKind::Value, "Replacement index " + std::to_string(idx) +
                                          " out of range for positional args tuple");
      }
      v = args.pos[idx];
    } else {
      bool found = false;
      for (const auto& [k, val] : args.kw) {
        if (k == name) {
          v = val;
          found = true;
        }
      }
      if (!found) throw_error(ErrorKind::Value, "KeyError: '" + std::string(name) + "'");
    }
    while (i < field.size()) {
      if (field[i] == '.') {
        std::size_t j = i + 1;
        while (j < field.size() && field[j] != '.' && field[j] != '[') ++j;
        // Python's getattr: attributes only (the keys of a dict are not attributes)
        std::string_view attr = field.substr(i + 1, j - i - 1);
        Value a = ctx.getattr(v, attr);
        if (v.is_dict() && !a.is_object()) a = Value::undefined();
        if (a.is_undefined()) {
          throw_error(ErrorKind::Type, "'" + std::string(v.type_name()) +
                                           "' object has no attribute '" + std::string(attr) + "'");
        }
        v = a;
        i = j;
      } else {
        std::size_t close = field.find(']', i);
        if (close == std::string_view::npos)
          throw_error(ErrorKind::Value, "Missing ']' in format string");
        std::string key(field.substr(i + 1, close - i - 1));
        bool numeric = !key.empty() && key.find_first_not_of("0123456789") == std::string::npos;
        v = ctx.getitem(v,
                        numeric ? Value(static_cast<std::int64_t>(std::stoll(key))) : Value(key));
        i = close + 1;
      }
    }
    return v;
  };
  std::size_t i = 0;
  while (i < fmt.size()) {
    char c = fmt[i];
    if (c == '{') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
        out += '{';
        i += 2;
        continue;
      }
      // find the matching close brace (one level of nesting in the spec)
      std::size_t j = i + 1;
      int depth = 1;
      while (j < fmt.size() && depth > 0) {
        if (fmt[j] == '{') ++depth;
        if (fmt[j] == '}') --depth;
        if (depth > 0) ++j;
      }
      if (j >= fmt.size()) throw_error(ErrorKind::Value, "Single '{' encountered in format string");
      std::string_view field = fmt.substr(i + 1, j - i - 1);
      std::string_view spec;
      char conversion = 0;
      std::size_t colon = std::string_view::npos;
      std::size_t bang = std::string_view::npos;
      for (std::size_t k = 0; k < field.size(); ++k) {
        if (field[k] == '[') {
          std::size_t close = field.find(']', k);
          if (close != std::string_view::npos) k = close;
          continue;
        }
        if (field[k] == '!' && bang == std::string_view::npos) bang = k;
        if (field[k] == ':') {
          colon = k;
          break;
        }
      }
      if (colon != std::string_view::npos) spec = field.substr(colon + 1);
      std::string_view name = field.substr(0, std::min(colon, bang));
      if (bang != std::string_view::npos && (colon == std::string_view::npos || bang < colon)) {
        if (bang + 1 < field.size()) conversion = field[bang + 1];
      }
      Value v = resolve(name);
      std::string spec_text(spec);
      if (spec_text.find('{') != std::string::npos) {
        spec_text = str_format(ctx, spec_text, args, false);
      }
      if (conversion == 'r' || conversion == 'a') {
        v = Value(to_repr(v));
      } else if (conversion == 's') {
        v = Value(ctx.to_string(v));
      } else if (conversion) {
        throw_error(ErrorKind::Value, std::string("Unknown conversion specifier ") + conversion);
      }
      if (escape_fields && !v.is_markup()) {
        ctx.escape(format_with_spec(ctx, v, spec_text), out);
      } else {
        out += format_with_spec(ctx, v, spec_text);
      }
      i = j + 1;
    } else if (c == '}') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
        out += '}';
        i += 2;
        continue;
      }
      throw_error(ErrorKind::Value, "Single '}' encountered in format string");
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

}  // namespace samrapport::jinja
