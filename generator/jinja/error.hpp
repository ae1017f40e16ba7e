// Template errors: every error carries the template name, line, column and message, and
// formats as
//
//   templates/report/kap3.md.j2:12:5: error: 'analysis' has no attribute 'sectorss' (did
//   you mean 'sectors'?)
//     {{ analysis.sectorss }}
//               ^
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace samrapport::jinja {

enum class ErrorKind {
  Syntax,        // malformed template (TemplateSyntaxError)
  Assertion,     // unknown filter/test, duplicate block, ... (TemplateAssertionError)
  NotFound,      // template not found (TemplateNotFound)
  Undefined,     // use of an undefined value (UndefinedError)
  Runtime,       // other template runtime errors (TemplateRuntimeError)
  Type,          // Python TypeError
  Value,         // Python ValueError
  ZeroDivision,  // Python ZeroDivisionError
  Limit,         // a safety limit was hit (recursion, range size, output size)
  Security,      // a template name that leaves the template directories
};

/// The Python/Jinja2 exception class name of a kind ("TemplateSyntaxError", ...).
std::string_view error_kind_name(ErrorKind kind);

class TemplateError : public std::exception {
 public:
  TemplateError(ErrorKind kind, std::string message);

  ErrorKind kind() const noexcept { return kind_; }
  const std::string& message() const noexcept { return message_; }
  const std::string& template_name() const noexcept { return template_name_; }
  int line() const noexcept { return line_; }
  int column() const noexcept { return column_; }
  const std::string& source_line() const noexcept { return source_line_; }
  bool has_position() const noexcept { return line_ > 0; }

  /// Sets the position unless one is set already (the innermost position wins).
  void set_position(std::string_view template_name, int line, int column,
                    std::string_view source_line);
  void set_message(std::string message);

  /// `NAME:LINE:COL: error: MESSAGE` followed by the source line and a caret line.
  std::string format() const;
  const char* what() const noexcept override;

 private:
  ErrorKind kind_;
  std::string message_;
  std::string template_name_;
  int line_ = 0;
  int column_ = 0;
  std::string source_line_;
  mutable std::string what_;
};

[[noreturn]] void throw_error(ErrorKind kind, std::string message);

/// The candidate closest to `name` by edit distance, or "" when none is close enough
/// (used for "did you mean 'sectors'?").
std::string closest_match(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace samrapport::jinja
