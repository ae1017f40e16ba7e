// The chart model: what a figure declares about a bar chart, independent of how a
// writer draws it (SVG for HTML/Markdown, pgfplots for LaTeX).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace samrapport::document {

enum class ChartKind {
  bar,      // vertical bars, one series (colours by category class when given)
  hbar,     // horizontal bars, one series
  grouped,  // several series side by side per category (a reference series beside)
  stacked,  // series stacked per category (Likert answers); horizontal by default
};

enum class Palette {
  categorical,  // Okabe-Ito in order: blue, orange, bluish green, vermillion, ...
  diverging,    // vermillion, orange, grey, sky blue, blue (for agree/disagree scales)
};

struct ChartSeries {
  std::string name;
  std::vector<std::optional<double>> values;  // one per category; nullopt: no bar
  bool reference = false;                     // drawn in the reference colours
  std::string color;                          // "" (palette) or "#RRGGBB"
};

/// A colour class of categories (e.g. "randkommune"), with its legend label.
struct ChartClass {
  std::string key;
  std::string label;
  std::string color;  // "" (palette) or "#RRGGBB"
};

struct Chart {
  ChartKind kind = ChartKind::bar;
  bool horizontal = false;  // bar: false; hbar: true; grouped/stacked: as declared
  std::vector<std::string> categories;
  std::vector<ChartSeries> series;
  std::vector<ChartClass> classes;            // optional; needs category_classes
  std::vector<std::string> category_classes;  // class key per category ("" = none)
  std::string unit;                           // in the text alternative and data table ("30,6 %")
  int decimals = 0;                           // value labels and data table
  std::string category_label;                 // axis title of the category axis
  std::string value_label;                    // axis title of the value axis
  std::optional<double> max;                  // value axis maximum (default: from data)
  bool value_labels = true;                   // numbers on or beside the bars
  bool normalize = false;                     // stacked: each category as percent of its sum
  Palette palette = Palette::categorical;
};

}  // namespace samrapport::document
