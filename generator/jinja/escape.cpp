#include "jinja/escape.hpp"

namespace samrapport::jinja {

void escape_html(std::string_view text, std::string& out) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* rep = nullptr;
    switch (text[i]) {
      case '&':
        rep = "&amp;";
        break;
      case '<':
        rep = "&lt;";
        break;
      case '>':
        rep = "&gt;";
        break;
      case '"':
        rep = "&#34;";
        break;
      case '\'':
        rep = "&#39;";
        break;
      default:
        continue;
    }
    out.append(text.data() + start, i - start);
    out += rep;
    start = i + 1;
  }
  out.append(text.data() + start, text.size() - start);
}

const EscaperPtr& html_escaper() {
  static const EscaperPtr e = std::make_shared<Escaper>(Escaper{"html", escape_html});
  return e;
}

}  // namespace samrapport::jinja
