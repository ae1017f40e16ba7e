// Helpers shared by the built-in filter implementations (internal).
#pragma once

#include <string>
#include <vector>

#include "jinja/callable.hpp"
#include "jinja/environment.hpp"
#include "jinja/value.hpp"

namespace samrapport::jinja::builtins {

/// Jinja's make_attrgetter: "a.b.0" looks up a, then b, then item 0 (environment.getitem).
class AttrGetter {
 public:
  AttrGetter() = default;
  AttrGetter(const Value* attribute, bool ignore_case, const Value* default_value);
  Value operator()(Context& ctx, const Value& item) const;
  bool empty() const { return parts_.empty(); }

 private:
  std::vector<Value> parts_;
  bool ignore_case_ = false;
  Value default_;
  bool has_default_ = false;
};

/// make_multi_attrgetter: "age,name" gives a list key [age, name].
class MultiAttrGetter {
 public:
  MultiAttrGetter(const Value* attribute, bool ignore_case);
  Value operator()(Context& ctx, const Value& item) const;

 private:
  std::vector<AttrGetter> getters_;
};

/// Lower-cases strings (ignore_case postprocessor); other values unchanged.
Value ignore_case(const Value& v);

/// A string result that keeps the Markup-ness of `like` (Markup methods return Markup).
Value string_like(const Value& like, std::string s);

/// Stable sort of values by precomputed keys (Python sorted(key=..., reverse=...)); the
/// keys are put in the same order.
void sort_by_keys(std::vector<Value>& items, std::vector<Value>& keys, bool reverse);

void register_string_filters(Environment& env);
void register_sequence_filters(Environment& env);
void register_number_filters(Environment& env);

}  // namespace samrapport::jinja::builtins
