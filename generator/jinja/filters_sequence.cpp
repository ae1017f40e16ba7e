// Built-in filters on sequences and mappings.
#include <algorithm>

#include "jinja/error.hpp"
#include "jinja/filters_common.hpp"
#include "jinja/limits.hpp"
#include "jinja/methods.hpp"
#include "jinja/operators.hpp"
#include "jinja/undefined.hpp"
#include "jinja/unicode.hpp"
#include "jinja/value_print.hpp"

namespace samrapport::jinja::builtins {

namespace {

Value do_length(Context& ctx, const Value& v, CallArgs& args) {
  expect_no_args(args, "length");
  switch (v.kind()) {
    case Kind::Str:
    case Kind::Markup:
      return Value(static_cast<std::int64_t>(v.str_obj().cp_length()));
    case Kind::List:
    case Kind::Tuple:
      return Value(static_cast<std::int64_t>(v.items().size()));
    case Kind::Dict:
      return Value(static_cast<std::int64_t>(v.dict_obj().size()));
    case Kind::Undefined:
      if (ctx.strict_undefined()) raise_undefined(v);
      return Value(static_cast<std::int64_t>(0));
    default:
      break;
  }
  throw_error(ErrorKind::Type, "object of type '" + std::string(v.type_name()) + "' has no len()");
}

Value do_default(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "default", {"default_value", "boolean"});
  bool boolean = a.bool_or(1, false);
  if (v.is_undefined() || (boolean && !ctx.truthy(v))) return a.get_or(0, Value(""));
  return v;
}

Value do_attr(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "attr", {"name"}, 1);
  std::string name = ctx.to_string(*a.get(0));
  if (v.is_undefined()) raise_undefined(v);
  if (v.is_object()) {
    Value out;
    if (v.object().get_attr(name, out)) return out;
  } else if (has_method(v, name)) {
    return ctx.getattr(v, name);
  } else if (v.is_list() && v.list_obj().flavor == ListFlavor::Group &&
             (name == "grouper" || name == "list")) {
    return v.items()[name == "grouper" ? 0 : 1];
  }
  return make_missing(v, name, std::string(), false);
}

Value do_first(Context& ctx, const Value& v, CallArgs& args) {
  expect_no_args(args, "first");
  if (v.is_sequence()) {
    if (v.items().empty()) return ctx.undefined("No first item, sequence was empty.");
    return v.items().front();
  }
  std::vector<Value> items = ctx.iterate(v);
  if (items.empty()) return ctx.undefined("No first item, sequence was empty.");
  return items.front();
}

Value do_last(Context& ctx, const Value& v, CallArgs& args) {
  expect_no_args(args, "last");
  if (v.is_sequence()) {
    if (v.items().empty()) return ctx.undefined("No last item, sequence was empty.");
    return v.items().back();
  }
  std::vector<Value> items = v.is_undefined() ? std::vector<Value>() : ctx.iterate(v);
  if (items.empty()) return ctx.undefined("No last item, sequence was empty.");
  return items.back();
}

Value do_random(Context& ctx, const Value& v, CallArgs& args) {
  expect_no_args(args, "random");
  std::vector<Value> items = ctx.iterate(v);
  if (items.empty()) return ctx.undefined("No random item, sequence was empty.");
  // Deterministic: the same sequence always gives the same item.
  std::size_t h = DictObj::hash_string(to_repr(Value::list(items)));
  return items[h % items.size()];
}

Value do_list(Context& ctx, const Value& v, CallArgs& args) {
  expect_no_args(args, "list");
  return Value::list(ctx.iterate(v));
}

Value do_items(Context&, const Value& v, CallArgs& args) {
  expect_no_args(args, "items");
  if (v.is_undefined()) return Value::list();
  if (!v.is_dict()) throw_error(ErrorKind::Type, "Can only get item pairs from a mapping.");
  std::vector<Value> out;
  for (const auto& e : v.dict_obj().entries()) out.push_back(Value::tuple({e.key, e.value}));
  return Value::list(std::move(out));
}

Value do_reverse(Context& ctx, const Value& v, CallArgs& args) {
  expect_no_args(args, "reverse");
  if (v.is_string()) {
    std::vector<Value> chars = ctx.iterate(v);
    std::string out;
    for (auto it = chars.rbegin(); it != chars.rend(); ++it) out += it->str();
    return string_like(v, std::move(out));
  }
  std::vector<Value> items = ctx.iterate(v);
  std::reverse(items.begin(), items.end());
  return Value::list(std::move(items));
}

Value do_join(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "join", {"d", "attribute"});
  Value sep = a.get_or(0, Value(""));
  std::vector<Value> items = ctx.iterate(v);
  if (a.has(1) && !a.get(1)->is_none()) {
    AttrGetter g(a.get(1), false, nullptr);
    for (auto& item : items) item = g(ctx, item);
  }
  std::string out;
  if (!ctx.autoescape()) {
    std::string d = ctx.to_string(sep);
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i) out += d;
      out += ctx.to_string(items[i]);
      ctx.check_size(out.size());
    }
    return Value(std::move(out));
  }
  bool any_markup = sep.is_markup();
  for (const auto& item : items) {
    if (item.is_markup()) any_markup = true;
  }
  if (!any_markup) {
    std::string d = ctx.to_string(sep);
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i) out += d;
      out += ctx.to_string(items[i]);
      ctx.check_size(out.size());
    }
    return Value(std::move(out));
  }
  std::string d;
  if (sep.is_markup()) {
    d = sep.str();
  } else {
    ctx.escape(ctx.to_string(sep), d);
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += d;
    if (items[i].is_markup()) {
      out += items[i].str();
    } else {
      ctx.escape(ctx.to_string(items[i]), out);
    }
    ctx.check_size(out.size());
  }
  return Value::markup(std::move(out));
}

Value do_map(Context& ctx, const Value& v, CallArgs& args) {
  std::vector<Value> out;
  if (!ctx.truthy(v)) return Value::list();
  std::vector<Value> items = ctx.iterate(v);
  if (args.pos.empty()) {
    const Value* attribute = nullptr;
    const Value* dflt = nullptr;
    for (const auto& [k, val] : args.kw) {
      if (k == "attribute") {
        attribute = &val;
      } else if (k == "default") {
        dflt = &val;
      } else {
        throw_error(ErrorKind::Runtime, "Unexpected keyword argument '" + k + "'");
      }
    }
    if (!attribute) throw_error(ErrorKind::Runtime, "map requires a filter argument");
    AttrGetter g(attribute, false, dflt);
    for (const auto& item : items) out.push_back(g(ctx, item));
    return Value::list(std::move(out));
  }
  std::string name = ctx.to_string(args.pos[0]);
  for (const auto& item : items) {
    CallArgs fa;
    fa.pos.assign(args.pos.begin() + 1, args.pos.end());
    fa.kw = args.kw;
    out.push_back(ctx.call_filter(name, item, fa));
  }
  return Value::list(std::move(out));
}

Value select_or_reject(Context& ctx, const Value& v, CallArgs& args, bool select, bool attr) {
  if (!ctx.truthy(v)) return Value::list();
  std::vector<Value> items = ctx.iterate(v);
  std::size_t off = 0;
  AttrGetter getter;
  if (attr) {
    if (args.pos.empty()) throw_error(ErrorKind::Runtime, "Missing parameter for attribute name");
    getter = AttrGetter(&args.pos[0], false, nullptr);
    off = 1;
  }
  bool has_test = args.pos.size() > off;
  std::string test = has_test ? ctx.to_string(args.pos[off]) : std::string();
  std::vector<Value> out;
  for (const auto& item : items) {
    Value x = attr ? getter(ctx, item) : item;
    bool r;
    if (has_test) {
      CallArgs ta;
      ta.pos.assign(args.pos.begin() + static_cast<std::ptrdiff_t>(off + 1), args.pos.end());
      ta.kw = args.kw;
      r = ctx.call_test(test, x, ta);
    } else {
      r = ctx.truthy(x);
    }
    if (r == select) out.push_back(item);
  }
  return Value::list(std::move(out));
}

Value do_select(Context& ctx, const Value& v, CallArgs& args) {
  return select_or_reject(ctx, v, args, true, false);
}
Value do_reject(Context& ctx, const Value& v, CallArgs& args) {
  return select_or_reject(ctx, v, args, false, false);
}
Value do_selectattr(Context& ctx, const Value& v, CallArgs& args) {
  return select_or_reject(ctx, v, args, true, true);
}
Value do_rejectattr(Context& ctx, const Value& v, CallArgs& args) {
  return select_or_reject(ctx, v, args, false, true);
}

Value do_sort(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "sort", {"reverse", "case_sensitive", "attribute"});
  bool reverse = a.bool_or(0, false);
  bool case_sensitive = a.bool_or(1, false);
  std::vector<Value> items = ctx.iterate(v);
  MultiAttrGetter key(a.get(2), !case_sensitive);
  std::vector<Value> keys;
  keys.reserve(items.size());
  for (const auto& item : items) keys.push_back(key(ctx, item));
  sort_by_keys(items, keys, reverse);
  return Value::list(std::move(items));
}

Value do_dictsort(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "dictsort", {"case_sensitive", "by", "reverse"});
  bool case_sensitive = a.bool_or(0, false);
  std::string by = a.string_or(1, "key");
  bool reverse = a.bool_or(2, false);
  std::size_t pos;
  if (by == "key") {
    pos = 0;
  } else if (by == "value") {
    pos = 1;
  } else {
    throw_error(ErrorKind::Runtime, "You can only sort by either \"key\" or \"value\"");
  }
  if (!v.is_dict()) throw_error(ErrorKind::Type, "dictsort expects a mapping");
  std::vector<Value> items, keys;
  for (const auto& e : v.dict_obj().entries()) {
    items.push_back(Value::tuple({e.key, e.value}));
    const Value& k = pos == 0 ? e.key : e.value;
    keys.push_back(case_sensitive ? k : ignore_case(k));
  }
  (void)ctx;
  sort_by_keys(items, keys, reverse);
  return Value::list(std::move(items));
}

Value do_unique(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "unique", {"case_sensitive", "attribute"});
  bool case_sensitive = a.bool_or(0, false);
  AttrGetter key(a.get(1), !case_sensitive, nullptr);
  DictObj seen;
  std::vector<Value> out;
  for (const auto& item : ctx.iterate(v)) {
    Value k = key(ctx, item);
    if (!seen.find(k)) {
      seen.set(k, Value());
      out.push_back(item);
    }
  }
  return Value::list(std::move(out));
}

Value min_or_max(Context& ctx, const Value& v, CallArgs& args, bool is_max) {
  Args a(args, is_max ? "max" : "min", {"case_sensitive", "attribute"});
  bool case_sensitive = a.bool_or(0, false);
  std::vector<Value> items = ctx.iterate(v);
  if (items.empty()) return ctx.undefined("No aggregated item, sequence was empty.");
  AttrGetter key(a.get(1), !case_sensitive, nullptr);
  std::size_t best = 0;
  Value best_key = key(ctx, items[0]);
  for (std::size_t i = 1; i < items.size(); ++i) {
    Value k = key(ctx, items[i]);
    if (is_max ? py_less(best_key, k) : py_less(k, best_key)) {
      best = i;
      best_key = k;
    }
  }
  return items[best];
}

Value do_min(Context& ctx, const Value& v, CallArgs& args) {
  return min_or_max(ctx, v, args, false);
}
Value do_max(Context& ctx, const Value& v, CallArgs& args) {
  return min_or_max(ctx, v, args, true);
}

Value do_sum(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "sum", {"attribute", "start"});
  Value total = a.get_or(1, Value(static_cast<std::int64_t>(0)));
  std::vector<Value> items = ctx.iterate(v);
  if (a.has(0) && !a.get(0)->is_none()) {
    AttrGetter g(a.get(0), false, nullptr);
    for (auto& item : items) item = g(ctx, item);
  }
  for (const auto& item : items) {
    if (total.is_string()) {
      throw_error(ErrorKind::Type, "sum() can't sum strings [use ''.join(seq) instead]");
    }
    total = binary_op(BinOp::Add, total, item, ctx);
  }
  return total;
}

Value do_batch(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "batch", {"linecount", "fill_with"}, 1);
  std::int64_t linecount = a.int_or(0, 1);
  const Value* fill = a.get(1);
  std::vector<Value> out;
  std::vector<Value> tmp;
  for (const auto& item : ctx.iterate(v)) {
    if (static_cast<std::int64_t>(tmp.size()) == linecount) {
      out.push_back(Value::list(std::move(tmp)));
      tmp.clear();
    }
    tmp.push_back(item);
  }
  if (!tmp.empty()) {
    if (fill && !fill->is_none()) {
      if (linecount > static_cast<std::int64_t>(tmp.size())) {
        const auto missing = static_cast<std::uint64_t>(linecount) - tmp.size();
        check_alloc(missing > SIZE_MAX / sizeof(Value) ? SIZE_MAX : missing * sizeof(Value));
      }
      while (static_cast<std::int64_t>(tmp.size()) < linecount) tmp.push_back(*fill);
    }
    out.push_back(Value::list(std::move(tmp)));
  }
  return Value::list(std::move(out));
}

Value do_slice(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "slice", {"slices", "fill_with"}, 1);
  std::int64_t slices = a.int_or(0, 1);
  const Value* fill = a.get(1);
  if (slices <= 0) throw_error(ErrorKind::ZeroDivision, "integer division or modulo by zero");
  if (slices > 100000) throw_error(ErrorKind::Limit, "slice: too many slices");
  std::vector<Value> seq = ctx.iterate(v);
  auto length = static_cast<std::int64_t>(seq.size());
  std::int64_t per = length / slices;
  std::int64_t with_extra = length % slices;
  std::int64_t offset = 0;
  std::vector<Value> out;
  for (std::int64_t n = 0; n < slices; ++n) {
    std::int64_t start = offset + n * per;
    if (n < with_extra) ++offset;
    std::int64_t end = offset + (n + 1) * per;
    std::vector<Value> tmp(seq.begin() + start, seq.begin() + end);
    if (fill && !fill->is_none() && n >= with_extra) tmp.push_back(*fill);
    out.push_back(Value::list(std::move(tmp)));
  }
  return Value::list(std::move(out));
}

Value do_groupby(Context& ctx, const Value& v, CallArgs& args) {
  Args a(args, "groupby", {"attribute", "default", "case_sensitive"}, 1);
  bool case_sensitive = a.bool_or(2, false);
  AttrGetter key(a.get(0), !case_sensitive, a.get(1));
  AttrGetter out_key(a.get(0), false, a.get(1));
  std::vector<Value> items = ctx.iterate(v);
  std::vector<Value> keys;
  keys.reserve(items.size());
  for (const auto& item : items) keys.push_back(key(ctx, item));
  sort_by_keys(items, keys, false);
  std::vector<Value> groups;
  std::size_t i = 0;
  while (i < items.size()) {
    std::size_t j = i + 1;
    while (j < items.size() && py_equal(keys[j], keys[i])) ++j;
    std::vector<Value> members(items.begin() + static_cast<std::ptrdiff_t>(i),
                               items.begin() + static_cast<std::ptrdiff_t>(j));
    Value grouper = case_sensitive ? keys[i] : out_key(ctx, members[0]);
    auto g = make_rc<ListObj>();
    g->flavor = ListFlavor::Group;
    g->items = {grouper, Value::list(std::move(members))};
    groups.emplace_back(std::move(g));
    i = j;
  }
  return Value::list(std::move(groups));
}

}  // namespace

void register_sequence_filters(Environment& env) {
  env.add_filter("length", do_length);
  env.add_filter("count", do_length);
  env.add_filter("default", do_default);
  env.add_filter("d", do_default);
  env.add_filter("attr", do_attr);
  env.add_filter("first", do_first);
  env.add_filter("last", do_last);
  env.add_filter("random", do_random);
  env.add_filter("list", do_list);
  env.add_filter("items", do_items);
  env.add_filter("reverse", do_reverse);
  env.add_filter("join", do_join);
  env.add_filter("map", do_map);
  env.add_filter("select", do_select);
  env.add_filter("reject", do_reject);
  env.add_filter("selectattr", do_selectattr);
  env.add_filter("rejectattr", do_rejectattr);
  env.add_filter("sort", do_sort);
  env.add_filter("dictsort", do_dictsort);
  env.add_filter("unique", do_unique);
  env.add_filter("min", do_min);
  env.add_filter("max", do_max);
  env.add_filter("sum", do_sum);
  env.add_filter("batch", do_batch);
  env.add_filter("slice", do_slice);
  env.add_filter("groupby", do_groupby);
}

}  // namespace samrapport::jinja::builtins
