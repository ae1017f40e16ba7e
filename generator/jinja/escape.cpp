#include "jinja/escape.hpp"

#include <array>

namespace samrapport::jinja {

void escape_html(std::string_view text, std::string& out) {
  static constexpr auto special = [] {
    std::array<bool, 256> t{};
    t['&'] = t['<'] = t['>'] = t['"'] = t['\''] = true;
    return t;
  }();
  const char* p = text.data();
  const char* end = p + text.size();
  const char* run = p;
  for (; p != end; ++p) {
    if (!special[static_cast<unsigned char>(*p)]) continue;
    out.append(run, static_cast<std::size_t>(p - run));
    switch (*p) {
      case '&':
        out.append("&amp;", 5);
        break;
      case '<':
        out.append("&lt;", 4);
        break;
      case '>':
        out.append("&gt;", 4);
        break;
      case '"':
        out.append("&#34;", 5);
        break;
      default:
        out.append("&#39;", 5);
        break;
    }
    run = p + 1;
  }
  out.append(run, static_cast<std::size_t>(end - run));
}

const EscaperPtr& html_escaper() {
  static const EscaperPtr e = std::make_shared<Escaper>(Escaper{"html", escape_html});
  return e;
}

}  // namespace samrapport::jinja
