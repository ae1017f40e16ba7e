#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "parse_helpers.hpp"

namespace samrapport::document {
namespace {

using testing::figure_block;
using testing::messages;
using testing::parse;
using testing::table_block;

std::vector<std::string> row_texts(const Row& r) {
  std::vector<std::string> out;
  for (const Inlines& c : r.cells) out.push_back(plain_text(c));
  return out;
}

TEST(TableDeclaration, NumbersFormattedPerColumnWithDecimalComma) {
  Diagnostics diags;
  const Document doc = parse(
      table_block(
          R"({"id": "tab:p", "caption": "Perioder", "source": "NIVI Analyse",)"
          R"( "columns": ["Periode", {"label": "Antall"}, {"label": "Prosent", "decimals": 1},)"
          R"( {"label": "Innbyggere", "thousands": true}],)"
          R"( "rows": [["Etter 2015", 66, 30.55, 101859], ["Før 2000", 52, 38.25, 2412]],)"
          R"( "sum": [null, 118, 100, 104271]})"),
      diags);
  ASSERT_FALSE(diags.has_errors()) << messages(diags);
  const Table& t = doc.tables.at(0);
  EXPECT_EQ(row_texts(t.rows[0]),
            (std::vector<std::string>{"Etter 2015", "66", "30,6", "101\u00a0859"}));
  // 38,25 rounds half away from zero.
  EXPECT_EQ(row_texts(t.rows[1]),
            (std::vector<std::string>{"Før 2000", "52", "38,3", "2\u00a0412"}));
  EXPECT_EQ(t.rows[2].style, RowStyle::sum);
  EXPECT_EQ(row_texts(t.rows[2]),
            (std::vector<std::string>{"Sum", "118", "100,0", "104\u00a0271"}));
  EXPECT_EQ(t.columns[0].align, Align::left);
  EXPECT_FALSE(t.columns[0].numeric);
  for (std::size_t c = 1; c < 4; ++c) {
    EXPECT_TRUE(t.columns[c].numeric) << c;
    EXPECT_EQ(t.columns[c].align, Align::right) << c;
  }
  EXPECT_EQ(plain_text(t.source), "NIVI Analyse");
}

TEST(TableDeclaration, EnglishUsesDecimalPointAndTotal) {
  Diagnostics diags;
  const Document doc =
      parse(table_block(R"({"id": "tab:p", "caption": "C", "columns": ["a",)"
                        R"( {"label": "b", "decimals": 1}], "rows": [["x", 3.25]],)"
                        R"( "sum": [null, 3.25]})"),
            diags, "en");
  ASSERT_FALSE(diags.has_errors()) << messages(diags);
  EXPECT_EQ(row_texts(doc.tables[0].rows[0]), (std::vector<std::string>{"x", "3.3"}));
  EXPECT_EQ(row_texts(doc.tables[0].rows[1]), (std::vector<std::string>{"Total", "3.3"}));
}

TEST(TableDeclaration, PreformattedStringsAndPlaceholdersAreNumeric) {
  Diagnostics diags;
  const Document doc =
      parse(table_block(R"({"id": "tab:s", "caption": "C", "columns": ["Navn", "Årsverk", "Nr"],)"
                        R"( "rows": [["Hol", "93,1", "3043"], ["Ål", "-", "3044"],)"
                        R"( ["Gol", "12 %", "K_3041"]]})"),
            diags);
  ASSERT_FALSE(diags.has_errors()) << messages(diags);
  const Table& t = doc.tables[0];
  EXPECT_TRUE(t.columns[1].numeric);
  EXPECT_EQ(t.columns[1].align, Align::right);
  EXPECT_FALSE(t.columns[2].numeric);  // "K_3041" is text
  EXPECT_EQ(row_texts(t.rows[0]), (std::vector<std::string>{"Hol", "93,1", "3043"}));
}

TEST(TableDeclaration, AutomaticDecimalsAreTheMostAColumnNeeds) {
  Diagnostics diags;
  const Document doc = parse(table_block(R"({"id": "tab:d", "caption": "C", "columns": ["v"],)"
                                         R"( "rows": [[2], [2.5], [0.125]]})"),
                             diags);
  ASSERT_FALSE(diags.has_errors()) << messages(diags);
  std::vector<std::string> got;
  for (const Row& r : doc.tables[0].rows) got.push_back(plain_text(r.cells[0]));
  EXPECT_EQ(got, (std::vector<std::string>{"2,000", "2,500", "0,125"}));
}

TEST(TableDeclaration, GroupAndSubtotalRows) {
  Diagnostics diags;
  const Document doc =
      parse(table_block(R"({"id": "tab:k", "caption": "C", "columns": ["Kommune", "Folketall"],)"
                        R"( "rows": [{"group": "Hallingdal"}, ["Ål", 4648],)"
                        R"( {"cells": ["Sum Hallingdal", 4648], "style": "subtotal"}]})"),
            diags);
  ASSERT_FALSE(diags.has_errors()) << messages(diags);
  const Table& t = doc.tables[0];
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].style, RowStyle::group);
  EXPECT_EQ(row_texts(t.rows[0]), (std::vector<std::string>{"Hallingdal"}));
  EXPECT_EQ(t.rows[2].style, RowStyle::subtotal);
}

struct BadCase {
  std::string json;
  std::string message;
};

// Names the case by its expected message in test listings (stable across builds, unlike
// gtest's default byte dump of the struct).
void PrintTo(const BadCase& c, std::ostream* os) {
  const auto at = c.message.find("error: ");
  std::string text = c.message.substr(at == std::string::npos ? 0 : at + 7, 60);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  *os << text;
}

class BadTable : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadTable, IsAnErrorAtTheDeclaration) {
  Diagnostics diags;
  const Document doc = parse("Tekst\n\n" + table_block(GetParam().json), diags);
  ASSERT_EQ(diags.error_count(), 1u) << messages(diags);
  EXPECT_EQ(messages(diags), GetParam().message);
  EXPECT_TRUE(doc.tables.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Errors, BadTable,
    ::testing::Values(
        BadCase{R"({"id": "tab:a", "caption": "C", "columns": ["a"], "rows": [["x", "y"]]})",
                "report.md:4:1: error: table 'tab:a': rows[0]: has 2 cells for 1 columns\n"},
        BadCase{R"({"id": "tab:a", "caption": "C", "columns": ["a"], "rows": [], "farge": 1})",
                "report.md:4:1: error: table 'tab:a': farge: unknown key (expected one of: id, "
                "caption, source, notes, columns, rows, sum, at)\n"},
        BadCase{R"({"caption": "C", "columns": ["a"], "rows": []})",
                "report.md:4:1: error: table: id: missing\n"},
        BadCase{R"({"id": "Tab A", "caption": "C", "columns": ["a"], "rows": []})",
                "report.md:4:1: error: table 'Tab A': id: ids may only hold a-z, 0-9, ':', '.' "
                "and '-'\n"},
        BadCase{R"({"id": "tab:a", "caption": "C", "columns": ["a"], "rows": [[true]]})",
                "report.md:4:1: error: table 'tab:a': rows[0][0]: expected a string, a number "
                "or null\n"},
        BadCase{
            R"({"id": "tab:a", "caption": "C", "columns": [{"label": "a", "align": "venstre"}],)"
            R"( "rows": []})",
            "report.md:4:1: error: table 'tab:a': columns[0].align: expected left, center or "
            "right\n"},
        BadCase{"{\"id\": \"tab:a\",\n \"caption\": }",
                "report.md:5:13: error: table: invalid JSON: syntax error while parsing value - "
                "unexpected '}'; expected '[', '{', or a literal\n"}));

TEST(FigureDeclaration, ChartWithClassesGetsPaletteColours) {
  Diagnostics diags;
  const Document doc =
      parse(figure_block(
                R"({"id": "fig:k", "caption": "Ordninger", "chart": {"kind": "bar",)"
                R"( "categories": ["Ål", "Tinn", "X"], "values": [48, 22, 1],)"
                R"( "classes": [{"key": "k", "label": "Buskerud"}, {"key": "r", "label": "Rand"}],)"
                R"( "category_classes": ["k", "r", null]}})"),
            diags);
  ASSERT_FALSE(diags.has_errors()) << messages(diags);
  const Chart& c = *doc.figures.at(0).chart;
  EXPECT_EQ(c.classes[0].color, "#0072B2");
  EXPECT_EQ(c.classes[1].color, "#E69F00");
  EXPECT_EQ(c.category_classes, (std::vector<std::string>{"k", "r", ""}));
  EXPECT_EQ(doc.figures[0].alt, "Stolpediagram. Ål 48 (Buskerud), Tinn 22 (Rand), X 1.");
}

TEST(FigureDeclaration, ReferenceSeriesAndStackedDefaults) {
  Diagnostics diags;
  const Document doc = parse(
      figure_block(
          R"({"id": "fig:g", "caption": "G", "chart": {"kind": "grouped",)"
          R"( "categories": ["a", "b"], "series": [{"name": "Buskerud", "values": [1, 2]},)"
          R"( {"name": "Trøndelag", "values": [3, null], "reference": true}]}})") +
          figure_block(R"({"id": "fig:s", "caption": "S", "chart": {"kind": "stacked",)"
                       R"( "categories": ["q"], "normalize": true, "series": [)"
                       R"({"name": "Uenig", "values": [1]}, {"name": "Nøytral", "values": [1]},)"
                       R"( {"name": "Enig", "values": [2]}]}})"),
      diags);
  ASSERT_FALSE(diags.has_errors()) << messages(diags);
  const Chart& g = *doc.figures[0].chart;
  EXPECT_FALSE(g.horizontal);
  EXPECT_EQ(g.series[0].color, "#0072B2");
  EXPECT_EQ(g.series[1].color, "#999999");
  EXPECT_FALSE(g.series[1].values[1].has_value());
  const Chart& s = *doc.figures[1].chart;
  EXPECT_TRUE(s.horizontal);
  EXPECT_EQ(s.palette, Palette::diverging);
  EXPECT_EQ(s.unit, "%");
  EXPECT_DOUBLE_EQ(*s.series[2].values[0], 50.0);
  EXPECT_EQ(s.series[0].color, "#D55E00");
  EXPECT_EQ(s.series[2].color, "#0072B2");
}

class BadFigure : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadFigure, IsAnError) {
  Diagnostics diags;
  parse(figure_block(GetParam().json), diags);
  ASSERT_GE(diags.error_count(), 1u);
  EXPECT_EQ(format_diagnostic(diags.items()[0]) + "\n", GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Errors, BadFigure,
    ::testing::Values(
        BadCase{
            R"({"id": "fig:a", "caption": "C", "chart": {"categories": ["a", "b"], "values": [1]}})",
            "report.md:2:1: error: figure 'fig:a': chart.values: has 1 values for 2 "
            "categories\n"},
        BadCase{R"({"id": "fig:a", "caption": "C", "chart": {"kind": "pie", "categories": ["a"],)"
                R"( "values": [1]}})",
                "report.md:2:1: error: figure 'fig:a': chart.kind: expected bar, hbar, grouped "
                "or stacked\n"},
        BadCase{R"({"id": "fig:a", "caption": "C", "chart": {"categories": ["a"], "values": [1],)"
                R"( "classes": [{"key": "k", "label": "K"}], "category_classes": ["z"]}})",
                "report.md:2:1: error: figure 'fig:a': chart.category_classes[0]: unknown class "
                "'z'\n"},
        BadCase{R"({"id": "fig:a", "caption": "C", "chart": {"categories": ["a"], "series": [)"
                R"({"name": "x", "values": [1]}, {"name": "y", "values": [2]}]}})",
                "report.md:2:1: error: figure 'fig:a': chart: a \"bar\" chart has one series; use "
                "\"grouped\" or \"stacked\"\n"},
        BadCase{
            R"({"id": "fig:a", "caption": "C", "chart": {"kind": "stacked", "categories": ["a"],)"
            R"( "series": [{"name": "x", "values": [-1]}]}})",
            "report.md:2:1: error: figure 'fig:a': chart: stacked charts take no negative "
            "values (series 'x')\n"},
        BadCase{R"({"id": "fig:a", "caption": "C", "chart": {"categories": ["a"], "values": [1],)"
                R"( "name": "n", "series": []}})",
                "report.md:2:1: error: figure 'fig:a': chart: give either \"values\" (one series) "
                "or \"series\", not both\n"},
        BadCase{R"({"id": "fig:a", "caption": "C"})",
                "report.md:2:1: error: figure 'fig:a': a figure has either \"chart\" (data) or "
                "\"image\" (a file)\n"},
        BadCase{R"({"id": "fig:a", "caption": "C", "chart": {"categories": ["a"], "values": [1],)"
                R"( "color": "rosa"}})",
                "report.md:2:1: error: figure 'fig:a': chart.color: unknown key (expected one "
                "of: kind, horizontal, categories, series, values, name, classes, "
                "category_classes, unit, decimals, category_label, value_label, max, "
                "value_labels, normalize, palette)\n"}));

}  // namespace
}  // namespace samrapport::document
