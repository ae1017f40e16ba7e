// Jinja2's built-in tests (`x is defined`, `n is divisibleby(3)`, ...).
#include "jinja/environment.hpp"
#include "jinja/error.hpp"
#include "jinja/operators.hpp"
#include "jinja/undefined.hpp"
#include "jinja/unicode.hpp"

namespace samrapport::jinja {

namespace {

const Value& one_arg(CallArgs& args, const char* name) {
  if (args.pos.size() != 1 || !args.kw.empty()) {
    throw_error(ErrorKind::Type, std::string(name) + "() takes exactly one argument");
  }
  return args.pos[0];
}

bool integer_of(const Value& v, std::int64_t& out) {
  if (v.is_int() || v.is_bool()) {
    out = v.as_int();
    return true;
  }
  return false;
}

bool test_parity(Context& ctx, const Value& v, CallArgs& args, bool even) {
  expect_no_args(args, even ? "even" : "odd");
  std::int64_t i;
  // even: value % 2 == 0, odd: value % 2 == 1
  if (integer_of(v, i)) return py_mod(i, 2) == (even ? 0 : 1);
  if (v.is_float()) {
    Value r = binary_op(BinOp::Mod, v, Value(static_cast<std::int64_t>(2)), ctx);
    return r.as_double() == (even ? 0.0 : 1.0);
  }
  if (v.is_undefined()) raise_undefined(v);
  throw_error(ErrorKind::Type,
              "unsupported operand type(s) for %: '" + std::string(v.type_name()) + "' and 'int'");
}

bool compare_test(Context& ctx, const Value& v, CallArgs& args, CmpOp op, const char* name) {
  return compare_op(op, v, one_arg(args, name), ctx);
}

}  // namespace

void register_builtin_tests(Environment& env) {
  env.add_test("defined", [](Context&, const Value& v, CallArgs& a) {
    expect_no_args(a, "defined");
    return !v.is_undefined();
  });
  env.add_test("undefined", [](Context&, const Value& v, CallArgs& a) {
    expect_no_args(a, "undefined");
    return v.is_undefined();
  });
  env.add_test("none", [](Context&, const Value& v, CallArgs& a) {
    expect_no_args(a, "none");
    return v.is_none();
  });
  env.add_test("boolean", [](Context&, const Value& v, CallArgs& a) {
    expect_no_args(a, "boolean");
    return v.is_bool();
  });
  env.add_test("false", [](Context&, const Value& v, CallArgs& a) {
    expect_no_args(a, "false");
    return v.is_bool() && !v.as_bool();
  });
  env.add_test("true", [](Context&, const Value& v, CallArgs& a) {
    expect_no_args(a, "true");
    return v.is_bool() && v.as_bool();
  });
  env.add_test("integer", [](Context&, const Value& v, CallArgs& a) {
    expect_no_args(a, "integer");
    return v.is_int();
  });
  env.add_test("float", [](Context&, const Value& v, CallArgs& a) {
    expect_no_args(a, "float");
    return v.is_float();
  });
  env.add_test("number", [](Context&, const Value& v, CallArgs& a) {
    expect_no_args(a, "number");
    return v.is_number();
  });
  env.add_test("string", [](Context&, const Value& v, CallArgs& a) {
    expect_no_args(a, "string");
    return v.is_string();
  });
  env.add_test("mapping", [](Context&, const Value& v, CallArgs& a) {
    expect_no_args(a, "mapping");
    return v.is_dict();
  });
  env.add_test("sequence", [](Context&, const Value& v, CallArgs& a) {
    expect_no_args(a, "sequence");
    // len() of a strict undefined raises, which the test turns into false
    if (v.is_undefined()) return !strict_undefined_active();
    if (v.is_list()) {  // dict views have no __getitem__
      ListFlavor f = v.list_obj().flavor;
      return f == ListFlavor::Plain || f == ListFlavor::Group || f == ListFlavor::Range;
    }
    return v.is_string() || v.is_sequence() || v.is_dict();
  });
  env.add_test("iterable", [](Context&, const Value& v, CallArgs& a) {
    expect_no_args(a, "iterable");
    if (v.is_undefined() && strict_undefined_active()) raise_undefined(v);
    if (v.is_string() || v.is_sequence() || v.is_dict() || v.is_undefined()) return true;
    if (v.is_object()) {
      std::vector<Value> tmp;
      return v.object().iterate(tmp);
    }
    return false;
  });
  env.add_test("callable", [](Context&, const Value& v, CallArgs& a) {
    expect_no_args(a, "callable");
    // Undefined has __call__ (which raises), so Python's callable() is true for it
    return v.is_undefined() || (v.is_object() && v.object().is_callable());
  });
  env.add_test("escaped", [](Context&, const Value& v, CallArgs& a) {
    expect_no_args(a, "escaped");
    return v.is_markup();
  });
  env.add_test("even",
               [](Context& c, const Value& v, CallArgs& a) { return test_parity(c, v, a, true); });
  env.add_test("odd",
               [](Context& c, const Value& v, CallArgs& a) { return test_parity(c, v, a, false); });
  env.add_test("divisibleby", [](Context& c, const Value& v, CallArgs& a) {
    const Value& n = one_arg(a, "divisibleby");
    Value r = binary_op(BinOp::Mod, v, n, c);
    return r.is_number() && r.as_double() == 0.0;
  });
  env.add_test("lower", [](Context& c, const Value& v, CallArgs& a) {
    expect_no_args(a, "lower");
    return unicode::is_all_lower(c.to_string(v));
  });
  env.add_test("upper", [](Context& c, const Value& v, CallArgs& a) {
    expect_no_args(a, "upper");
    return unicode::is_all_upper(c.to_string(v));
  });
  env.add_test("in", [](Context& c, const Value& v, CallArgs& a) {
    return py_contains(one_arg(a, "in"), v, c);
  });
  env.add_test("sameas", [](Context&, const Value& v, CallArgs& a) {
    const Value& o = one_arg(a, "sameas");
    if (v.kind() != o.kind()) return false;
    switch (v.kind()) {
      case Kind::None:
        return true;
      case Kind::Bool:
        return v.as_bool() == o.as_bool();
      case Kind::Int:  // CPython caches small ints
        return v.as_int() == o.as_int() && v.as_int() >= -5 && v.as_int() <= 256;
      case Kind::Float:
        return false;
      case Kind::Str:  // equal string constants are one object in CPython
        return v.str() == o.str();
      case Kind::Undefined:
        return v.identity() == o.identity();
      default:
        return v.identity() == o.identity();
    }
  });
  env.add_test("filter", [](Context& c, const Value& v, CallArgs& a) {
    expect_no_args(a, "filter");
    return v.is_string() && c.environment().find_filter(v.str()) != nullptr;
  });
  env.add_test("test", [](Context& c, const Value& v, CallArgs& a) {
    expect_no_args(a, "test");
    return v.is_string() && c.environment().find_test(v.str()) != nullptr;
  });
  struct Cmp {
    const char* names[3];
    CmpOp op;
  };
  const Cmp cmps[] = {
      {{"eq", "equalto", "=="}, CmpOp::Eq},    {{"ne", "!=", nullptr}, CmpOp::Ne},
      {{"lt", "lessthan", "<"}, CmpOp::Lt},    {{"le", "<=", nullptr}, CmpOp::LtEq},
      {{"gt", "greaterthan", ">"}, CmpOp::Gt}, {{"ge", ">=", nullptr}, CmpOp::GtEq}};
  for (const auto& c : cmps) {
    for (const char* n : c.names) {
      if (!n) continue;
      CmpOp op = c.op;
      const char* name = c.names[0];
      env.add_test(n, [op, name](Context& ctx, const Value& v, CallArgs& a) {
        return compare_test(ctx, v, a, op, name);
      });
    }
  }
}

}  // namespace samrapport::jinja
