#include <gtest/gtest.h>

#include <regex>

#include "fixture.hpp"
#include "writers/chart_scale.hpp"
#include "writers/pgfplots_chart.hpp"
#include "writers/svg_chart.hpp"

namespace samrapport::writers {
namespace {

using document::Chart;
using document::ChartKind;

Chart bar_chart(std::vector<double> values) {
  Chart c;
  c.kind = ChartKind::bar;
  document::ChartSeries s;
  s.name = "Antall";
  s.color = "#0072B2";
  for (std::size_t i = 0; i < values.size(); ++i) {
    c.categories.push_back("K" + std::to_string(i + 1));
    s.values.emplace_back(values[i]);
  }
  c.series.push_back(s);
  return c;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

TEST(ValueScale, NiceTicks) {
  const ValueScale a = value_scale(bar_chart({48, 22, 35}));
  EXPECT_EQ(a.max, 50);
  EXPECT_EQ(a.step, 10);
  EXPECT_EQ(a.ticks, (std::vector<double>{0, 10, 20, 30, 40, 50}));
  EXPECT_EQ(a.decimals, 0);
  EXPECT_EQ(value_scale(bar_chart({1, 1, 1})).ticks, (std::vector<double>{0, 1}));  // counts
  Chart fractions = bar_chart({0.3, 1.1});
  fractions.decimals = 1;
  const ValueScale b = value_scale(fractions);
  EXPECT_DOUBLE_EQ(b.step, 0.25);
  EXPECT_EQ(b.decimals, 2);
  EXPECT_DOUBLE_EQ(b.max, 1.25);
  const ValueScale c = value_scale(bar_chart({-12, 30}));
  EXPECT_EQ(c.min, -20);
  EXPECT_EQ(c.max, 30);
  Chart fixed = bar_chart({24.4, 50.2});
  fixed.max = 60;
  EXPECT_EQ(value_scale(fixed).max, 60);
  EXPECT_EQ(value_scale(bar_chart({0, 0})).max, 1);
}

TEST(ValueScale, ExtremeDataStayBounded) {
  for (const auto& values : std::vector<std::vector<double>>{
           {1e308, 1.7e308}, {-1e308, 1e308}, {1e-300, 2e-300}, {-5, -3}, {0.5}}) {
    const ValueScale s = value_scale(bar_chart(values));
    EXPECT_LE(s.ticks.size(), 1001u);
    EXPECT_GE(s.ticks.size(), 1u);
    EXPECT_LT(s.min, s.max);
    const std::string svg =
        write_svg_chart(bar_chart(values), SvgChartText{"f", "t", "d"}, locale::Lang::nb);
    EXPECT_NE(svg.find("</svg>"), std::string::npos);
    EXPECT_NE(write_pgfplots_chart(bar_chart(values), locale::Lang::nb).find("\\end{axis}"),
              std::string::npos);
  }
}

TEST(ValueScale, StackedUsesTheLargestSum) {
  Chart c = bar_chart({40, 30});
  c.kind = ChartKind::stacked;
  c.series.push_back(c.series[0]);
  c.series[1].values = {std::optional<double>(60), std::optional<double>(20)};
  EXPECT_EQ(value_scale(c).max, 100);
}

TEST(Colors, TextOnBarsKeepsContrast) {
  EXPECT_EQ(text_color_on("#0072B2"), "#FFFFFF");
  EXPECT_EQ(text_color_on("#E69F00"), "#000000");
  EXPECT_EQ(text_color_on("#F0E442"), "#000000");
  for (const char* fill : {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7",
                           "#F0E442", "#999999", "#BBBBBB"}) {
    EXPECT_GE(contrast_ratio(fill, text_color_on(fill)), 4.5) << fill;
  }
}

TEST(WrapWords, LinesAndLimits) {
  EXPECT_EQ(wrap_words("Administrativ vertskommune (kommuneloven § 20-2)", 20, 3),
            (std::vector<std::string>{"Administrativ", "vertskommune", "(kommuneloven § 20-2)"}));
  EXPECT_EQ(wrap_words("a b c d e f", 2, 2), (std::vector<std::string>{"a", "b\u2026"}));
  // Too long for its lines: cut, ending in an ellipsis (a 250-character sector name).
  const std::string name(250, 'x');
  const auto lines = wrap_words("Sektor " + name, 34, 3);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "Sektor");
  EXPECT_EQ(lines[1], std::string(50, 'x') + "\u2026");
  EXPECT_EQ(truncate_label(name, 40), std::string(39, 'x') + "\u2026");
  EXPECT_EQ(truncate_label("kort", 40), "kort");
  EXPECT_EQ(wrap_words("", 10, 2), (std::vector<std::string>{""}));
}

TEST(SvgChart, CarriesTextAlternativeAndDecimalComma) {
  Chart c = bar_chart({30.55, 12.04});
  c.decimals = 1;
  c.value_label = "Prosent";
  const std::string svg = write_svg_chart(
      c, SvgChartText{"fig-1", "Figur 1 Test", "Stolpediagram. K1 30,6"}, locale::Lang::nb);
  EXPECT_NE(svg.find("role=\"img\" aria-labelledby=\"fig-1-title fig-1-desc\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"fig-1-title\">Figur 1 Test</title>"), std::string::npos);
  EXPECT_NE(svg.find("<desc id=\"fig-1-desc\">Stolpediagram. K1 30,6</desc>"), std::string::npos);
  EXPECT_NE(svg.find(">30,6</text>"), std::string::npos);  // half away from zero
  EXPECT_NE(svg.find(">12,0</text>"), std::string::npos);
  EXPECT_NE(svg.find(">Prosent</text>"), std::string::npos);
  EXPECT_EQ(count(svg, "fill=\"#0072B2\""), 2u);
  EXPECT_EQ(count(svg, "http"), 1u);  // only the namespace: no external requests
}

TEST(SvgChart, EnglishUsesDecimalPoint) {
  Chart c = bar_chart({30.55});
  c.decimals = 1;
  const std::string svg = write_svg_chart(c, SvgChartText{"f", "t", "d"}, locale::Lang::en);
  EXPECT_NE(svg.find(">30.6</text>"), std::string::npos);
}

TEST(SvgChart, ClassesColourBarsAndFillTheLegend) {
  Chart c = bar_chart({48, 22, 5});
  c.classes = {{"k", "Buskerud", "#0072B2"}, {"r", "Randkommuner", "#E69F00"}};
  c.category_classes = {"k", "r", ""};
  const std::string svg = write_svg_chart(c, SvgChartText{"f", "t", "d"}, locale::Lang::nb);
  EXPECT_NE(svg.find("<g class=\"legend\">"), std::string::npos);
  EXPECT_NE(svg.find(">Buskerud</text>"), std::string::npos);
  EXPECT_NE(svg.find(">Randkommuner</text>"), std::string::npos);
  EXPECT_EQ(count(svg, "fill=\"#E69F00\""), 2u);  // bar and legend swatch
  EXPECT_EQ(count(svg, "fill=\"#999999\""), 1u);  // the unclassified bar
}

TEST(SvgChart, EveryKindDrawsEveryValue) {
  Diagnostics diags;
  const document::Document doc = testing::load_fixture("report", diags);
  ASSERT_FALSE(diags.has_errors());
  for (const document::Figure& f : doc.figures) {
    const Chart& c = *f.chart;
    const std::string svg = write_svg_chart(c, SvgChartText{"f", "t", "d"}, locale::Lang::nb);
    std::size_t values = 0;
    for (const auto& s : c.series) {
      for (const auto& v : s.values) values += v && *v != 0 ? 1 : 0;
    }
    // One rect per bar (segment), plus the background and the legend swatches.
    const std::size_t legend = legend_entries(c).size();
    EXPECT_EQ(count(svg, "<rect"), values + 1 + legend) << f.id;
    // Well-formed enough: as many opening as closing text elements.
    EXPECT_EQ(count(svg, "<text"), count(svg, "</text>")) << f.id;
  }
}

TEST(PgfplotsChart, SameTicksLabelsAndColours) {
  Chart c = bar_chart({30.55, 12.04});
  c.decimals = 1;
  c.categories = {"Ål & Hol", "50 % {x}"};
  const std::string tex = write_pgfplots_chart(c, locale::Lang::nb);
  EXPECT_NE(tex.find("\\begin{axis}["), std::string::npos);
  EXPECT_NE(tex.find("ybar,"), std::string::npos);
  EXPECT_NE(tex.find("xticklabels={{Ål \\& Hol},{50 \\% \\{x\\}}}"), std::string::npos) << tex;
  EXPECT_NE(tex.find("ytick={0,10,20,30,40}"), std::string::npos) << tex;
  EXPECT_NE(tex.find("{30,6};"), std::string::npos) << tex;
  EXPECT_NE(tex.find("fill={rgb,255:red,0;green,114;blue,178}"), std::string::npos);
  EXPECT_NE(tex.find("coordinates {(0,30.55)(1,12.04)}"), std::string::npos) << tex;
}

TEST(PgfplotsChart, HorizontalAndStacked) {
  Chart c = bar_chart({40, 60});
  c.kind = ChartKind::stacked;
  c.horizontal = true;
  c.series.push_back(c.series[0]);
  c.series[1].name = "Enig";
  c.series[1].color = "#D55E00";
  const std::string tex = write_pgfplots_chart(c, locale::Lang::nb);
  EXPECT_NE(tex.find("xbar stacked,"), std::string::npos);
  EXPECT_NE(tex.find("y dir=reverse,"), std::string::npos);
  EXPECT_NE(tex.find("\\addlegendentry{Enig}"), std::string::npos);
  EXPECT_NE(tex.find("after end axis/.append code={"), std::string::npos);
}

}  // namespace
}  // namespace samrapport::writers
