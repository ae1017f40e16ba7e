// Data with & % $ # _ { } ~ ^ \ < > " ' | and Norwegian letters must come out right in
// every format: escaped in HTML and SVG, printable in LaTeX, and in Markdown the tables
// must stay tables with the same cells (checked by parsing our Markdown again).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "document/text.hpp"
#include "fixture.hpp"
#include "writers/html_writer.hpp"
#include "writers/latex_escape.hpp"
#include "writers/latex_writer.hpp"
#include "writers/markdown_writer.hpp"
#include "writers/xml_escape.hpp"

namespace samrapport::writers {
namespace {

using document::plain_text;
using testing::parse_md;

const std::vector<std::string> kNasty = {
    "A & B | C",
    "100 % {sikker}",
    "~tilde^hatt\\skrå $5 #1 under_strek",
    "<b>ikke fet</b> \"sitat\" 'enkel'",
    "Ærlig Øl på Åsen, æ ø å",
    "*ikke kursiv* _heller ikke_ `ikke kode` [ikke lenke](x)",
    "# ikke overskrift",
    "1. ikke liste",
    "- ikke punkt",
    "{ref:tab:ikke-referanse}",
    "&amp; er ikke en entitet",
    "a--b ,,c'' <<d>> `e`",
    "linje\\",
};

std::string nasty_document() {
  nlohmann::json rows = nlohmann::json::array();
  for (std::string s : kNasty) {
    // In declaration text a backslash keeps a marker literal.
    if (s.rfind("{ref:", 0) == 0) s = "\\" + s;
    rows.push_back({s, s});
  }
  nlohmann::json table = {{"id", "tab:nasty"},
                          {"caption", "Tegn: & % $ # _ { } ~ ^ \\ < > \" ' | ÆØÅ"},
                          {"source", "Kilde <med> & \"tegn\""},
                          {"columns", {"Tekst", {{"label", "Kopi"}, {"kind", "text"}}}},
                          {"rows", rows}};
  nlohmann::json figure = {{"id", "fig:nasty"},
                           {"caption", "Figur med <tegn> & \"sitat\""},
                           {"chart",
                            {{"kind", "bar"},
                             {"categories", {"A & B", "<C>", "\"D\" 'E'", "Ø_1 {x} ~^\\"}},
                             {"values", {1, 2, 3, 4}},
                             {"name", "Serie & <navn>"}}}};
  return "# Kapittel & \\<tegn>\n\n```samrapport-table\n" + table.dump() +
         "\n```\n\n```samrapport-figure\n" + figure.dump() + "\n```\n";
}

TEST(Escaping, MarkdownTablesStayTablesWithTheSameCells) {
  Diagnostics diags;
  const document::Document doc = parse_md(nasty_document(), diags);
  ASSERT_FALSE(diags.has_errors());
  std::vector<OutputFile> files;
  const std::string md = write_markdown(doc, files);

  // Our Markdown, read again (as a plain GFM document: the caption is a text line and
  // the table a pipe table).
  Diagnostics again;
  const document::Document back = parse_md(md, again);
  ASSERT_FALSE(again.has_errors()) << md;
  const document::Table* pipe = nullptr;
  for (const auto& t : back.tables) pipe = &t;
  ASSERT_NE(pipe, nullptr) << md;
  ASSERT_EQ(pipe->columns.size(), 2u) << md;
  ASSERT_EQ(pipe->rows.size(), kNasty.size()) << md;
  for (std::size_t i = 0; i < kNasty.size(); ++i) {
    EXPECT_EQ(plain_text(pipe->rows[i].cells[0]), kNasty[i]) << md;
    EXPECT_EQ(plain_text(pipe->rows[i].cells[1]), kNasty[i]) << md;
  }
  // No cross-reference was made out of the escaped marker.
  EXPECT_TRUE(back.cross_refs.empty());
  // The heading and the caption line survive as text.
  EXPECT_NE(md.find("## 1 Kapittel & \\<tegn>"), std::string::npos) << md;
  bool caption_found = false;
  for (const auto& b : back.blocks) {
    if (b.kind == document::BlockKind::paragraph &&
        plain_text(b.inlines) == "Tabell 1.1 Tegn: & % $ # _ { } ~ ^ \\ < > \" ' | ÆØÅ") {
      caption_found = true;
    }
  }
  EXPECT_TRUE(caption_found) << md;
}

TEST(Escaping, MarkdownParagraphTextRoundTrips) {
  for (const std::string& s : kNasty) {
    Diagnostics diags;
    document::Document doc;
    document::Block p = document::make_block(document::BlockKind::paragraph);
    p.inlines = document::text_inlines(s);
    doc.blocks.push_back(p);
    std::vector<OutputFile> files;
    MarkdownOptions options;
    options.title_block = false;
    const std::string md = write_markdown(doc, files, options);
    const document::Document back = parse_md(md, diags);
    ASSERT_EQ(back.blocks.size(), 1u) << s << " -> " << md;
    EXPECT_EQ(back.blocks[0].kind, document::BlockKind::paragraph) << md;
    EXPECT_EQ(plain_text(back.blocks[0].inlines), s) << md;
  }
}

TEST(Escaping, HtmlEscapesEverywhere) {
  Diagnostics diags;
  const document::Document doc = parse_md(nasty_document(), diags);
  ASSERT_FALSE(diags.has_errors());
  const std::string html = write_html(doc);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("<C>"), std::string::npos);
  EXPECT_EQ(html.find("<tegn>"), std::string::npos);
  EXPECT_EQ(html.find("<navn>"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;ikke fet&lt;/b&gt; &quot;sitat&quot; &#39;enkel&#39;"),
            std::string::npos);
  EXPECT_NE(html.find("A &amp; B | C"), std::string::npos);
  EXPECT_NE(html.find("&amp;amp; er ikke en entitet"), std::string::npos);
  EXPECT_NE(html.find("Kilde: Kilde &lt;med&gt; &amp; &quot;tegn&quot;"), std::string::npos);
  EXPECT_NE(html.find("Ærlig Øl på Åsen"), std::string::npos);
  // In the SVG: title, description and axis labels.
  EXPECT_NE(html.find("<title id=\"svg-fig-1-1-title\">Figur 1.1 Figur med &lt;tegn&gt; &amp; "
                      "&quot;sitat&quot;</title>"),
            std::string::npos);
  EXPECT_NE(html.find(">&lt;C&gt;</text>"), std::string::npos);
  EXPECT_NE(html.find(">Ø_1 {x} ~^\\</text>"), std::string::npos);
}

TEST(Escaping, XmlEscape) {
  EXPECT_EQ(xml_escape("a & b < c > d \" e ' f"), "a &amp; b &lt; c &gt; d &quot; e &#39; f");
  EXPECT_EQ(xml_escape("æøå ÆØÅ"), "æøå ÆØÅ");
}

TEST(Escaping, LatexEscapeEveryCharacter) {
  EXPECT_EQ(latex_escape("& % $ # _ { } ~ ^ \\"),
            "\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} "
            "\\textbackslash{}");
  EXPECT_EQ(latex_escape("< > \" ' | `"),
            "\\textless{} \\textgreater{} \\textquotedbl{} \\textquotesingle{} \\textbar{} "
            "\\textasciigrave{}");
  EXPECT_EQ(latex_escape("Æ Ø Å æ ø å é"), "Æ Ø Å æ ø å é");
  EXPECT_EQ(latex_escape("a--b ,,c"), "a-{}-b ,{},c");
  EXPECT_EQ(latex_escape("2\u00a0412 \u2265 5 \u2212 1 \u00d7 2 \u2026"),
            "2~412 \\ensuremath{\\geq} 5 \\textminus{} 1 \\texttimes{} 2 \\dots{}");
  EXPECT_EQ(latex_escape("linje\nto"), "linje to");
}

TEST(Escaping, LatexDocumentHasNoRawSpecials) {
  Diagnostics diags;
  const document::Document doc = parse_md(nasty_document(), diags);
  ASSERT_FALSE(diags.has_errors());
  const std::string tex = write_latex(doc);
  EXPECT_NE(tex.find("A \\& B \\textbar{} C & A \\& B \\textbar{} C \\\\"), std::string::npos);
  EXPECT_NE(tex.find("\\textless{}b\\textgreater{}ikke fet\\textless{}/b\\textgreater{} "
                     "\\textquotedbl{}sitat\\textquotedbl{} \\textquotesingle{}enkel"
                     "\\textquotesingle{}"),
            std::string::npos);
  EXPECT_NE(tex.find("\\chapter{Kapittel \\& \\textless{}tegn\\textgreater{}}"), std::string::npos);
  EXPECT_NE(tex.find("{\\textquotedbl{}D\\textquotedbl{} \\textquotesingle{}E\\textquotesingle{}}"),
            std::string::npos);
}

}  // namespace
}  // namespace samrapport::writers
