#include <gtest/gtest.h>

#include "parse_helpers.hpp"

namespace samrapport::document {
namespace {

using testing::figure_block;
using testing::messages;
using testing::parse;
using testing::table_block;

std::string tab(std::string_view id) {
  return table_block(R"({"id": ")" + std::string(id) +
                     R"(", "caption": "C", "columns": ["a"], "rows": [["x"]]})");
}
std::string fig(std::string_view id) {
  return figure_block(R"({"id": ")" + std::string(id) +
                      R"(", "caption": "F", "chart": {"categories": ["a"], "values": [1]}})");
}

TEST(Numbering, ChaptersSectionsAndUnnumbered) {
  Diagnostics diags;
  const Document doc = parse(
      "# Forord {.unnumbered}\n\n## Under forord\n\n# Innledning\n\n## Metode\n\n## Data\n\n"
      "### Dypere\n\n# Omfang\n\n## Etablering {-}\n\n## Nivå\n",
      diags);
  ASSERT_FALSE(diags.has_errors()) << messages(diags);
  std::vector<std::pair<std::string, std::string>> got;
  for (const OutlineEntry& e : doc.outline) got.emplace_back(e.number, plain_text(e.title));
  const std::vector<std::pair<std::string, std::string>> want = {
      {"", "Forord"},  {"", "Under forord"}, {"1", "Innledning"}, {"1.1", "Metode"},
      {"1.2", "Data"}, {"2", "Omfang"},      {"", "Etablering"},  {"2.1", "Nivå"}};
  EXPECT_EQ(got, want);
  // Level 3 is never numbered and not in the outline.
  EXPECT_EQ(doc.blocks[5].level, 3);
  EXPECT_EQ(doc.blocks[5].number, "");
  EXPECT_EQ(doc.blocks[5].anchor, "dypere");
}

TEST(Numbering, AnchorsAreUniqueAndExplicitIdsWin) {
  Diagnostics diags;
  const Document doc = parse(
      "# Forord {-}\n\n# Forord {-}\n\n# Innledning {#kap:innledning}\n\n## Metode\n\n"
      "# kap-2 {-}\n\n# To\n",
      diags);
  ASSERT_FALSE(diags.has_errors()) << messages(diags);
  std::vector<std::string> anchors;
  for (const OutlineEntry& e : doc.outline) anchors.push_back(e.anchor);
  const std::vector<std::string> want = {"forord",  "forord-2", "kap:innledning",
                                         "kap-1-1", "kap-2",    "kap-2-2"};
  EXPECT_EQ(anchors, want);
}

TEST(Numbering, TablesAndFiguresPerChapter) {
  Diagnostics diags;
  const Document doc =
      parse("# Forord {-}\n\n" + tab("tab:a") + fig("fig:a") + "\n# En\n\n" + tab("tab:b") +
                "\n## Seksjon\n\n" + tab("tab:c") + fig("fig:b") + "\n# To\n\n" + fig("fig:c") +
                tab("tab:d") + "\n# Vedlegg {-}\n\n" + tab("tab:e"),
            diags);
  ASSERT_FALSE(diags.has_errors()) << messages(diags);
  std::vector<std::string> tables;
  for (const Table& t : doc.tables) tables.push_back(t.id + "=" + t.number);
  EXPECT_EQ(tables, (std::vector<std::string>{"tab:a=1", "tab:b=1.1", "tab:c=1.2", "tab:d=2.1",
                                              "tab:e=2"}));
  std::vector<std::string> figures;
  for (const Figure& f : doc.figures) figures.push_back(f.id + "=" + f.number + "/" + f.file_stem);
  EXPECT_EQ(figures,
            (std::vector<std::string>{"fig:a=1/fig-1", "fig:b=1.1/fig-1-1", "fig:c=2.1/fig-2-1"}));
}

TEST(Numbering, PlainPipeTablesAreNotNumbered) {
  Diagnostics diags;
  const Document doc = parse("# En\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n" + tab("tab:x"), diags);
  ASSERT_FALSE(diags.has_errors()) << messages(diags);
  ASSERT_EQ(doc.tables.size(), 2u);
  EXPECT_EQ(doc.tables[0].number, "");
  EXPECT_EQ(doc.tables[0].columns[1].align, Align::right);
  EXPECT_EQ(doc.tables[1].number, "1.1");
}

TEST(Footnotes, NumberedByFirstReference) {
  Diagnostics diags;
  const Document doc = parse(
      "Først[^b], så[^a] og igjen[^b].\n\n[^a]: Fotnote a.\n[^b]: Fotnote b.\n[^c]: Ubrukt.\n",
      diags);
  ASSERT_FALSE(diags.has_errors()) << messages(diags);
  ASSERT_EQ(doc.footnotes.size(), 2u);
  EXPECT_EQ(plain_text(doc.footnotes[0].blocks[0].inlines), "Fotnote b.");
  EXPECT_EQ(plain_text(doc.footnotes[1].blocks[0].inlines), "Fotnote a.");
  std::vector<int> refs;
  for (const Inline& in : doc.blocks[0].inlines) {
    if (in.kind == InlineKind::footnote_ref) refs.push_back(in.index);
  }
  EXPECT_EQ(refs, (std::vector<int>{1, 2, 1}));
  // cmark-gfm drops definitions nobody refers to.
}

}  // namespace
}  // namespace samrapport::document
