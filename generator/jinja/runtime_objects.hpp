// Objects that exist while a template renders: macros, the loop object, namespace(),
// imported template modules, super()/self, bound methods, cycler and joiner.
#pragma once

#include <string>
#include <vector>

#include "jinja/ast.hpp"
#include "jinja/renderer.hpp"
#include "jinja/value.hpp"

namespace samrapport::jinja::detail {

class MacroObj final : public Object {
 public:
  std::string_view type_name() const override { return "Macro"; }
  bool get_attr(std::string_view name, Value& out) const override;
  std::vector<std::string> attr_names() const override;
  bool is_callable() const override { return true; }
  Value call(Context& ctx, CallArgs& args) override;
  void repr(std::string& out) const override;

  std::string name;
  const MacroDef* def = nullptr;  // valid while tc is live
  const Template* tpl = nullptr;
  ContextRef tc;            // the template run it was defined in
  Rc<FrameAnchor> closure;  // defining frame when not the template's top level
  const Escaper* escaper = nullptr;
};

class LoopObj final : public Object {
 public:
  std::string_view type_name() const override { return "LoopContext"; }
  bool get_attr(std::string_view name, Value& out) const override;
  std::vector<std::string> attr_names() const override;
  bool is_callable() const override { return stmt && stmt->recursive; }
  Value call(Context& ctx, CallArgs& args) override;
  void repr(std::string& out) const override;
  void visit_children(const std::function<void(const Value&)>& fn) const override;

  std::vector<Value> items;
  std::size_t index0 = 0;
  int depth0 = 0;
  const ForStmt* stmt = nullptr;
  Rc<FrameAnchor> outer;  // the frame the for statement runs in (for loop(...))
  Value last_changed;
  bool has_changed = false;
};

class LoopMethodObj final : public Object {
 public:
  LoopMethodObj(Rc<LoopObj> l, bool cycle) : loop(std::move(l)), is_cycle(cycle) {}
  std::string_view type_name() const override { return "method"; }
  bool is_callable() const override { return true; }
  Value call(Context& ctx, CallArgs& args) override;
  void visit_children(const std::function<void(const Value&)>& fn) const override;

  Rc<LoopObj> loop;
  bool is_cycle;
};

class NamespaceObj final : public Object {
 public:
  std::string_view type_name() const override { return "Namespace"; }
  bool get_attr(std::string_view name, Value& out) const override;
  bool set_attr(std::string_view name, const Value& value) override;
  std::vector<std::string> attr_names() const override;
  void repr(std::string& out) const override;
  void visit_children(const std::function<void(const Value&)>& fn) const override;

  Rc<DictObj> attrs = make_rc<DictObj>();
};

class ModuleObj final : public Object {
 public:
  std::string_view type_name() const override { return "TemplateModule"; }
  bool get_attr(std::string_view name, Value& out) const override;
  std::vector<std::string> attr_names() const override;
  void repr(std::string& out) const override;

  ContextRef tc;
  std::string name;
};

class SuperObj final : public Object {
 public:
  std::string_view type_name() const override { return "BlockReference"; }
  bool is_callable() const override { return true; }
  Value call(Context& ctx, CallArgs& args) override;

  ContextRef tc;
  std::string name;
  std::size_t level = 0;
};

/// `self`: self.blockname() renders a block of the current template run.
class SelfObj final : public Object {
 public:
  std::string_view type_name() const override { return "TemplateReference"; }
  bool get_attr(std::string_view name, Value& out) const override;
  std::vector<std::string> attr_names() const override;
  void repr(std::string& out) const override;

  ContextRef tc;
};

/// A method of a str, list or dict bound to its object (`d.items` without a call).
class BoundMethodObj final : public Object {
 public:
  BoundMethodObj(Value s, std::string n) : self(std::move(s)), name(std::move(n)) {}
  std::string_view type_name() const override { return "builtin_function_or_method"; }
  bool is_callable() const override { return true; }
  Value call(Context& ctx, CallArgs& args) override;
  void repr(std::string& out) const override;
  void visit_children(const std::function<void(const Value&)>& fn) const override { fn(self); }

  Value self;
  std::string name;
};

class CyclerObj final : public Object {
 public:
  std::string_view type_name() const override { return "Cycler"; }
  bool get_attr(std::string_view name, Value& out) const override;
  std::vector<std::string> attr_names() const override { return {"current", "next", "reset"}; }
  void visit_children(const std::function<void(const Value&)>& fn) const override {
    for (const auto& v : items) fn(v);
  }

  std::vector<Value> items;
  std::size_t pos = 0;
};

class JoinerObj final : public Object {
 public:
  std::string_view type_name() const override { return "Joiner"; }
  bool is_callable() const override { return true; }
  Value call(Context& ctx, CallArgs& args) override;
  void visit_children(const std::function<void(const Value&)>& fn) const override { fn(sep); }

  Value sep;
  bool used = false;
};

}  // namespace samrapport::jinja::detail
