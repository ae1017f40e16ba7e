// Hostile documents through the writers: raw HTML in every HTML output, refused links,
// image paths in LaTeX, deep nesting, output linear in the input, long chart labels.
#include <gtest/gtest.h>

#include "document/parse.hpp"
#include "writers/html_sanitize.hpp"
#include "writers/html_writer.hpp"
#include "writers/latex_writer.hpp"
#include "writers/markdown_writer.hpp"
#include "writers/output_file.hpp"
#include "writers/pgfplots_chart.hpp"
#include "writers/svg_chart.hpp"

namespace samrapport::writers {
namespace {

document::Document parse(const std::string& md, Diagnostics& diags) {
  document::DocumentMeta meta;
  meta.title = "T";
  meta.source_name = "report.md";
  return document::parse_document(md, meta, diags);
}

std::string fragment_of(const document::Document& doc) {
  HtmlOptions o;
  o.standalone = false;
  return write_html(doc, o);
}

TEST(HtmlSanitize, AllowListOfTagsAndAttributes) {
  EXPECT_EQ(sanitize_html("<b>fet</b> <i title=\"t\" onclick=\"x()\">k</i>"),
            "<b>fet</b> <i title=\"t\">k</i>");
  EXPECT_EQ(sanitize_html("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(sanitize_html("<iframe src=x></iframe>"), "&lt;iframe src=x&gt;&lt;/iframe&gt;");
  EXPECT_EQ(sanitize_html("<div style=\"background:url(x)\">a</div>"),
            "&lt;div style=\"background:url(x)\"&gt;a&lt;/div&gt;");
  EXPECT_EQ(sanitize_html("<span style=\"x\" class=\"c\" lang=\"en\">a</span>"),
            "<span lang=\"en\">a</span>");
  EXPECT_EQ(sanitize_html("<a href=\"javascript:alert(1)\">a</a>"), "<a>a</a>");
  EXPECT_EQ(sanitize_html("<a href=\"&#106;avascript:alert(1)\">a</a>"), "<a>a</a>");
  EXPECT_EQ(sanitize_html("<a href=\" JAVASCRIPT:x\">a</a>"), "<a>a</a>");
  EXPECT_EQ(sanitize_html("<a href='https://nivi.no/?a=1&amp;b=2' title='\"x'>a</a>"),
            "<a href=\"https://nivi.no/?a=1&amp;b=2\" title=\"&quot;x\">a</a>");
  EXPECT_EQ(sanitize_html("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;");
  EXPECT_EQ(sanitize_html("a<!-- x -->b &amp; & <br> <BR/>"), "ab &amp; &amp; <br> <br>");
  EXPECT_EQ(sanitize_html("<b><i>x</b>"), "<b><i>x&lt;/b&gt;</i></b>");  // closed in order
  EXPECT_EQ(sanitize_html("</b>x"), "&lt;/b&gt;x");
}

TEST(HtmlSanitize, EveryHtmlOutputOfADocument) {
  Diagnostics diags;
  const document::Document doc = parse(
      "# En\n\nTekst <script>alert(1)</script> <b onclick=\"x()\">fet</b> "
      "[lenke](javascript:alert(1)) <em>åpen\n\n<iframe src=\"https://x\"></iframe>\n",
      diags);
  ASSERT_FALSE(diags.has_errors());
  for (const std::string& html : {write_html(doc), fragment_of(doc)}) {
    EXPECT_EQ(html.find("<script"), std::string::npos) << html;
    EXPECT_EQ(html.find("<iframe"), std::string::npos) << html;
    EXPECT_EQ(html.find("onclick"), std::string::npos) << html;
    EXPECT_EQ(html.find("javascript:"), std::string::npos) << html;
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; <b>fet</b> lenke <em>åpen</em></p>"),
              std::string::npos)
        << html;
    EXPECT_NE(html.find("&lt;iframe src=\"https://x\"&gt;&lt;/iframe&gt;"), std::string::npos);
  }
  const std::string tex = write_latex(doc);
  EXPECT_EQ(tex.find("javascript"), std::string::npos);
}

TEST(LatexImage, OnlyCheckedPathsAreWritten) {
  Diagnostics diags;
  document::Document doc = parse(
      "# En\n\n```samrapport-figure\n{\"id\": \"fig:k\", \"caption\": \"K\", \"image\": "
      "\"figurer/kart.png\"}\n```\n",
      diags);
  ASSERT_FALSE(diags.has_errors());
  EXPECT_NE(write_latex(doc).find("keepaspectratio]{figurer/kart.png}"), std::string::npos);
  // A tree built by hand, without the reader's check: the path is printed as text.
  doc.figures.at(0).image = "\\input{/etc/passwd}";
  const std::string tex = write_latex(doc);
  EXPECT_EQ(tex.find("\\input{/etc/passwd}"), std::string::npos);
  EXPECT_NE(tex.find("\\fbox{\\textbackslash{}input\\{/etc/passwd\\}}"), std::string::npos);
}

TEST(LatexLinks, NoTexSequencesInUrls) {
  Diagnostics diags;
  const document::Document doc = parse("[a](https://x.no/^^5cinput{/etc/passwd}%#y)\n", diags);
  const std::string tex = write_latex(doc);
  EXPECT_NE(tex.find("\\href{https://x.no/\\%5E\\%5E5cinput\\{/etc/passwd\\}\\%\\#y}{a}"),
            std::string::npos)
      << tex;
}

// A document nested as deep as the reader allows goes through every writer.
TEST(Nesting, EveryWriterAtTheDepthLimit) {
  Diagnostics diags;
  const document::Document doc =
      parse(std::string(100000, '>') + " x\n\n" + std::string(20000, '[') + "\n", diags);
  ASSERT_TRUE(diags.has_errors());
  std::vector<OutputFile> files;
  EXPECT_FALSE(write_markdown(doc, files).empty());
  EXPECT_FALSE(write_html(doc).empty());
  EXPECT_FALSE(fragment_of(doc).empty());
  EXPECT_FALSE(write_latex(doc).empty());
}

// One long cell does not pad every other row to its width.
TEST(MarkdownTable, LongCellIsNotPadded) {
  std::string md = "| a | b |\n| --- | --- |\n| " + std::string(1 << 20, 'x') + " | 1 |\n";
  for (int i = 0; i < 2000; ++i) md += "| y | " + std::to_string(i) + " |\n";
  Diagnostics diags;
  const document::Document doc = parse(md, diags);
  std::vector<OutputFile> files;
  const std::string out = write_markdown(doc, files);
  EXPECT_LT(out.size(), 2 * md.size());  // padded: 2 GiB
  // Short columns are still padded.
  Diagnostics d2;
  const document::Document small = parse("| a | bbbb |\n| --- | --- |\n| ccc | d |\n", d2);
  EXPECT_NE(write_markdown(small, files).find("| ccc | d    |"), std::string::npos);
}

TEST(ChartLabels, LongCategoryNamesAreCutInChartsOnly) {
  Diagnostics diags;
  const std::string name(250, 'x');
  for (const char* kind : {"bar", "hbar"}) {
    const document::Document doc =
        parse(std::string("# En\n\n```samrapport-figure\n{\"id\": \"fig:s\", \"caption\": \"S\", "
                          "\"chart\": {\"kind\": \"") +
                  kind + "\", \"categories\": [\"Sektor " + name +
                  "\", \"kort\"], \"values\": [1, 2]}}\n```\n",
              diags);
    ASSERT_FALSE(diags.has_errors());
    const document::Figure& f = doc.figures.at(0);
    const std::string tex = write_pgfplots_chart(*f.chart, locale::Lang::nb);
    EXPECT_EQ(tex.find(std::string(60, 'x')), std::string::npos) << kind;
    EXPECT_NE(tex.find("\\dots{}"), std::string::npos) << kind;
    const std::string svg = chart_svg(doc, f, "svg-x");
    // The SVG's description and the HTML data table keep the full name.
    EXPECT_NE(svg.find(name), std::string::npos);
    EXPECT_NE(write_html(doc).find("<th scope=\"row\">Sektor " + name + "</th>"),
              std::string::npos);
  }
}

}  // namespace
}  // namespace samrapport::writers
