// The budget of a render: what one render, together with every render it starts on the
// same thread (a function that renders another template, such as samrapport's text()),
// may use before it stops with a TemplateError (Limit).
//
//   - depth: macro calls, includes, imports, blocks, recursive loops and nested renders,
//     counted together (Options::max_recursion_depth);
//   - operations: loop iterations and calls of macros, functions, filters, tests and
//     methods, and the containers walked by comparisons, hashing and printing
//     (Options::max_operations);
//   - bytes: every string the render produces, and the list items it stores, added up
//     (Options::max_total_size); one string alone may not exceed Options::max_output_size;
//   - value depth: the nesting of lists, dicts and namespaces that printing, comparing,
//     hashing and JSON follow (Options::max_value_depth).
//
// The budget lives in a thread-local pointer set by the outermost Environment::render_to on
// the thread; code that has no Context (value printing, ==, hash) reaches it from there.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace samrapport::jinja {

struct Options;

namespace detail {

struct RenderBudget {
  int depth = 0;
  int max_depth = 200;
  std::uint64_t operations = 0;
  std::uint64_t max_operations = UINT64_MAX;
  std::uint64_t bytes = 0;
  std::uint64_t max_bytes = UINT64_MAX;
  std::size_t max_string = SIZE_MAX;
  int max_value_depth = 1000;
};

// Inline and constant-initialised, so that every use is a direct thread-local access.
/// The budget of the render running on this thread; null outside renders.
inline thread_local RenderBudget* t_budget = nullptr;
/// Nesting of the value walk (printing, ==, hash, JSON) running on this thread.
inline thread_local int t_value_depth = 0;

/// The lowest stack address a render may reach on this thread (0: not checked). Set by the
/// outermost render to leave a quarter of the thread's stack free.
inline thread_local std::uintptr_t t_stack_floor = 0;

[[noreturn]] void operation_budget_exceeded();
[[noreturn]] void value_nested_too_deeply();
[[noreturn]] void stack_exhausted();

}  // namespace detail

/// A backstop under the depth limits: raises "nested too deeply" before a render's
/// recursion (expressions inside macros inside nested renders, values inside values, ...)
/// can overflow the thread's stack.
inline void check_stack() {
  if (reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0)) < detail::t_stack_floor) {
    detail::stack_exhausted();
  }
}

/// Counts `n` operations against the budget of the current render.
inline void count_operations(std::uint64_t n = 1) {
  if (detail::RenderBudget* b = detail::t_budget) {
    b->operations += n;
    if (b->operations > b->max_operations) detail::operation_budget_exceeded();
  }
}

/// Raises unless a string (or other allocation) of `bytes` fits: not more than
/// max_output_size alone, and not more than what is left of max_total_size. Call it
/// before allocating.
void check_alloc(std::size_t bytes);
/// Adds `bytes` to the total of the current render (after producing them); raises when
/// the total exceeds max_total_size.
void charge_bytes(std::size_t bytes);

/// The value nesting limit in force (the render's, or the default outside renders).
int value_depth_limit() noexcept;

/// One level of a recursive walk over a value (printing, ==, hash, JSON): raises "value
/// nested too deeply" beyond Options::max_value_depth.
class ValueDepthGuard {
 public:
  ValueDepthGuard() {
    check_stack();
    if (++detail::t_value_depth > value_depth_limit()) {
      --detail::t_value_depth;
      detail::value_nested_too_deeply();
    }
  }
  ~ValueDepthGuard() { --detail::t_value_depth; }
  ValueDepthGuard(const ValueDepthGuard&) = delete;
  ValueDepthGuard& operator=(const ValueDepthGuard&) = delete;
};

/// Installed by Environment::render_to for the length of a render. The outermost render on
/// a thread makes the budget from its Options; a render started inside it shares that
/// budget and counts one level of depth ("render of 'name'").
class BudgetScope {
 public:
  BudgetScope(const Options& options, std::string_view template_name);
  ~BudgetScope();
  BudgetScope(const BudgetScope&) = delete;
  BudgetScope& operator=(const BudgetScope&) = delete;

 private:
  detail::RenderBudget own_;
  detail::RenderBudget* outer_;
  int saved_value_depth_;
  std::uintptr_t saved_stack_floor_;
};

}  // namespace samrapport::jinja
