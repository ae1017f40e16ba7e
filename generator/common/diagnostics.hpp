// Diagnostics: problems found in user input, each with a file, line and column.
//
// Every reader and validator appends to one Diagnostics list instead of throwing,
// so that a run reports all problems at once, sorted by file and line.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace samrapport {

/// A position in a source file; line and column are 1-based (0 = unknown).
struct SourcePos {
  std::string file;  // path as shown to the user, e.g. "content/arrangements/helse.yaml"
  int line = 0;
  int column = 0;
};

enum class Severity { warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  SourcePos pos;
  std::string message;
};

class Diagnostics {
 public:
  void error(SourcePos pos, std::string message);
  void warning(SourcePos pos, std::string message);
  void add(Diagnostic d);

  [[nodiscard]] bool has_errors() const { return errors_ > 0; }
  [[nodiscard]] std::size_t error_count() const { return errors_; }
  [[nodiscard]] std::size_t warning_count() const { return items_.size() - errors_; }
  [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }

  /// Stable sort by file, line, column (insertion order breaks ties).
  void sort();

  /// Writes each diagnostic as `FILE:LINE:COLUMN: error: MESSAGE`, then a count line
  /// such as `2 errors, 1 warning` (nothing when empty).
  void print(std::ostream& out) const;

 private:
  std::vector<Diagnostic> items_;
  std::size_t errors_ = 0;
};

/// `text` with every control character (C0 other than tab and newline, DEL, C1) written as
/// `\u001b`, so that a value quoted in a message cannot drive the terminal.
std::string escape_controls(std::string_view text);

/// `FILE:LINE:COLUMN: error: MESSAGE` (line/column left out when unknown; control
/// characters in FILE and MESSAGE escaped as by escape_controls).
std::string format_diagnostic(const Diagnostic& d);

}  // namespace samrapport
