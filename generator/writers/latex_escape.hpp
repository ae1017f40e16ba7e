// Escaping text for LaTeX (pdflatex, T1 fonts, utf8 input, babel norsk/nynorsk/english):
// the ten special characters, < > " ' | ` (which T1 or babel would turn into something
// else), ligature-forming pairs (-- ,, << >>), and the Unicode characters that inputenc
// does not know (≥ ≤ − × … non-breaking and thin spaces ...).
#pragma once

#include <string>
#include <string_view>

namespace samrapport::writers {

void append_latex_escaped(std::string& out, std::string_view text);
std::string latex_escape(std::string_view text);

}  // namespace samrapport::writers
