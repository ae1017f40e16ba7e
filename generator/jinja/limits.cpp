#include "jinja/limits.hpp"

#include <pthread.h>

#include <string>

#include "jinja/environment.hpp"
#include "jinja/error.hpp"

namespace samrapport::jinja {

namespace detail {

void stack_exhausted() {
  throw_error(ErrorKind::Limit,
              "template nested too deeply: the render has used three quarters of the thread's "
              "stack (expressions, macro calls, renders or values nested inside each other)");
}

void operation_budget_exceeded() {
  throw_error(ErrorKind::Limit, "operation budget of " + std::to_string(t_budget->max_operations) +
                                    " exceeded (loop iterations and calls; "
                                    "Options::max_operations)");
}

void value_nested_too_deeply() {
  throw_error(ErrorKind::Limit, "value nested too deeply (more than " +
                                    std::to_string(value_depth_limit()) +
                                    " levels of lists, dicts or namespaces; "
                                    "Options::max_value_depth)");
}

}  // namespace detail

namespace {

/// The lowest address a render may use on this thread's stack: a quarter of the stack is
/// kept free (for filters, error handling and the code around the render).
std::uintptr_t stack_floor() {
  static thread_local std::uintptr_t floor = 0;
  if (floor != 0) return floor;
  pthread_attr_t attr;
  void* low = nullptr;
  std::size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    if (pthread_attr_getstack(&attr, &low, &size) != 0) size = 0;
    pthread_attr_destroy(&attr);
  }
  const auto here = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
  const auto base = reinterpret_cast<std::uintptr_t>(low);
  if (size == 0 || here < base || here > base + size) {
    // unknown stack: assume 1 MiB below this frame is safe to use
    floor = here > (std::uintptr_t{1} << 20) ? here - (std::uintptr_t{1} << 20) : 1;
  } else {
    floor = base + size / 4;
  }
  return floor;
}

const int kDefaultValueDepth = Options{}.max_value_depth;

[[noreturn]] void string_too_large(std::size_t limit) {
  throw_error(ErrorKind::Limit, "output size limit exceeded (" + std::to_string(limit) + " bytes)");
}

[[noreturn]] void total_too_large(std::uint64_t limit) {
  throw_error(ErrorKind::Limit, "total size limit exceeded: the render would produce more than " +
                                    std::to_string(limit) +
                                    " bytes of strings and lists (Options::max_total_size)");
}

}  // namespace

void check_alloc(std::size_t bytes) {
  detail::RenderBudget* b = detail::t_budget;
  if (!b) return;
  if (bytes > b->max_string) string_too_large(b->max_string);
  if (bytes > b->max_bytes - b->bytes) total_too_large(b->max_bytes);
}

void charge_bytes(std::size_t bytes) {
  detail::RenderBudget* b = detail::t_budget;
  if (!b) return;
  if (bytes > b->max_bytes - b->bytes) {
    b->bytes = b->max_bytes;
    total_too_large(b->max_bytes);
  }
  b->bytes += bytes;
}

int value_depth_limit() noexcept {
  const detail::RenderBudget* b = detail::t_budget;
  return b ? b->max_value_depth : kDefaultValueDepth;
}

BudgetScope::BudgetScope(const Options& options, std::string_view template_name)
    : outer_(detail::t_budget),
      saved_value_depth_(detail::t_value_depth),
      saved_stack_floor_(detail::t_stack_floor) {
  if (outer_) {
    if (outer_->depth + 1 > outer_->max_depth) {
      throw_error(ErrorKind::Limit,
                  "maximum recursion depth (" + std::to_string(outer_->max_depth) +
                      ") exceeded in render of '" +
                      std::string(template_name.empty() ? "<template>" : template_name) +
                      "' (a template rendered from within a render)");
    }
    ++outer_->depth;
    return;
  }
  own_.max_depth = options.max_recursion_depth;
  own_.max_operations = options.max_operations;
  own_.max_bytes = options.max_total_size;
  own_.max_string = options.max_output_size;
  own_.max_value_depth = options.max_value_depth;
  detail::t_budget = &own_;
  detail::t_value_depth = 0;
  reset_cycle_memo();
  detail::t_stack_floor = stack_floor();
}

BudgetScope::~BudgetScope() {
  detail::t_value_depth = saved_value_depth_;
  detail::t_stack_floor = saved_stack_floor_;
  if (outer_) {
    --outer_->depth;
  } else {
    detail::t_budget = nullptr;
    reset_cycle_memo();
  }
}

}  // namespace samrapport::jinja
