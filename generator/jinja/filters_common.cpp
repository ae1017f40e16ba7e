#include "jinja/filters_common.hpp"

#include <algorithm>
#include <numeric>

#include "jinja/operators.hpp"
#include "jinja/unicode.hpp"

namespace samrapport::jinja {

void register_builtin_filters(Environment& env) {
  builtins::register_string_filters(env);
  builtins::register_sequence_filters(env);
  builtins::register_number_filters(env);
}

namespace builtins {

namespace {

std::vector<Value> attribute_parts(const Value& attribute) {
  std::vector<Value> parts;
  if (attribute.is_string()) {
    const std::string& s = attribute.str();
    std::size_t start = 0;
    while (true) {
      std::size_t dot = s.find('.', start);
      std::string part =
          s.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      bool digits = !part.empty();
      std::size_t i = 0;
      while (i < part.size()) {
        if (!unicode::is_digit(unicode::decode(part, i))) digits = false;
      }
      if (digits && unicode::is_ascii(part)) {
        parts.emplace_back(static_cast<std::int64_t>(std::stoll(part)));
      } else {
        parts.emplace_back(std::move(part));
      }
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
  } else {
    parts.push_back(attribute);
  }
  return parts;
}

}  // namespace

AttrGetter::AttrGetter(const Value* attribute, bool ignore_case_flag, const Value* default_value)
    : ignore_case_(ignore_case_flag) {
  if (attribute && !attribute->is_none()) parts_ = attribute_parts(*attribute);
  if (default_value && !default_value->is_none()) {
    default_ = *default_value;
    has_default_ = true;
  }
}

Value AttrGetter::operator()(Context& ctx, const Value& item) const {
  Value v = item;
  for (const auto& part : parts_) {
    v = ctx.getitem(v, part);
    if (has_default_ && v.is_undefined()) v = default_;
  }
  return ignore_case_ ? ignore_case(v) : v;
}

MultiAttrGetter::MultiAttrGetter(const Value* attribute, bool ignore_case_flag) {
  if (attribute && attribute->is_string()) {
    const std::string& s = attribute->str();
    std::size_t start = 0;
    while (true) {
      std::size_t comma = s.find(',', start);
      Value part(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      getters_.emplace_back(&part, ignore_case_flag, nullptr);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  } else {
    getters_.emplace_back(attribute, ignore_case_flag, nullptr);
  }
}

Value MultiAttrGetter::operator()(Context& ctx, const Value& item) const {
  std::vector<Value> key;
  key.reserve(getters_.size());
  for (const auto& g : getters_) key.push_back(g(ctx, item));
  return Value::list(std::move(key));
}

Value ignore_case(const Value& v) {
  if (v.is_string()) return string_like(v, unicode::lower(v.str()));
  return v;
}

Value string_like(const Value& like, std::string s) {
  return like.is_markup() ? Value::markup(std::move(s)) : Value(std::move(s));
}

void sort_by_keys(std::vector<Value>& items, std::vector<Value>& keys, bool reverse) {
  std::vector<std::size_t> order(items.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return reverse ? py_less(keys[b], keys[a]) : py_less(keys[a], keys[b]);
  });
  std::vector<Value> sorted, sorted_keys;
  sorted.reserve(items.size());
  sorted_keys.reserve(items.size());
  for (std::size_t i : order) {
    sorted.push_back(items[i]);
    sorted_keys.push_back(keys[i]);
  }
  items = std::move(sorted);
  keys = std::move(sorted_keys);
}

}  // namespace builtins
}  // namespace samrapport::jinja
