// What filters, tests and global functions registered from outside the engine see:
// the Context of the running render, the call arguments, and a binder that maps
// positional and keyword arguments onto a Python-like signature.
#pragma once

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "jinja/value.hpp"

namespace samrapport::jinja {

class Environment;

/// The running render, as seen by filters, tests and functions.
class Context {
 public:
  virtual ~Context() = default;

  virtual const Environment& environment() const = 0;
  /// Whether autoescaping is on at this point of the template.
  virtual bool autoescape() const = 0;
  /// Escapes text for the current output format (HTML when autoescape is off).
  virtual void escape(std::string_view text, std::string& out) const = 0;
  /// Jinja's attribute lookup (attribute first, then item); Undefined when missing.
  virtual Value getattr(const Value& obj, std::string_view name) = 0;
  /// Jinja's item lookup (item first, then attribute); Undefined when missing.
  virtual Value getitem(const Value& obj, const Value& key) = 0;
  virtual Value call(const Value& callee, CallArgs& args) = 0;
  virtual Value call_filter(std::string_view name, const Value& input, CallArgs& args) = 0;
  virtual bool call_test(std::string_view name, const Value& input, CallArgs& args) = 0;
  /// Python str(v); raises for undefined values in strict mode.
  virtual std::string to_string(const Value& v) = 0;
  /// Python iteration (list items, dict keys, string characters); raises TypeError.
  virtual std::vector<Value> iterate(const Value& v) = 0;
  /// Python truthiness; raises for undefined values in strict mode.
  virtual bool truthy(const Value& v) = 0;
  /// An undefined value whose use reports `message`.
  virtual Value undefined(std::string message) = 0;
  virtual bool strict_undefined() const = 0;
  /// Checks a string about to be produced against the output size limit.
  virtual void check_size(std::size_t bytes) const = 0;
  /// Where a call that is running now was written, as "template:line:column": depth 0 is
  /// the innermost call expression being evaluated (a function calling this sees its own
  /// call), 1 the call around it (for a function called inside a macro: the call of that
  /// macro). "" when there are fewer calls.
  virtual std::string call_site(std::size_t depth) const = 0;
};

using FilterFn = std::function<Value(Context&, const Value& input, CallArgs& args)>;
using TestFn = std::function<bool(Context&, const Value& input, CallArgs& args)>;
using FunctionFn = std::function<Value(Context&, CallArgs& args)>;

/// A global function (range, dict, namespace, or one registered with add_global).
class Function final : public Object {
 public:
  Function(std::string name, FunctionFn fn, std::string repr = {})
      : name_(std::move(name)), fn_(std::move(fn)), repr_(std::move(repr)) {}
  std::string_view type_name() const override { return "function"; }
  bool is_callable() const override { return true; }
  Value call(Context& ctx, CallArgs& args) override { return fn_(ctx, args); }
  void repr(std::string& out) const override;
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  FunctionFn fn_;
  std::string repr_;  // printed form; "<function NAME>" when empty
};

/// Binds call arguments to a signature: `Args a(args, "truncate", {"length", "killwords",
/// "end", "leeway"});` then `a.get(0)` is the value given for `length` (positionally or as
/// keyword) or null. Too many positional arguments, unknown or repeated keywords raise
/// TypeError, as in Python.
class Args {
 public:
  Args(CallArgs& args, std::string_view function, std::initializer_list<std::string_view> names,
       std::size_t required = 0);

  const Value* get(std::size_t i) const { return i < slots_.size() ? slots_[i] : nullptr; }
  bool has(std::size_t i) const { return get(i) != nullptr; }
  const Value& get_or(std::size_t i, const Value& fallback) const {
    const Value* v = get(i);
    return v ? *v : fallback;
  }
  std::int64_t int_or(std::size_t i, std::int64_t fallback) const;
  bool bool_or(std::size_t i, bool fallback) const;
  std::string string_or(std::size_t i, std::string_view fallback) const;
  const std::string& function() const { return function_; }

 private:
  std::vector<const Value*> slots_;
  std::string function_;
};

/// Raises TypeError unless `args` is empty (for filters that take no arguments).
void expect_no_args(const CallArgs& args, std::string_view function);

}  // namespace samrapport::jinja
