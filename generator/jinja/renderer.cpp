#include "jinja/renderer.hpp"

#include "jinja/error.hpp"
#include "jinja/lexer.hpp"
#include "jinja/limits.hpp"
#include "jinja/operators.hpp"
#include "jinja/runtime_objects.hpp"
#include "jinja/undefined.hpp"
#include "jinja/value_print.hpp"

namespace samrapport::jinja::detail {

namespace {

struct SpecialNames {
  NameId loop = intern_name("loop");
  NameId varargs = intern_name("varargs");
  NameId kwargs = intern_name("kwargs");
  NameId caller = intern_name("caller");
  NameId super_ = intern_name("super");
};

const SpecialNames& names() {
  static const SpecialNames n;
  return n;
}

/// Counts nesting of macro calls, includes, imports, blocks and recursive loops.
class DepthGuard {
 public:
  /// Counts in the budget of the render (shared with nested renders on this thread), or in
  /// `own` when a renderer runs without one.
  DepthGuard(int& own, int own_limit, std::string_view what) {
    check_stack();
    RenderBudget* b = t_budget;
    depth_ = b ? &b->depth : &own;
    const int limit = b ? b->max_depth : own_limit;
    if (++*depth_ > limit) {
      --*depth_;
      throw_error(ErrorKind::Limit, "maximum recursion depth (" + std::to_string(limit) +
                                        ") exceeded in " + std::string(what));
    }
    count_operations();
  }
  ~DepthGuard() { --*depth_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  int* depth_;
};

}  // namespace

void TemplateContext::export_name(NameId id) {
  std::string_view text = name_text(id);
  if (!text.empty() && text[0] == '_') return;
  for (NameId e : exports) {
    if (e == id) return;
  }
  exports.push_back(id);
}

TemplateContext& live(const ContextRef& ref) {
  if (!ref || !ref->tc) {
    throw_error(ErrorKind::Runtime,
                "a macro or template module was used after the template that defined it "
                "finished rendering");
  }
  return *ref->tc;
}

RenderGuard::RenderGuard(Renderer& r, const Node*)
    : r_(r),
      tpl_(r.cur_tpl_),
      tc_(r.tc_),
      escaper_(r.escaper_),
      static_escaper_(r.static_escaper_),
      skip_blocks_(r.skip_blocks_) {}

RenderGuard::~RenderGuard() {
  r_.cur_tpl_ = tpl_;
  r_.tc_ = tc_;
  r_.escaper_ = escaper_;
  r_.static_escaper_ = static_escaper_;
  r_.skip_blocks_ = skip_blocks_;
}

Renderer::Renderer(const Environment& env, std::string& out, const Value& context)
    : env_(env), out_(&out), context_(context), strict_(env.strict_undefined()) {}

Renderer::~Renderer() {
  release_contexts();
}

TemplateContext& Renderer::new_context(const Template& tpl) {
  auto tc = make_rc<TemplateContext>();
  tc->tpl = &tpl;
  tc->handle = make_rc<ContextHandle>();
  tc->handle->tc = tc.get();
  contexts_.push_back(tc);
  return *tc;
}

void Renderer::release_contexts() {
  module_cache_.clear();
  for (auto& tc : contexts_) tc->handle->tc = nullptr;
  // Clearing the variables first drops references between contexts in any order.
  for (auto& tc : contexts_) {
    tc->root.vars.clear();
    tc->root.parent = nullptr;
  }
  contexts_.clear();
}

void Renderer::render(const Template& tpl) {
  TemplateContext& tc = new_context(tpl);
  if (context_.is_dict()) {
    tc.root.base = &context_.dict_obj();
    tc.context_keepalive = context_;
  } else if (!context_.is_none()) {
    throw_error(ErrorKind::Type, "the render context must be a dict");
  }
  run_template(tpl, tc);
}

void Renderer::escape(std::string_view text, std::string& out) const {
  if (escaper_) {
    escaper_->escape(text, out);
  } else {
    escape_html(text, out);
  }
}

std::string Renderer::call_site(std::size_t depth) const {
  if (depth >= call_sites_.size()) return {};
  const CallSite& c = call_sites_[call_sites_.size() - 1 - depth];
  const std::string name = c.tpl && !c.tpl->name().empty() ? c.tpl->name() : "<template>";
  return name + ":" + std::to_string(c.node->line) + ":" + std::to_string(c.node->column);
}

void Renderer::check_size(std::size_t bytes) const {
  if (bytes > env_.options().max_output_size) {
    throw_error(ErrorKind::Limit, "output size limit exceeded (" +
                                      std::to_string(env_.options().max_output_size) + " bytes)");
  }
  check_alloc(bytes);
}

Value Renderer::wrap_output(std::string s) const {
  if (escaper_) return Value::markup(std::move(s));
  return Value(std::move(s));
}

Value Renderer::undefined(std::string message) {
  return make_undefined_hint(std::move(message));
}

void Renderer::annotate(TemplateError& e, const Node& n) const {
  if (e.has_position() || !cur_tpl_) return;
  e.set_position(cur_tpl_->name(), n.line, n.column, source_line(cur_tpl_->source(), n.line));
}

void Renderer::fail_at(const Node& n, ErrorKind kind, std::string message) const {
  TemplateError e(kind, std::move(message));
  annotate(e, n);
  throw e;
}

// ------------------------------------------------------------------ templates

void Renderer::run_template(const Template& tpl, TemplateContext& tc) {
  RenderGuard guard(*this, nullptr);
  tc_ = &tc;
  for (const auto& [name, block] : tpl.blocks()) tc.blocks[name].push_back(BlockRef{block, &tpl});
  cur_tpl_ = &tpl;
  escaper_ = static_escaper_ = tpl.escaper().get();
  skip_blocks_ = false;
  std::string* saved_out = out_;
  try {
    exec_body(tpl.body(), tc.root);
    int chain = 0;
    while (tc.pending_parent) {
      if (++chain > env_.options().max_recursion_depth) {
        throw_error(ErrorKind::Limit, "template inheritance is more than " +
                                          std::to_string(env_.options().max_recursion_depth) +
                                          " levels deep (does a template extend itself?)");
      }
      TemplatePtr parent = std::move(tc.pending_parent);
      tc.pending_parent.reset();
      out_ = saved_out;
      cur_tpl_ = parent.get();
      escaper_ = static_escaper_ = parent->escaper().get();
      skip_blocks_ = false;
      exec_body(parent->body(), tc.root);
    }
  } catch (...) {
    out_ = saved_out;
    throw;
  }
  out_ = saved_out;
}

TemplatePtr Renderer::load_template(const Value& name) {
  if (name.is_string()) return env_.get_template(name.str());
  if (name.is_sequence()) {
    std::vector<std::string> names;
    for (const auto& v : name.items()) {
      if (!v.is_string()) throw_error(ErrorKind::Type, "template names must be strings");
      names.push_back(v.str());
    }
    return env_.select_template(names);
  }
  if (name.is_undefined()) raise_undefined(name);
  throw_error(ErrorKind::Type,
              "template name must be a string, not '" + std::string(name.type_name()) + "'");
}

// ------------------------------------------------------------------ statements

void Renderer::exec_body(const Body& body, Frame& f) {
  for (const auto& s : body) exec(*s, f);
}

void Renderer::exec(const Stmt& s, Frame& f) {
  try {
    check_stack();
    switch (s.kind) {
      case NodeKind::Output:
        exec_output(static_cast<const OutputStmt&>(s), f);
        break;
      case NodeKind::If:
        exec_if(static_cast<const IfStmt&>(s), f);
        break;
      case NodeKind::For:
        exec_for(static_cast<const ForStmt&>(s), f, nullptr, 0);
        break;
      case NodeKind::Set:
        exec_set(static_cast<const SetStmt&>(s), f);
        break;
      case NodeKind::SetBlock:
        exec_set_block(static_cast<const SetBlockStmt&>(s), f);
        break;
      case NodeKind::Macro:
        exec_macro(static_cast<const MacroStmt&>(s), f);
        break;
      case NodeKind::CallBlock:
        exec_call_block(static_cast<const CallBlockStmt&>(s), f);
        break;
      case NodeKind::FilterBlock:
        exec_filter_block(static_cast<const FilterBlockStmt&>(s), f);
        break;
      case NodeKind::Block:
        exec_block(static_cast<const BlockStmt&>(s), f);
        break;
      case NodeKind::Extends:
        exec_extends(static_cast<const ExtendsStmt&>(s), f);
        break;
      case NodeKind::Include:
        exec_include(static_cast<const IncludeStmt&>(s), f);
        break;
      case NodeKind::Import:
        exec_import(static_cast<const ImportStmt&>(s), f);
        break;
      case NodeKind::FromImport:
        exec_from_import(static_cast<const FromImportStmt&>(s), f);
        break;
      case NodeKind::With:
        exec_with(static_cast<const WithStmt&>(s), f);
        break;
      case NodeKind::Autoescape:
        exec_autoescape(static_cast<const AutoescapeStmt&>(s), f);
        break;
      default:
        fail_at(s, ErrorKind::Runtime, "internal error: not a statement");
    }
  } catch (TemplateError& e) {
    annotate(e, s);
    throw;
  }
}

void Renderer::write_value(const Value& v, const Escaper* escaper) {
  std::string& out = *out_;
  switch (v.kind()) {
    case Kind::Str:
      if (escaper) {
        escaper->escape(v.str(), out);
      } else {
        out += v.str();
      }
      return;
    case Kind::Markup:
    case Kind::Int:
    case Kind::Float:
    case Kind::Bool:
    case Kind::None:
      append_str(out, v);  // nothing to escape: markup is safe, numbers are digits
      return;
    case Kind::Undefined:
      if (strict_) raise_undefined(v);
      return;
    default: {
      std::string s = to_str(v);
      if (escaper) {
        escaper->escape(s, out);
      } else {
        out += s;
      }
    }
  }
}

void Renderer::exec_output(const OutputStmt& s, Frame& f) {
  // After {% extends %}, a template's own top-level output is not even evaluated (Jinja2
  // drops it at compile time or checks parent_template at run time).
  if (skip_blocks_) return;
  const std::size_t before = out_->size();
  for (const auto& item : s.items) {
    if (!item.expr) {
      out_->append(item.text);
      continue;
    }
    try {
      write_value(eval(*item.expr, f), item.constant ? static_escaper_ : escaper_);
    } catch (TemplateError& e) {
      annotate(e, *item.expr);
      throw;
    }
  }
  if (out_->size() > env_.options().max_output_size) check_size(out_->size());
  if (out_->size() > before) charge_bytes(out_->size() - before);
}

void Renderer::exec_if(const IfStmt& s, Frame& f) {
  for (const auto& [test, body] : s.branches) {
    if (truthy(eval(*test, f))) {
      exec_body(body, f);
      return;
    }
  }
  exec_body(s.else_body, f);
}

void Renderer::exec_for(const ForStmt& s, Frame& f, const Value* iterable, int depth) {
  Value seq = iterable ? *iterable : eval(*s.iter, f);
  // Lists and tuples are iterated in place (no copy) unless filtered or a loop object needs
  // its own snapshot; iteration stops at the length the sequence had when the loop started.
  std::vector<Value> owned;
  const std::vector<Value>* items = &owned;
  if (seq.is_sequence() && !s.filter && !s.uses_loop) {
    items = &seq.items();
  } else {
    owned = iterate(seq);
  }
  Frame lf(&f);
  if (s.filter) {
    std::vector<Value> kept;
    for (auto& item : owned) {
      count_operations();
      assign(*s.target, item, lf);
      if (truthy(eval(*s.filter, lf))) kept.push_back(std::move(item));
    }
    owned = std::move(kept);
    lf.vars.clear();
  }
  const std::size_t n = items->size();
  if (n == 0) {
    Frame ef(&f);
    exec_body(s.else_body, ef);
    return;
  }
  Rc<LoopObj> loop;
  if (s.uses_loop) {
    loop = make_rc<LoopObj>();
    loop->items = std::move(owned);
    items = &loop->items;
    loop->stmt = &s;
    loop->depth0 = depth;
    if (s.recursive) loop->outer = f.get_anchor();
    lf.set(names().loop, Value(Rc<Object>(loop)));
  }
  Value loop_value = loop ? Value(Rc<Object>(loop)) : Value();
  for (std::size_t i = 0; i < n && i < items->size(); ++i) {
    count_operations();
    // Every iteration starts with fresh loop-local variables, as in Jinja2.
    if (i > 0) {
      lf.vars.clear();
      if (loop) lf.set(names().loop, loop_value);
    }
    if (loop) loop->index0 = i;
    Value item = (*items)[i];
    assign(*s.target, item, lf);
    exec_body(s.body, lf);
  }
}

Value Renderer::call_loop(LoopObj& loop, CallArgs& args) {
  if (args.pos.size() != 1 || !args.kw.empty()) {
    throw_error(ErrorKind::Type, "loop() takes exactly one argument");
  }
  Frame* outer = loop.outer ? loop.outer->frame : nullptr;
  if (!outer) throw_error(ErrorKind::Runtime, "the recursive loop has already ended");
  DepthGuard depth(depth_, env_.options().max_recursion_depth, "recursive loop");
  std::string buf;
  std::string* saved = out_;
  out_ = &buf;
  try {
    exec_for(*loop.stmt, *outer, &args.pos[0], loop.depth0 + 1);
  } catch (...) {
    out_ = saved;
    throw;
  }
  out_ = saved;
  return wrap_output(std::move(buf));
}

void Renderer::set_variable(Frame& f, NameId id, Value v) {
  f.set(id, std::move(v));
  if (tc_ && &f == &tc_->root) tc_->export_name(id);
}

void Renderer::assign(const Expr& target, const Value& value, Frame& f) {
  switch (target.kind) {
    case NodeKind::Name:
      set_variable(f, static_cast<const NameExpr&>(target).id, value);
      return;
    case NodeKind::NSRef: {
      const auto& ns = static_cast<const NSRefExpr&>(target);
      NameExpr n;
      n.name = ns.name;
      n.id = ns.id;
      n.hash = ns.hash;
      Value obj = lookup(n, f);
      if (!obj.is_object() || !obj.object().set_attr(ns.attr, value)) {
        fail_at(target, ErrorKind::Runtime, "cannot assign attribute on non-namespace object");
      }
      return;
    }
    case NodeKind::TupleLit: {
      const auto& targets = static_cast<const SequenceExpr&>(target).items;
      std::vector<Value> items = iterate(value);
      if (items.size() != targets.size()) {
        if (items.size() > targets.size()) {
          throw_error(ErrorKind::Value, "too many values to unpack (expected " +
                                            std::to_string(targets.size()) + ")");
        }
        throw_error(ErrorKind::Value, "not enough values to unpack (expected " +
                                          std::to_string(targets.size()) + ", got " +
                                          std::to_string(items.size()) + ")");
      }
      for (std::size_t i = 0; i < items.size(); ++i) assign(*targets[i], items[i], f);
      return;
    }
    default:
      fail_at(target, ErrorKind::Syntax, "cannot assign to this expression");
  }
}

void Renderer::exec_set(const SetStmt& s, Frame& f) {
  if (append_in_place(s, f)) return;
  assign(*s.target, eval(*s.value, f), f);
}

// `{% set ns.rows = ns.rows + [row] %}`, the usual way to build a table in a loop, copies
// the whole list (and checks it for reference cycles) on every row: quadratic. When the
// namespace holds the only reference to the list, nobody can see the old value, so the
// new items are appended in place instead, with the same result.
bool Renderer::append_in_place(const SetStmt& s, Frame& f) {
  if (s.target->kind != NodeKind::NSRef || s.value->kind != NodeKind::Binary) return false;
  const auto& target = static_cast<const NSRefExpr&>(*s.target);
  const auto& sum = static_cast<const BinaryExpr&>(*s.value);
  if (sum.op != BinOp::Add || sum.left->kind != NodeKind::Getattr) return false;
  const auto& left = static_cast<const GetattrExpr&>(*sum.left);
  if (left.attr != target.attr || left.object->kind != NodeKind::Name) return false;
  const auto& owner = static_cast<const NameExpr&>(*left.object);
  if (owner.id != target.id) return false;
  NameExpr n;
  n.name = target.name;
  n.id = target.id;
  n.hash = target.hash;
  const Value obj = lookup(n, f);
  if (!obj.is_object()) return false;
  auto* ns = dynamic_cast<NamespaceObj*>(&obj.object());
  if (ns == nullptr) return false;
  const Value* current = ns->attrs->find(target.attr);
  if (current == nullptr || !current->is_list() ||
      current->list_obj().flavor != ListFlavor::Plain) {
    return false;
  }
  // The left operand is a plain attribute read: evaluating the right one first changes
  // nothing observable. It may still touch the list, so the reference count is read after.
  const Value more = eval(*sum.right, f);
  current = ns->attrs->find(target.attr);
  if (current == nullptr || !current->is_list() || current->list_obj().refcount() != 1 ||
      !more.is_list()) {
    const Value base = eval(*sum.left, f);
    assign(*s.target, binary_op(BinOp::Add, base, more, *this), f);
    return true;
  }
  for (const Value& item : more.items()) check_no_cycle(item, ns);
  charge_bytes(more.items().size() * sizeof(Value));
  ListObj& list = current->list_obj();
  list.items.insert(list.items.end(), more.items().begin(), more.items().end());
  return true;
}

std::string Renderer::capture(const Body& body, Frame& f) {
  std::string buf;
  std::string* saved = out_;
  out_ = &buf;
  try {
    exec_body(body, f);
  } catch (...) {
    out_ = saved;
    throw;
  }
  out_ = saved;
  return buf;
}

void Renderer::exec_set_block(const SetBlockStmt& s, Frame& f) {
  Frame bf(&f);
  bool saved_skip = skip_blocks_;
  skip_blocks_ = false;  // a set block's body is captured, never dropped
  std::string captured;
  try {
    captured = capture(s.body, bf);
  } catch (...) {
    skip_blocks_ = saved_skip;
    throw;
  }
  skip_blocks_ = saved_skip;
  Value v = wrap_output(std::move(captured));
  if (s.filter) v = eval_filter(static_cast<const FilterExpr&>(*s.filter), f, &v);
  assign(*s.target, v, f);
}

void Renderer::exec_macro(const MacroStmt& s, Frame& f) {
  auto m = make_rc<MacroObj>();
  m->name = s.def.name;
  m->def = &s.def;
  m->tpl = cur_tpl_;
  m->tc = tc_->handle;
  if (!tc_ || &f != &tc_->root) m->closure = f.get_anchor();
  m->escaper = escaper_;
  set_variable(f, s.id, Value(Rc<Object>(m)));
}

void Renderer::exec_call_block(const CallBlockStmt& s, Frame& f) {
  auto caller = make_rc<MacroObj>();
  caller->name = "caller";
  caller->def = &s.caller;
  caller->tpl = cur_tpl_;
  caller->tc = tc_->handle;
  caller->closure = f.get_anchor();
  caller->escaper = escaper_;
  const auto& call = static_cast<const CallExpr&>(*s.call);
  Value callee = eval(*call.callee, f);
  CallArgs args;
  eval_args(call.args, f, args);
  args.kw.emplace_back("caller", Value(Rc<Object>(caller)));
  Value result;
  try {
    CallSiteScope site(*this, *s.call);
    result = this->call(callee, args);
  } catch (TemplateError& e) {
    annotate(e, *s.call);
    throw;
  }
  write_value(result, nullptr);  // Jinja2 writes a call block's result as it is
}

void Renderer::exec_filter_block(const FilterBlockStmt& s, Frame& f) {
  Frame bf(&f);
  // After {% extends %} the body still runs (its output statements do not) and the result
  // is dropped, as in Jinja2.
  bool dropped = skip_blocks_;
  Value v = wrap_output(capture(s.body, bf));
  Value result = eval_filter(static_cast<const FilterExpr&>(*s.filter), f, &v);
  // Jinja2 writes a filter block's result as it is (the body was escaped already)
  if (!dropped) write_value(result, nullptr);
}

Value Renderer::call_macro(const MacroObj& m, CallArgs& args) {
  TemplateContext& mtc = live(m.tc);
  // The body escapes as the defining template does; whether the result is safe (Markup)
  // follows the caller's autoescape setting, as in Jinja2.
  const bool caller_autoescape = escaper_ != nullptr;
  const MacroDef& d = *m.def;
  DepthGuard depth(depth_, env_.options().max_recursion_depth, "macro '" + d.name + "'");
  Frame* parent = (m.closure && m.closure->frame) ? m.closure->frame : &mtc.root;
  Frame mf(parent);
  mf.vars.reserve(d.params.size() + 2);

  const std::size_t n = d.params.size();
  std::vector<const Value*> bound(n, nullptr);
  std::size_t npos = std::min(args.pos.size(), n);
  for (std::size_t i = 0; i < npos; ++i) bound[i] = &args.pos[i];
  std::vector<bool> kw_used(args.kw.size(), false);
  bool found_caller = false;
  if (npos != n) {
    for (std::size_t i = npos; i < n; ++i) {
      for (std::size_t k = 0; k < args.kw.size(); ++k) {
        if (!kw_used[k] && args.kw[k].first == d.params[i].name) {
          bound[i] = &args.kw[k].second;
          kw_used[k] = true;
          break;
        }
      }
      if (d.params[i].name == "caller") found_caller = true;
    }
  } else {
    found_caller = d.explicit_caller;
  }
  Value caller_value;
  bool have_caller = false;
  if (d.uses_caller && !found_caller) {
    for (std::size_t k = 0; k < args.kw.size(); ++k) {
      if (!kw_used[k] && args.kw[k].first == "caller") {
        caller_value = args.kw[k].second;
        kw_used[k] = true;
        have_caller = true;
        break;
      }
    }
    if (!have_caller) caller_value = make_undefined_hint("No caller defined");
  }
  Value kwargs_value;
  if (d.uses_kwargs) {
    kwargs_value = Value::dict();
    for (std::size_t k = 0; k < args.kw.size(); ++k) {
      if (!kw_used[k]) kwargs_value.dict_obj().set(args.kw[k].first, args.kw[k].second);
    }
  } else {
    for (std::size_t k = 0; k < args.kw.size(); ++k) {
      if (kw_used[k]) continue;
      if (args.kw[k].first == "caller") {
        throw_error(ErrorKind::Type, "macro '" + d.name +
                                         "' was invoked with two values for the special "
                                         "caller argument. This is most likely a bug.");
      }
      throw_error(ErrorKind::Type,
                  "macro '" + d.name + "' takes no keyword argument '" + args.kw[k].first + "'");
    }
  }
  if (!d.uses_varargs && args.pos.size() > n) {
    throw_error(ErrorKind::Type,
                "macro '" + d.name + "' takes not more than " + std::to_string(n) + " argument(s)");
  }

  RenderGuard guard(*this, nullptr);
  cur_tpl_ = m.tpl;
  tc_ = &mtc;
  escaper_ = static_escaper_ = m.escaper;
  skip_blocks_ = false;

  for (std::size_t i = 0; i < n; ++i) {
    const MacroParam& p = d.params[i];
    if (bound[i]) {
      mf.set(p.id, *bound[i]);
    } else if (p.default_value) {
      mf.set(p.id, eval(*p.default_value, mf));
    } else {
      auto info = make_rc<UndefinedInfo>();
      info->name = p.name;
      mf.set(p.id, Value::undefined(std::move(info)));
    }
  }
  if (d.uses_varargs) {
    std::vector<Value> extra;
    for (std::size_t i = n; i < args.pos.size(); ++i) extra.push_back(args.pos[i]);
    mf.set(names().varargs, Value::tuple(std::move(extra)));
  }
  if (d.uses_kwargs) mf.set(names().kwargs, kwargs_value);
  if (d.uses_caller && !found_caller) mf.set(names().caller, caller_value);

  std::string buf = capture(d.body, mf);
  return caller_autoescape ? Value::markup(std::move(buf)) : Value(std::move(buf));
}

void Renderer::render_block(TemplateContext& tc, const std::string& name, std::size_t level,
                            Frame* parent) {
  auto it = tc.blocks.find(name);
  if (it == tc.blocks.end() || level >= it->second.size()) {
    throw_error(ErrorKind::Undefined, "there is no parent block called '" + name + "'.");
  }
  const BlockRef ref = it->second[level];
  if (ref.block->required) {
    throw_error(ErrorKind::Runtime, "Required block '" + name + "' not found");
  }
  DepthGuard depth(depth_, env_.options().max_recursion_depth, "block '" + name + "'");
  RenderGuard guard(*this, nullptr);
  cur_tpl_ = ref.tpl;
  escaper_ = static_escaper_ = ref.tpl->escaper().get();
  tc_ = &tc;
  skip_blocks_ = false;
  Frame bf(parent);
  if (ref.block->uses_super) {
    auto s = make_rc<SuperObj>();
    s->tc = tc.handle;
    s->name = name;
    s->level = level;
    bf.set(names().super_, Value(Rc<Object>(s)));
  }
  exec_body(ref.block->body, bf);
}

Value Renderer::render_block_value(TemplateContext& tc, const std::string& name,
                                   std::size_t level) {
  auto it = tc.blocks.find(name);
  if (it == tc.blocks.end() || level >= it->second.size()) {
    return make_undefined_hint("there is no parent block called '" + name + "'.");
  }
  const Escaper* esc = escaper_;
  std::string buf;
  std::string* saved = out_;
  out_ = &buf;
  try {
    render_block(tc, name, level, &tc.root);
  } catch (...) {
    out_ = saved;
    throw;
  }
  out_ = saved;
  return esc ? Value::markup(std::move(buf)) : Value(std::move(buf));
}

void Renderer::exec_block(const BlockStmt& s, Frame& f) {
  if (skip_blocks_) return;
  render_block(*tc_, s.name, 0, s.scoped ? &f : &tc_->root);
}

void Renderer::exec_extends(const ExtendsStmt& s, Frame& f) {
  if (tc_->pending_parent) fail_at(s, ErrorKind::Runtime, "extended multiple times");
  TemplatePtr parent = load_template(eval(*s.name, f));
  tc_->keepalive.push_back(parent);
  for (const auto& [name, block] : parent->blocks()) {
    tc_->blocks[name].push_back(BlockRef{block, parent.get()});
  }
  tc_->pending_parent = std::move(parent);
  skip_blocks_ = true;
}

void Renderer::exec_include(const IncludeStmt& s, Frame& f) {
  TemplatePtr t;
  try {
    t = load_template(eval(*s.name, f));
  } catch (TemplateError& e) {
    if (e.kind() == ErrorKind::NotFound && s.ignore_missing) return;
    throw;
  }
  DepthGuard depth(depth_, env_.options().max_recursion_depth, "include of '" + t->name() + "'");
  TemplateContext& tc = new_context(*t);
  tc.keepalive.push_back(t);
  if (s.with_context) tc.root.parent = &f;
  try {
    run_template(*t, tc);
  } catch (...) {
    tc.root.parent = nullptr;
    throw;
  }
  tc.root.parent = nullptr;
  // Nothing kept a reference to the included run (no macro escaped): free it now, so that
  // includes in long loops do not pile up until the end of the render.
  std::uint32_t internal = 1;  // the context's own reference
  for (const auto& slot : tc.root.vars) {
    if (!slot.value.is_object()) continue;
    const auto* m = dynamic_cast<const MacroObj*>(&slot.value.object());
    if (m && m->tc.get() == tc.handle.get() && m->refcount() == 1) ++internal;
  }
  if (contexts_.back().get() == &tc && tc.handle->refcount() == internal) {
    tc.handle->tc = nullptr;
    tc.root.vars.clear();
    contexts_.pop_back();
  }
}

Value Renderer::load_module(const Expr& name_expr, Frame& f, bool with_context) {
  TemplatePtr t = load_template(eval(name_expr, f));
  if (!with_context) {
    auto it = module_cache_.find(t.get());
    if (it != module_cache_.end()) return it->second;
  }
  DepthGuard depth(depth_, env_.options().max_recursion_depth, "import of '" + t->name() + "'");
  TemplateContext& tc = new_context(*t);
  tc.keepalive.push_back(t);
  if (with_context && tc_) tc.root.parent = &tc_->root;
  {
    std::string buf;
    std::string* saved = out_;
    out_ = &buf;
    try {
      run_template(*t, tc);
    } catch (...) {
      out_ = saved;
      throw;
    }
    out_ = saved;
  }
  auto m = make_rc<ModuleObj>();
  m->tc = tc.handle;
  m->name = t->name();
  Value v{Rc<Object>(m)};
  if (!with_context) module_cache_[t.get()] = v;
  return v;
}

void Renderer::exec_import(const ImportStmt& s, Frame& f) {
  set_variable(f, s.target_id, load_module(*s.name, f, s.with_context));
}

void Renderer::exec_from_import(const FromImportStmt& s, Frame& f) {
  Value module = load_module(*s.name, f, s.with_context);
  const auto& m = static_cast<const ModuleObj&>(module.object());
  for (const auto& item : s.names) {
    Value v;
    if (!m.get_attr(item.name, v)) {
      v = make_undefined_hint("the template '" + m.name + "' does not export the requested name '" +
                              item.name + "'");
    }
    set_variable(f, item.alias_id, v);
  }
}

void Renderer::exec_with(const WithStmt& s, Frame& f) {
  std::vector<Value> values;
  values.reserve(s.assignments.size());
  for (const auto& a : s.assignments) values.push_back(eval(*a.second, f));
  Frame wf(&f);
  for (std::size_t i = 0; i < values.size(); ++i) assign(*s.assignments[i].first, values[i], wf);
  exec_body(s.body, wf);
}

void Renderer::exec_autoescape(const AutoescapeStmt& s, Frame& f) {
  bool on = truthy(eval(*s.value, f));
  const Escaper* saved = escaper_;
  const Escaper* saved_static = static_escaper_;
  escaper_ = on ? (escaper_ ? escaper_ : html_escaper().get()) : nullptr;
  // Jinja2 knows a constant setting at compile time; constant output follows only that.
  if (s.constant) static_escaper_ = escaper_;
  try {
    Frame sf(&f);
    exec_body(s.body, sf);
  } catch (...) {
    escaper_ = saved;
    static_escaper_ = saved_static;
    throw;
  }
  escaper_ = saved;
  static_escaper_ = saved_static;
}

}  // namespace samrapport::jinja::detail
