// Values print exactly as written: a value through the report's template filters (the
// Markdown escaper of *.md.j2 templates) into the document layer and every writer comes
// out as the same text, neither read as a cross-reference, a heading attribute, a code
// block nor an autolink.
#include <gtest/gtest.h>

#include "document/parse.hpp"
#include "document/text.hpp"
#include "jinja/environment.hpp"
#include "jinja/json.hpp"
#include "jinja/loader.hpp"
#include "report_filters/escapers.hpp"
#include "report_filters/report_filters.hpp"
#include "writers/html_writer.hpp"
#include "writers/latex_writer.hpp"
#include "writers/markdown_writer.hpp"

namespace samrapport::writers {
namespace {

// Renders `source` as the report job does (*.md.j2 escaped for the document, the macro
// library with the Markdown syntax escaper).
std::string render(std::string_view source, const nlohmann::ordered_json& context) {
  jinja::Options options;
  options.trim_blocks = true;
  options.lstrip_blocks = true;
  options.keep_trailing_newline = true;
  options.autoescape = [](std::string_view name) {
    jinja::EscaperPtr e = report_filters::autoescape_for(name);
    return e ? e : report_filters::markdown_escaper();
  };
  jinja::Environment env(options);
  report_filters::register_report_filters(env, locale::Lang::nb);
  env.set_loader(std::make_shared<jinja::FileSystemLoader>(
      std::vector<std::filesystem::path>{SAMRAPPORT_TEMPLATE_DIR}));
  return env.from_string(std::string(source), "report/test.md.j2")
      ->render(jinja::from_json(context));
}

struct Built {
  document::Document doc;
  std::string md, html, fragment, tex;
  std::string diagnostics;
};

Built build(std::string_view source, const nlohmann::ordered_json& context) {
  Built b;
  const std::string markdown = render(source, context);
  Diagnostics diags;
  document::DocumentMeta meta;
  meta.source_name = "report.md";
  b.doc = document::parse_document(markdown, meta, diags);
  for (const auto& d : diags.items()) b.diagnostics += format_diagnostic(d) + "\n";
  std::vector<OutputFile> files;
  b.md = write_markdown(b.doc, files);
  b.html = write_html(b.doc);
  HtmlOptions fragment;
  fragment.standalone = false;
  b.fragment = write_html(b.doc, fragment);
  b.tex = write_latex(b.doc);
  b.diagnostics += "\nMarkdown:\n" + markdown;
  return b;
}

// The Markdown output read back gives the same text again.
std::string reread(const std::string& md) {
  Diagnostics diags;
  document::DocumentMeta meta;
  const document::Document doc = document::parse_document(md, meta, diags);
  std::string out;
  for (const auto& b : doc.blocks) out += document::plain_text(b.inlines) + "|";
  return out;
}

const char* kTemplate =
    "{%- from \"lib/report.j2\" import table, ref -%}\n"
    "# Kapittel\n\n"
    "{{ table(id=\"tab:oppgaver\", caption=\"Oppgaver\", columns=[\"a\"], rows=[[\"x\"]]) }}\n"
    "Se {{ ref(\"tab:oppgaver\") }}. Navn: {{ name }}.\n\n"
    "## {{ region }}\n\n"
    "Svar: {{ answer }}\n";

TEST(VerbatimValues, MarkersAttributesIndentationAndUrls) {
  const nlohmann::ordered_json context = {
      {"name", "Ordning {ref:tab:oppgaver} og {ref:ukjent} og {Ref:x} {refnum:y}"},
      {"region", "Hallingdal {-}"},
      {"answer",
       "første linje\n\n    innrykket linje\nse \"https://nivi.no/svar\" og www.nivi.no, "
       "post@nivi.no og ola_n@x.no"}};
  const Built b = build(kTemplate, context);
  ASSERT_TRUE(b.diagnostics.find("error") == std::string::npos) << b.diagnostics;
  ASSERT_EQ(b.doc.blocks.size(), 6u) << b.diagnostics;
  // The template's own reference still works; the value's markers are text.
  EXPECT_EQ(document::plain_text(b.doc.blocks[2].inlines),
            "Se tabell 1.1. Navn: Ordning {ref:tab:oppgaver} og {ref:ukjent} og {Ref:x} "
            "{refnum:y}.");
  // The heading keeps its number and its text.
  EXPECT_EQ(b.doc.blocks[3].kind, document::BlockKind::heading);
  EXPECT_EQ(b.doc.blocks[3].number, "1.1");
  EXPECT_EQ(document::plain_text(b.doc.blocks[3].inlines), "Hallingdal {-}");
  // The indented line is a paragraph, not code; the URL is text, not a link.
  EXPECT_EQ(b.doc.blocks[5].kind, document::BlockKind::paragraph);
  EXPECT_EQ(document::plain_text(b.doc.blocks[5].inlines),
            "    innrykket linje se \"https://nivi.no/svar\" og www.nivi.no, post@nivi.no og "
            "ola_n@x.no");
  for (const auto& in : b.doc.blocks[5].inlines) {
    EXPECT_NE(in.kind, document::InlineKind::link);
  }
  for (const std::string* out : {&b.html, &b.fragment}) {
    EXPECT_NE(out->find("Ordning {ref:tab:oppgaver} og {ref:ukjent}"), std::string::npos);
    EXPECT_NE(out->find("Hallingdal {-}</h3>"), std::string::npos) << *out;
    EXPECT_EQ(out->find("<pre>"), std::string::npos);
    EXPECT_EQ(out->find("href=\"https://nivi.no/svar"), std::string::npos);
    EXPECT_EQ(out->find("href=\"http://www.nivi.no"), std::string::npos);
    EXPECT_EQ(out->find("mailto:"), std::string::npos);
  }
  EXPECT_NE(b.tex.find("Ordning \\{ref:tab:oppgaver\\} og \\{ref:ukjent\\}"), std::string::npos);
  EXPECT_NE(b.tex.find("Hallingdal \\{-\\}"), std::string::npos);
  EXPECT_EQ(b.tex.find("\\href{https://nivi.no/svar"), std::string::npos);
  EXPECT_EQ(b.tex.find("verbatim"), std::string::npos);
  // rapport.md reads back as the same text, the heading with its number.
  const std::string again = reread(b.md);
  EXPECT_NE(again.find("Ordning {ref:tab:oppgaver} og {ref:ukjent} og {Ref:x} {refnum:y}"),
            std::string::npos)
      << b.md;
  EXPECT_NE(again.find("1.1 Hallingdal {-}|"), std::string::npos) << b.md;
  EXPECT_NE(again.find("se \"https://nivi.no/svar\" og www.nivi.no, post@nivi.no og ola_n@x.no"),
            std::string::npos)
      << b.md;
  EXPECT_EQ(b.md.find("\n    innrykket"), std::string::npos) << b.md;
}

// Table and figure texts are JSON data (tojson): a value's markers are text there too,
// while a caption built with ref() keeps its reference.
TEST(VerbatimValues, InTablesAndFigures) {
  const nlohmann::ordered_json context = {{"name", "Ordning {ref:tab:a} og \\{ref:x}"}};
  const Built b = build(
      "{%- from \"lib/report.j2\" import table, figure, ref -%}\n"
      "# Kapittel\n\n"
      "{{ table(id=\"tab:a\", caption=\"Se \" ~ ref(\"fig:a\"), "
      "columns=[name], rows=[[name]], source=name) }}\n"
      "{{ figure(id=\"fig:a\", caption=name, chart={\"categories\": [name], \"values\": [1]}) }}\n",
      context);
  ASSERT_TRUE(b.diagnostics.find("error") == std::string::npos) << b.diagnostics;
  ASSERT_EQ(b.doc.tables.size(), 1u) << b.diagnostics;
  const std::string name = "Ordning {ref:tab:a} og \\{ref:x}";
  const document::Table& t = b.doc.tables[0];
  EXPECT_EQ(document::plain_text(t.caption), "Se figur 1.1");
  EXPECT_EQ(document::plain_text(t.columns.at(0).label), name);
  EXPECT_EQ(document::plain_text(t.rows.at(0).cells.at(0)), name);
  EXPECT_EQ(document::plain_text(t.source), name);
  EXPECT_EQ(document::plain_text(b.doc.figures.at(0).caption), name);
  EXPECT_EQ(b.doc.cross_refs.size(), 1u);
  EXPECT_NE(b.html.find("<th scope=\"row\">Ordning {ref:tab:a} og \\{ref:x}</th>"),
            std::string::npos);
}

}  // namespace
}  // namespace samrapport::writers
