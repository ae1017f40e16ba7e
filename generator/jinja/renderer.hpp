// The renderer walks the syntax tree of a template and writes the output. Internal to the
// engine; the public entry points are Environment::render / Template::render.
//
// Scopes: a Frame holds the variables of one scope (template top level, a for loop, a
// macro call, a block, a with). Frames live on the C++ stack and point to their parent;
// the top-level frame of a template run lives in a heap TemplateContext, because imported
// macros keep referring to it. A closure (macro defined inside a loop, caller of a call
// block, recursive loop) holds a FrameAnchor that is cleared when its frame ends.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "jinja/ast.hpp"
#include "jinja/callable.hpp"
#include "jinja/environment.hpp"
#include "jinja/error.hpp"
#include "jinja/value.hpp"

namespace samrapport::jinja::detail {

struct Frame;

struct FrameAnchor final : RcBase {
  Frame* frame = nullptr;
};

struct Frame {
  struct Slot {
    NameId id;
    Value value;
  };

  Frame() = default;
  explicit Frame(Frame* p) : parent(p) {}
  Frame(const Frame&) = delete;
  Frame& operator=(const Frame&) = delete;
  ~Frame() {
    if (anchor) anchor->frame = nullptr;
  }

  const Value* find_local(NameId id) const {
    for (const auto& s : vars) {
      if (s.id == id) return &s.value;
    }
    return nullptr;
  }
  void set(NameId id, Value v) {
    for (auto& s : vars) {
      if (s.id == id) {
        s.value = std::move(v);
        return;
      }
    }
    vars.push_back(Slot{id, std::move(v)});
  }
  Rc<FrameAnchor> get_anchor() {
    if (!anchor) {
      anchor = make_rc<FrameAnchor>();
      anchor->frame = this;
    }
    return anchor;
  }

  Frame* parent = nullptr;
  const DictObj* base = nullptr;  // the render context, for a template's top-level frame
  std::vector<Slot> vars;
  Rc<FrameAnchor> anchor;
};

struct TemplateContext;

/// A non-owning reference to a template run, cleared when the render ends. Macros, modules,
/// self and super() hold one, so that a template context never owns itself through a
/// value stored in it (reference counting could not free such a cycle).
struct ContextHandle final : RcBase {
  TemplateContext* tc = nullptr;
};
using ContextRef = Rc<ContextHandle>;

/// The template run behind `ref`; raises when the render that made it has ended.
TemplateContext& live(const ContextRef& ref);

struct BlockRef {
  const BlockStmt* block;
  const Template* tpl;
};

/// One run of a template (the page itself, an include, an import), shared by the
/// templates of an inheritance chain.
struct TemplateContext final : RcBase {
  Frame root;
  Value context_keepalive;             // keeps root.base alive
  ContextRef handle;                   // what runtime objects hold instead of the context
  const Template* tpl = nullptr;       // the template this run started with
  std::vector<TemplatePtr> keepalive;  // parents loaded by extends
  std::map<std::string, std::vector<BlockRef>, std::less<>> blocks;
  std::vector<NameId> exports;  // top-level names in definition order
  TemplatePtr pending_parent;   // set by {% extends %}

  void export_name(NameId id);
};

class MacroObj;
class LoopObj;

class Renderer final : public Context {
 public:
  Renderer(const Environment& env, std::string& out, const Value& context);
  ~Renderer() override;
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  /// Renders `tpl` with the render context into the output.
  void render(const Template& tpl);

  // ---------------------------------------------------------------- Context
  const Environment& environment() const override { return env_; }
  bool autoescape() const override { return escaper_ != nullptr; }
  void escape(std::string_view text, std::string& out) const override;
  Value getattr(const Value& obj, std::string_view name) override;
  Value getitem(const Value& obj, const Value& key) override;
  Value call(const Value& callee, CallArgs& args) override;
  Value call_filter(std::string_view name, const Value& input, CallArgs& args) override;
  bool call_test(std::string_view name, const Value& input, CallArgs& args) override;
  std::string to_string(const Value& v) override;
  std::vector<Value> iterate(const Value& v) override;
  bool truthy(const Value& v) override;
  Value undefined(std::string message) override;
  bool strict_undefined() const override { return strict_; }
  void check_size(std::size_t bytes) const override;
  std::string call_site(std::size_t depth) const override;

  // ---------------------------------------------------------------- runtime objects
  Value call_macro(const MacroObj& macro, CallArgs& args);
  Value call_loop(LoopObj& loop, CallArgs& args);
  /// Renders level `level` of block `name` of a template run (super(), self.name()).
  Value render_block_value(TemplateContext& tc, const std::string& name, std::size_t level);
  /// Output captured from a body, as Markup when autoescaping.
  Value wrap_output(std::string s) const;

 private:
  friend class RenderGuard;

  // statements (renderer.cpp)
  void run_template(const Template& tpl, TemplateContext& tc);
  void exec_body(const Body& body, Frame& f);
  void exec(const Stmt& s, Frame& f);
  void exec_output(const OutputStmt& s, Frame& f);
  void exec_if(const IfStmt& s, Frame& f);
  void exec_for(const ForStmt& s, Frame& f, const Value* iterable, int depth);
  void exec_set(const SetStmt& s, Frame& f);
  bool append_in_place(const SetStmt& s, Frame& f);
  void exec_set_block(const SetBlockStmt& s, Frame& f);
  void exec_macro(const MacroStmt& s, Frame& f);
  void exec_call_block(const CallBlockStmt& s, Frame& f);
  void exec_filter_block(const FilterBlockStmt& s, Frame& f);
  void exec_block(const BlockStmt& s, Frame& f);
  void exec_extends(const ExtendsStmt& s, Frame& f);
  void exec_include(const IncludeStmt& s, Frame& f);
  void exec_import(const ImportStmt& s, Frame& f);
  void exec_from_import(const FromImportStmt& s, Frame& f);
  void exec_with(const WithStmt& s, Frame& f);
  void exec_autoescape(const AutoescapeStmt& s, Frame& f);
  void assign(const Expr& target, const Value& value, Frame& f);
  void render_block(TemplateContext& tc, const std::string& name, std::size_t level, Frame* parent);
  std::string capture(const Body& body, Frame& f);
  Value load_module(const Expr& name_expr, Frame& f, bool with_context);
  TemplatePtr load_template(const Value& name);
  void set_variable(Frame& f, NameId id, Value v);

  // expressions (evaluate.cpp)
 public:
  Value eval(const Expr& e, Frame& f);

 private:
  Value eval_node(const Expr& e, Frame& f);
  Value lookup(const NameExpr& n, Frame& f);
  Value eval_getattr(const GetattrExpr& e, Frame& f);
  Value eval_getitem(const GetitemExpr& e, Frame& f);
  Value eval_call(const CallExpr& e, Frame& f);
  Value eval_filter(const FilterExpr& e, Frame& f, const Value* input);
  bool eval_test(const TestExpr& e, Frame& f);
  Value eval_concat(const ConcatExpr& e, Frame& f);
  Value eval_compare(const CompareExpr& e, Frame& f);
  void eval_args(const CallArgsNode& node, Frame& f, CallArgs& out);
  Value attr_of(const Value& obj, std::string_view attr, std::size_t hash,
                const std::string& owner_text);
  Value item_of(const Value& obj, const Value& key, const std::string& owner_text);
  /// In strict rendering, records on a lookup miss where the lookup happened.
  Value located(Value v, const Expr& e) const;
  Value slice_of(const Value& obj, const SliceExpr& s, Frame& f);
  std::vector<std::string> visible_names(Frame& f) const;

  // output
  void write_value(const Value& v, const Escaper* escaper);
  void write_text(std::string_view s) { out_->append(s); }

  [[noreturn]] void fail_at(const Node& n, ErrorKind kind, std::string message) const;
  void annotate(TemplateError& e, const Node& n) const;

  const Environment& env_;
  std::string* out_;
  Value context_;
  const Escaper* escaper_ = nullptr;
  const Escaper* static_escaper_ = nullptr;  // the setting Jinja2 would know at compile time
  bool strict_;
  int depth_ = 0;
  const Template* cur_tpl_ = nullptr;
  TemplateContext* tc_ = nullptr;
  bool skip_blocks_ = false;  // top-level code of a template after {% extends %}: no output
  std::unordered_map<const Template*, Value> module_cache_;
  std::vector<Rc<TemplateContext>> contexts_;  // every template run of this render
  struct CallSite {
    const Template* tpl;
    const Node* node;
  };
  std::vector<CallSite> call_sites_;  // the call expressions being evaluated, outermost first
  /// Keeps a call expression on call_sites_ while it runs.
  class CallSiteScope {
   public:
    CallSiteScope(Renderer& r, const Node& n) : r_(r) { r.call_sites_.push_back({r.cur_tpl_, &n}); }
    ~CallSiteScope() { r_.call_sites_.pop_back(); }
    CallSiteScope(const CallSiteScope&) = delete;
    CallSiteScope& operator=(const CallSiteScope&) = delete;

   private:
    Renderer& r_;
  };

  /// A new template run; kept alive until the render ends.
  TemplateContext& new_context(const Template& tpl);
  /// Releases the runs of this render and invalidates their handles.
  void release_contexts();
};

/// Applies the save/restore discipline for macro calls, blocks, includes.
class RenderGuard {
 public:
  RenderGuard(Renderer& r, const Node* at);
  ~RenderGuard();

 private:
  Renderer& r_;
  const Template* tpl_;
  TemplateContext* tc_;
  const Escaper* escaper_;
  const Escaper* static_escaper_;
  bool skip_blocks_;
};

}  // namespace samrapport::jinja::detail
