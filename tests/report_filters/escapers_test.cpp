#include "report_filters/escapers.hpp"

#include <gtest/gtest.h>

#include "jinja/environment.hpp"
#include "jinja/json.hpp"

namespace jinja = samrapport::jinja;
namespace rf = samrapport::report_filters;

namespace {

std::string latex(std::string_view s) {
  std::string out;
  rf::escape_latex(s, out);
  return out;
}

std::string md(std::string_view s) {
  std::string out;
  rf::escape_markdown(s, out);
  return out;
}

std::string render(const std::string& name, const std::string& src, const char* json) {
  jinja::Options o;
  o.autoescape = rf::autoescape_for_format();
  jinja::Environment env(o);
  return env.from_string(src, name)->render(jinja::from_json(nlohmann::ordered_json::parse(json)));
}

}  // namespace

TEST(Escapers, LatexEscapesAllTenSpecialCharacters) {
  EXPECT_EQ(latex("& % $ # _ { } ~ ^ \\"),
            "\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}");
  EXPECT_EQ(latex("Øvre Eiker (2021): 93,1"), "Øvre Eiker (2021): 93,1");
}

TEST(Escapers, MarkdownInlineMarkup) {
  EXPECT_EQ(md("a|b"), "a\\|b");
  EXPECT_EQ(md("*fet* _kursiv_ `kode`"), "\\*fet\\* \\_kursiv\\_ \\`kode\\`");
  EXPECT_EQ(md("[lenke](x) <b> ~~s~~ \\"), "\\[lenke\\](x) \\<b\\> \\~\\~s\\~\\~ \\\\");
  EXPECT_EQ(md("AT&T"), "AT\\&T");
  EXPECT_EQ(md("Nore og Uvdal"), "Nore og Uvdal");
}

TEST(Escapers, MarkdownBlockMarkersAtLineStart) {
  EXPECT_EQ(md("# ikke overskrift"), "\\# ikke overskrift");
  EXPECT_EQ(md("- ikke liste"), "\\- ikke liste");
  EXPECT_EQ(md("+ ikke liste"), "\\+ ikke liste");
  EXPECT_EQ(md("> ikke sitat"), "\\> ikke sitat");
  EXPECT_EQ(md("1. ikke nummerert"), "1\\. ikke nummerert");
  EXPECT_EQ(md("2021) tekst"), "2021\\) tekst");
  EXPECT_EQ(md("==="), "\\===");
  EXPECT_EQ(md("a\n  # b\n3. c"), "a\n&#32;&#32;\\# b\n3\\. c");
  // not at a line start: left alone
  EXPECT_EQ(md("Øst-Telemark #1 3.5 a+b"), "Øst-Telemark #1 3.5 a+b");
}

TEST(Escapers, ChosenByTemplateName) {
  EXPECT_EQ(rf::autoescape_for("report/kap3.md.j2")->name, "markdown");
  EXPECT_EQ(rf::autoescape_for("site/page.html.j2")->name, "html");
  EXPECT_EQ(rf::autoescape_for("rapport.tex.j2")->name, "latex");
  EXPECT_EQ(rf::autoescape_for("felles.j2"), nullptr);
  const char* ctx = R"({"s": "50 % & <b>|x|</b> #1", "n": 3.5})";
  EXPECT_EQ(render("t.html.j2", "{{ s }} {{ s|safe }}", ctx),
            "50 % &amp; &lt;b&gt;|x|&lt;/b&gt; #1 50 % & <b>|x|</b> #1");
  EXPECT_EQ(render("t.tex.j2", "{{ s }} {{ n }}", ctx), "50 \\% \\& <b>|x|</b> \\#1 3.5");
  EXPECT_EQ(render("t.md.j2", "| {{ s }} | {{ '*'|safe }} |", ctx),
            "| 50 % \\& \\<b\\>\\|x\\|\\</b\\> #1 | * |");
  EXPECT_EQ(render("t.md.j2", "{{ s|e }}", ctx), "50 % \\& \\<b\\>\\|x\\|\\</b\\> #1");
  EXPECT_EQ(render("felles.j2", "{{ s }}", ctx), "50 % & <b>|x|</b> #1");
}

TEST(Escapers, MacroOutputIsNotEscapedTwice) {
  const char* ctx = R"({"s": "a_b"})";
  EXPECT_EQ(render("t.md.j2", "{% macro m(x) %}*{{ x }}*{% endmacro %}{{ m(s) }}", ctx), "*a\\_b*");
}

TEST(Escapers, MarkdownForTheDocumentLayer) {
  // Cross-reference markers and heading attributes: the brace is escaped.
  EXPECT_EQ(md("Ordning {ref:tab:oppgaver}"), "Ordning \\{ref:tab:oppgaver}");
  EXPECT_EQ(md("Hallingdal {-}"), "Hallingdal \\{-}");
  EXPECT_EQ(md("{Ref:x} {refnum:y} {#id}"), "\\{Ref:x} \\{refnum:y} \\{#id}");
  // Indentation of every line: character references, no code block.
  EXPECT_EQ(md("svar\n    kode?\n\tfane"), "svar\n&#32;&#32;&#32;&#32;kode?\n&#9;fane");
  // At the start of the value: up to three spaces stay (text after template text).
  EXPECT_EQ(md(" og"), " og");
  EXPECT_EQ(md("    kode"), "&#32;&#32;&#32;&#32;kode");
  EXPECT_EQ(md(" \tx"), "&#32;&#9;x");
  // Autolinks (GFM): the scheme's colon, the dot after www.
  EXPECT_EQ(md("\"https://nivi.no/x\""), "\"https\\://nivi.no/x\"");
  EXPECT_EQ(md("se www.nivi.no"), "se www\\.nivi.no");
  EXPECT_EQ(md("awww.x"), "awww.x");
  EXPECT_EQ(md("ola_n@nivi.no"), "ola\\_n\\@nivi.no");
  // The syntax-only escaper (macro libraries) leaves braces alone.
  std::string syntax;
  rf::escape_markdown_syntax("{ref:a} *b*", syntax);
  EXPECT_EQ(syntax, "{ref:a} \\*b\\*");
}

TEST(Escapers, MdTemplatesGetTheDocumentEscaper) {
  EXPECT_EQ(render("t.md.j2", "{{ x }}", R"({"x": "{ref:a}"})"), "\\{ref:a}");
  EXPECT_EQ(rf::autoescape_for("report/kap3.md.j2"), rf::document_markdown_escaper());
}
