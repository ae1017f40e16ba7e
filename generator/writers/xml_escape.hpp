// Escaping text for HTML and SVG (XML): & < > " ' become character references.
#pragma once

#include <string>
#include <string_view>

namespace samrapport::writers {

void append_xml_escaped(std::string& out, std::string_view text);
std::string xml_escape(std::string_view text);

}  // namespace samrapport::writers
