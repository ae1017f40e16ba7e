#include "document/chart_text.hpp"

#include "document/labels.hpp"

namespace samrapport::document {

std::string format_chart_number(const Chart& chart, double value, locale::Lang lang) {
  return locale::format_number(value, chart.decimals, "", locale::decimal_mark(lang));
}

std::string format_chart_value(const Chart& chart, double value, locale::Lang lang) {
  if (chart.unit == "%") return locale::format_percent(value, chart.decimals, lang);
  std::string out = format_chart_number(chart, value, lang);
  if (!chart.unit.empty()) out += " " + chart.unit;
  return out;
}

std::string describe_chart(const Chart& chart, locale::Lang lang) {
  const Labels& labels = labels_for(lang);
  std::string out;
  switch (chart.kind) {
    case ChartKind::bar:
    case ChartKind::hbar:
      out = labels.bar_chart;
      break;
    case ChartKind::grouped:
      out = labels.grouped_chart;
      break;
    case ChartKind::stacked:
      out = labels.stacked_chart;
      break;
  }
  out += ".";
  auto value_text = [&](const std::optional<double>& v) {
    return v ? format_chart_value(chart, *v, lang) : std::string(labels.no_value);
  };
  const std::size_t ncat = chart.categories.size();
  if (chart.kind == ChartKind::stacked) {
    // Per category: the parts in series order.
    for (std::size_t c = 0; c < ncat; ++c) {
      out += " " + chart.categories[c] + ":";
      for (std::size_t s = 0; s < chart.series.size(); ++s) {
        out += (s == 0 ? " " : ", ") + chart.series[s].name + " " +
               value_text(chart.series[s].values[c]);
      }
      out += ".";
    }
    return out;
  }
  for (const ChartSeries& s : chart.series) {
    out += " ";
    if (!s.name.empty()) out += s.name + ": ";
    for (std::size_t c = 0; c < ncat; ++c) {
      if (c > 0) out += ", ";
      out += chart.categories[c] + " " + value_text(s.values[c]);
      if (!chart.category_classes.empty() && !chart.category_classes[c].empty()) {
        for (const ChartClass& k : chart.classes) {
          if (k.key == chart.category_classes[c]) out += " (" + k.label + ")";
        }
      }
    }
    out += ".";
  }
  return out;
}

}  // namespace samrapport::document
