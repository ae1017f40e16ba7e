#include <gtest/gtest.h>

#include "parse_helpers.hpp"

namespace samrapport::document {
namespace {

using testing::figure_block;
using testing::messages;
using testing::parse;
using testing::table_block;

const std::string kTable = table_block(
    R"({"id": "tab:oppgaver", "caption": "Oppgaver", "columns": ["a"], "rows": [["x"]]})");
const std::string kFigure = figure_block(
    R"({"id": "fig:nivaa", "caption": "Nivå", "chart": {"categories": ["a"], "values": [1]}})");

// The cross_ref inlines of the first paragraph, as "text->anchor".
std::vector<std::string> refs_in(const Block& paragraph) {
  std::vector<std::string> out;
  for (const Inline& in : paragraph.inlines) {
    if (in.kind == InlineKind::cross_ref) out.push_back(in.text + "->" + in.url);
  }
  return out;
}

TEST(CrossRefs, ResolveForwardAndBackwardInEveryStyle) {
  Diagnostics diags;
  const Document doc =
      parse("# En\n\n" + kFigure + "\n# To\n\n## Del {#sec:del}\n\n" + kTable +
                "\nSe {ref:tab:oppgaver}, {Ref:fig:nivaa}, nr. {refnum:tab:oppgaver} og "
                "{ref:sec:del}.\n",
            diags);
  ASSERT_FALSE(diags.has_errors()) << messages(diags);
  const Block& p = doc.blocks.back();
  EXPECT_EQ(refs_in(p),
            (std::vector<std::string>{"tabell 2.1->tab:oppgaver", "Figur 1.1->fig:nivaa",
                                      "2.1->tab:oppgaver", "avsnitt 2.1->sec:del"}));
  EXPECT_EQ(plain_text(p.inlines), "Se tabell 2.1, Figur 1.1, nr. 2.1 og avsnitt 2.1.");
}

TEST(CrossRefs, ForwardReferenceBeforeTheTable) {
  Diagnostics diags;
  const Document doc = parse("# En\n\nJf. {ref:tab:oppgaver}.\n\n" + kTable, diags);
  ASSERT_FALSE(diags.has_errors()) << messages(diags);
  EXPECT_EQ(plain_text(doc.blocks[1].inlines), "Jf. tabell 1.1.");
}

TEST(CrossRefs, LabelsFollowTheLanguage) {
  Diagnostics diags;
  const Document en =
      parse("# One {#kap:one}\n\n" + kTable + "\nSee {ref:tab:oppgaver} in {ref:kap:one}.\n", diags,
            "en");
  ASSERT_FALSE(diags.has_errors()) << messages(diags);
  EXPECT_EQ(plain_text(en.blocks.back().inlines), "See table 1.1 in chapter 1.");
}

TEST(CrossRefs, ChapterReferenceAndUnnumberedHeadingTitle) {
  Diagnostics diags;
  const Document doc = parse(
      "# Forord {- #forord}\n\n# Metode {#kap:metode}\n\nSe {ref:kap:metode} og {ref:forord}.\n",
      diags);
  ASSERT_FALSE(diags.has_errors()) << messages(diags);
  EXPECT_EQ(plain_text(doc.blocks.back().inlines), "Se kapittel 1 og Forord.");
}

TEST(CrossRefs, UnknownReferenceIsAnErrorAtTheMarkdownPosition) {
  Diagnostics diags;
  parse("# En\n\nLinje to\nog her {ref:tab:finnes-ikke} mangler.\n", diags);
  ASSERT_EQ(diags.error_count(), 1u);
  EXPECT_EQ(messages(diags),
            "report.md:4:8: error: unknown reference 'tab:finnes-ikke': no table, figure or "
            "heading has this id\n");
}

TEST(CrossRefs, UnknownReferenceNamesTheTemplateWhenTheMarkerCarriesIt) {
  Diagnostics diags;
  parse("Se {ref:tab:x;report/kap3.md.j2:42}.\n", diags);
  ASSERT_EQ(diags.error_count(), 1u);
  EXPECT_EQ(diags.items()[0].pos.file, "report/kap3.md.j2");
  EXPECT_EQ(diags.items()[0].pos.line, 42);
  EXPECT_NE(diags.items()[0].message.find("'tab:x'"), std::string::npos);
}

TEST(CrossRefs, LineLocatorMapsMarkdownLinesToTemplates) {
  Diagnostics diags;
  DocumentMeta meta;
  const LineLocator locate = [](int line) -> std::optional<SourcePos> {
    return SourcePos{"kap2.md.j2", line + 100, 1};
  };
  parse_document("A\n\nB {ref:nope}\n", meta, diags, locate);
  ASSERT_EQ(diags.error_count(), 1u);
  EXPECT_EQ(diags.items()[0].pos.file, "kap2.md.j2");
  EXPECT_EQ(diags.items()[0].pos.line, 103);
}

TEST(CrossRefs, UnknownReferenceInsideATableDeclaration) {
  Diagnostics diags;
  parse("# En\n\n" +
            table_block(R"({"id": "tab:a", "caption": "Se {ref:fig:mangler}", "columns": ["a"],)"
                        R"( "rows": [["{ref:tab:a}"]]})"),
        diags);
  ASSERT_EQ(diags.error_count(), 1u);
  EXPECT_EQ(diags.items()[0].pos.line, 4);  // the JSON line
  EXPECT_NE(diags.items()[0].message.find("'fig:mangler'"), std::string::npos);
}

TEST(CrossRefs, DuplicateIdsAreErrors) {
  Diagnostics diags;
  parse("# En {#tab:oppgaver}\n\n" + kTable + "\n" + kTable, diags);
  ASSERT_EQ(diags.error_count(), 2u) << messages(diags);
  EXPECT_EQ(messages(diags),
            "report.md:4:1: error: duplicate id 'tab:oppgaver' (table); it is already used at "
            "report.md:1\n"
            "report.md:8:1: error: duplicate id 'tab:oppgaver' (table); it is already used at "
            "report.md:1\n");
}

TEST(CrossRefs, MalformedMarkerIsAnError) {
  Diagnostics diags;
  parse("Se {ref:Tab X}.\n", diags);
  ASSERT_EQ(diags.error_count(), 1u);
  EXPECT_NE(diags.items()[0].message.find("malformed cross-reference '{ref:Tab X}'"),
            std::string::npos);
}

TEST(CrossRefs, MarkersInCodeAreLeftAlone) {
  Diagnostics diags;
  const Document doc = parse("Skriv `{ref:tab:x}` i malen.\n\n```\n{ref:tab:y}\n```\n", diags);
  EXPECT_FALSE(diags.has_errors()) << messages(diags);
  EXPECT_EQ(plain_text(doc.blocks[0].inlines), "Skriv {ref:tab:x} i malen.");
  EXPECT_EQ(doc.blocks[1].literal, "{ref:tab:y}\n");
}

TEST(CrossRefs, EscapedMarkersAreText) {
  Diagnostics diags;
  const Document doc =
      parse("Skriv \\{ref:tab:x} eller &#123;ref:tab:y} for en referanse.\n\n" +
                table_block(R"({"id": "tab:a", "caption": "Se \\{ref:tab:z}", "columns": ["a"],)"
                            R"( "rows": [["x"]]})"),
            diags);
  EXPECT_FALSE(diags.has_errors()) << messages(diags);
  EXPECT_TRUE(doc.cross_refs.empty());
  EXPECT_EQ(plain_text(doc.blocks[0].inlines),
            "Skriv {ref:tab:x} eller {ref:tab:y} for en referanse.");
  EXPECT_EQ(plain_text(doc.tables[0].caption), "Se {ref:tab:z}");
}

TEST(CrossRefs, EscapedAndRealMarkerOnOneLine) {
  Diagnostics diags;
  const Document doc =
      parse("# En\n\n" + kTable + "\n\\{ref:tab:oppgaver} er {ref:tab:oppgaver}.\n", diags);
  EXPECT_FALSE(diags.has_errors()) << messages(diags);
  EXPECT_EQ(plain_text(doc.blocks.back().inlines), "{ref:tab:oppgaver} er tabell 1.1.");
}

TEST(CrossRefs, OtherBracesAreText) {
  Diagnostics diags;
  const Document doc = parse("Mengden {a, b} og {referanse} står.\n", diags);
  EXPECT_FALSE(diags.has_errors()) << messages(diags);
  EXPECT_EQ(plain_text(doc.blocks[0].inlines), "Mengden {a, b} og {referanse} står.");
}

}  // namespace
}  // namespace samrapport::document
