#include "jinja/methods.hpp"

#include <algorithm>
#include <iterator>

#include "jinja/error.hpp"
#include "jinja/html_entities.hpp"
#include "jinja/limits.hpp"
#include "jinja/operators.hpp"
#include "jinja/pyformat.hpp"
#include "jinja/unicode.hpp"
#include "jinja/value_print.hpp"

namespace samrapport::jinja {

namespace {

constexpr std::string_view kStrMethods[] = {
    "capitalize", "casefold",   "center",       "count",        "endswith",  "expandtabs",
    "find",       "format",     "index",        "isalnum",      "isalpha",   "isascii",
    "isdecimal",  "isdigit",    "isidentifier", "islower",      "isnumeric", "isprintable",
    "isspace",    "istitle",    "isupper",      "join",         "ljust",     "lower",
    "lstrip",     "partition",  "removeprefix", "removesuffix", "replace",   "rfind",
    "rindex",     "rjust",      "rpartition",   "rsplit",       "rstrip",    "split",
    "splitlines", "startswith", "strip",        "swapcase",     "title",     "upper",
    "zfill",      "format_map", "escape",       "unescape",     "striptags"};

constexpr std::string_view kListMethods[] = {"append", "clear",   "copy",   "count",
                                             "extend", "index",   "insert", "pop",
                                             "remove", "reverse", "sort"};

template <std::size_t N>
bool contains(const std::string_view (&a)[N], std::string_view name) {
  return std::find(std::begin(a), std::end(a), name) != std::end(a);
}

std::size_t cp_index_of_byte(const std::string& s, std::size_t byte) {
  return unicode::length(std::string_view(s).substr(0, byte));
}

const std::string& str_arg(const Args& a, std::size_t i, std::string_view method) {
  const Value* v = a.get(i);
  if (!v || !v->is_string()) {
    throw_error(ErrorKind::Type, std::string(method) + "() argument must be str, not " +
                                     std::string(v ? v->type_name() : "nothing"));
  }
  return v->str();
}

// start/end arguments of find/count/startswith, as a byte range of s.
std::pair<std::size_t, std::size_t> byte_range(const std::string& s, const Args& a,
                                               std::size_t start_i, std::size_t end_i) {
  auto len = static_cast<std::int64_t>(unicode::length(s));
  auto norm = [&](const Value* v, std::int64_t dflt) {
    if (!v || v->is_none()) return dflt;
    std::int64_t i = v->as_int();
    if (i < 0) i = std::max<std::int64_t>(0, i + len);
    return std::min(i, len);
  };
  std::int64_t b = norm(a.get(start_i), 0);
  std::int64_t e = norm(a.get(end_i), len);
  if (e < b) e = b;
  return {unicode::byte_offset(s, static_cast<std::size_t>(b)),
          unicode::byte_offset(s, static_cast<std::size_t>(e))};
}

bool all_chars(const std::string& s, bool (*pred)(char32_t)) {
  if (s.empty()) return false;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!pred(unicode::decode(s, i))) return false;
  }
  return true;
}

bool py_istitle(const std::string& s) {
  bool cased = false, prev_cased = false;
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = unicode::decode(s, i);
    if (unicode::is_upper(cp) || unicode::is_title(cp)) {
      if (prev_cased) return false;
      prev_cased = cased = true;
    } else if (unicode::is_lower(cp)) {
      if (!prev_cased) return false;
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return cased;
}

bool is_line_break(char32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x1C || cp == 0x1D ||
         cp == 0x1E || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

Value make_str(const Value& self, std::string s) {
  return self.is_markup() ? Value::markup(std::move(s)) : Value(std::move(s));
}

Value str_method(Context& ctx, const Value& self, std::string_view name, CallArgs& args) {
  const std::string& s = self.str();
  if (name == "upper" || name == "lower" || name == "capitalize" || name == "title" ||
      name == "swapcase" || name == "casefold") {
    expect_no_args(args, name);
    if (name == "upper") return make_str(self, unicode::upper(s));
    if (name == "lower" || name == "casefold") return make_str(self, unicode::lower(s));
    if (name == "capitalize") return make_str(self, unicode::capitalize(s));
    if (name == "title") return make_str(self, unicode::title(s));
    return make_str(self, unicode::swapcase(s));
  }
  if (name == "strip" || name == "lstrip" || name == "rstrip") {
    Args a(args, name, {"chars"});
    std::string chars;
    const std::string_view* cp = nullptr;
    std::string_view view;
    if (a.has(0) && !a.get(0)->is_none()) {
      chars = str_arg(a, 0, name);
      view = chars;
      cp = &view;
    }
    return make_str(self, std::string(unicode::strip(s, cp, name != "rstrip", name != "lstrip")));
  }
  if (name == "split" || name == "rsplit") {
    Args a(args, name, {"sep", "maxsplit"});
    std::string sep;
    const std::string* sp = nullptr;
    if (a.has(0) && !a.get(0)->is_none()) {
      sep = str_arg(a, 0, name);
      sp = &sep;
    }
    std::vector<Value> out;
    for (auto& part : py_split(s, sp, a.int_or(1, -1), name == "rsplit")) {
      out.push_back(make_str(self, std::move(part)));
    }
    return Value::list(std::move(out));
  }
  if (name == "splitlines") {
    Args a(args, name, {"keepends"});
    bool keep = a.bool_or(0, false);
    std::vector<Value> out;
    std::size_t i = 0, start = 0;
    while (i < s.size()) {
      std::size_t before = i;
      char32_t cp = unicode::decode(s, i);
      if (is_line_break(cp)) {
        std::size_t end = i;
        if (cp == '\r' && i < s.size() && s[i] == '\n') end = ++i;
        out.push_back(make_str(self, s.substr(start, (keep ? end : before) - start)));
        start = i;
      }
    }
    if (start < s.size()) out.push_back(make_str(self, s.substr(start)));
    return Value::list(std::move(out));
  }
  if (name == "startswith" || name == "endswith") {
    Args a(args, name, {"prefix", "start", "end"}, 1);
    auto [b, e] = byte_range(s, a, 1, 2);
    std::string_view range = std::string_view(s).substr(b, e - b);
    std::vector<Value> cands;
    if (a.get(0)->is_tuple()) {
      cands = a.get(0)->items();
    } else {
      cands.push_back(*a.get(0));
    }
    for (const auto& c : cands) {
      if (!c.is_string()) {
        throw_error(ErrorKind::Type, std::string(name) +
                                         " first arg must be str or a tuple of str, not " +
                                         std::string(c.type_name()));
      }
      const std::string& p = c.str();
      if (p.size() > range.size()) continue;
      if (name == "startswith" ? range.substr(0, p.size()) == p
                               : range.substr(range.size() - p.size()) == p) {
        return Value(true);
      }
    }
    return Value(false);
  }
  if (name == "replace") {
    Args a(args, name, {"old", "new", "count"}, 2);
    std::string repl = str_arg(a, 1, name);
    if (self.is_markup() && !a.get(1)->is_markup()) {
      std::string esc;
      ctx.escape(repl, esc);
      repl = std::move(esc);
    }
    return make_str(self, py_replace(s, str_arg(a, 0, name), repl, a.int_or(2, -1)));
  }
  if (name == "find" || name == "rfind" || name == "index" || name == "rindex") {
    Args a(args, name, {"sub", "start", "end"}, 1);
    const std::string& sub = str_arg(a, 0, name);
    auto [b, e] = byte_range(s, a, 1, 2);
    std::string_view range = std::string_view(s).substr(b, e - b);
    std::size_t pos = (name == "find" || name == "index") ? range.find(sub) : range.rfind(sub);
    if (pos == std::string_view::npos) {
      if (name == "index" || name == "rindex") throw_error(ErrorKind::Value, "substring not found");
      return Value(static_cast<std::int64_t>(-1));
    }
    return Value(static_cast<std::int64_t>(cp_index_of_byte(s, b + pos)));
  }
  if (name == "count") {
    Args a(args, name, {"sub", "start", "end"}, 1);
    const std::string& sub = str_arg(a, 0, name);
    auto [b, e] = byte_range(s, a, 1, 2);
    std::string_view range = std::string_view(s).substr(b, e - b);
    if (sub.empty()) return Value(static_cast<std::int64_t>(unicode::length(range) + 1));
    std::int64_t n = 0;
    for (std::size_t p = range.find(sub); p != std::string_view::npos;
         p = range.find(sub, p + sub.size())) {
      ++n;
    }
    return Value(n);
  }
  if (name == "join") {
    Args a(args, name, {"iterable"}, 1);
    std::vector<Value> items = ctx.iterate(*a.get(0));
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!items[i].is_string()) {
        throw_error(ErrorKind::Type, "sequence item " + std::to_string(i) +
                                         ": expected str instance, " +
                                         std::string(items[i].type_name()) + " found");
      }
      if (i) out += s;
      if (self.is_markup() && !items[i].is_markup()) {
        ctx.escape(items[i].str(), out);
      } else {
        out += items[i].str();
      }
      ctx.check_size(out.size());
    }
    return make_str(self, std::move(out));
  }
  if (name == "center" || name == "ljust" || name == "rjust") {
    Args a(args, name, {"width", "fillchar"}, 1);
    std::string fill = a.has(1) ? str_arg(a, 1, name) : std::string(" ");
    if (unicode::length(fill) != 1) {
      throw_error(ErrorKind::Type, "The fill character must be exactly one character long");
    }
    std::int64_t width = a.int_or(0, 0);
    ctx.check_size(static_cast<std::size_t>(std::max<std::int64_t>(width, 0)) * fill.size());
    if (width <= 0) return make_str(self, s);
    if (name == "center")
      return make_str(self, py_center(s, static_cast<std::size_t>(width), fill));
    return make_str(
        self, pad_to_width(s, static_cast<std::size_t>(width), name == "ljust" ? '<' : '>', fill));
  }
  if (name == "zfill") {
    Args a(args, name, {"width"}, 1);
    std::int64_t width = a.int_or(0, 0);
    ctx.check_size(static_cast<std::size_t>(std::max<std::int64_t>(width, 0)));
    auto len = static_cast<std::int64_t>(unicode::length(s));
    if (width <= len) return make_str(self, s);
    std::string sign;
    std::string rest = s;
    if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
      sign = rest.substr(0, 1);
      rest = rest.substr(1);
    }
    return make_str(self, sign + std::string(static_cast<std::size_t>(width - len), '0') + rest);
  }
  if (name == "format") {
    std::string out = str_format(ctx, s, args, self.is_markup());
    return make_str(self, std::move(out));
  }
  if (name == "format_map") {
    Args a(args, name, {"mapping"}, 1);
    if (!a.get(0)->is_dict())
      throw_error(ErrorKind::Type, "format_map() argument must be a mapping");
    CallArgs kw;
    for (const auto& e : a.get(0)->dict_obj().entries()) {
      if (e.key.is_string()) kw.kw.emplace_back(e.key.str(), e.value);
    }
    return make_str(self, str_format(ctx, s, kw, self.is_markup()));
  }
  if (name == "partition" || name == "rpartition") {
    Args a(args, name, {"sep"}, 1);
    const std::string& sep = str_arg(a, 0, name);
    if (sep.empty()) throw_error(ErrorKind::Value, "empty separator");
    std::size_t p = name == "partition" ? s.find(sep) : s.rfind(sep);
    if (p == std::string::npos) {
      if (name == "partition") {
        return Value::tuple({make_str(self, s), make_str(self, ""), make_str(self, "")});
      }
      return Value::tuple({make_str(self, ""), make_str(self, ""), make_str(self, s)});
    }
    return Value::tuple({make_str(self, s.substr(0, p)), make_str(self, sep),
                         make_str(self, s.substr(p + sep.size()))});
  }
  if (name == "removeprefix" || name == "removesuffix") {
    Args a(args, name, {"affix"}, 1);
    const std::string& x = str_arg(a, 0, name);
    if (name == "removeprefix" && s.compare(0, x.size(), x) == 0) {
      return make_str(self, s.substr(x.size()));
    }
    if (name == "removesuffix" && !x.empty() && s.size() >= x.size() &&
        s.compare(s.size() - x.size(), x.size(), x) == 0) {
      return make_str(self, s.substr(0, s.size() - x.size()));
    }
    return make_str(self, s);
  }
  if (name == "expandtabs") {
    Args a(args, name, {"tabsize"});
    std::int64_t tab = a.int_or(0, 8);
    {
      // the size of the result, checked before it is built
      std::size_t size = 0;
      std::int64_t col = 0;
      std::size_t i = 0;
      while (i < s.size()) {
        std::size_t start = i;
        char32_t cp = unicode::decode(s, i);
        if (cp == '\t') {
          if (tab > 0) {
            std::int64_t n = tab - (col % tab);
            size += static_cast<std::size_t>(n);
            col += n;
          }
        } else {
          size += i - start;
          col = (cp == '\n' || cp == '\r') ? 0 : col + 1;
        }
        if (size > s.size()) ctx.check_size(size);
      }
      ctx.check_size(size);
    }
    std::string out;
    std::int64_t col = 0;
    std::size_t i = 0;
    while (i < s.size()) {
      char32_t cp = unicode::decode(s, i);
      if (cp == '\t') {
        if (tab > 0) {
          std::int64_t n = tab - (col % tab);
          out.append(static_cast<std::size_t>(n), ' ');
          col += n;
        }
      } else if (cp == '\n' || cp == '\r') {
        unicode::append_utf8(out, cp);
        col = 0;
      } else {
        unicode::append_utf8(out, cp);
        ++col;
      }
    }
    return make_str(self, std::move(out));
  }
  if (name.substr(0, 2) == "is") {
    expect_no_args(args, name);
    if (name == "isdigit") return Value(all_chars(s, unicode::is_digit));
    if (name == "isdecimal") return Value(all_chars(s, unicode::is_decimal));
    if (name == "isnumeric") return Value(all_chars(s, unicode::is_numeric));
    if (name == "isalpha") return Value(all_chars(s, unicode::is_alpha));
    if (name == "isalnum") return Value(all_chars(s, unicode::is_alnum));
    if (name == "isspace") return Value(all_chars(s, unicode::is_space));
    if (name == "isprintable") return Value(s.empty() || all_chars(s, unicode::is_printable));
    if (name == "isascii") return Value(unicode::is_ascii(s));
    if (name == "isupper") return Value(unicode::is_all_upper(s));
    if (name == "islower") return Value(unicode::is_all_lower(s));
    if (name == "istitle") return Value(py_istitle(s));
    if (name == "isidentifier") {
      if (s.empty()) return Value(false);
      std::size_t i = 0;
      if (!unicode::is_id_start(unicode::decode(s, i))) return Value(false);
      while (i < s.size()) {
        if (!unicode::is_id_continue(unicode::decode(s, i))) return Value(false);
      }
      return Value(true);
    }
  }
  if (name == "escape") {
    expect_no_args(args, name);
    if (self.is_markup()) return self;
    std::string out;
    ctx.escape(s, out);
    return Value::markup(std::move(out));
  }
  if (name == "unescape") {
    expect_no_args(args, name);
    return Value(html_unescape(s));
  }
  if (name == "striptags") {
    expect_no_args(args, name);
    CallArgs none;
    return ctx.call_filter("striptags", self, none);
  }
  throw_error(ErrorKind::Type, "'str' object has no method '" + std::string(name) + "'");
}

std::int64_t list_index(const std::vector<Value>& items, const Value& x) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (py_equal(items[i], x)) return static_cast<std::int64_t>(i);
  }
  return -1;
}

Value list_method(Context& ctx, const Value& self, std::string_view name, CallArgs& args) {
  std::vector<Value>& items = self.list_obj().items;
  if (name == "count") {
    Args a(args, name, {"value"}, 1);
    std::int64_t n = 0;
    for (const auto& x : items) {
      if (py_equal(x, *a.get(0))) ++n;
    }
    return Value(n);
  }
  if (name == "index") {
    Args a(args, name, {"value"}, 1);
    std::int64_t i = list_index(items, *a.get(0));
    if (i < 0) throw_error(ErrorKind::Value, to_repr(*a.get(0)) + " is not in list");
    return Value(i);
  }
  if (self.is_tuple() || self.list_obj().flavor != ListFlavor::Plain) {
    throw_error(ErrorKind::Type, "'" + std::string(self.type_name()) + "' object has no method '" +
                                     std::string(name) + "'");
  }
  if (name == "append") {
    Args a(args, name, {"object"}, 1);
    check_no_cycle(*a.get(0), self.identity());
    charge_bytes(sizeof(Value));
    items.push_back(*a.get(0));
    return Value();
  }
  if (name == "extend") {
    Args a(args, name, {"iterable"}, 1);
    std::vector<Value> more = ctx.iterate(*a.get(0));
    for (const auto& v : more) check_no_cycle(v, self.identity());
    charge_bytes(more.size() * sizeof(Value));
    for (auto& v : more) items.push_back(std::move(v));
    return Value();
  }
  if (name == "insert") {
    Args a(args, name, {"index", "object"}, 2);
    auto n = static_cast<std::int64_t>(items.size());
    std::int64_t i = a.int_or(0, 0);
    if (i < 0) i = std::max<std::int64_t>(0, i + n);
    i = std::min(i, n);
    check_no_cycle(*a.get(1), self.identity());
    charge_bytes(sizeof(Value));
    items.insert(items.begin() + i, *a.get(1));
    return Value();
  }
  if (name == "pop") {
    Args a(args, name, {"index"});
    if (items.empty()) throw_error(ErrorKind::Value, "pop from empty list");
    auto n = static_cast<std::int64_t>(items.size());
    std::int64_t i = a.int_or(0, -1);
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw_error(ErrorKind::Value, "pop index out of range");
    Value v = items[static_cast<std::size_t>(i)];
    items.erase(items.begin() + i);
    return v;
  }
  if (name == "remove") {
    Args a(args, name, {"value"}, 1);
    std::int64_t i = list_index(items, *a.get(0));
    if (i < 0) throw_error(ErrorKind::Value, "list.remove(x): x not in list");
    items.erase(items.begin() + i);
    return Value();
  }
  if (name == "clear") {
    expect_no_args(args, name);
    items.clear();
    return Value();
  }
  if (name == "copy") {
    expect_no_args(args, name);
    return Value::list(items);
  }
  if (name == "reverse") {
    expect_no_args(args, name);
    std::reverse(items.begin(), items.end());
    return Value();
  }
  if (name == "sort") {
    Args a(args, name, {"reverse"});
    bool rev = a.bool_or(0, false);
    std::vector<Value> sorted = items;
    std::stable_sort(sorted.begin(), sorted.end(), [rev](const Value& x, const Value& y) {
      return rev ? py_less(y, x) : py_less(x, y);
    });
    items = std::move(sorted);
    return Value();
  }
  throw_error(ErrorKind::Type, "'list' object has no method '" + std::string(name) + "'");
}

Value dict_view(const DictObj& d, ListFlavor flavor) {
  auto l = make_rc<ListObj>();
  l->flavor = flavor;
  l->items.reserve(d.size());
  for (const auto& e : d.entries()) {
    if (flavor == ListFlavor::DictItems) {
      l->items.push_back(Value::tuple({e.key, e.value}));
    } else {
      l->items.push_back(flavor == ListFlavor::DictKeys ? e.key : e.value);
    }
  }
  return Value(std::move(l));
}

Value dict_method(Context& ctx, const Value& self, std::string_view name, CallArgs& args) {
  DictObj& d = self.dict_obj();
  if (name == "items") {
    expect_no_args(args, name);
    return dict_view(d, ListFlavor::DictItems);
  }
  if (name == "keys") {
    expect_no_args(args, name);
    return dict_view(d, ListFlavor::DictKeys);
  }
  if (name == "values") {
    expect_no_args(args, name);
    return dict_view(d, ListFlavor::DictValues);
  }
  if (name == "get") {
    Args a(args, name, {"key", "default"}, 1);
    const Value* key = a.get(0);
    if (key->is_list() || key->is_dict()) py_hash(*key);  // raises TypeError
    if (const Value* v = d.find(*key)) return *v;
    return a.get_or(1, Value());
  }
  if (name == "pop") {
    Args a(args, name, {"key", "default"}, 1);
    if (const Value* v = d.find(*a.get(0))) {
      Value out = *v;
      d.erase(*a.get(0));
      return out;
    }
    if (a.has(1)) return *a.get(1);
    throw_error(ErrorKind::Value, "KeyError: " + to_repr(*a.get(0)));
  }
  if (name == "popitem") {
    expect_no_args(args, name);
    if (d.empty()) throw_error(ErrorKind::Value, "KeyError: 'popitem(): dictionary is empty'");
    auto last = d.entries().back();
    d.erase(last.key);
    return Value::tuple({last.key, last.value});
  }
  if (name == "setdefault") {
    Args a(args, name, {"key", "default"}, 1);
    if (const Value* v = d.find(*a.get(0))) return *v;
    Value dflt = a.get_or(1, Value());
    check_no_cycle(dflt, self.identity());
    d.set(*a.get(0), dflt);
    return dflt;
  }
  if (name == "update") {
    if (args.pos.size() > 1) throw_error(ErrorKind::Type, "update expected at most 1 argument");
    if (!args.pos.empty()) {
      const Value& other = args.pos[0];
      if (other.is_dict()) {
        check_no_cycle(other, self.identity());
        for (const auto& e : other.dict_obj().entries()) d.set(e.key, e.value);
      } else {
        for (const auto& pair : ctx.iterate(other)) {
          std::vector<Value> kv = ctx.iterate(pair);
          if (kv.size() != 2) {
            throw_error(ErrorKind::Value, "dictionary update sequence element has wrong length");
          }
          check_no_cycle(kv[1], self.identity());
          d.set(kv[0], kv[1]);
        }
      }
    }
    for (const auto& [k, v] : args.kw) {
      check_no_cycle(v, self.identity());
      d.set(k, v);
    }
    return Value();
  }
  if (name == "clear") {
    expect_no_args(args, name);
    d.clear();
    return Value();
  }
  if (name == "copy") {
    expect_no_args(args, name);
    Value out = Value::dict();
    for (const auto& e : d.entries()) out.dict_obj().set(e.key, e.value);
    return out;
  }
  throw_error(ErrorKind::Type, "'dict' object has no method '" + std::string(name) + "'");
}

}  // namespace

namespace {

// Attribute lookups on dicts check this first (methods win over keys), so it is fast.
bool is_dict_method(std::string_view n) {
  switch (n.size()) {
    case 3:
      return n == "get" || n == "pop";
    case 4:
      return n == "copy" || n == "keys";
    case 5:
      return n == "clear" || n == "items";
    case 6:
      return n == "update" || n == "values";
    case 7:
      return n == "popitem";
    case 10:
      return n == "setdefault";
    default:
      return false;
  }
}

}  // namespace

bool has_method(const Value& self, std::string_view name) {
  switch (self.kind()) {
    case Kind::Str:
      return contains(kStrMethods, name) && name != "escape" && name != "unescape" &&
             name != "striptags";
    case Kind::Markup:
      return contains(kStrMethods, name);
    case Kind::List:
      if (self.list_obj().flavor == ListFlavor::Group ||
          self.list_obj().flavor == ListFlavor::Range) {
        return name == "count" || name == "index";
      }
      if (self.list_obj().flavor != ListFlavor::Plain) return false;
      return contains(kListMethods, name);
    case Kind::Tuple:
      return name == "count" || name == "index";
    case Kind::Dict:
      return is_dict_method(name);
    default:
      return false;
  }
}

bool call_method(Context& ctx, const Value& self, std::string_view name, CallArgs& args,
                 Value& out) {
  if (!has_method(self, name)) return false;
  if (self.is_string()) {
    out = str_method(ctx, self, name, args);
  } else if (self.is_sequence()) {
    out = list_method(ctx, self, name, args);
  } else {
    out = dict_method(ctx, self, name, args);
  }
  return true;
}

std::string py_center(std::string_view s, std::size_t width, std::string_view fill) {
  std::size_t len = unicode::length(s);
  if (width <= len) return std::string(s);
  std::size_t marg = width - len;
  std::size_t left = marg / 2 + (marg & width & 1);
  std::string out;
  for (std::size_t i = 0; i < left; ++i) out += fill;
  out += s;
  for (std::size_t i = 0; i < marg - left; ++i) out += fill;
  return out;
}

std::vector<std::string> py_split(std::string_view s, const std::string* sep, std::int64_t maxsplit,
                                  bool from_right) {
  std::vector<std::string> out;
  if (sep) {
    if (sep->empty()) throw_error(ErrorKind::Value, "empty separator");
    if (!from_right) {
      std::size_t start = 0;
      while (maxsplit < 0 || static_cast<std::int64_t>(out.size()) < maxsplit) {
        std::size_t p = s.find(*sep, start);
        if (p == std::string_view::npos) break;
        out.emplace_back(s.substr(start, p - start));
        start = p + sep->size();
      }
      out.emplace_back(s.substr(start));
    } else {
      std::size_t end = s.size();
      std::vector<std::string> rev;
      while (maxsplit < 0 || static_cast<std::int64_t>(rev.size()) < maxsplit) {
        if (end < sep->size()) break;
        std::size_t p = s.rfind(*sep, end - sep->size());
        if (p == std::string_view::npos) break;
        rev.emplace_back(s.substr(p + sep->size(), end - p - sep->size()));
        end = p;
      }
      rev.emplace_back(s.substr(0, end));
      out.assign(rev.rbegin(), rev.rend());
    }
    return out;
  }
  // whitespace splitting on code points
  std::vector<std::pair<std::size_t, std::size_t>> words;  // byte ranges
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    char32_t cp = unicode::decode(s, j);
    if (unicode::is_space(cp)) {
      i = j;
      continue;
    }
    std::size_t start = i;
    i = j;
    while (i < s.size()) {
      std::size_t k = i;
      if (unicode::is_space(unicode::decode(s, k))) break;
      i = k;
    }
    words.emplace_back(start, i);
  }
  if (maxsplit < 0 || static_cast<std::int64_t>(words.size()) <= maxsplit + 1) {
    for (auto [b, e] : words) out.emplace_back(s.substr(b, e - b));
    return out;
  }
  auto m = static_cast<std::size_t>(maxsplit);
  if (!from_right) {
    for (std::size_t w = 0; w < m; ++w)
      out.emplace_back(s.substr(words[w].first, words[w].second - words[w].first));
    std::string_view rest = s.substr(words[m].first);
    out.emplace_back(unicode::strip(rest, nullptr, false, true));
  } else {
    std::size_t first_kept = words.size() - m;
    std::string_view rest = s.substr(0, words[first_kept - 1].second);
    out.emplace_back(unicode::strip(rest, nullptr, true, false));
    for (std::size_t w = first_kept; w < words.size(); ++w) {
      out.emplace_back(s.substr(words[w].first, words[w].second - words[w].first));
    }
  }
  return out;
}

std::string py_replace(std::string_view s, std::string_view old, std::string_view repl,
                       std::int64_t count) {
  {
    // the size of the result, checked before it is built
    std::uint64_t n = 0;
    if (old.empty()) {
      n = unicode::length(s) + 1;
    } else {
      for (std::size_t p = s.find(old); p != std::string_view::npos;
           p = s.find(old, p + old.size())) {
        ++n;
        if (count >= 0 && n >= static_cast<std::uint64_t>(count)) break;
      }
    }
    if (count >= 0) n = std::min<std::uint64_t>(n, static_cast<std::uint64_t>(count));
    const std::uint64_t removed = old.empty() ? 0 : n * old.size();
    const std::uint64_t added = n * repl.size();
    if (repl.size() != 0 && added / repl.size() != n) check_alloc(SIZE_MAX);
    check_alloc(static_cast<std::size_t>(s.size() - removed + added));
  }
  std::string out;
  if (old.empty()) {
    std::int64_t n = 0;
    std::size_t i = 0;
    while (i <= s.size()) {
      if (count < 0 || n < count) {
        out += repl;
        ++n;
      }
      if (i == s.size()) break;
      std::size_t j = i;
      unicode::decode(s, j);
      out += s.substr(i, j - i);
      i = j;
    }
    return out;
  }
  std::size_t start = 0;
  std::int64_t n = 0;
  while (count < 0 || n < count) {
    std::size_t p = s.find(old, start);
    if (p == std::string_view::npos) break;
    out += s.substr(start, p - start);
    out += repl;
    start = p + old.size();
    ++n;
  }
  out += s.substr(start);
  return out;
}

}  // namespace samrapport::jinja
