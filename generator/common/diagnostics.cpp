#include "common/diagnostics.hpp"

#include <algorithm>
#include <tuple>

namespace samrapport {

void Diagnostics::error(SourcePos pos, std::string message) {
  add(Diagnostic{Severity::error, std::move(pos), std::move(message)});
}

void Diagnostics::warning(SourcePos pos, std::string message) {
  add(Diagnostic{Severity::warning, std::move(pos), std::move(message)});
}

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::error) ++errors_;
  items_.push_back(std::move(d));
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.pos.file, a.pos.line, a.pos.column) <
           std::tie(b.pos.file, b.pos.line, b.pos.column);
  });
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string s = d.pos.file.empty() ? std::string("samrapport") : d.pos.file;
  if (d.pos.line > 0) {
    s += ':' + std::to_string(d.pos.line);
    if (d.pos.column > 0) s += ':' + std::to_string(d.pos.column);
  }
  s += d.severity == Severity::error ? ": error: " : ": warning: ";
  s += d.message;
  return s;
}

void Diagnostics::print(std::ostream& out) const {
  for (const auto& d : items_) out << format_diagnostic(d) << '\n';
  if (items_.empty()) return;
  const auto plural = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + ' ' + (n == 1 ? one : many);
  };
  out << plural(errors_, "error", "errors") << ", "
      << plural(warning_count(), "warning", "warnings") << '\n';
}

}  // namespace samrapport
