// Lexer: template source -> tokens, with Jinja2's whitespace control (`-`, `+`,
// trim_blocks, lstrip_blocks), raw blocks, comments and newline normalisation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace samrapport::jinja {

enum class TokenType : std::uint8_t {
  Data,
  VariableBegin,
  VariableEnd,
  BlockBegin,
  BlockEnd,
  Name,
  String,
  Integer,
  Float,
  Add,
  Sub,
  Div,
  FloorDiv,
  Mul,
  Mod,
  Pow,
  Tilde,
  LBracket,
  RBracket,
  LParen,
  RParen,
  LBrace,
  RBrace,
  Eq,
  Ne,
  Gt,
  GtEq,
  Lt,
  LtEq,
  Assign,
  Dot,
  Colon,
  Pipe,
  Comma,
  Semicolon,
  Eof,
};

struct Token {
  TokenType type = TokenType::Eof;
  int line = 1;
  int column = 1;
  std::string value;  // data text, name, decoded string literal
  std::int64_t int_value = 0;
  double float_value = 0.0;
};

struct LexerOptions {
  bool trim_blocks = false;
  bool lstrip_blocks = false;
  bool keep_trailing_newline = false;
};

/// "\r\n" and "\r" become "\n"; one trailing newline is dropped unless kept.
std::string normalize_newlines(std::string_view source, bool keep_trailing_newline);

/// Tokenizes normalized source (see normalize_newlines). Throws TemplateError (Syntax)
/// with the position of the problem.
std::vector<Token> tokenize(std::string_view source, const LexerOptions& options,
                            std::string_view template_name);

/// How a token is described in error messages ("end of print statement", "'+'", ...).
std::string describe_token(const Token& token);
std::string_view token_type_text(TokenType type);

/// The line (1-based) of a source, for error displays.
std::string_view source_line(std::string_view source, int line);

}  // namespace samrapport::jinja
