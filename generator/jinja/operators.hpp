// Python semantics of Jinja's operators: arithmetic on int/float (bool counts as int),
// string/list concatenation and repetition, comparisons, `in`.
#pragma once

#include "jinja/ast.hpp"
#include "jinja/callable.hpp"
#include "jinja/value.hpp"

namespace samrapport::jinja {

/// a OP b; raises TypeError / ZeroDivisionError / UndefinedError like Python and Jinja2.
Value binary_op(BinOp op, const Value& a, const Value& b, Context& ctx);
/// -v or +v.
Value unary_op(char op, const Value& v);
/// a OP b for ==, !=, <, <=, >, >=, in, not in.
bool compare_op(CmpOp op, const Value& a, const Value& b, Context& ctx);

/// Python ordering: -1, 0 or 1; raises TypeError for values Python cannot order.
int py_compare(const Value& a, const Value& b);
inline bool py_less(const Value& a, const Value& b) {
  return py_compare(a, b) < 0;
}
/// Python `item in container`.
bool py_contains(const Value& container, const Value& item, Context& ctx);

/// Python's floor division and modulo on integers (raise ZeroDivisionError).
std::int64_t py_floordiv(std::int64_t a, std::int64_t b);
std::int64_t py_mod(std::int64_t a, std::int64_t b);

}  // namespace samrapport::jinja
