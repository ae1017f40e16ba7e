#include "jinja/operators.hpp"

#include <cmath>
#include <limits>

#include "jinja/error.hpp"
#include "jinja/limits.hpp"
#include "jinja/pyformat.hpp"
#include "jinja/undefined.hpp"
#include "jinja/value_print.hpp"

namespace samrapport::jinja {

namespace {

const char* op_text(BinOp op) {
  switch (op) {
    case BinOp::Add:
      return "+";
    case BinOp::Sub:
      return "-";
    case BinOp::Mul:
      return "*";
    case BinOp::Div:
      return "/";
    case BinOp::FloorDiv:
      return "//";
    case BinOp::Mod:
      return "%";
    case BinOp::Pow:
      return "** or pow()";
  }
  return "?";
}

[[noreturn]] void unsupported(BinOp op, const Value& a, const Value& b) {
  throw_error(ErrorKind::Type, std::string("unsupported operand type(s) for ") + op_text(op) +
                                   ": '" + std::string(a.type_name()) + "' and '" +
                                   std::string(b.type_name()) + "'");
}

[[noreturn]] void overflow() {
  throw_error(ErrorKind::Value, "integer result too large (more than 64 bits)");
}

bool both_ints(const Value& a, const Value& b) {
  return (a.is_int() || a.is_bool()) && (b.is_int() || b.is_bool());
}

double py_fmod(double a, double b) {
  double r = std::fmod(a, b);
  if (r != 0.0) {
    if ((b < 0) != (r < 0)) r += b;
  } else {
    r = std::copysign(0.0, b);
  }
  return r;
}

double py_float_floordiv(double a, double b) {
  double mod = std::fmod(a, b);
  double div = (a - mod) / b;
  if (mod != 0.0) {
    if ((b < 0) != (mod < 0)) div -= 1.0;
  }
  double floordiv;
  if (div != 0.0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, a / b);
  }
  return floordiv;
}

Value repeat(const Value& seq, std::int64_t n, Context& ctx) {
  if (seq.is_string()) {
    std::string out;
    if (n > 0) {
      const std::size_t len = seq.str().size();
      if (len != 0 && static_cast<std::uint64_t>(n) > SIZE_MAX / len) ctx.check_size(SIZE_MAX);
      ctx.check_size(len * static_cast<std::size_t>(n));
      out.reserve(seq.str().size() * static_cast<std::size_t>(n));
      for (std::int64_t i = 0; i < n; ++i) out += seq.str();
    }
    return seq.is_markup() ? Value::markup(std::move(out)) : Value(std::move(out));
  }
  std::vector<Value> items;
  if (n > 0) {
    const std::size_t len = seq.items().size() * sizeof(Value);
    if (len != 0 && static_cast<std::uint64_t>(n) > SIZE_MAX / len) ctx.check_size(SIZE_MAX);
    ctx.check_size(len * static_cast<std::size_t>(n));
    charge_bytes(len * static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) {
      items.insert(items.end(), seq.items().begin(), seq.items().end());
    }
  }
  return seq.is_tuple() ? Value::tuple(std::move(items)) : Value::list(std::move(items));
}

// Markup + str escapes the plain side (Markup.__add__ / __radd__).
void append_escaped(std::string& out, const Value& v, Context& ctx) {
  if (v.is_markup()) {
    out += v.str();
  } else {
    ctx.escape(v.str(), out);
  }
}

}  // namespace

std::int64_t py_floordiv(std::int64_t a, std::int64_t b) {
  if (b == 0) throw_error(ErrorKind::ZeroDivision, "integer division or modulo by zero");
  if (a == std::numeric_limits<std::int64_t>::min() && b == -1) overflow();
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

std::int64_t py_mod(std::int64_t a, std::int64_t b) {
  if (b == 0) throw_error(ErrorKind::ZeroDivision, "integer division or modulo by zero");
  if (b == -1) return 0;
  std::int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

namespace {

// 1: list, 2: tuple (a groupby group is a tuple), 0: other (dict views, ranges, ...)
int seq_kind(const Value& v) {
  if (v.is_tuple()) return 2;
  if (!v.is_list()) return 0;
  switch (v.list_obj().flavor) {
    case ListFlavor::Plain:
      return 1;
    case ListFlavor::Group:
      return 2;
    default:
      return 0;
  }
}

bool special_list(const Value& v) {
  return v.is_list() && v.list_obj().flavor != ListFlavor::Plain &&
         v.list_obj().flavor != ListFlavor::Group;
}

}  // namespace

Value binary_op(BinOp op, const Value& a, const Value& b, Context& ctx) {
  if (a.is_undefined()) raise_undefined(a);
  if (op == BinOp::Mod && a.is_string() && b.is_undefined()) {
    // str % Undefined: Python's str formatting runs first and treats the undefined value
    // (it has __getitem__) as a mapping; only a %s conversion prints it
    std::string s = percent_format(ctx, a.str(), b, a.is_markup());
    return a.is_markup() ? Value::markup(std::move(s)) : Value(std::move(s));
  }
  if (b.is_undefined()) raise_undefined(b);
  if ((op == BinOp::Add || op == BinOp::Mul) && (special_list(a) || special_list(b))) {
    unsupported(op, a, b);  // dict views and ranges cannot be concatenated or repeated
  }
  if (a.is_number() && b.is_number()) {
    bool ints = both_ints(a, b);
    switch (op) {
      case BinOp::Add:
        if (ints) {
          std::int64_t r;
          if (__builtin_add_overflow(a.as_int(), b.as_int(), &r)) overflow();
          return Value(r);
        }
        return Value(a.as_double() + b.as_double());
      case BinOp::Sub:
        if (ints) {
          std::int64_t r;
          if (__builtin_sub_overflow(a.as_int(), b.as_int(), &r)) overflow();
          return Value(r);
        }
        return Value(a.as_double() - b.as_double());
      case BinOp::Mul:
        if (ints) {
          std::int64_t r;
          if (__builtin_mul_overflow(a.as_int(), b.as_int(), &r)) overflow();
          return Value(r);
        }
        return Value(a.as_double() * b.as_double());
      case BinOp::Div:
        if (b.as_double() == 0.0) throw_error(ErrorKind::ZeroDivision, "division by zero");
        return Value(a.as_double() / b.as_double());
      case BinOp::FloorDiv:
        if (ints) return Value(py_floordiv(a.as_int(), b.as_int()));
        if (b.as_double() == 0.0) {
          throw_error(ErrorKind::ZeroDivision, "float floor division by zero");
        }
        return Value(py_float_floordiv(a.as_double(), b.as_double()));
      case BinOp::Mod:
        if (ints) return Value(py_mod(a.as_int(), b.as_int()));
        if (b.as_double() == 0.0) throw_error(ErrorKind::ZeroDivision, "float modulo");
        return Value(py_fmod(a.as_double(), b.as_double()));
      case BinOp::Pow: {
        if (ints && b.as_int() >= 0) {
          std::int64_t base = a.as_int();
          std::int64_t e = b.as_int();
          std::int64_t r = 1;
          while (e > 0) {
            if (e & 1) {
              if (__builtin_mul_overflow(r, base, &r)) overflow();
            }
            e >>= 1;
            if (e > 0 && __builtin_mul_overflow(base, base, &base)) overflow();
          }
          return Value(r);
        }
        double x = a.as_double();
        double y = b.as_double();
        if (x == 0.0 && y < 0) {
          throw_error(ErrorKind::ZeroDivision, "0.0 cannot be raised to a negative power");
        }
        if (x < 0 && y != std::floor(y)) {
          throw_error(ErrorKind::Value,
                      "a negative number raised to a fractional power "
                      "gives a complex number, which is not supported");
        }
        double r = std::pow(x, y);
        if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) {
          throw_error(ErrorKind::Value, "OverflowError: numerical result out of range");
        }
        return Value(r);
      }
    }
  }
  switch (op) {
    case BinOp::Add:
      if (a.is_string() && b.is_string()) {
        ctx.check_size(a.str().size() + b.str().size());
        if (a.is_markup() || b.is_markup()) {
          std::string out;
          append_escaped(out, a, ctx);
          append_escaped(out, b, ctx);
          return Value::markup(std::move(out));
        }
        std::string out;
        out.reserve(a.str().size() + b.str().size());
        out += a.str();
        out += b.str();
        return Value(std::move(out));
      }
      if ((a.is_list() && b.is_list()) || (a.is_tuple() && b.is_tuple())) {
        // charged here rather than by the caller: |sum over lists concatenates in a loop
        const std::size_t bytes = (a.items().size() + b.items().size()) * sizeof(Value);
        check_alloc(bytes);
        charge_bytes(bytes);
        std::vector<Value> items = a.items();
        items.insert(items.end(), b.items().begin(), b.items().end());
        return a.is_tuple() ? Value::tuple(std::move(items)) : Value::list(std::move(items));
      }
      if (a.is_string()) {
        throw_error(ErrorKind::Type,
                    "can only concatenate str (not \"" + std::string(b.type_name()) + "\") to str");
      }
      if (a.is_list()) {
        throw_error(ErrorKind::Type, "can only concatenate list (not \"" +
                                         std::string(b.type_name()) + "\") to list");
      }
      unsupported(op, a, b);
    case BinOp::Mul:
      if ((a.is_string() || a.is_sequence()) && (b.is_int() || b.is_bool())) {
        return repeat(a, b.as_int(), ctx);
      }
      if ((b.is_string() || b.is_sequence()) && (a.is_int() || a.is_bool())) {
        return repeat(b, a.as_int(), ctx);
      }
      if (a.is_string() || b.is_string() || a.is_sequence() || b.is_sequence()) {
        throw_error(
            ErrorKind::Type,
            "can't multiply sequence by non-int of type '" +
                std::string((a.is_string() || a.is_sequence()) ? b.type_name() : a.type_name()) +
                "'");
      }
      unsupported(op, a, b);
    case BinOp::Mod:
      if (a.is_string()) {
        std::string s = percent_format(ctx, a.str(), b, a.is_markup());
        return a.is_markup() ? Value::markup(std::move(s)) : Value(std::move(s));
      }
      unsupported(op, a, b);
    default:
      unsupported(op, a, b);
  }
}

Value unary_op(char op, const Value& v) {
  if (v.is_undefined()) raise_undefined(v);
  if (v.is_float()) return Value(op == '-' ? -v.as_double() : v.as_double());
  if (v.is_int() || v.is_bool()) {
    if (op == '+') return Value(v.as_int());
    if (v.as_int() == std::numeric_limits<std::int64_t>::min()) overflow();
    return Value(-v.as_int());
  }
  throw_error(ErrorKind::Type, std::string("bad operand type for unary ") + op + ": '" +
                                   std::string(v.type_name()) + "'");
}

int py_compare(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    if (both_ints(a, b)) {
      return a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int() ? 1 : 0;
    }
    double x = a.as_double();
    double y = b.as_double();
    if (x < y) return -1;
    if (x > y) return 1;
    if (x == y) return 0;
    return 2;  // NaN: unordered
  }
  if (a.is_string() && b.is_string()) {
    int c = a.str().compare(b.str());
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  if (seq_kind(a) != 0 && seq_kind(a) == seq_kind(b)) {
    ValueDepthGuard depth;
    count_operations();
    const auto& x = a.items();
    const auto& y = b.items();
    std::size_t n = std::min(x.size(), y.size());
    for (std::size_t i = 0; i < n; ++i) {
      if (!py_equal(x[i], y[i])) return py_compare(x[i], y[i]);
    }
    return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
  }
  if (a.is_undefined()) raise_undefined(a);
  if (b.is_undefined()) raise_undefined(b);
  throw_error(ErrorKind::Type, "'<' not supported between instances of '" +
                                   std::string(a.type_name()) + "' and '" +
                                   std::string(b.type_name()) + "'");
}

bool py_contains(const Value& container, const Value& item, Context& ctx) {
  switch (container.kind()) {
    case Kind::Str:
    case Kind::Markup:
      if (item.is_undefined()) raise_undefined(item);
      if (!item.is_string()) {
        throw_error(ErrorKind::Type, "'in <string>' requires string as left operand, not " +
                                         std::string(item.type_name()));
      }
      return container.str().find(item.str()) != std::string::npos;
    case Kind::List:
    case Kind::Tuple:
      for (const auto& x : container.items()) {
        if (py_equal(x, item)) return true;
      }
      return false;
    case Kind::Dict:
      return container.dict_obj().find(item) != nullptr;
    case Kind::Undefined:
      if (ctx.strict_undefined()) raise_undefined(container);
      return false;
    case Kind::Object: {
      std::vector<Value> items;
      if (container.object().iterate(items)) {
        for (const auto& x : items) {
          if (py_equal(x, item)) return true;
        }
        return false;
      }
      break;
    }
    default:
      break;
  }
  throw_error(ErrorKind::Type,
              "argument of type '" + std::string(container.type_name()) + "' is not iterable");
}

bool compare_op(CmpOp op, const Value& a, const Value& b, Context& ctx) {
  switch (op) {
    case CmpOp::Eq:
    case CmpOp::Ne: {
      if (ctx.strict_undefined()) {
        if (a.is_undefined()) raise_undefined(a);
        if (b.is_undefined()) raise_undefined(b);
      }
      bool eq = py_equal(a, b);
      return op == CmpOp::Eq ? eq : !eq;
    }
    case CmpOp::In:
      return py_contains(b, a, ctx);
    case CmpOp::NotIn:
      return !py_contains(b, a, ctx);
    default:
      break;
  }
  int c = py_compare(a, b);
  if (c == 2) return false;  // NaN
  switch (op) {
    case CmpOp::Lt:
      return c < 0;
    case CmpOp::LtEq:
      return c <= 0;
    case CmpOp::Gt:
      return c > 0;
    case CmpOp::GtEq:
      return c >= 0;
    default:
      return false;
  }
}

}  // namespace samrapport::jinja
