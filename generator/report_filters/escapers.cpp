#include "report_filters/escapers.hpp"

#include <memory>

namespace samrapport::report_filters {

void escape_latex(std::string_view text, std::string& out) {
  for (char c : text) {
    switch (c) {
      case '&':
      case '%':
      case '$':
      case '#':
      case '_':
      case '{':
      case '}':
        out += '\\';
        out += c;
        break;
      case '~':
        out += "\\textasciitilde{}";
        break;
      case '^':
        out += "\\textasciicircum{}";
        break;
      case '\\':
        out += "\\textbackslash{}";
        break;
      default:
        out += c;
    }
  }
}

namespace {

bool is_inline_special(char c) {
  switch (c) {
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '<':
    case '>':
    case '|':
    case '~':
    case '&':
      return true;
    default:
      return false;
  }
}

}  // namespace

void escape_markdown(std::string_view text, std::string& out) {
  bool line_start = true;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (line_start) {
      // leading spaces do not end the line start (up to three keep block syntax)
      if (c == ' ' || c == '\t') {
        out += c;
        ++i;
        continue;
      }
      line_start = false;
      if (c == '#' || c == '-' || c == '+' || c == '=' || c == '>') {
        out += '\\';
        out += c;
        ++i;
        continue;
      }
      if (c >= '0' && c <= '9') {
        std::size_t j = i;
        while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
        out.append(text.substr(i, j - i));
        if (j < text.size() && (text[j] == '.' || text[j] == ')')) {
          out += '\\';
          out += text[j];
          ++j;
        }
        i = j;
        continue;
      }
    }
    if (c == '\n') {
      out += c;
      line_start = true;
    } else if (is_inline_special(c)) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
    ++i;
  }
}

const jinja::EscaperPtr& latex_escaper() {
  static const jinja::EscaperPtr e =
      std::make_shared<jinja::Escaper>(jinja::Escaper{"latex", escape_latex});
  return e;
}

const jinja::EscaperPtr& markdown_escaper() {
  static const jinja::EscaperPtr e =
      std::make_shared<jinja::Escaper>(jinja::Escaper{"markdown", escape_markdown});
  return e;
}

jinja::EscaperPtr autoescape_for(std::string_view name) {
  if (name.find(".html") != std::string_view::npos) return jinja::html_escaper();
  if (name.find(".tex") != std::string_view::npos) return latex_escaper();
  if (name.find(".md") != std::string_view::npos) return markdown_escaper();
  return nullptr;
}

std::function<jinja::EscaperPtr(std::string_view)> autoescape_for_format() {
  return [](std::string_view name) { return autoescape_for(name); };
}

}  // namespace samrapport::report_filters
