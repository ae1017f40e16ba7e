// The syntax tree the parser builds and the renderer walks. Nodes are plain data; every
// node knows its line and column for error messages.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "jinja/callable.hpp"
#include "jinja/names.hpp"
#include "jinja/value.hpp"

namespace samrapport::jinja {

enum class NodeKind : std::uint8_t {
  // expressions
  Const,
  Name,
  Getattr,
  Getitem,
  Slice,
  Call,
  Filter,
  Test,
  Unary,
  Not,
  Binary,
  And,
  Or,
  Compare,
  Concat,
  CondExpr,
  ListLit,
  TupleLit,
  DictLit,
  NSRef,
  // statements
  Output,
  If,
  For,
  Set,
  SetBlock,
  Macro,
  CallBlock,
  FilterBlock,
  Block,
  Extends,
  Include,
  Import,
  FromImport,
  With,
  Autoescape,
};

struct Node {
  explicit Node(NodeKind k) : kind(k) {}
  virtual ~Node() = default;
  NodeKind kind;
  int line = 0;
  int column = 0;
};

struct Expr : Node {
  using Node::Node;
};
using ExprPtr = std::unique_ptr<Expr>;

struct Stmt : Node {
  using Node::Node;
};
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

// ------------------------------------------------------------------ expressions

struct ConstExpr : Expr {
  ConstExpr() : Expr(NodeKind::Const) {}
  Value value;
};

struct NameExpr : Expr {
  NameExpr() : Expr(NodeKind::Name) {}
  std::string name;
  NameId id = 0;
  std::size_t hash = 0;
};

struct GetattrExpr : Expr {
  GetattrExpr() : Expr(NodeKind::Getattr) {}
  ExprPtr object;
  std::string attr;
  std::size_t hash = 0;
  std::string owner_text;  // source text of `object` for messages ("" if complex)
};

struct GetitemExpr : Expr {
  GetitemExpr() : Expr(NodeKind::Getitem) {}
  ExprPtr object;
  ExprPtr index;  // may be a SliceExpr
  std::string owner_text;
};

struct SliceExpr : Expr {
  SliceExpr() : Expr(NodeKind::Slice) {}
  ExprPtr start, stop, step;  // each may be null
};

struct CallArgsNode {
  std::vector<ExprPtr> args;
  std::vector<std::pair<std::string, ExprPtr>> kwargs;
  ExprPtr dyn_args;
  ExprPtr dyn_kwargs;
  bool empty() const { return args.empty() && kwargs.empty() && !dyn_args && !dyn_kwargs; }
};

struct CallExpr : Expr {
  CallExpr() : Expr(NodeKind::Call) {}
  ExprPtr callee;
  CallArgsNode args;
};

struct FilterExpr : Expr {
  FilterExpr() : Expr(NodeKind::Filter) {}
  ExprPtr input;  // null inside filter blocks and set blocks (the body is the input)
  std::string name;
  const FilterFn* fn = nullptr;  // null: unknown, reported when evaluated
  CallArgsNode args;
};

struct TestExpr : Expr {
  TestExpr() : Expr(NodeKind::Test) {}
  ExprPtr input;
  std::string name;
  const TestFn* fn = nullptr;
  CallArgsNode args;
};

struct UnaryExpr : Expr {
  UnaryExpr() : Expr(NodeKind::Unary) {}
  char op = '-';  // '-' or '+'
  ExprPtr operand;
};

struct NotExpr : Expr {
  NotExpr() : Expr(NodeKind::Not) {}
  ExprPtr operand;
};

enum class BinOp : std::uint8_t { Add, Sub, Mul, Div, FloorDiv, Mod, Pow };

struct BinaryExpr : Expr {
  BinaryExpr() : Expr(NodeKind::Binary) {}
  BinOp op = BinOp::Add;
  ExprPtr left, right;
};

struct LogicalExpr : Expr {
  explicit LogicalExpr(NodeKind k) : Expr(k) {}  // And / Or
  ExprPtr left, right;
};

enum class CmpOp : std::uint8_t { Eq, Ne, Lt, LtEq, Gt, GtEq, In, NotIn };

struct CompareExpr : Expr {
  CompareExpr() : Expr(NodeKind::Compare) {}
  ExprPtr first;
  std::vector<std::pair<CmpOp, ExprPtr>> ops;
};

struct ConcatExpr : Expr {
  ConcatExpr() : Expr(NodeKind::Concat) {}
  std::vector<ExprPtr> items;
  /// Every item is a compile-time constant: Jinja2 folds the concatenation at compile time
  /// into a plain string (safe parts lose their Markup), so it is escaped when printed.
  bool constant = false;
};

struct CondExpr : Expr {
  CondExpr() : Expr(NodeKind::CondExpr) {}
  ExprPtr test, then, otherwise;  // otherwise may be null
};

struct SequenceExpr : Expr {
  explicit SequenceExpr(NodeKind k) : Expr(k) {}  // ListLit / TupleLit
  std::vector<ExprPtr> items;
};

struct DictExpr : Expr {
  DictExpr() : Expr(NodeKind::DictLit) {}
  std::vector<std::pair<ExprPtr, ExprPtr>> items;
};

/// `ns.attr` as an assignment target.
struct NSRefExpr : Expr {
  NSRefExpr() : Expr(NodeKind::NSRef) {}
  std::string name;
  NameId id = 0;
  std::size_t hash = 0;
  std::string attr;
};

// ------------------------------------------------------------------ statements

struct OutputItem {
  std::string text;  // template data when expr is null
  ExprPtr expr;
  /// Jinja2 folds constant expressions at compile time: they are escaped by the autoescape
  /// setting known then, not by a `{% autoescape expr %}` decided at run time.
  bool constant = false;
};

struct OutputStmt : Stmt {
  OutputStmt() : Stmt(NodeKind::Output) {}
  std::vector<OutputItem> items;
};

struct IfStmt : Stmt {
  IfStmt() : Stmt(NodeKind::If) {}
  std::vector<std::pair<ExprPtr, Body>> branches;  // if + elifs
  Body else_body;
};

struct ForStmt : Stmt {
  ForStmt() : Stmt(NodeKind::For) {}
  ExprPtr target;  // NameExpr or TupleLit of targets
  ExprPtr iter;
  ExprPtr filter;  // may be null
  bool recursive = false;
  bool uses_loop = false;  // the body mentions `loop`
  Body body;
  Body else_body;
};

struct SetStmt : Stmt {
  SetStmt() : Stmt(NodeKind::Set) {}
  ExprPtr target;  // NameExpr, NSRefExpr or TupleLit
  ExprPtr value;
};

struct SetBlockStmt : Stmt {
  SetBlockStmt() : Stmt(NodeKind::SetBlock) {}
  ExprPtr target;
  ExprPtr filter;  // FilterExpr chain whose innermost input is null; may be null
  Body body;
};

struct MacroParam {
  std::string name;
  NameId id = 0;
  ExprPtr default_value;  // may be null
};

struct MacroDef {
  std::string name;
  std::vector<MacroParam> params;
  Body body;
  bool uses_varargs = false;
  bool uses_kwargs = false;
  bool uses_caller = false;
  bool explicit_caller = false;  // a parameter is named `caller`
};

struct MacroStmt : Stmt {
  MacroStmt() : Stmt(NodeKind::Macro) {}
  NameId id = 0;
  MacroDef def;
};

struct CallBlockStmt : Stmt {
  CallBlockStmt() : Stmt(NodeKind::CallBlock) {}
  MacroDef caller;  // named "caller"
  ExprPtr call;     // a CallExpr
};

struct FilterBlockStmt : Stmt {
  FilterBlockStmt() : Stmt(NodeKind::FilterBlock) {}
  ExprPtr filter;  // FilterExpr chain whose innermost input is null
  Body body;
};

struct BlockStmt : Stmt {
  BlockStmt() : Stmt(NodeKind::Block) {}
  std::string name;
  bool scoped = false;
  bool required = false;
  bool uses_super = false;
  Body body;
};

struct ExtendsStmt : Stmt {
  ExtendsStmt() : Stmt(NodeKind::Extends) {}
  ExprPtr name;
};

struct IncludeStmt : Stmt {
  IncludeStmt() : Stmt(NodeKind::Include) {}
  ExprPtr name;
  bool ignore_missing = false;
  bool with_context = true;
};

struct ImportStmt : Stmt {
  ImportStmt() : Stmt(NodeKind::Import) {}
  ExprPtr name;
  std::string target;
  NameId target_id = 0;
  bool with_context = false;
};

struct FromImportStmt : Stmt {
  FromImportStmt() : Stmt(NodeKind::FromImport) {}
  ExprPtr name;
  struct Item {
    std::string name;
    std::string alias;
    NameId alias_id = 0;
  };
  std::vector<Item> names;
  bool with_context = false;
};

struct WithStmt : Stmt {
  WithStmt() : Stmt(NodeKind::With) {}
  std::vector<std::pair<ExprPtr, ExprPtr>> assignments;  // target, value
  Body body;
};

struct AutoescapeStmt : Stmt {
  AutoescapeStmt() : Stmt(NodeKind::Autoescape) {}
  ExprPtr value;
  bool constant = false;  // the value is known at compile time
  Body body;
};

}  // namespace samrapport::jinja
