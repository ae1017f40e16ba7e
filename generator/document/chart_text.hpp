// Charts as text: numbers with the report's decimal comma, and the text alternative
// (what a screen reader says instead of the picture).
#pragma once

#include <string>

#include "document/chart.hpp"
#include "locale/norwegian.hpp"

namespace samrapport::document {

/// A value label: the number alone, with the chart's decimals ("30,6").
std::string format_chart_number(const Chart& chart, double value, locale::Lang lang);

/// A value with its unit ("30,6 %" nb/nn, "30.6%" en, "93,1 årsverk").
std::string format_chart_value(const Chart& chart, double value, locale::Lang lang);

/// "Stolpediagram. Antall ordninger: Hol 30, Ål 48." Every value of the chart is in it.
std::string describe_chart(const Chart& chart, locale::Lang lang);

}  // namespace samrapport::document
