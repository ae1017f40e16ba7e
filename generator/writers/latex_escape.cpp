#include "writers/latex_escape.hpp"

namespace samrapport::writers {
namespace {

struct Mapping {
  std::string_view utf8;
  std::string_view latex;
};

// Characters outside what inputenc's utf8 + T1 + textcomp print on their own.
constexpr Mapping kUnicode[] = {
    {"\u00a0", "~"},                          // no-break space
    {"\u202f", "\\,"},                        // narrow no-break space
    {"\u2009", "\\,"},                        // thin space
    {"\u2212", "\\textminus{}"},              // minus sign
    {"\u2264", "\\ensuremath{\\leq}"},        // ≤
    {"\u2265", "\\ensuremath{\\geq}"},        // ≥
    {"\u00d7", "\\texttimes{}"},              // ×
    {"\u2026", "\\dots{}"},                   // …
    {"\u2248", "\\ensuremath{\\approx}"},     // ≈
    {"\u2192", "\\textrightarrow{}"},         // →
    {"\u2190", "\\textleftarrow{}"},          // ←
    {"\u2022", "\\textbullet{}"},             // •
    {"\u2030", "\\textperthousand{}"},        // ‰
    {"\u20ac", "\\texteuro{}"},               // €
    {"\u2713", "\\ensuremath{\\checkmark}"},  // ✓ (amssymb)
    {"\u00ad", "\\-"},                        // soft hyphen
    {"\u200b", "\\hspace{0pt}"},              // zero-width space
};

}  // namespace

void append_latex_escaped(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    switch (c) {
      case '&':
        out += "\\&";
        continue;
      case '%':
        out += "\\%";
        continue;
      case '$':
        out += "\\$";
        continue;
      case '#':
        out += "\\#";
        continue;
      case '_':
        out += "\\_";
        continue;
      case '{':
        out += "\\{";
        continue;
      case '}':
        out += "\\}";
        continue;
      case '~':
        out += "\\textasciitilde{}";
        continue;
      case '^':
        out += "\\textasciicircum{}";
        continue;
      case '\\':
        out += "\\textbackslash{}";
        continue;
      case '<':
        out += "\\textless{}";
        continue;
      case '>':
        out += "\\textgreater{}";
        continue;
      case '"':
        out += "\\textquotedbl{}";
        continue;
      case '\'':
        out += "\\textquotesingle{}";
        continue;
      case '`':
        out += "\\textasciigrave{}";
        continue;
      case '|':
        out += "\\textbar{}";
        continue;
      case '-':
        out += next == '-' ? "-{}" : "-";
        continue;
      case ',':
        out += next == ',' ? ",{}" : ",";
        continue;
      case '\n':
      case '\r':
      case '\t':
        out += ' ';
        continue;
      default:
        break;
    }
    if (c == '\xC3' && next != '\x97') {  // Latin-1 letters (æ ø å é ...) print as they are
      out += c;
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
      bool mapped = false;
      for (const Mapping& m : kUnicode) {
        if (text.compare(i, m.utf8.size(), m.utf8) == 0) {
          out += m.latex;
          i += m.utf8.size() - 1;
          mapped = true;
          break;
        }
      }
      if (mapped) continue;
    }
    out += c;
  }
}

std::string latex_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  append_latex_escaped(out, text);
  return out;
}

}  // namespace samrapport::writers
