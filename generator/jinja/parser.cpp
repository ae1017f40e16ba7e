#include "jinja/parser.hpp"

#include <algorithm>
#include <initializer_list>

#include "jinja/error.hpp"
#include "jinja/limits.hpp"
#include "jinja/value_print.hpp"

namespace samrapport::jinja {

namespace {

bool is_space_only(std::string_view s) {
  for (char c : s) {
    if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')) return false;
  }
  return true;
}

/// Counts of special names seen so far; a body uses a name when its count grows.
struct NameUse {
  int loop = 0, varargs = 0, kwargs = 0, caller = 0, super_ = 0, self = 0;
};

class Parser {
 public:
  Parser(const std::vector<Token>& tokens, std::string_view name, std::string_view source,
         const NameResolver& resolver, int max_depth)
      : toks_(tokens), name_(name), source_(source), resolver_(resolver), max_depth_(max_depth) {}

  ParsedTemplate run() {
    ParsedTemplate out;
    out.body = subparse({});
    if (cur().type != TokenType::Eof) fail_here("unexpected '" + describe_token(cur()) + "'");
    check_body(out.body, false, true);
    out.blocks = std::move(blocks_);
    out.uses_self = uses_.self > 0;
    return out;
  }

 private:
  // ---------------------------------------------------------------- unknown filters/tests
  // Unknown filters and tests are compile-time errors, except inside {% if %} statements and
  // inline if-expressions (Jinja2's "soft" frames), where they fail only when evaluated.
  void check_args(const CallArgsNode& a, bool soft) {
    for (const auto& x : a.args) check_expr(*x, soft);
    for (const auto& kv : a.kwargs) check_expr(*kv.second, soft);
    if (a.dyn_args) check_expr(*a.dyn_args, soft);
    if (a.dyn_kwargs) check_expr(*a.dyn_kwargs, soft);
  }

  void fail_node(const Node& n, std::string msg, ErrorKind kind = ErrorKind::Assertion) {
    TemplateError e(kind, std::move(msg));
    e.set_position(name_, n.line, n.column, source_line(source_, n.line));
    throw e;
  }

  void check_expr(const Expr& e, bool soft) {
    switch (e.kind) {
      case NodeKind::Getattr:
        check_expr(*static_cast<const GetattrExpr&>(e).object, soft);
        break;
      case NodeKind::Getitem: {
        const auto& g = static_cast<const GetitemExpr&>(e);
        if (g.index->kind == NodeKind::TupleLit) {
          // x[a:b, c]: Jinja2 generates invalid Python for a slice inside a tuple (unless
          // the whole printed expression is a constant it can evaluate at compile time)
          for (const auto& item : static_cast<const SequenceExpr&>(*g.index).items) {
            if (item->kind == NodeKind::Slice)
              fail_node(*item, "invalid syntax", ErrorKind::Syntax);
          }
        }
        check_expr(*g.object, soft);
        check_expr(*g.index, soft);
        break;
      }
      case NodeKind::Slice: {
        const auto& s = static_cast<const SliceExpr&>(e);
        if (s.start) check_expr(*s.start, soft);
        if (s.stop) check_expr(*s.stop, soft);
        if (s.step) check_expr(*s.step, soft);
        break;
      }
      case NodeKind::Call: {
        const auto& c = static_cast<const CallExpr&>(e);
        check_expr(*c.callee, soft);
        check_args(c.args, soft);
        break;
      }
      case NodeKind::Filter: {
        const auto& f = static_cast<const FilterExpr&>(e);
        if (!f.fn && !soft) fail_node(f, "No filter named '" + f.name + "'.");
        if (f.input) check_expr(*f.input, soft);
        check_args(f.args, soft);
        break;
      }
      case NodeKind::Test: {
        const auto& t = static_cast<const TestExpr&>(e);
        if (!t.fn && !soft) fail_node(t, "No test named '" + t.name + "'.");
        check_expr(*t.input, soft);
        check_args(t.args, soft);
        break;
      }
      case NodeKind::Unary:
        check_expr(*static_cast<const UnaryExpr&>(e).operand, soft);
        break;
      case NodeKind::Not:
        check_expr(*static_cast<const NotExpr&>(e).operand, soft);
        break;
      case NodeKind::Binary: {
        const auto& b = static_cast<const BinaryExpr&>(e);
        check_expr(*b.left, soft);
        check_expr(*b.right, soft);
        break;
      }
      case NodeKind::And:
      case NodeKind::Or: {
        const auto& l = static_cast<const LogicalExpr&>(e);
        check_expr(*l.left, soft);
        check_expr(*l.right, soft);
        break;
      }
      case NodeKind::Compare: {
        const auto& c = static_cast<const CompareExpr&>(e);
        check_expr(*c.first, soft);
        for (const auto& op : c.ops) check_expr(*op.second, soft);
        break;
      }
      case NodeKind::Concat:
        for (const auto& x : static_cast<const ConcatExpr&>(e).items) check_expr(*x, soft);
        break;
      case NodeKind::CondExpr: {
        const auto& c = static_cast<const CondExpr&>(e);
        check_expr(*c.test, true);
        check_expr(*c.then, true);
        if (c.otherwise) check_expr(*c.otherwise, true);
        break;
      }
      case NodeKind::ListLit:
      case NodeKind::TupleLit:
        for (const auto& x : static_cast<const SequenceExpr&>(e).items) check_expr(*x, soft);
        break;
      case NodeKind::DictLit:
        for (const auto& kv : static_cast<const DictExpr&>(e).items) {
          check_expr(*kv.first, soft);
          check_expr(*kv.second, soft);
        }
        break;
      default:
        break;
    }
  }

  void check_macro(const MacroDef& d) {
    for (const auto& p : d.params) {
      if (p.default_value) check_expr(*p.default_value, false);
    }
    check_body(d.body, false);
  }

  void check_body(const Body& body, bool soft, bool toplevel = false) {
    for (const auto& s : body) check_stmt(*s, soft, toplevel);
  }

  void check_stmt(const Stmt& s, bool soft, bool toplevel) {
    switch (s.kind) {
      case NodeKind::Output:
        for (const auto& item : static_cast<const OutputStmt&>(s).items) {
          if (item.expr && !item.constant) check_expr(*item.expr, soft);
        }
        break;
      case NodeKind::If: {
        const auto& i = static_cast<const IfStmt&>(s);
        for (const auto& [test, body] : i.branches) {
          check_expr(*test, true);
          check_body(body, true, toplevel);
        }
        check_body(i.else_body, true, toplevel);
        break;
      }
      case NodeKind::For: {
        const auto& f = static_cast<const ForStmt&>(s);
        check_expr(*f.iter, soft);
        if (f.filter) check_expr(*f.filter, false);
        check_body(f.body, false);
        check_body(f.else_body, false);
        break;
      }
      case NodeKind::Set:
        check_expr(*static_cast<const SetStmt&>(s).value, soft);
        break;
      case NodeKind::SetBlock: {
        const auto& b = static_cast<const SetBlockStmt&>(s);
        if (b.filter) check_expr(*b.filter, false);
        check_body(b.body, false);
        break;
      }
      case NodeKind::Macro:
        check_macro(static_cast<const MacroStmt&>(s).def);
        break;
      case NodeKind::CallBlock: {
        const auto& c = static_cast<const CallBlockStmt&>(s);
        check_expr(*c.call, soft);
        check_macro(c.caller);
        break;
      }
      case NodeKind::FilterBlock: {
        const auto& f = static_cast<const FilterBlockStmt&>(s);
        check_expr(*f.filter, false);
        check_body(f.body, false);
        break;
      }
      case NodeKind::Block:
        check_body(static_cast<const BlockStmt&>(s).body, false);
        break;
      case NodeKind::Extends:
        if (!toplevel) fail_node(s, "cannot use extend from a non top-level scope");
        check_expr(*static_cast<const ExtendsStmt&>(s).name, soft);
        break;
      case NodeKind::Include:
        check_expr(*static_cast<const IncludeStmt&>(s).name, soft);
        break;
      case NodeKind::Import:
        check_expr(*static_cast<const ImportStmt&>(s).name, soft);
        break;
      case NodeKind::FromImport:
        check_expr(*static_cast<const FromImportStmt&>(s).name, soft);
        break;
      case NodeKind::With: {
        const auto& w = static_cast<const WithStmt&>(s);
        for (const auto& a : w.assignments) check_expr(*a.second, soft);
        check_body(w.body, false);
        break;
      }
      case NodeKind::Autoescape: {
        const auto& a = static_cast<const AutoescapeStmt&>(s);
        check_expr(*a.value, soft);
        check_body(a.body, false);
        break;
      }
      default:
        break;
    }
  }

  // ---------------------------------------------------------------- token stream
  const Token& cur() const { return toks_[pos_]; }
  const Token& look() const { return toks_[std::min(pos_ + 1, toks_.size() - 1)]; }
  const Token& next() {
    const Token& t = toks_[pos_];
    if (pos_ + 1 < toks_.size()) ++pos_;
    return t;
  }
  bool test(TokenType t) const { return cur().type == t; }
  bool test_name(std::string_view n) const {
    return cur().type == TokenType::Name && cur().value == n;
  }
  bool skip_if(TokenType t) {
    if (!test(t)) return false;
    next();
    return true;
  }
  bool skip_name(std::string_view n) {
    if (!test_name(n)) return false;
    next();
    return true;
  }

  [[noreturn]] void fail_at(const Token& t, std::string msg, ErrorKind kind = ErrorKind::Syntax) {
    TemplateError e(kind, std::move(msg));
    e.set_position(name_, t.line, t.column, source_line(source_, t.line));
    throw e;
  }
  [[noreturn]] void fail_here(std::string msg) { fail_at(cur(), std::move(msg)); }

  const Token& expect(TokenType t) {
    if (!test(t)) {
      if (cur().type == TokenType::Eof) {
        fail_here("unexpected end of template, expected '" + std::string(token_type_text(t)) + "'");
      }
      fail_here("expected token '" + std::string(token_type_text(t)) + "', got '" +
                describe_token(cur()) + "'");
    }
    return next();
  }
  const Token& expect_name(std::string_view n) {
    if (!test_name(n)) {
      fail_here("expected token '" + std::string(n) + "', got '" + describe_token(cur()) + "'");
    }
    return next();
  }

  template <class T>
  std::unique_ptr<T> node(const Token& t) {
    auto n = std::make_unique<T>();
    n->line = t.line;
    n->column = t.column;
    return n;
  }

  struct DepthGuard {
    Parser& p;
    explicit DepthGuard(Parser& parser) : p(parser) {
      check_stack();  // a template loaded deep inside a render (include, nested render)
      if (++p.depth_ > p.max_depth_) p.fail_here("template is nested too deeply");
    }
    ~DepthGuard() { --p.depth_; }
  };

  /// A chain built in a loop (`a + b + c`, `x|f|g`, `a.b.c`, `a if b else c if ...`) nests
  /// one node deeper per link: each link counts as a level of nesting until the chain ends,
  /// so that the walks over the tree (checks, evaluation, destruction) stay bounded.
  struct ChainGuard {
    Parser& p;
    int links = 0;
    explicit ChainGuard(Parser& parser) : p(parser) {}
    ChainGuard(const ChainGuard&) = delete;
    ChainGuard& operator=(const ChainGuard&) = delete;
    void link() {
      ++links;
      if (++p.depth_ > p.max_depth_) p.fail_here("template is nested too deeply");
    }
    ~ChainGuard() { p.depth_ -= links; }
  };

  // ---------------------------------------------------------------- statements
  Body subparse(std::initializer_list<std::string_view> end_tokens) {
    DepthGuard guard(*this);
    Body body;
    std::unique_ptr<OutputStmt> output;
    auto flush = [&] {
      if (output) body.push_back(std::move(output));
      output.reset();
    };
    auto out = [&](const Token& t) -> OutputStmt& {
      if (!output) output = node<OutputStmt>(t);
      return *output;
    };
    while (cur().type != TokenType::Eof) {
      const Token& t = cur();
      if (t.type == TokenType::Data) {
        OutputItem item;
        item.text = t.value;
        out(t).items.push_back(std::move(item));
        next();
      } else if (t.type == TokenType::VariableBegin) {
        next();
        OutputItem item;
        item.expr = parse_tuple(true, {}, false);
        item.constant = is_constant(*item.expr);
        out(t).items.push_back(std::move(item));
        expect(TokenType::VariableEnd);
      } else if (t.type == TokenType::BlockBegin) {
        flush();
        next();
        if (end_tokens.size() && cur().type == TokenType::Name &&
            std::find(end_tokens.begin(), end_tokens.end(), cur().value) != end_tokens.end()) {
          return body;
        }
        parse_statement(body);
        expect(TokenType::BlockEnd);
      } else {
        fail_here("unexpected '" + describe_token(t) + "'");
      }
    }
    flush();
    return body;
  }

  Body parse_statements(std::initializer_list<std::string_view> end_tokens, bool drop_needle) {
    skip_if(TokenType::Colon);
    expect(TokenType::BlockEnd);
    Body body = subparse(end_tokens);
    if (cur().type == TokenType::Eof) {
      std::string expected;
      for (auto e : end_tokens) {
        if (!expected.empty()) expected += " or ";
        expected += "'" + std::string(e) + "'";
      }
      fail_here("Unexpected end of template. Jinja was looking for the following tags: " +
                expected + ".");
    }
    if (drop_needle) next();
    return body;
  }

  void parse_statement(Body& body) {
    const Token& t = cur();
    if (t.type != TokenType::Name) fail_here("tag name expected");
    const std::string& n = t.value;
    if (n == "if") {
      body.push_back(parse_if());
    } else if (n == "for") {
      body.push_back(parse_for());
    } else if (n == "set") {
      body.push_back(parse_set());
    } else if (n == "macro") {
      body.push_back(parse_macro());
    } else if (n == "call") {
      body.push_back(parse_call_block());
    } else if (n == "filter") {
      body.push_back(parse_filter_block());
    } else if (n == "block") {
      body.push_back(parse_block());
    } else if (n == "extends") {
      auto s = node<ExtendsStmt>(next());
      s->name = parse_expression(true);
      body.push_back(std::move(s));
    } else if (n == "include") {
      body.push_back(parse_include());
    } else if (n == "import") {
      body.push_back(parse_import());
    } else if (n == "from") {
      body.push_back(parse_from());
    } else if (n == "with") {
      body.push_back(parse_with());
    } else if (n == "autoescape") {
      auto s = node<AutoescapeStmt>(next());
      s->value = parse_expression(true);
      s->constant = is_constant(*s->value);
      s->body = parse_statements({"endautoescape"}, true);
      body.push_back(std::move(s));
    } else if (n == "print") {
      auto s = node<OutputStmt>(next());
      while (!test(TokenType::BlockEnd)) {
        if (!s->items.empty()) expect(TokenType::Comma);
        OutputItem item;
        item.expr = parse_expression(true);
        item.constant = is_constant(*item.expr);
        s->items.push_back(std::move(item));
      }
      body.push_back(std::move(s));
    } else {
      fail_at(t, "Encountered unknown tag '" + n + "'.");
    }
  }

  StmtPtr parse_if() {
    auto s = node<IfStmt>(next());
    while (true) {
      ExprPtr test_expr = parse_tuple(false, {}, false);
      Body b = parse_statements({"elif", "else", "endif"}, false);
      s->branches.emplace_back(std::move(test_expr), std::move(b));
      const Token& t = next();
      if (t.value == "elif") continue;
      if (t.value == "else") s->else_body = parse_statements({"endif"}, true);
      break;
    }
    return s;
  }

  StmtPtr parse_for() {
    auto s = node<ForStmt>(next());
    const Token& target_at = cur();
    s->target = parse_assign_target(true, false, {"in"}, false);
    if (assigns_name(*s->target, "loop")) {
      fail_at(target_at, "Can't assign to special loop variable in for-loop target",
              ErrorKind::Assertion);
    }
    expect_name("in");
    s->iter = parse_tuple(false, {"recursive"}, false);
    if (skip_name("if")) s->filter = parse_expression(true);
    s->recursive = skip_name("recursive");
    int loops_before = uses_.loop;
    s->body = parse_statements({"endfor", "else"}, false);
    if (next().value == "else") s->else_body = parse_statements({"endfor"}, true);
    s->uses_loop = uses_.loop > loops_before || s->recursive;
    return s;
  }

  StmtPtr parse_set() {
    const Token& t = next();
    ExprPtr target = parse_assign_target(true, false, {}, true);
    if (skip_if(TokenType::Assign)) {
      auto s = node<SetStmt>(t);
      s->target = std::move(target);
      s->value = parse_tuple(true, {}, false);
      return s;
    }
    auto s = node<SetBlockStmt>(t);
    s->target = std::move(target);
    s->filter = parse_filter(nullptr, false);
    s->body = parse_statements({"endset"}, true);
    return s;
  }

  void parse_signature(MacroDef& def) {
    expect(TokenType::LParen);
    bool had_default = false;
    while (!test(TokenType::RParen)) {
      if (!def.params.empty()) expect(TokenType::Comma);
      const Token& t = expect(TokenType::Name);
      MacroParam p;
      p.name = t.value;
      p.id = intern_name(p.name);
      if (p.name == "caller") def.explicit_caller = true;
      if (skip_if(TokenType::Assign)) {
        p.default_value = parse_expression(true);
        had_default = true;
      } else if (had_default) {
        fail_at(t, "non-default argument follows default argument");
      }
      def.params.push_back(std::move(p));
    }
    expect(TokenType::RParen);
  }

  void parse_macro_body(MacroDef& def, std::string_view end_tag, const Token& at) {
    NameUse before = uses_;
    def.body = parse_statements({end_tag}, true);
    def.uses_varargs = uses_.varargs > before.varargs;
    def.uses_kwargs = uses_.kwargs > before.kwargs;
    def.uses_caller = uses_.caller > before.caller;
    for (const auto& p : def.params) {
      // parameters named kwargs/varargs are plain parameters
      if (p.name == "kwargs") def.uses_kwargs = false;
      if (p.name == "varargs") def.uses_varargs = false;
      if (p.name == "caller" && def.uses_caller && !p.default_value) {
        fail_at(at,
                "When defining macros or call blocks the special \"caller\" argument must be "
                "omitted or be given a default.",
                ErrorKind::Assertion);
      }
    }
  }

  StmtPtr parse_macro() {
    const Token& tag = next();
    auto s = node<MacroStmt>(tag);
    const Token& n = expect(TokenType::Name);
    s->def.name = n.value;
    s->id = intern_name(n.value);
    parse_signature(s->def);
    parse_macro_body(s->def, "endmacro", tag);
    return s;
  }

  StmtPtr parse_call_block() {
    const Token& tag = next();
    auto s = node<CallBlockStmt>(tag);
    s->caller.name = "caller";
    if (test(TokenType::LParen)) parse_signature(s->caller);
    const Token& at = cur();
    s->call = parse_expression(true);
    if (s->call->kind != NodeKind::Call) fail_at(at, "expected call");
    parse_macro_body(s->caller, "endcall", tag);
    return s;
  }

  StmtPtr parse_filter_block() {
    auto s = node<FilterBlockStmt>(next());
    s->filter = parse_filter(nullptr, true);
    s->body = parse_statements({"endfilter"}, true);
    return s;
  }

  StmtPtr parse_block() {
    auto s = node<BlockStmt>(next());
    const Token& n = expect(TokenType::Name);
    s->name = n.value;
    s->scoped = skip_name("scoped");
    s->required = skip_name("required");
    if (test(TokenType::Sub)) {
      fail_here(
          "Block names in Jinja have to be valid Python identifiers and may not contain "
          "hyphens, use an underscore instead.");
    }
    if (blocks_.count(s->name)) {
      fail_at(n, "block '" + s->name + "' defined twice", ErrorKind::Assertion);
    }
    int super_before = uses_.super_;
    s->body = parse_statements({"endblock"}, true);
    s->uses_super = uses_.super_ > super_before;
    if (s->required) {
      for (const auto& st : s->body) {
        bool ok = st->kind == NodeKind::Output;
        if (ok) {
          for (const auto& item : static_cast<const OutputStmt&>(*st).items) {
            if (item.expr || !is_space_only(item.text)) ok = false;
          }
        }
        if (!ok) fail_at(n, "Required blocks can only contain comments or whitespace");
      }
    }
    if (test(TokenType::Name) && cur().value == s->name) next();
    blocks_[s->name] = s.get();
    return s;
  }

  bool parse_context(bool& with_context) {
    if ((test_name("with") || test_name("without")) && look().type == TokenType::Name &&
        look().value == "context") {
      with_context = next().value == "with";
      next();
      return true;
    }
    return false;
  }

  StmtPtr parse_include() {
    auto s = node<IncludeStmt>(next());
    s->name = parse_expression(true);
    if (test_name("ignore") && look().type == TokenType::Name && look().value == "missing") {
      s->ignore_missing = true;
      next();
      next();
    }
    bool with = true;
    if (parse_context(with)) s->with_context = with;
    return s;
  }

  StmtPtr parse_import() {
    auto s = node<ImportStmt>(next());
    s->name = parse_expression(true);
    expect_name("as");
    const Token& t = expect(TokenType::Name);
    s->target = t.value;
    s->target_id = intern_name(t.value);
    bool with = false;
    if (parse_context(with)) s->with_context = with;
    return s;
  }

  StmtPtr parse_from() {
    auto s = node<FromImportStmt>(next());
    s->name = parse_expression(true);
    expect_name("import");
    while (true) {
      if (!s->names.empty()) expect(TokenType::Comma);
      if (test(TokenType::Name)) {
        bool with = false;
        if (parse_context(with)) {
          s->with_context = with;
          break;
        }
        const Token& t = next();
        if (!t.value.empty() && t.value[0] == '_') {
          fail_at(t, "names starting with an underline can not be imported", ErrorKind::Assertion);
        }
        FromImportStmt::Item item;
        item.name = t.value;
        item.alias = t.value;
        if (skip_name("as")) item.alias = expect(TokenType::Name).value;
        item.alias_id = intern_name(item.alias);
        s->names.push_back(std::move(item));
        if (parse_context(with)) {
          s->with_context = with;
          break;
        }
        if (!test(TokenType::Comma)) break;
      } else {
        expect(TokenType::Name);
      }
    }
    return s;
  }

  StmtPtr parse_with() {
    auto s = node<WithStmt>(next());
    while (!test(TokenType::BlockEnd)) {
      if (!s->assignments.empty()) expect(TokenType::Comma);
      ExprPtr target = parse_assign_target(true, false, {}, false);
      expect(TokenType::Assign);
      ExprPtr value = parse_expression(true);
      s->assignments.emplace_back(std::move(target), std::move(value));
    }
    s->body = parse_statements({"endwith"}, true);
    return s;
  }

  // ---------------------------------------------------------------- assignment targets
  ExprPtr parse_assign_target(bool with_tuple, bool name_only,
                              std::initializer_list<std::string_view> extra_end,
                              bool with_namespace) {
    const Token& at = cur();
    ExprPtr target;
    if (name_only) {
      target = make_name(expect(TokenType::Name));
    } else if (with_tuple) {
      target = parse_tuple_simplified(extra_end, with_namespace);
    } else {
      target = parse_primary(with_namespace);
    }
    check_assignable(*target, at);
    return target;
  }

  static bool assigns_name(const Expr& e, std::string_view name) {
    if (e.kind == NodeKind::Name) return static_cast<const NameExpr&>(e).name == name;
    if (e.kind == NodeKind::TupleLit) {
      for (const auto& item : static_cast<const SequenceExpr&>(e).items) {
        if (assigns_name(*item, name)) return true;
      }
    }
    return false;
  }

  void check_assignable(const Expr& e, const Token& at) {
    switch (e.kind) {
      case NodeKind::Name: {
        const auto& n = static_cast<const NameExpr&>(e);
        if (n.name == "true" || n.name == "false" || n.name == "none" || n.name == "True" ||
            n.name == "False" || n.name == "None") {
          fail_at(at, "can't assign to 'const'");
        }
        return;
      }
      case NodeKind::NSRef:
        return;
      case NodeKind::TupleLit:
        for (const auto& item : static_cast<const SequenceExpr&>(e).items) {
          check_assignable(*item, at);
        }
        return;
      default:
        fail_at(at, "can't assign to this expression");
    }
  }

  ExprPtr parse_tuple_simplified(std::initializer_list<std::string_view> extra_end,
                                 bool with_namespace) {
    const Token& start = cur();
    std::vector<ExprPtr> args;
    bool is_tuple = false;
    while (true) {
      if (!args.empty()) expect(TokenType::Comma);
      if (is_tuple_end(extra_end)) break;
      args.push_back(parse_primary(with_namespace));
      if (test(TokenType::Comma)) {
        is_tuple = true;
      } else {
        break;
      }
    }
    if (!is_tuple) {
      if (!args.empty()) return std::move(args[0]);
      fail_here("Expected an expression, got '" + describe_token(cur()) + "'");
    }
    auto t = std::make_unique<SequenceExpr>(NodeKind::TupleLit);
    t->line = start.line;
    t->column = start.column;
    t->items = std::move(args);
    return t;
  }

  // ---------------------------------------------------------------- expressions
  bool is_tuple_end(std::initializer_list<std::string_view> extra_end) const {
    if (test(TokenType::VariableEnd) || test(TokenType::BlockEnd) || test(TokenType::RParen)) {
      return true;
    }
    if (cur().type == TokenType::Name) {
      for (auto e : extra_end) {
        if (cur().value == e) return true;
      }
    }
    return false;
  }

  ExprPtr parse_tuple(bool with_condexpr, std::initializer_list<std::string_view> extra_end,
                      bool explicit_parentheses) {
    const Token& start = cur();
    std::vector<ExprPtr> args;
    bool is_tuple = false;
    while (true) {
      if (!args.empty()) expect(TokenType::Comma);
      if (is_tuple_end(extra_end)) break;
      args.push_back(parse_expression(with_condexpr));
      if (test(TokenType::Comma)) {
        is_tuple = true;
      } else {
        break;
      }
    }
    if (!is_tuple) {
      if (!args.empty()) return std::move(args[0]);
      if (!explicit_parentheses) {
        fail_here("Expected an expression, got '" + describe_token(cur()) + "'");
      }
    }
    auto t = std::make_unique<SequenceExpr>(NodeKind::TupleLit);
    t->line = start.line;
    t->column = start.column;
    t->items = std::move(args);
    return t;
  }

  ExprPtr parse_expression(bool with_condexpr) {
    DepthGuard guard(*this);
    if (with_condexpr) return parse_condexpr();
    return parse_or();
  }

  ExprPtr parse_condexpr() {
    const Token& start = cur();
    ExprPtr expr1 = parse_or();
    ChainGuard chain(*this);
    while (test_name("if")) {
      chain.link();
      next();
      auto c = node<CondExpr>(start);
      c->test = parse_or();
      if (skip_name("else")) {
        chain.link();
        c->otherwise = parse_condexpr();
      }
      c->then = std::move(expr1);
      expr1 = std::move(c);
    }
    return expr1;
  }

  ExprPtr parse_or() { return parse_logical(NodeKind::Or, "or", &Parser::parse_and); }
  ExprPtr parse_and() { return parse_logical(NodeKind::And, "and", &Parser::parse_not); }

  /// `operand (keyword operand)*`, left-associative.
  ExprPtr parse_logical(NodeKind kind, std::string_view keyword, ExprPtr (Parser::*operand)()) {
    ExprPtr left = (this->*operand)();
    ChainGuard chain(*this);
    while (test_name(keyword)) {
      chain.link();
      const Token& t = next();
      auto n = std::make_unique<LogicalExpr>(kind);
      n->line = t.line;
      n->column = t.column;
      n->left = std::move(left);
      n->right = (this->*operand)();
      left = std::move(n);
    }
    return left;
  }

  ExprPtr parse_not() {
    if (test_name("not")) {
      DepthGuard guard(*this);
      auto n = node<NotExpr>(next());
      n->operand = parse_not();
      return n;
    }
    return parse_compare();
  }

  ExprPtr parse_compare() {
    const Token& start = cur();
    ExprPtr expr = parse_math1();
    std::unique_ptr<CompareExpr> cmp;
    while (true) {
      CmpOp op;
      TokenType t = cur().type;
      if (t == TokenType::Eq) {
        op = CmpOp::Eq;
      } else if (t == TokenType::Ne) {
        op = CmpOp::Ne;
      } else if (t == TokenType::Lt) {
        op = CmpOp::Lt;
      } else if (t == TokenType::LtEq) {
        op = CmpOp::LtEq;
      } else if (t == TokenType::Gt) {
        op = CmpOp::Gt;
      } else if (t == TokenType::GtEq) {
        op = CmpOp::GtEq;
      } else if (test_name("in")) {
        op = CmpOp::In;
      } else if (test_name("not") && look().type == TokenType::Name && look().value == "in") {
        next();
        op = CmpOp::NotIn;
      } else {
        break;
      }
      next();
      if (!cmp) {
        cmp = node<CompareExpr>(start);
        cmp->first = std::move(expr);
      }
      cmp->ops.emplace_back(op, parse_math1());
    }
    if (!cmp) return expr;
    return cmp;
  }

  ExprPtr binary(BinOp op, ExprPtr left, ExprPtr right, const Token& t) {
    auto n = node<BinaryExpr>(t);
    n->op = op;
    n->left = std::move(left);
    n->right = std::move(right);
    return n;
  }

  ExprPtr parse_math1() {
    ExprPtr left = parse_concat();
    ChainGuard chain(*this);
    while (test(TokenType::Add) || test(TokenType::Sub)) {
      chain.link();
      const Token& t = next();
      BinOp op = t.type == TokenType::Add ? BinOp::Add : BinOp::Sub;
      left = binary(op, std::move(left), parse_concat(), t);
    }
    return left;
  }

  ExprPtr parse_concat() {
    const Token& start = cur();
    ExprPtr first = parse_math2();
    if (!test(TokenType::Tilde)) return first;
    auto c = node<ConcatExpr>(start);
    c->items.push_back(std::move(first));
    while (skip_if(TokenType::Tilde)) c->items.push_back(parse_math2());
    c->constant = std::all_of(c->items.begin(), c->items.end(),
                              [](const ExprPtr& e) { return is_constant(*e); });
    return c;
  }

  static bool args_constant(const CallArgsNode& a) {
    for (const auto& x : a.args) {
      if (!is_constant(*x)) return false;
    }
    for (const auto& [k, x] : a.kwargs) {
      if (!is_constant(*x)) return false;
    }
    return (!a.dyn_args || is_constant(*a.dyn_args)) &&
           (!a.dyn_kwargs || is_constant(*a.dyn_kwargs));
  }

  // Whether Jinja2's optimizer can evaluate the expression at compile time.
  static bool is_constant(const Expr& e) {
    switch (e.kind) {
      case NodeKind::Const:
        return true;
      case NodeKind::Getattr:
        return is_constant(*static_cast<const GetattrExpr&>(e).object);
      case NodeKind::Getitem: {
        const auto& g = static_cast<const GetitemExpr&>(e);
        return is_constant(*g.object) && is_constant(*g.index);
      }
      case NodeKind::Slice: {
        const auto& s = static_cast<const SliceExpr&>(e);
        return (!s.start || is_constant(*s.start)) && (!s.stop || is_constant(*s.stop)) &&
               (!s.step || is_constant(*s.step));
      }
      case NodeKind::Filter: {
        const auto& f = static_cast<const FilterExpr&>(e);
        static const char* const context_filters[] = {"map",        "select",     "reject",
                                                      "selectattr", "rejectattr", "random"};
        for (const char* n : context_filters) {
          if (f.name == n) return false;
        }
        return f.fn && f.input && is_constant(*f.input) && args_constant(f.args);
      }
      case NodeKind::Test: {
        const auto& t = static_cast<const TestExpr&>(e);
        return t.fn && is_constant(*t.input) && args_constant(t.args);
      }
      case NodeKind::Unary:
        return is_constant(*static_cast<const UnaryExpr&>(e).operand);
      case NodeKind::Not:
        return is_constant(*static_cast<const NotExpr&>(e).operand);
      case NodeKind::Binary: {
        const auto& b = static_cast<const BinaryExpr&>(e);
        return is_constant(*b.left) && is_constant(*b.right);
      }
      case NodeKind::And:
      case NodeKind::Or: {
        const auto& l = static_cast<const LogicalExpr&>(e);
        return is_constant(*l.left) && is_constant(*l.right);
      }
      case NodeKind::Compare: {
        const auto& c = static_cast<const CompareExpr&>(e);
        if (!is_constant(*c.first)) return false;
        for (const auto& [op, x] : c.ops) {
          if (!is_constant(*x)) return false;
        }
        return true;
      }
      case NodeKind::Concat:
        return static_cast<const ConcatExpr&>(e).constant;
      case NodeKind::CondExpr: {
        const auto& c = static_cast<const CondExpr&>(e);
        return is_constant(*c.test) && is_constant(*c.then) &&
               (!c.otherwise || is_constant(*c.otherwise));
      }
      case NodeKind::ListLit:
      case NodeKind::TupleLit:
        for (const auto& x : static_cast<const SequenceExpr&>(e).items) {
          if (!is_constant(*x)) return false;
        }
        return true;
      case NodeKind::DictLit:
        for (const auto& [k, v] : static_cast<const DictExpr&>(e).items) {
          if (!is_constant(*k) || !is_constant(*v)) return false;
        }
        return true;
      default:
        return false;
    }
  }

  ExprPtr parse_math2() {
    ExprPtr left = parse_pow();
    ChainGuard chain(*this);
    while (true) {
      BinOp op;
      switch (cur().type) {
        case TokenType::Mul:
          op = BinOp::Mul;
          break;
        case TokenType::Div:
          op = BinOp::Div;
          break;
        case TokenType::FloorDiv:
          op = BinOp::FloorDiv;
          break;
        case TokenType::Mod:
          op = BinOp::Mod;
          break;
        default:
          return left;
      }
      chain.link();
      const Token& t = next();
      left = binary(op, std::move(left), parse_pow(), t);
    }
  }

  ExprPtr parse_pow() {
    ExprPtr left = parse_unary(true);
    ChainGuard chain(*this);
    while (test(TokenType::Pow)) {
      chain.link();
      const Token& t = next();
      left = binary(BinOp::Pow, std::move(left), parse_unary(true), t);
    }
    return left;
  }

  ExprPtr parse_unary(bool with_filter) {
    DepthGuard guard(*this);
    ExprPtr n;
    if (test(TokenType::Sub) || test(TokenType::Add)) {
      const Token& t = next();
      auto u = node<UnaryExpr>(t);
      u->op = t.type == TokenType::Sub ? '-' : '+';
      u->operand = parse_unary(false);
      n = std::move(u);
    } else {
      n = parse_primary(false);
    }
    n = parse_postfix(std::move(n));
    if (with_filter) n = parse_filter_expr(std::move(n));
    return n;
  }

  std::unique_ptr<NameExpr> make_name(const Token& t) {
    auto n = node<NameExpr>(t);
    n->name = t.value;
    n->id = intern_name(t.value);
    n->hash = DictObj::hash_string(t.value);
    const std::string& v = t.value;
    if (v == "loop") {
      ++uses_.loop;
    } else if (v == "varargs") {
      ++uses_.varargs;
    } else if (v == "kwargs") {
      ++uses_.kwargs;
    } else if (v == "caller") {
      ++uses_.caller;
    } else if (v == "super") {
      ++uses_.super_;
    } else if (v == "self") {
      ++uses_.self;
    }
    return n;
  }

  ExprPtr parse_primary(bool with_namespace) {
    DepthGuard guard(*this);
    const Token& t = cur();
    switch (t.type) {
      case TokenType::Name: {
        next();
        const std::string& v = t.value;
        if (v == "true" || v == "false" || v == "True" || v == "False") {
          auto c = node<ConstExpr>(t);
          c->value = Value(v == "true" || v == "True");
          return c;
        }
        if (v == "none" || v == "None") return node<ConstExpr>(t);
        if (with_namespace && test(TokenType::Dot)) {
          next();
          auto ns = node<NSRefExpr>(t);
          ns->name = v;
          ns->id = intern_name(v);
          ns->hash = DictObj::hash_string(v);
          ns->attr = expect(TokenType::Name).value;
          return ns;
        }
        return make_name(t);
      }
      case TokenType::String: {
        next();
        std::string s = t.value;
        while (test(TokenType::String)) s += next().value;
        auto c = node<ConstExpr>(t);
        c->value = Value(std::move(s));
        return c;
      }
      case TokenType::Integer: {
        next();
        auto c = node<ConstExpr>(t);
        c->value = Value(t.int_value);
        return c;
      }
      case TokenType::Float: {
        next();
        auto c = node<ConstExpr>(t);
        c->value = Value(t.float_value);
        return c;
      }
      case TokenType::LParen: {
        next();
        ExprPtr e = parse_tuple(true, {}, true);
        expect(TokenType::RParen);
        return e;
      }
      case TokenType::LBracket: {
        next();
        auto l = std::make_unique<SequenceExpr>(NodeKind::ListLit);
        l->line = t.line;
        l->column = t.column;
        while (!test(TokenType::RBracket)) {
          if (!l->items.empty()) expect(TokenType::Comma);
          if (test(TokenType::RBracket)) break;
          l->items.push_back(parse_expression(true));
        }
        expect(TokenType::RBracket);
        return l;
      }
      case TokenType::LBrace: {
        next();
        auto d = node<DictExpr>(t);
        while (!test(TokenType::RBrace)) {
          if (!d->items.empty()) expect(TokenType::Comma);
          if (test(TokenType::RBrace)) break;
          ExprPtr key = parse_expression(true);
          expect(TokenType::Colon);
          ExprPtr value = parse_expression(true);
          d->items.emplace_back(std::move(key), std::move(value));
        }
        expect(TokenType::RBrace);
        return d;
      }
      default:
        if (t.type == TokenType::Eof) fail_here("unexpected end of template");
        fail_here("unexpected '" + describe_token(t) + "'");
    }
  }

  static std::string owner_text(const Expr& e) {
    switch (e.kind) {
      case NodeKind::Name:
        return static_cast<const NameExpr&>(e).name;
      case NodeKind::Getattr: {
        const auto& g = static_cast<const GetattrExpr&>(e);
        std::string base = owner_text(*g.object);
        return base.empty() ? std::string() : base + "." + g.attr;
      }
      case NodeKind::Getitem: {
        const auto& g = static_cast<const GetitemExpr&>(e);
        std::string base = owner_text(*g.object);
        if (base.empty() || g.index->kind != NodeKind::Const) return {};
        return base + "[" + to_repr(static_cast<const ConstExpr&>(*g.index).value) + "]";
      }
      default:
        return {};
    }
  }

  ExprPtr parse_postfix(ExprPtr n) {
    ChainGuard chain(*this);
    while (true) {
      if (test(TokenType::Dot) || test(TokenType::LBracket) || test(TokenType::LParen)) {
        chain.link();
      }
      if (test(TokenType::Dot) || test(TokenType::LBracket)) {
        n = parse_subscript(std::move(n));
      } else if (test(TokenType::LParen)) {
        n = parse_call(std::move(n));
      } else {
        return n;
      }
    }
  }

  ExprPtr parse_filter_expr(ExprPtr n) {
    ChainGuard chain(*this);
    while (true) {
      if (test(TokenType::Pipe) || test_name("is") || test(TokenType::LParen)) chain.link();
      if (test(TokenType::Pipe)) {
        n = parse_filter(std::move(n), false);
      } else if (test_name("is")) {
        n = parse_test(std::move(n));
      } else if (test(TokenType::LParen)) {
        n = parse_call(std::move(n));
      } else {
        return n;
      }
    }
  }

  ExprPtr parse_subscript(ExprPtr obj) {
    DepthGuard guard(*this);
    const Token& t = next();
    if (t.type == TokenType::Dot) {
      const Token& a = cur();
      next();
      if (a.type == TokenType::Name) {
        auto g = node<GetattrExpr>(a);
        g->owner_text = owner_text(*obj);
        g->object = std::move(obj);
        g->attr = a.value;
        g->hash = DictObj::hash_string(a.value);
        return g;
      }
      if (a.type != TokenType::Integer) fail_at(a, "expected name or number");
      auto g = node<GetitemExpr>(a);
      g->owner_text = owner_text(*obj);
      g->object = std::move(obj);
      auto c = node<ConstExpr>(a);
      c->value = Value(a.int_value);
      g->index = std::move(c);
      return g;
    }
    // '['
    std::vector<ExprPtr> args;
    while (!test(TokenType::RBracket)) {
      if (!args.empty()) expect(TokenType::Comma);
      args.push_back(parse_subscribed());
    }
    expect(TokenType::RBracket);
    auto g = node<GetitemExpr>(t);
    g->owner_text = owner_text(*obj);
    g->object = std::move(obj);
    if (args.size() == 1) {
      g->index = std::move(args[0]);
    } else {
      auto tup = std::make_unique<SequenceExpr>(NodeKind::TupleLit);
      tup->line = t.line;
      tup->column = t.column;
      tup->items = std::move(args);
      g->index = std::move(tup);
    }
    return g;
  }

  ExprPtr parse_subscribed() {
    const Token& start = cur();
    std::vector<ExprPtr> parts;
    if (test(TokenType::Colon)) {
      next();
      parts.push_back(nullptr);
    } else {
      ExprPtr e = parse_expression(true);
      if (!test(TokenType::Colon)) return e;
      next();
      parts.push_back(std::move(e));
    }
    if (test(TokenType::Colon)) {
      parts.push_back(nullptr);
    } else if (!test(TokenType::RBracket) && !test(TokenType::Comma)) {
      parts.push_back(parse_expression(true));
    } else {
      parts.push_back(nullptr);
    }
    if (test(TokenType::Colon)) {
      next();
      if (!test(TokenType::RBracket) && !test(TokenType::Comma)) {
        parts.push_back(parse_expression(true));
      } else {
        parts.push_back(nullptr);
      }
    } else {
      parts.push_back(nullptr);
    }
    auto s = node<SliceExpr>(start);
    s->start = std::move(parts[0]);
    s->stop = std::move(parts[1]);
    s->step = std::move(parts[2]);
    return s;
  }

  CallArgsNode parse_call_args() {
    const Token& open = expect(TokenType::LParen);
    CallArgsNode a;
    bool require_comma = false;
    auto ensure = [&](bool ok) {
      if (!ok) fail_at(open, "invalid syntax for function call expression");
    };
    while (!test(TokenType::RParen)) {
      if (require_comma) {
        expect(TokenType::Comma);
        if (test(TokenType::RParen)) break;
      }
      if (test(TokenType::Mul)) {
        ensure(!a.dyn_args && !a.dyn_kwargs);
        next();
        a.dyn_args = parse_expression(true);
      } else if (test(TokenType::Pow)) {
        ensure(!a.dyn_kwargs);
        next();
        a.dyn_kwargs = parse_expression(true);
      } else if (test(TokenType::Name) && look().type == TokenType::Assign) {
        ensure(!a.dyn_kwargs);
        std::string key = next().value;
        next();
        a.kwargs.emplace_back(std::move(key), parse_expression(true));
      } else {
        ensure(!a.dyn_args && !a.dyn_kwargs && a.kwargs.empty());
        a.args.push_back(parse_expression(true));
      }
      require_comma = true;
    }
    expect(TokenType::RParen);
    return a;
  }

  ExprPtr parse_call(ExprPtr callee) {
    DepthGuard guard(*this);
    auto c = node<CallExpr>(cur());
    c->line = callee->line;
    c->column = callee->column;
    c->args = parse_call_args();
    c->callee = std::move(callee);
    return c;
  }

  ExprPtr parse_filter(ExprPtr input, bool start_inline) {
    ChainGuard chain(*this);
    while (test(TokenType::Pipe) || start_inline) {
      chain.link();
      if (!start_inline) next();
      const Token& t = expect(TokenType::Name);
      std::string name = t.value;
      while (test(TokenType::Dot)) {
        next();
        name += "." + expect(TokenType::Name).value;
      }
      auto f = node<FilterExpr>(t);
      f->name = name;
      f->fn = resolver_.find_filter(name);
      if (test(TokenType::LParen)) f->args = parse_call_args();
      f->input = std::move(input);
      input = std::move(f);
      start_inline = false;
    }
    return input;
  }

  ExprPtr parse_test(ExprPtr input) {
    DepthGuard guard(*this);
    const Token& is_tok = next();
    bool negated = skip_name("not");
    const Token& t = expect(TokenType::Name);
    std::string name = t.value;
    while (test(TokenType::Dot)) {
      next();
      name += "." + expect(TokenType::Name).value;
    }
    auto n = node<TestExpr>(t);
    n->name = name;
    n->fn = resolver_.find_test(name);
    if (test(TokenType::LParen)) {
      n->args = parse_call_args();
    } else if ((test(TokenType::Name) || test(TokenType::String) || test(TokenType::Integer) ||
                test(TokenType::Float) || test(TokenType::LParen) || test(TokenType::LBracket) ||
                test(TokenType::LBrace)) &&
               !test_name("else") && !test_name("or") && !test_name("and")) {
      if (test_name("is")) fail_here("You cannot chain multiple tests with is");
      ExprPtr arg = parse_primary(false);
      arg = parse_postfix(std::move(arg));
      n->args.args.push_back(std::move(arg));
    }
    n->input = std::move(input);
    if (!negated) return n;
    auto neg = node<NotExpr>(is_tok);
    neg->operand = std::move(n);
    return neg;
  }

  const std::vector<Token>& toks_;
  std::size_t pos_ = 0;
  std::string_view name_;
  std::string_view source_;
  const NameResolver& resolver_;
  int max_depth_;
  int depth_ = 0;
  NameUse uses_;
  std::map<std::string, const BlockStmt*, std::less<>> blocks_;
};

}  // namespace

ParsedTemplate parse(const std::vector<Token>& tokens, std::string_view template_name,
                     std::string_view source, const NameResolver& resolver, int max_depth) {
  Parser p(tokens, template_name, source, resolver, max_depth);
  return p.run();
}

}  // namespace samrapport::jinja
