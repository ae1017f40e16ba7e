// What the SVG and pgfplots chart writers share, so that both draw the same chart: the
// value axis (range and "nice" ticks), the text colour on a coloured bar, and label
// wrapping.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document/chart.hpp"

namespace samrapport::writers {

struct ValueScale {
  double min = 0;  // 0, or below when data are negative
  double max = 1;
  double step = 1;
  int decimals = 0;  // of the tick labels
  std::vector<double> ticks;
};

/// The value axis of a chart: from 0 (or the lowest negative value) to chart.max or the
/// data maximum (stacked: the largest sum) rounded up to a tick of 1, 2, 2.5 or 5 x 10^k.
ValueScale value_scale(const document::Chart& chart);

/// Sum of the values of category `c` (stacked charts).
double stack_total(const document::Chart& chart, std::size_t c);

/// "#000000" or "#FFFFFF", whichever contrasts more with `fill` ("#RRGGBB").
std::string_view text_color_on(std::string_view fill);

/// WCAG contrast ratio of two "#RRGGBB" colours.
double contrast_ratio(std::string_view a, std::string_view b);

/// Splits `text` at spaces into lines of at most `max_chars` code points, at most
/// `max_lines` lines (the last one gets the rest). What is still too long is cut, ending in
/// "…": a line (a long word) at `max_chars`, the last line at 1.5 x `max_chars`. Chart
/// labels only: the data table and the text alternative keep the full text.
std::vector<std::string> wrap_words(std::string_view text, std::size_t max_chars,
                                    std::size_t max_lines);

/// Category labels of vertical charts (under the bars, upright or turned) are cut to this.
inline constexpr std::size_t kMaxLabelChars = 40;

/// `text` cut to at most `max_chars` code points, ending in "…" when cut.
std::string truncate_label(std::string_view text, std::size_t max_chars);

/// The colour of category c's bar in a single-series chart (its class colour, if any).
std::string bar_color(const document::Chart& chart, std::size_t series, std::size_t category);

/// Whether the chart shows a legend (several series, or category classes).
bool has_legend(const document::Chart& chart);

struct LegendEntry {
  std::string label;
  std::string color;
};
std::vector<LegendEntry> legend_entries(const document::Chart& chart);

}  // namespace samrapport::writers
