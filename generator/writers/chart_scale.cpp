#include "writers/chart_scale.hpp"

#include <algorithm>
#include <cmath>

#include "common/utf8.hpp"
#include "document/palette.hpp"
#include "document/text.hpp"

namespace samrapport::writers {

using document::Chart;
using document::ChartKind;

double stack_total(const Chart& chart, std::size_t c) {
  double sum = 0;
  for (const auto& s : chart.series) sum += s.values[c].value_or(0);
  return sum;
}

ValueScale value_scale(const Chart& chart) {
  double lo = 0;
  double hi = 0;
  for (std::size_t c = 0; c < chart.categories.size(); ++c) {
    if (chart.kind == ChartKind::stacked) {
      hi = std::max(hi, stack_total(chart, c));
      continue;
    }
    for (const auto& s : chart.series) {
      if (!s.values[c]) continue;
      hi = std::max(hi, *s.values[c]);
      lo = std::min(lo, *s.values[c]);
    }
  }
  if (chart.max) hi = std::max(*chart.max, lo + 1e-9);
  if (hi <= lo) hi = lo + 1;
  const double raw = hi / 5.0 - lo / 5.0;  // (finite even for ±1e308)
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / magnitude;
  double factor = 10;
  if (norm <= 1.0) {
    factor = 1;
  } else if (norm <= 2.0) {
    factor = 2;
  } else if (norm <= 2.5) {
    factor = 2.5;
  } else if (norm <= 5.0) {
    factor = 5;
  }
  ValueScale scale;
  scale.step = factor * magnitude;
  // Counts get whole-number ticks: no "0,2 ordninger".
  bool integral = chart.decimals == 0 && !chart.normalize;
  for (const auto& series : chart.series) {
    for (const auto& v : series.values) {
      if (v && std::fabs(*v - std::round(*v)) > 1e-9) integral = false;
    }
  }
  if (integral && scale.step < 1) scale.step = 1;
  scale.min = lo < 0 ? std::floor(lo / scale.step - 1e-9) * scale.step : 0;
  scale.max = chart.max ? *chart.max : std::ceil(hi / scale.step - 1e-9) * scale.step;
  if (!std::isfinite(scale.min)) scale.min = lo;
  if (!std::isfinite(scale.max)) scale.max = hi;
  if (scale.max <= scale.min) scale.max = scale.min + scale.step;
  scale.decimals = 0;
  while (scale.decimals < 6) {
    const double scaled = scale.step * std::pow(10.0, scale.decimals);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6) break;
    ++scale.decimals;
  }
  for (int i = 0; i <= 1000; ++i) {  // bounded, whatever the data (1e308 ...)
    const double t = scale.min + i * scale.step;
    if (!(t <= scale.max + scale.step * 1e-6)) break;
    scale.ticks.push_back(std::fabs(t) < scale.step * 1e-9 ? 0.0 : t);
  }
  return scale;
}

namespace {

double channel(std::string_view hex, std::size_t at) {
  auto digit = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return 0;
  };
  const double v = (digit(hex[at]) * 16 + digit(hex[at + 1])) / 255.0;
  return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double luminance(std::string_view hex) {
  if (hex.size() != 7) return 0;
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

}  // namespace

double contrast_ratio(std::string_view a, std::string_view b) {
  const double la = luminance(a);
  const double lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::string_view text_color_on(std::string_view fill) {
  return contrast_ratio(fill, "#000000") >= contrast_ratio(fill, "#FFFFFF") ? "#000000" : "#FFFFFF";
}

namespace {

// The first `n` code points of `s`.
std::string_view utf8_prefix(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  std::size_t count = 0;
  while (i < s.size()) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == n) break;
      ++count;
    }
    ++i;
  }
  return s.substr(0, i);
}

}  // namespace

std::string truncate_label(std::string_view text, std::size_t max_chars) {
  if (common::utf8_length(text) <= max_chars) return std::string(text);
  std::string out(utf8_prefix(text, max_chars > 0 ? max_chars - 1 : 0));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\u2026";
}

std::vector<std::string> wrap_words(std::string_view text, std::size_t max_chars,
                                    std::size_t max_lines) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    if (i >= text.size()) break;
    std::size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    const std::string_view word = text.substr(i, j - i);
    if (line.empty()) {
      line = word;
    } else if (lines.size() + 1 < max_lines &&
               common::utf8_length(line) + 1 + common::utf8_length(word) > max_chars) {
      lines.push_back(std::move(line));
      line = word;
    } else {
      line += ' ';
      line += word;
    }
    i = j;
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  // A label too long for its lines is cut: a line holds at most `max_chars` (a long word
  // is cut too), the last one, which takes the rest, half as much again.
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const bool last = l + 1 == lines.size();
    lines[l] = truncate_label(lines[l], last ? max_chars + max_chars / 2 : max_chars);
  }
  return lines;
}

std::string bar_color(const Chart& chart, std::size_t series, std::size_t category) {
  if (!chart.classes.empty() && category < chart.category_classes.size()) {
    const std::string& key = chart.category_classes[category];
    if (key.empty()) return std::string(document::palette::kUnclassified);
    for (const auto& k : chart.classes) {
      if (k.key == key) return k.color;
    }
  }
  return chart.series[series].color;
}

bool has_legend(const Chart& chart) {
  return !chart.classes.empty() || chart.series.size() > 1;
}

std::vector<LegendEntry> legend_entries(const Chart& chart) {
  std::vector<LegendEntry> out;
  if (!chart.classes.empty()) {
    for (const auto& k : chart.classes) out.push_back(LegendEntry{k.label, k.color});
    return out;
  }
  if (chart.series.size() > 1) {
    for (const auto& s : chart.series) out.push_back(LegendEntry{s.name, s.color});
  }
  return out;
}

}  // namespace samrapport::writers
