// Jinja2's global functions: range, dict, namespace, cycler, joiner, lipsum.
#include "jinja/callable.hpp"
#include "jinja/environment.hpp"
#include "jinja/error.hpp"
#include "jinja/limits.hpp"
#include "jinja/runtime_objects.hpp"

namespace samrapport::jinja {

namespace {

std::int64_t int_arg(const Value& v, const char* fn) {
  if (v.is_int() || v.is_bool()) return v.as_int();
  throw_error(ErrorKind::Type, "'" + std::string(v.type_name()) +
                                   "' object cannot be interpreted as an integer (" + fn + ")");
}

Value do_range(Context& ctx, CallArgs& args) {
  if (!args.kw.empty()) throw_error(ErrorKind::Type, "range() takes no keyword arguments");
  if (args.pos.empty() || args.pos.size() > 3) {
    throw_error(ErrorKind::Type,
                "range expected 1 to 3 arguments, got " + std::to_string(args.pos.size()));
  }
  std::int64_t start = 0, stop, step = 1;
  if (args.pos.size() == 1) {
    stop = int_arg(args.pos[0], "range");
  } else {
    start = int_arg(args.pos[0], "range");
    stop = int_arg(args.pos[1], "range");
    if (args.pos.size() == 3) step = int_arg(args.pos[2], "range");
  }
  if (step == 0) throw_error(ErrorKind::Value, "range() arg 3 must not be zero");
  // number of items without overflow
  __int128 span =
      step > 0 ? static_cast<__int128>(stop) - start : static_cast<__int128>(start) - stop;
  __int128 abs_step = step > 0 ? step : -static_cast<__int128>(step);
  __int128 count = span <= 0 ? 0 : (span + abs_step - 1) / abs_step;
  std::int64_t limit = ctx.environment().options().max_range_size;
  if (count > limit) {
    throw_error(ErrorKind::Limit,
                "range() would produce " +
                    std::to_string(static_cast<long long>(
                        count > INT64_MAX ? INT64_MAX : static_cast<std::int64_t>(count))) +
                    " items; the limit is " + std::to_string(limit));
  }
  auto l = make_rc<ListObj>();
  l->flavor = ListFlavor::Range;
  l->range_start = start;
  l->range_stop = stop;
  l->range_step = step;
  check_alloc(static_cast<std::size_t>(count) * sizeof(Value));
  l->items.reserve(static_cast<std::size_t>(count));
  std::int64_t v = start;
  for (__int128 i = 0; i < count; ++i, v += step) l->items.emplace_back(v);
  return Value(std::move(l));
}

Value do_dict(Context& ctx, CallArgs& args) {
  Value d = Value::dict();
  if (args.pos.size() > 1) throw_error(ErrorKind::Type, "dict expected at most 1 argument");
  if (!args.pos.empty()) {
    const Value& src = args.pos[0];
    if (src.is_dict()) {
      for (const auto& e : src.dict_obj().entries()) d.dict_obj().set(e.key, e.value);
    } else {
      for (const auto& pair : ctx.iterate(src)) {
        std::vector<Value> kv = ctx.iterate(pair);
        if (kv.size() != 2)
          throw_error(ErrorKind::Value, "dictionary update sequence element has wrong length");
        d.dict_obj().set(kv[0], kv[1]);
      }
    }
  }
  for (const auto& [k, v] : args.kw) d.dict_obj().set(k, v);
  return d;
}

Value do_namespace(Context& ctx, CallArgs& args) {
  auto ns = make_rc<detail::NamespaceObj>();
  Value init = do_dict(ctx, args);
  for (const auto& e : init.dict_obj().entries()) {
    if (!e.key.is_string())
      throw_error(ErrorKind::Type, "namespace attribute names must be strings");
    ns->attrs->set(e.key, e.value);
  }
  return Value(Rc<Object>(ns));
}

Value do_cycler(Context&, CallArgs& args) {
  if (!args.kw.empty()) throw_error(ErrorKind::Type, "cycler() takes no keyword arguments");
  if (args.pos.empty()) throw_error(ErrorKind::Runtime, "at least one item has to be provided");
  auto c = make_rc<detail::CyclerObj>();
  c->items = args.pos;
  return Value(Rc<Object>(c));
}

Value do_joiner(Context&, CallArgs& args) {
  Args a(args, "joiner", {"sep"});
  auto j = make_rc<detail::JoinerObj>();
  j->sep = a.get_or(0, Value(", "));
  return Value(Rc<Object>(j));
}

// Deterministic lorem ipsum (Jinja2's lipsum is random; samrapport's output must not be).
Value do_lipsum(Context& ctx, CallArgs& args) {
  Args a(args, "lipsum", {"n", "html", "min", "max"});
  std::int64_t n = a.int_or(0, 5);
  bool html = a.bool_or(1, true);
  std::int64_t min = a.int_or(2, 20);
  std::int64_t max = a.int_or(3, 100);
  if (n < 0 || n > 1000 || min < 1 || max < min || max > 10000) {
    throw_error(ErrorKind::Value, "lipsum(): arguments out of range");
  }
  static const char* words[] = {"lorem",      "ipsum", "dolor",  "sit",   "amet",    "consectetur",
                                "adipiscing", "elit",  "sed",    "do",    "eiusmod", "tempor",
                                "incididunt", "ut",    "labore", "et",    "dolore",  "magna",
                                "aliqua",     "enim",  "ad",     "minim", "veniam",  "quis"};
  constexpr std::size_t nwords = sizeof words / sizeof words[0];
  std::uint64_t state = 42;
  auto next = [&]() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  std::string out;
  for (std::int64_t p = 0; p < n; ++p) {
    std::int64_t count =
        min + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(max - min + 1));
    std::string para;
    for (std::int64_t w = 0; w < count; ++w) {
      std::string word = words[next() % nwords];
      if (w == 0) word[0] = static_cast<char>(word[0] - 32);
      if (w) para += ' ';
      para += word;
    }
    para += '.';
    ctx.check_size(out.size() + para.size() + 9);
    if (p) out += html ? "\n" : "\n\n";
    out += html ? "<p>" + para + "</p>" : para;
  }
  ctx.check_size(out.size());
  return html ? Value::markup(std::move(out)) : Value(std::move(out));
}

}  // namespace

void register_builtin_globals(Environment& env) {
  // Printed as Python prints these globals (most of them are classes in Jinja2).
  auto add = [&env](const char* name, FunctionFn fn, const char* repr) {
    env.add_global(name, Value(Rc<Object>(make_rc<Function>(name, std::move(fn), repr))));
  };
  add("range", do_range, "<class 'range'>");
  add("dict", do_dict, "<class 'dict'>");
  add("namespace", do_namespace, "<class 'jinja2.utils.Namespace'>");
  add("cycler", do_cycler, "<class 'jinja2.utils.Cycler'>");
  add("joiner", do_joiner, "<class 'jinja2.utils.Joiner'>");
  add("lipsum", do_lipsum, "<function generate_lorem_ipsum>");
}

}  // namespace samrapport::jinja
