#include "jinja/value_print.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

#include "jinja/limits.hpp"
#include "jinja/unicode.hpp"

namespace samrapport::jinja {

void append_int(std::string& out, std::int64_t i) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, i);
  out.append(buf, r.ptr);
}

void append_float_repr(std::string& out, double d) {
  if (std::isnan(d)) {
    out += "nan";
    return;
  }
  if (std::isinf(d)) {
    out += d < 0 ? "-inf" : "inf";
    return;
  }
  if (d == 0.0) {
    out += std::signbit(d) ? "-0.0" : "0.0";
    return;
  }
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<std::size_t>(r.ptr - buf));
  bool negative = false;
  if (!sci.empty() && sci[0] == '-') {
    negative = true;
    sci.remove_prefix(1);
  }
  std::size_t e = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e)) {
    if (c != '.') digits += c;
  }
  int exponent = std::stoi(std::string(sci.substr(e + 1)));
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int decpt = exponent + 1;
  if (negative) out += '-';
  if (decpt <= -4 || decpt > 16) {
    out += digits[0];
    if (digits.size() > 1) {
      out += '.';
      out.append(digits, 1, std::string::npos);
    }
    out += 'e';
    int ex = decpt - 1;
    out += ex < 0 ? '-' : '+';
    if (ex < 0) ex = -ex;
    if (ex < 10) out += '0';
    append_int(out, ex);
    return;
  }
  auto n = static_cast<int>(digits.size());
  if (decpt <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-decpt), '0');
    out += digits;
  } else if (decpt >= n) {
    out += digits;
    out.append(static_cast<std::size_t>(decpt - n), '0');
    out += ".0";
  } else {
    out.append(digits, 0, static_cast<std::size_t>(decpt));
    out += '.';
    out.append(digits, static_cast<std::size_t>(decpt), std::string::npos);
  }
}

void append_string_repr(std::string& out, std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  out += quote;
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = unicode::decode(s, i);
    if (cp == static_cast<char32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp < 0x80) {
      if (cp < 0x20 || cp == 0x7F) {
        unicode::append_escaped_code_point(out, cp);
      } else {
        out += static_cast<char>(cp);
      }
    } else if (!unicode::is_printable(cp)) {
      unicode::append_escaped_code_point(out, cp);
    } else {
      unicode::append_utf8(out, cp);
    }
  }
  out += quote;
}

namespace {

struct ReprState {
  std::vector<const void*> stack;  // the containers being printed (Python's repr recursion)
  std::size_t base;                // where this print started in `out`
};

/// One container level: bounded in depth, counted as an operation, and stopped as soon as
/// the text grows beyond what a string may hold (a list holding the same list twice at
/// every level prints 2^depth items).
struct ReprGuard {
  ValueDepthGuard depth;
  std::vector<const void*>& stack;
  bool recursive = false;
  ReprGuard(ReprState& st, const std::string& out, const void* id) : stack(st.stack) {
    count_operations();
    check_alloc(out.size() - st.base);
    for (const void* p : stack) {
      if (p == id) recursive = true;
    }
    if (!recursive) stack.push_back(id);
  }
  ~ReprGuard() {
    if (!recursive) stack.pop_back();
  }
};

void repr_impl(std::string& out, const Value& v, ReprState& st);

void repr_items(std::string& out, const std::vector<Value>& items, ReprState& st) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    repr_impl(out, items[i], st);
  }
}

void repr_impl(std::string& out, const Value& v, ReprState& st) {
  switch (v.kind()) {
    case Kind::Str:
      append_string_repr(out, v.str());
      return;
    case Kind::Markup:
      out += "Markup(";
      append_string_repr(out, v.str());
      out += ')';
      return;
    case Kind::List: {
      ReprGuard g(st, out, v.identity());
      const ListObj& l = v.list_obj();
      switch (l.flavor) {
        case ListFlavor::Range:
          out += "range(";
          append_int(out, l.range_start);
          out += ", ";
          append_int(out, l.range_stop);
          if (l.range_step != 1) {
            out += ", ";
            append_int(out, l.range_step);
          }
          out += ')';
          return;
        case ListFlavor::Group:
          out += '(';
          repr_items(out, l.items, st);
          out += ')';
          return;
        case ListFlavor::DictItems:
          out += "dict_items(";
          break;
        case ListFlavor::DictKeys:
          out += "dict_keys(";
          break;
        case ListFlavor::DictValues:
          out += "dict_values(";
          break;
        case ListFlavor::Plain:
          break;
      }
      if (g.recursive) {
        out += "[...]";
      } else {
        out += '[';
        repr_items(out, l.items, st);
        out += ']';
      }
      if (l.flavor != ListFlavor::Plain) out += ')';
      return;
    }
    case Kind::Tuple: {
      ReprGuard g(st, out, v.identity());
      if (g.recursive) {
        out += "(...)";
        return;
      }
      out += '(';
      repr_items(out, v.items(), st);
      if (v.items().size() == 1) out += ',';
      out += ')';
      return;
    }
    case Kind::Dict: {
      ReprGuard g(st, out, v.identity());
      if (g.recursive) {
        out += "{...}";
        return;
      }
      out += '{';
      bool first = true;
      for (const auto& e : v.dict_obj().entries()) {
        if (!first) out += ", ";
        first = false;
        repr_impl(out, e.key, st);
        out += ": ";
        repr_impl(out, e.value, st);
      }
      out += '}';
      return;
    }
    case Kind::Undefined:
      out += "Undefined";
      return;
    case Kind::Object:
      v.object().repr(out);
      return;
    default:
      append_str(out, v);
      return;
  }
}

}  // namespace

void append_str(std::string& out, const Value& v) {
  switch (v.kind()) {
    case Kind::None:
      out += "None";
      return;
    case Kind::Bool:
      out += v.as_bool() ? "True" : "False";
      return;
    case Kind::Int:
      append_int(out, v.as_int());
      return;
    case Kind::Float:
      append_float_repr(out, v.as_double());
      return;
    case Kind::Undefined:
      return;
    case Kind::Str:
    case Kind::Markup:
      out += v.str();
      return;
    case Kind::Object:
      v.object().repr(out);
      return;
    default: {
      ReprState st{{}, out.size()};
      repr_impl(out, v, st);
    }
  }
}

std::string to_str(const Value& v) {
  if (v.is_string()) return v.str();
  std::string s;
  append_str(s, v);
  return s;
}

void append_repr(std::string& out, const Value& v) {
  ReprState st{{}, out.size()};
  repr_impl(out, v, st);
}

std::string to_repr(const Value& v) {
  std::string s;
  append_repr(s, v);
  return s;
}

}  // namespace samrapport::jinja
