#include "jinja/callable.hpp"

#include "jinja/error.hpp"

namespace samrapport::jinja {

void Function::repr(std::string& out) const {
  if (!repr_.empty()) {
    out += repr_;
    return;
  }
  out += "<function ";
  out += name_;
  out += '>';
}

Args::Args(CallArgs& args, std::string_view function, std::initializer_list<std::string_view> names,
           std::size_t required)
    : slots_(names.size(), nullptr), function_(function) {
  if (args.pos.size() > names.size()) {
    throw_error(ErrorKind::Type, function_ + "() takes at most " + std::to_string(names.size()) +
                                     " argument(s) (" + std::to_string(args.pos.size()) +
                                     " given)");
  }
  for (std::size_t i = 0; i < args.pos.size(); ++i) slots_[i] = &args.pos[i];
  for (auto& [key, value] : args.kw) {
    std::size_t idx = 0;
    bool found = false;
    for (auto n : names) {
      if (n == key) {
        found = true;
        break;
      }
      ++idx;
    }
    if (!found) {
      throw_error(ErrorKind::Type,
                  function_ + "() got an unexpected keyword argument '" + key + "'");
    }
    if (slots_[idx]) {
      throw_error(ErrorKind::Type, function_ + "() got multiple values for argument '" + key + "'");
    }
    slots_[idx] = &value;
  }
  for (std::size_t i = 0; i < required && i < slots_.size(); ++i) {
    if (!slots_[i]) {
      throw_error(ErrorKind::Type, function_ + "() missing required argument '" +
                                       std::string(names.begin()[i]) + "'");
    }
  }
}

std::int64_t Args::int_or(std::size_t i, std::int64_t fallback) const {
  const Value* v = get(i);
  if (!v || v->is_none()) return fallback;
  if (v->is_int() || v->is_bool()) return v->as_int();
  if (v->is_float()) return static_cast<std::int64_t>(v->as_double());
  throw_error(ErrorKind::Type, function_ + "(): expected an integer argument, got '" +
                                   std::string(v->type_name()) + "'");
}

bool Args::bool_or(std::size_t i, bool fallback) const {
  const Value* v = get(i);
  if (!v) return fallback;
  return py_truthy(*v);
}

std::string Args::string_or(std::size_t i, std::string_view fallback) const {
  const Value* v = get(i);
  if (!v) return std::string(fallback);
  if (v->is_string()) return v->str();
  throw_error(ErrorKind::Type, function_ + "(): expected a string argument, got '" +
                                   std::string(v->type_name()) + "'");
}

void expect_no_args(const CallArgs& args, std::string_view function) {
  if (!args.pos.empty() || !args.kw.empty()) {
    throw_error(ErrorKind::Type, std::string(function) + "() takes no arguments");
  }
}

}  // namespace samrapport::jinja
