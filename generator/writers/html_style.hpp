// samrapport's own stylesheet for the HTML output (the NIVI look: title page, contents,
// numbered headings, tables with captions above and sum rows, figures with captions
// below, footnotes, and a print stylesheet for A4). Every rule is scoped to .samrapport,
// so that a fragment pasted into a municipal website does not restyle the rest of it.
// No fonts or other resources are fetched.
#pragma once

#include <string_view>

namespace samrapport::writers {

std::string_view report_stylesheet();

}  // namespace samrapport::writers
