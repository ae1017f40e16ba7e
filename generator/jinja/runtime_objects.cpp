#include "jinja/runtime_objects.hpp"

#include "jinja/error.hpp"
#include "jinja/methods.hpp"
#include "jinja/undefined.hpp"
#include "jinja/value_print.hpp"

namespace samrapport::jinja::detail {

namespace {

Renderer& renderer(Context& ctx) {
  return static_cast<Renderer&>(ctx);
}

}  // namespace

// ------------------------------------------------------------------ MacroObj

bool MacroObj::get_attr(std::string_view name, Value& out) const {
  live(tc);  // def belongs to the template of that run
  if (name == "name") {
    out = Value(def->name);
  } else if (name == "arguments") {
    std::vector<Value> names;
    for (const auto& p : def->params) names.emplace_back(p.name);
    out = Value::tuple(std::move(names));
  } else if (name == "catch_kwargs") {
    out = Value(def->uses_kwargs);
  } else if (name == "catch_varargs") {
    out = Value(def->uses_varargs);
  } else if (name == "caller") {
    out = Value(def->uses_caller);
  } else {
    return false;
  }
  return true;
}

std::vector<std::string> MacroObj::attr_names() const {
  return {"name", "arguments", "catch_kwargs", "catch_varargs", "caller"};
}

Value MacroObj::call(Context& ctx, CallArgs& args) {
  return renderer(ctx).call_macro(*this, args);
}

void MacroObj::repr(std::string& out) const {
  out += "<Macro '";
  out += name;
  out += "'>";
}

// ------------------------------------------------------------------ LoopObj

bool LoopObj::get_attr(std::string_view name, Value& out) const {
  auto length = static_cast<std::int64_t>(items.size());
  auto i0 = static_cast<std::int64_t>(index0);
  if (name == "index") {
    out = Value(i0 + 1);
  } else if (name == "index0") {
    out = Value(i0);
  } else if (name == "revindex") {
    out = Value(length - i0);
  } else if (name == "revindex0") {
    out = Value(length - i0 - 1);
  } else if (name == "first") {
    out = Value(i0 == 0);
  } else if (name == "last") {
    out = Value(i0 == length - 1);
  } else if (name == "length") {
    out = Value(length);
  } else if (name == "depth") {
    out = Value(static_cast<std::int64_t>(depth0) + 1);
  } else if (name == "depth0") {
    out = Value(static_cast<std::int64_t>(depth0));
  } else if (name == "previtem") {
    out = index0 > 0 ? items[index0 - 1] : make_undefined_hint("there is no previous item");
  } else if (name == "nextitem") {
    out = index0 + 1 < items.size() ? items[index0 + 1]
                                    : make_undefined_hint("there is no next item");
  } else if (name == "cycle" || name == "changed") {
    auto self = Rc<LoopObj>(const_cast<LoopObj*>(this));
    out = Value(Rc<Object>(make_rc<LoopMethodObj>(self, name == "cycle")));
  } else {
    return false;
  }
  return true;
}

std::vector<std::string> LoopObj::attr_names() const {
  return {"index", "index0", "revindex", "revindex0", "first", "last",   "length",
          "depth", "depth0", "previtem", "nextitem",  "cycle", "changed"};
}

Value LoopObj::call(Context& ctx, CallArgs& args) {
  if (!stmt || !stmt->recursive) {
    throw_error(ErrorKind::Type,
                "Tried to call non recursive loop.  Maybe you forgot the 'recursive' modifier.");
  }
  return renderer(ctx).call_loop(*this, args);
}

void LoopObj::visit_children(const std::function<void(const Value&)>& fn) const {
  for (const auto& v : items) fn(v);
  fn(last_changed);
}

void LoopObj::repr(std::string& out) const {
  out += "<LoopContext ";
  append_int(out, static_cast<std::int64_t>(index0) + 1);
  out += '/';
  append_int(out, static_cast<std::int64_t>(items.size()));
  out += '>';
}

Value LoopMethodObj::call(Context&, CallArgs& args) {
  if (!args.kw.empty()) throw_error(ErrorKind::Type, "loop methods take no keyword arguments");
  if (is_cycle) {
    if (args.pos.empty()) throw_error(ErrorKind::Type, "no items for cycling given");
    return args.pos[loop->index0 % args.pos.size()];
  }
  Value key = args.pos.size() == 1 ? args.pos[0] : Value::tuple(args.pos);
  check_no_cycle(key, loop.get());
  if (!loop->has_changed || !py_equal(loop->last_changed, key)) {
    loop->has_changed = true;
    loop->last_changed = key;
    return Value(true);
  }
  return Value(false);
}

void LoopMethodObj::visit_children(const std::function<void(const Value&)>& fn) const {
  fn(Value(Rc<Object>(loop)));
}

// ------------------------------------------------------------------ NamespaceObj

bool NamespaceObj::get_attr(std::string_view name, Value& out) const {
  const Value* v = attrs->find(name);
  if (!v) return false;
  out = *v;
  return true;
}

bool NamespaceObj::set_attr(std::string_view name, const Value& value) {
  check_no_cycle(value, this);
  attrs->set(name, value);
  return true;
}

std::vector<std::string> NamespaceObj::attr_names() const {
  std::vector<std::string> names;
  for (const auto& e : attrs->entries()) names.push_back(e.key.str());
  return names;
}

void NamespaceObj::visit_children(const std::function<void(const Value&)>& fn) const {
  fn(Value(attrs));
}

void NamespaceObj::repr(std::string& out) const {
  out += "<Namespace ";
  append_repr(out, Value(attrs));
  out += '>';
}

// ------------------------------------------------------------------ ModuleObj

bool ModuleObj::get_attr(std::string_view name, Value& out) const {
  TemplateContext& c = live(tc);
  for (NameId id : c.exports) {
    if (name_text(id) == name) {
      if (const Value* v = c.root.find_local(id)) {
        out = *v;
        return true;
      }
    }
  }
  return false;
}

std::vector<std::string> ModuleObj::attr_names() const {
  std::vector<std::string> names;
  for (NameId id : live(tc).exports) names.emplace_back(name_text(id));
  return names;
}

void ModuleObj::repr(std::string& out) const {
  out += "<Template module '";
  out += name;
  out += "'>";
}

// ------------------------------------------------------------------ blocks

Value SuperObj::call(Context& ctx, CallArgs& args) {
  expect_no_args(args, "super");
  Value v = renderer(ctx).render_block_value(live(tc), name, level + 1);
  if (v.is_undefined()) raise_undefined(v);
  return v;
}

namespace {

class BlockCallerObj final : public Object {
 public:
  std::string_view type_name() const override { return "BlockReference"; }
  bool is_callable() const override { return true; }
  Value call(Context& ctx, CallArgs& args) override {
    expect_no_args(args, name);
    return renderer(ctx).render_block_value(live(tc), name, 0);
  }

  ContextRef tc;
  std::string name;
};

}  // namespace

bool SelfObj::get_attr(std::string_view name, Value& out) const {
  TemplateContext& c = live(tc);
  if (c.blocks.find(name) == c.blocks.end()) return false;
  auto b = make_rc<BlockCallerObj>();
  b->tc = tc;
  b->name = std::string(name);
  out = Value(Rc<Object>(b));
  return true;
}

std::vector<std::string> SelfObj::attr_names() const {
  std::vector<std::string> names;
  for (const auto& [name, refs] : live(tc).blocks) names.push_back(name);
  return names;
}

void SelfObj::repr(std::string& out) const {
  out += "<TemplateReference ";
  const Template* t = tc->tc ? tc->tc->tpl : nullptr;
  if (t && !t->name().empty()) {
    append_string_repr(out, t->name());
  } else {
    out += "None";  // a template made from a string has no name in Jinja2
  }
  out += '>';
}

// ------------------------------------------------------------------ bound methods

Value BoundMethodObj::call(Context& ctx, CallArgs& args) {
  Value out;
  if (!call_method(ctx, self, name, args, out)) {
    throw_error(ErrorKind::Type,
                "'" + std::string(self.type_name()) + "' object has no method '" + name + "'");
  }
  return out;
}

void BoundMethodObj::repr(std::string& out) const {
  out += "<built-in method ";
  out += name;
  out += " of ";
  out += self.type_name();
  out += " object>";
}

// ------------------------------------------------------------------ cycler, joiner

namespace {

class CyclerMethodObj final : public Object {
 public:
  std::string_view type_name() const override { return "method"; }
  bool is_callable() const override { return true; }
  Value call(Context&, CallArgs& args) override {
    expect_no_args(args, is_next ? "next" : "reset");
    if (is_next) {
      if (cycler->items.empty()) return Value();
      Value v = cycler->items[cycler->pos];
      cycler->pos = (cycler->pos + 1) % cycler->items.size();
      return v;
    }
    cycler->pos = 0;
    return Value();
  }

  Rc<CyclerObj> cycler;
  bool is_next = true;
};

}  // namespace

bool CyclerObj::get_attr(std::string_view name, Value& out) const {
  if (name == "current") {
    out = items.empty() ? Value() : items[pos];
    return true;
  }
  if (name == "next" || name == "reset") {
    auto m = make_rc<CyclerMethodObj>();
    m->cycler = Rc<CyclerObj>(const_cast<CyclerObj*>(this));
    m->is_next = name == "next";
    out = Value(Rc<Object>(m));
    return true;
  }
  return false;
}

Value JoinerObj::call(Context&, CallArgs& args) {
  expect_no_args(args, "joiner");
  if (!used) {
    used = true;
    return Value(std::string());
  }
  return sep;
}

}  // namespace samrapport::jinja::detail
