// Parser: tokens -> syntax tree, following Jinja2's grammar and operator precedence.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "jinja/ast.hpp"
#include "jinja/lexer.hpp"

namespace samrapport::jinja {

/// Where the parser finds filters and tests (the Environment). Unknown names are a
/// compile-time error, except inside `{% if %}` branches and inline if-expressions,
/// where Jinja2 reports them only when evaluated.
class NameResolver {
 public:
  virtual ~NameResolver() = default;
  virtual const FilterFn* find_filter(std::string_view name) const = 0;
  virtual const TestFn* find_test(std::string_view name) const = 0;
};

struct ParsedTemplate {
  Body body;
  /// Every block of the template, nested ones included, by name.
  std::map<std::string, const BlockStmt*, std::less<>> blocks;
  bool uses_self = false;
};

/// Parses a token stream. Throws TemplateError (Syntax or Assertion) with position.
/// `max_depth` bounds the nesting of expressions and statements.
ParsedTemplate parse(const std::vector<Token>& tokens, std::string_view template_name,
                     std::string_view source, const NameResolver& resolver, int max_depth = 200);

}  // namespace samrapport::jinja
