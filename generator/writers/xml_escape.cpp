#include "writers/xml_escape.hpp"

namespace samrapport::writers {

void append_xml_escaped(std::string& out, std::string_view text) {
  std::size_t done = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::string_view rep;
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
        rep = "&quot;";
        break;
      case '\'':
        rep = "&#39;";
        break;
      default:
        continue;
    }
    out.append(text.substr(done, i - done));
    out.append(rep);
    done = i + 1;
  }
  out.append(text.substr(done));
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  append_xml_escaped(out, text);
  return out;
}

}  // namespace samrapport::writers
