// templates/lib/report.j2 through the real template engine: what the macros emit must be
// read back by parse_document as the tables, figures and references they declare.
#include <gtest/gtest.h>

#include "document/parse.hpp"
#include "document/text.hpp"
#include "jinja/environment.hpp"
#include "jinja/json.hpp"
#include "jinja/loader.hpp"

namespace samrapport::writers {
namespace {

std::string render(std::string_view source, const nlohmann::ordered_json& context = {},
                   bool trim = false) {
  jinja::Options options;
  // The report job renders with trim_blocks, lstrip_blocks and keep_trailing_newline.
  options.trim_blocks = trim;
  options.lstrip_blocks = trim;
  options.keep_trailing_newline = trim;
  jinja::Environment env(options);
  env.set_loader(std::make_shared<jinja::FileSystemLoader>(
      std::vector<std::filesystem::path>{SAMRAPPORT_TEMPLATE_DIR}));
  return env.render_string(
      source, jinja::from_json(context.is_null() ? nlohmann::ordered_json::object() : context));
}

document::Document parse(const std::string& md, Diagnostics& diags) {
  document::DocumentMeta meta;
  meta.source_name = "test.md";
  return document::parse_document(md, meta, diags);
}

TEST(MacroLibrary, TableFigureAndReferences) {
  const std::string md = render(
      "{%- from \"lib/report.j2\" import table, figure, ref, Ref, refnum -%}\n"
      "# Omfang\n\n"
      "{{ Ref(\"tab:p\") }} og {{ ref(\"fig:n\") }} (nr. {{ refnum(\"tab:p\") }}).\n"
      "{{ table(id=\"tab:p\", caption=\"Perioder <&> \\\"x\\\"\", source=\"NIVI\","
      " columns=[\"Periode\", {\"label\": \"Prosent\", \"kind\": \"number\", \"decimals\": 1}],"
      " rows=rows, sum=[none, 100]) }}\n"
      "{{ figure(id=\"fig:n\", caption=\"Nivå\", chart={\"kind\": \"bar\","
      " \"categories\": cats, \"values\": vals, \"unit\": \"%\", \"decimals\": 1}) }}\n",
      {{"rows",
        nlohmann::ordered_json::array({nlohmann::ordered_json::array({"Etter 2015", 30.55}),
                                       nlohmann::ordered_json::array({"Før 2000", 69.45})})},
       {"cats", {"2-3", "4-8"}},
       {"vals", {24.4, 75.6}}});
  Diagnostics diags;
  const document::Document doc = parse(md, diags);
  ASSERT_FALSE(diags.has_errors()) << md;
  ASSERT_EQ(doc.tables.size(), 1u) << md;
  const document::Table& t = doc.tables[0];
  EXPECT_EQ(t.number, "1.1");
  EXPECT_EQ(document::plain_text(t.caption), "Perioder <&> \"x\"");
  EXPECT_EQ(document::plain_text(t.source), "NIVI");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(document::plain_text(t.rows[0].cells[1]), "30,6");
  EXPECT_EQ(document::plain_text(t.rows[2].cells[0]), "Sum");
  EXPECT_EQ(document::plain_text(t.rows[2].cells[1]), "100,0");
  ASSERT_EQ(doc.figures.size(), 1u);
  EXPECT_EQ(doc.figures[0].number, "1.1");
  EXPECT_EQ(doc.figures[0].chart->categories.size(), 2u);
  EXPECT_EQ(document::plain_text(doc.blocks[1].inlines), "Tabell 1.1 og figur 1.1 (nr. 1.1).");
}

TEST(MacroLibrary, ReferenceWithLocationReportsIt) {
  const std::string md = render(
      "{%- from \"lib/report.j2\" import ref -%}Se {{ ref(\"tab:mangler\", at=\"kap3.md.j2:7\") "
      "}}.");
  Diagnostics diags;
  parse(md, diags);
  ASSERT_EQ(diags.error_count(), 1u) << md;
  EXPECT_EQ(format_diagnostic(diags.items()[0]),
            "kap3.md.j2:7: error: unknown reference 'tab:mangler': no table, figure or heading "
            "has this id");
}

TEST(MacroLibrary, TableInsideAParagraphStartsItsOwnBlock) {
  for (const bool trim : {false, true}) {
    const std::string md = render(
        "{%- from \"lib/report.j2\" import table, figure -%}Tekst før {{ table(id=\"tab:a\","
        " caption=\"C\", columns=[\"a\"], rows=[[\"x\"]]) }} og etter {{ figure(id=\"fig:a\","
        " caption=\"F\", chart={\"categories\": [\"a\"], \"values\": [1]}) }}.",
        {}, trim);
    Diagnostics diags;
    const document::Document doc = parse(md, diags);
    ASSERT_FALSE(diags.has_errors()) << md;
    ASSERT_EQ(doc.tables.size(), 1u) << md;
    EXPECT_EQ(doc.tables[0].number, "1");
    ASSERT_EQ(doc.figures.size(), 1u) << md;
  }
}

}  // namespace
}  // namespace samrapport::writers
