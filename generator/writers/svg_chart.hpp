// Charts as SVG, for the HTML page (inline) and the Markdown output (files beside it):
// bars, horizontal bars, grouped and stacked bars with legend, axis titles and value
// labels with decimal comma. The picture carries its text alternative: <title> (the
// caption) and <desc> (every value), referenced by aria-labelledby.
#pragma once

#include <string>

#include "document/chart.hpp"
#include "locale/norwegian.hpp"

namespace samrapport::writers {

struct SvgChartText {
  std::string id_prefix;    // unique in the page: ids "<prefix>-title", "<prefix>-desc"
  std::string title;        // "Figur 2.1 Antall ordninger pr kommune"
  std::string description;  // the data in words (document::describe_chart)
};

std::string write_svg_chart(const document::Chart& chart, const SvgChartText& text,
                            locale::Lang lang);

}  // namespace samrapport::writers
