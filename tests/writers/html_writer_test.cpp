#include <gtest/gtest.h>

#include "fixture.hpp"
#include "writers/html_writer.hpp"

namespace samrapport::writers {
namespace {

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

class Html : public ::testing::Test {
 protected:
  void SetUp() override {
    doc_ = testing::load_fixture("report", diags_);
    ASSERT_FALSE(diags_.has_errors());
    html_ = write_html(doc_);
  }
  Diagnostics diags_;
  document::Document doc_;
  std::string html_;
};

TEST_F(Html, StandalonePageWithLanguageTitleAndStylesheet) {
  EXPECT_EQ(html_.rfind("<!DOCTYPE html>\n<html lang=\"nb\">", 0), 0u);
  EXPECT_NE(html_.find("<title>Interkommunalt samarbeid i Buskerud</title>"), std::string::npos);
  EXPECT_EQ(count(html_, "<style>"), 1u);
  EXPECT_EQ(count(html_, "<main>"), 1u);
  EXPECT_NE(html_.find("@media print"), std::string::npos);
  EXPECT_NE(html_.find("size: A4"), std::string::npos);
}

TEST_F(Html, NoExternalRequests) {
  EXPECT_EQ(html_.find("<link"), std::string::npos);
  EXPECT_EQ(html_.find("<script"), std::string::npos);
  EXPECT_EQ(html_.find("@import"), std::string::npos);
  EXPECT_EQ(html_.find("url("), std::string::npos);
  EXPECT_EQ(html_.find("src=\"http"), std::string::npos);
  // The only http(s) strings: SVG namespaces and the link written in the fixture's text.
  EXPECT_EQ(count(html_, "http"), 4u + 2u);
}

TEST_F(Html, TitlePageAndContents) {
  EXPECT_NE(html_.find("<p class=\"report-id\">NIVI-rapport 2021:4</p>\n<h1>Interkommunalt "
                       "samarbeid i Buskerud</h1>"),
            std::string::npos);
  EXPECT_NE(html_.find("<p class=\"client\">På oppdrag fra Statsforvalteren i Oslo og Viken</p>"),
            std::string::npos);
  EXPECT_NE(html_.find("<a href=\"#kap-1-1\"><span class=\"number\">1.1</span>Kommuner og "
                       "regioner</a>"),
            std::string::npos);
  EXPECT_NE(html_.find("<h3>Tabeller</h3>"), std::string::npos);
  EXPECT_NE(html_.find("<a href=\"#tab:perioder\"><span class=\"number\">Tabell 2.1</span>"),
            std::string::npos);
  EXPECT_NE(html_.find("<a href=\"#fig:likert\"><span class=\"number\">Figur 2.4</span>"),
            std::string::npos);
}

TEST_F(Html, NumberedHeadingsTablesAndFigures) {
  EXPECT_NE(html_.find("<h2 id=\"kap-2\" class=\"chapter\"><span class=\"number\">2</span>"
                       "Samarbeidets omfang</h2>"),
            std::string::npos);
  EXPECT_NE(html_.find("<h2 id=\"forord\" class=\"chapter\">Forord</h2>"), std::string::npos);
  // Caption above (inside <table>, first child), source below.
  EXPECT_NE(html_.find("<table id=\"tab:perioder\">\n<caption id=\"tab:perioder-caption\"><span "
                       "class=\"label\">Tabell 2.1</span>Perioder for etablering"),
            std::string::npos);
  EXPECT_NE(html_.find("<tr class=\"sum\"><th scope=\"row\">Sum</th><td class=\"num\">216</td>"
                       "<td class=\"num\">100,0</td></tr>"),
            std::string::npos);
  EXPECT_NE(html_.find("<th scope=\"col\" class=\"num\">Antall</th>"), std::string::npos);
  EXPECT_NE(html_.find("<p class=\"source\">Kilde: NIVI Analyse</p>"), std::string::npos);
  // Figures: the chart, its data, then the caption below.
  const std::size_t fig = html_.find("<figure id=\"fig:nivaa\">");
  ASSERT_NE(fig, std::string::npos);
  const std::size_t svg = html_.find("<svg", fig);
  const std::size_t data = html_.find("<details class=\"chart-data\">", fig);
  const std::size_t caption = html_.find("<figcaption><span class=\"label\">Figur 2.1</span>", fig);
  EXPECT_LT(svg, data);
  EXPECT_LT(data, caption);
  EXPECT_LT(caption, html_.find("</figure>", fig));
  EXPECT_NE(html_.find("Prosent. Kilde: NIVI Analyse</figcaption>"), std::string::npos);
  EXPECT_NE(html_.find("<td class=\"num\">24,4\u00a0%</td>"), std::string::npos);
  // Every numbered table and every figure is there once.
  EXPECT_EQ(count(html_, "<figure id="), doc_.figures.size());
  EXPECT_EQ(count(html_, "<caption id="), 3u);
}

TEST_F(Html, CrossReferencesAreLinksAndFootnotesAreNumbered) {
  EXPECT_NE(html_.find("<a class=\"ref\" href=\"#tab:perioder\">tabell 2.1</a>"),
            std::string::npos);
  EXPECT_NE(html_.find("<a class=\"ref\" href=\"#kap:metode\">kapittel 1</a>"), std::string::npos);
  EXPECT_NE(html_.find("<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup>"),
            std::string::npos);
  EXPECT_NE(html_.find("<li id=\"fn-2\"><p>NIVI Rapport 2021:1"), std::string::npos);
  EXPECT_NE(html_.find("<section class=\"footnotes\""), std::string::npos);
}

TEST_F(Html, FragmentForACms) {
  HtmlOptions options;
  options.standalone = false;
  const std::string fragment = write_html(doc_, options);
  EXPECT_EQ(fragment.rfind("<div class=\"samrapport\" lang=\"nb\">\n<style>", 0), 0u);
  EXPECT_EQ(fragment.find("<html"), std::string::npos);
  EXPECT_EQ(fragment.find("<main>"), std::string::npos);
  EXPECT_NE(fragment.find("<article>"), std::string::npos);
  options.stylesheet = false;
  options.inline_charts = false;
  const std::string bare = write_html(doc_, options);
  EXPECT_EQ(bare.find("<style>"), std::string::npos);
  EXPECT_EQ(bare.find("<svg"), std::string::npos);
  EXPECT_NE(bare.find("<img src=\"figurer/fig-2-1.svg\" alt=\"Gruppert stolpediagram."),
            std::string::npos);
}

TEST_F(Html, EveryCssRuleIsScoped) {
  const std::string html = html_;
  const std::size_t begin = html.find("<style>") + 7;
  const std::string css = html.substr(begin, html.find("</style>") - begin);
  // Every selector list outside @-rules starts with .samrapport.
  std::size_t pos = 0;
  while ((pos = css.find('{', pos)) != std::string::npos) {
    std::size_t start = css.rfind('}', pos);
    start = start == std::string::npos ? 0 : start + 1;
    std::string selector = css.substr(start, pos - start);
    selector.erase(0, selector.find_first_not_of(" \n"));
    ++pos;
    if (selector.empty() || selector[0] == '@') continue;
    for (std::size_t comma = 0;;) {
      std::string part = selector.substr(comma, selector.find(',', comma) - comma);
      part.erase(0, part.find_first_not_of(" \n"));
      EXPECT_EQ(part.rfind(".samrapport", 0), 0u) << part;
      comma = selector.find(',', comma);
      if (comma == std::string::npos) break;
      ++comma;
    }
  }
}

}  // namespace
}  // namespace samrapport::writers
