#include "common/diagnostics.hpp"

#include <algorithm>
#include <cstdio>
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

std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    unsigned code = 0x110000;
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
      code = c;
    } else if (c == 0xC2 && i + 1 < text.size()) {
      const auto d = static_cast<unsigned char>(text[i + 1]);
      if (d >= 0x80 && d <= 0x9f) {
        code = d;
        ++i;
      }
    }
    if (code == 0x110000) {
      out += text[i];
      continue;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\u%04x", code);
    out += buf;
  }
  return out;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string s = d.pos.file.empty() ? std::string("samrapport") : escape_controls(d.pos.file);
  if (d.pos.line > 0) {
    s += ':' + std::to_string(d.pos.line);
    if (d.pos.column > 0) s += ':' + std::to_string(d.pos.column);
  }
  s += d.severity == Severity::error ? ": error: " : ": warning: ";
  s += escape_controls(d.message);
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
