// Charts as pgfplots code for the LaTeX document: native, editable, and drawn like the
// SVG (same palette, axis range and ticks, value labels with decimal comma, legend).
#pragma once

#include <string>

#include "document/chart.hpp"
#include "locale/norwegian.hpp"

namespace samrapport::writers {

/// A tikzpicture with one axis environment (needs pgfplots, compat 1.18).
std::string write_pgfplots_chart(const document::Chart& chart, locale::Lang lang);

}  // namespace samrapport::writers
