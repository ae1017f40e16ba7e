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

namespace {

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (static_cast<unsigned char>(c) >= 0x80);
}

// Markdown escaping of a value; `document`: also the document layer's own syntax.
void escape(std::string_view text, std::string& out, bool document) {
  bool line_start = true;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (line_start) {
      // Indentation would start a code block (after a blank line) or continue a list item:
      // written as character references, it prints as the spaces it is and is no syntax.
      // At the start of the value (usually after template text on the same line) up to
      // three spaces stay spaces ("Se " ~ ref(...) ~ " og ..." keeps its " og").
      if (c == ' ' || c == '\t') {
        std::size_t run = i;
        while (run < text.size() && text[run] == ' ') ++run;
        const bool indent = i > 0 || run - i >= 4 || (run < text.size() && text[run] == '\t');
        if (!indent) {
          out.append(text.substr(i, run - i));
          i = run;
          continue;
        }
        out += c == ' ' ? "&#32;" : "&#9;";
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
    } else if (c == ':' && text.compare(i + 1, 2, "//") == 0) {
      out += "\\:";  // "https://..." would be autolinked (GFM), quotes and all
    } else if (c == '@') {
      out += "\\@";  // "post@nivi.no" would be autolinked as an e-mail address
    } else if ((c == 'w' || c == 'W') && (i == 0 || !word_char(text[i - 1])) &&
               i + 3 < text.size() && (text[i + 1] == 'w' || text[i + 1] == 'W') &&
               (text[i + 2] == 'w' || text[i + 2] == 'W') && text[i + 3] == '.') {
      out.append(text.substr(i, 3));
      out += "\\.";  // "www.nivi.no" would be autolinked
      i += 4;
      continue;
    } else if (document && c == '{') {
      // The document layer reads "{ref:id}", "{Ref:id}", "{refnum:id}" as cross-references
      // and a heading's trailing "{-}", "{#id}", "{.unnumbered}" as its attributes; an
      // escaped brace is text to it.
      out += "\\{";
    } else {
      out += c;
    }
    ++i;
  }
}

}  // namespace

void escape_markdown(std::string_view text, std::string& out) {
  escape(text, out, true);
}

void escape_markdown_syntax(std::string_view text, std::string& out) {
  escape(text, out, false);
}

const jinja::EscaperPtr& latex_escaper() {
  static const jinja::EscaperPtr e =
      std::make_shared<jinja::Escaper>(jinja::Escaper{"latex", escape_latex});
  return e;
}

const jinja::EscaperPtr& markdown_escaper() {
  static const jinja::EscaperPtr e =
      std::make_shared<jinja::Escaper>(jinja::Escaper{"markdown", escape_markdown_syntax});
  return e;
}

const jinja::EscaperPtr& document_markdown_escaper() {
  static const jinja::EscaperPtr e =
      std::make_shared<jinja::Escaper>(jinja::Escaper{"markdown", escape_markdown});
  return e;
}

jinja::EscaperPtr autoescape_for(std::string_view name) {
  if (name.find(".html") != std::string_view::npos) return jinja::html_escaper();
  if (name.find(".tex") != std::string_view::npos) return latex_escaper();
  if (name.find(".md") != std::string_view::npos) return document_markdown_escaper();
  return nullptr;
}

std::function<jinja::EscaperPtr(std::string_view)> autoescape_for_format() {
  return [](std::string_view name) { return autoescape_for(name); };
}

}  // namespace samrapport::report_filters
