#include "report_filters/report_filters.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "jinja/error.hpp"
#include "jinja/operators.hpp"

namespace samrapport::report_filters {

namespace {

using jinja::Args;
using jinja::CallArgs;
using jinja::Context;
using jinja::ErrorKind;
using jinja::Value;

// ---------------------------------------------------------------- tojson in Markdown

// The document layer reads "{ref:id}", "{Ref:id}" and "{refnum:id}" in the texts of the
// table()/figure() declarations, whose JSON lib/report.j2 writes with tojson. A string
// that is data (not Markup: a name, an answer) gets a backslash before such a marker, so
// that it prints as written; a marker from ref() is Markup and stays a reference.
bool marker_at(std::string_view s, std::size_t i) {
  return s.compare(i, 5, "{ref:") == 0 || s.compare(i, 5, "{Ref:") == 0 ||
         s.compare(i, 8, "{refnum:") == 0;
}

Value escape_markers(const Value& v, int depth) {
  if (depth > 256) return v;  // deeper than any declaration the document layer reads
  if (v.is_string()) {
    if (v.is_markup()) return v;
    const std::string& s = v.str();
    if (s.find('{') == std::string::npos) return v;
    std::string out;
    out.reserve(s.size() + 8);
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '{' && marker_at(s, i)) out += '\\';
      out += s[i];
    }
    return Value(std::move(out));
  }
  if (v.is_sequence()) {
    std::vector<Value> items;
    items.reserve(v.items().size());
    for (const Value& item : v.items()) items.push_back(escape_markers(item, depth + 1));
    return v.is_tuple() ? Value::tuple(std::move(items)) : Value::list(std::move(items));
  }
  if (v.is_dict()) {
    Value out = Value::dict();
    out.dict_obj().reserve(v.dict_obj().size());
    for (const auto& e : v.dict_obj().entries()) {
      out.dict_obj().set(e.key, escape_markers(e.value, depth + 1));
    }
    return out;
  }
  return v;
}

// Whether the template being rendered escapes for Markdown (the report and its macro
// libraries), where JSON is read by the document layer.
bool in_markdown(const Context& ctx) {
  if (!ctx.autoescape()) return false;
  std::string probe;
  ctx.escape("*", probe);
  return probe == "\\*";
}

double number_arg(Context& ctx, const Value& v, const char* filter) {
  if (v.is_undefined()) ctx.to_string(v);  // raises in strict mode
  if (v.is_int() || v.is_float()) return v.as_double();
  jinja::throw_error(ErrorKind::Type,
                     std::string(filter) + ": expected a number, got " +
                         (v.is_undefined() ? std::string("an undefined value")
                                           : "'" + std::string(v.type_name()) + "'"));
}

int decimals_arg(const Args& a, std::size_t i) {
  std::int64_t d = a.int_or(i, 0);
  if (d < 0 || d > 15) {
    jinja::throw_error(ErrorKind::Value, a.function() + ": decimals must be between 0 and 15");
  }
  return static_cast<int>(d);
}

/// thousands=: a separator string, true (the language's separator) or false/none (none).
std::string thousands_arg(const Args& a, std::size_t i, locale::Lang lang) {
  const Value* t = a.get(i);
  if (!t || t->is_none()) return "";
  if (t->is_bool()) return t->as_bool() ? std::string(locale::thousands_separator(lang)) : "";
  if (t->is_string()) return t->str();
  jinja::throw_error(ErrorKind::Type, a.function() + ": thousands must be a string or a boolean");
}

Value do_num(locale::Lang lang, Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "num", {"decimals", "thousands"});
  double x = number_arg(ctx, v, "num");
  return Value(locale::format_number(x, decimals_arg(a, 0), thousands_arg(a, 1, lang),
                                     locale::decimal_mark(lang)));
}

Value do_pct(locale::Lang lang, Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "pct", {"decimals", "words"});
  double x = number_arg(ctx, v, "pct");
  return Value(locale::format_percent(x, decimals_arg(a, 0), lang, a.bool_or(1, false)));
}

Value do_plural(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "plural", {"singular", "plural"}, 2);
  double x = number_arg(ctx, v, "plural");
  if (x != std::floor(x) || std::fabs(x) > 9e15) {
    jinja::throw_error(ErrorKind::Value, "plural: expected a whole number");
  }
  return Value(locale::plural(static_cast<std::int64_t>(x), ctx.to_string(*a.get(0)),
                              ctx.to_string(*a.get(1))));
}

Value do_date(locale::Lang lang, Context& ctx, const Value& v, CallArgs& args) {
  jinja::expect_no_args(args, "date_nb");
  std::string s = ctx.to_string(v);
  int y = 0, m = 0, d = 0;
  if (!locale::parse_iso_date(s, y, m, d)) {
    jinja::throw_error(ErrorKind::Value,
                       "date_nb: '" + s + "' is not a date of the form YYYY-MM-DD");
  }
  return Value(locale::format_date(y, m, d, lang));
}

Value do_join_og(locale::Lang lang, Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "join_og", {"conjunction", "attribute"});
  std::vector<Value> items = ctx.iterate(v);
  std::vector<std::string> texts;
  texts.reserve(items.size());
  for (const auto& item : items) {
    Value x = item;
    if (a.has(1) && !a.get(1)->is_none()) x = ctx.getitem(item, *a.get(1));
    texts.push_back(ctx.to_string(x));
  }
  std::string conj = a.has(0) && !a.get(0)->is_none() ? ctx.to_string(*a.get(0)) : "";
  return Value(locale::join_list(texts, lang, conj));
}

/// Sort key for Norwegian collation: collation keys for strings, the value otherwise.
Value collation_sort_key(Context& ctx, const Value& item, const Value* attribute) {
  Value x = item;
  if (attribute && !attribute->is_none()) {
    if (attribute->is_string()) {
      // dotted paths as in Jinja's sort(attribute="a.b")
      const std::string& path = attribute->str();
      std::size_t start = 0;
      while (true) {
        std::size_t dot = path.find('.', start);
        std::string part =
            path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        bool digits = !part.empty() && std::all_of(part.begin(), part.end(), ::isdigit);
        x = ctx.getitem(x,
                        digits ? Value(static_cast<std::int64_t>(std::stoll(part))) : Value(part));
        if (dot == std::string::npos) break;
        start = dot + 1;
      }
    } else {
      x = ctx.getitem(x, *attribute);
    }
  }
  if (x.is_undefined()) ctx.to_string(x);
  return x;
}

Value sort_collated(Context& ctx, const Value& v, bool reverse, const Value* attribute) {
  std::vector<Value> items = ctx.iterate(v);
  struct Key {
    bool is_string;
    std::string collation;
    Value value;
  };
  std::vector<Key> keys;
  keys.reserve(items.size());
  for (const auto& item : items) {
    Value k = collation_sort_key(ctx, item, attribute);
    if (k.is_string()) {
      keys.push_back(Key{true, locale::collation_key(k.str()), Value()});
    } else {
      keys.push_back(Key{false, std::string(), k});
    }
  }
  std::vector<std::size_t> order(items.size());
  std::iota(order.begin(), order.end(), 0);
  auto less = [&](std::size_t x, std::size_t y) {
    const Key& a = keys[x];
    const Key& b = keys[y];
    if (a.is_string && b.is_string) return a.collation < b.collation;
    if (a.is_string != b.is_string) {
      jinja::throw_error(ErrorKind::Type, "sort_nb: cannot compare text with '" +
                                              std::string((a.is_string ? b : a).value.type_name()) +
                                              "'");
    }
    return jinja::py_less(a.value, b.value);
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return reverse ? less(y, x) : less(x, y); });
  std::vector<Value> out;
  out.reserve(items.size());
  for (std::size_t i : order) out.push_back(items[i]);
  return Value::list(std::move(out));
}

Value do_sort_nb(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "sort_nb", {"reverse", "attribute"});
  return sort_collated(ctx, v, a.bool_or(0, false), a.get(1));
}

}  // namespace

void register_report_filters(jinja::Environment& env, locale::Lang lang) {
  auto num = [lang](Context& c, const Value& v, CallArgs& a) { return do_num(lang, c, v, a); };
  auto pct = [lang](Context& c, const Value& v, CallArgs& a) { return do_pct(lang, c, v, a); };
  auto date = [lang](Context& c, const Value& v, CallArgs& a) { return do_date(lang, c, v, a); };
  auto join = [lang](Context& c, const Value& v, CallArgs& a) { return do_join_og(lang, c, v, a); };
  env.add_filter("num", num);
  env.add_filter("number", num);
  env.add_filter("pct", pct);
  env.add_filter("percent", pct);
  env.add_filter("plural", do_plural);
  env.add_filter("date_nb", date);
  env.add_filter("join_og", join);
  env.add_filter("join_and", join);
  env.add_filter("sort_nb", do_sort_nb);
  env.add_filter("nb_sort", do_sort_nb);
  // tojson in Markdown templates: data strings cannot be read as cross-references.
  if (const jinja::FilterFn* builtin = env.find_filter("tojson")) {
    jinja::FilterFn jinja_tojson = *builtin;
    env.add_filter("tojson", [jinja_tojson](Context& c, const Value& v, CallArgs& args) {
      if (!in_markdown(c)) return jinja_tojson(c, v, args);
      return jinja_tojson(c, escape_markers(v, 0), args);
    });
  }
  // sort(collate="nb"): Jinja's sort with Norwegian collation; other calls are unchanged.
  if (const jinja::FilterFn* builtin = env.find_filter("sort")) {
    jinja::FilterFn jinja_sort = *builtin;
    env.add_filter("sort", [jinja_sort](Context& c, const Value& v, CallArgs& args) {
      auto it = std::find_if(args.kw.begin(), args.kw.end(),
                             [](const auto& kv) { return kv.first == "collate"; });
      if (it == args.kw.end()) return jinja_sort(c, v, args);
      Value collate = it->second;
      args.kw.erase(it);
      if (!collate.is_string() ||
          (collate.str() != "nb" && collate.str() != "nn" && collate.str() != "no")) {
        jinja::throw_error(ErrorKind::Value, "sort: collate must be \"nb\"");
      }
      Args a(args, "sort", {"reverse", "case_sensitive", "attribute"});
      return sort_collated(c, v, a.bool_or(0, false), a.get(2));
    });
  }
}

}  // namespace samrapport::report_filters
