// The YAML layer: the tree built from yaml-cpp events, positions in characters, and the
// problems parse_yaml() refuses.
#include <gtest/gtest.h>

#include <string>

#include "common/diagnostics.hpp"
#include "content/yaml_tree.hpp"

namespace samrapport::content::yaml {
namespace {

struct Parsed {
  std::optional<Document> doc;
  Diagnostics diags;
  [[nodiscard]] std::string first_message() const {
    return diags.items().empty() ? std::string() : format_diagnostic(diags.items()[0]);
  }
};

Parsed parse(std::string_view text) {
  Parsed p;
  p.doc = parse_yaml(text, "f.yaml", p.diags);
  return p;
}

TEST(YamlTree, BuildsMappingsSequencesAndScalars) {
  const Parsed p = parse("a: [1, 'two', \"three\"]\nb: { c: ~, d: }\ne: |\n  line\n");
  ASSERT_TRUE(p.doc);
  EXPECT_FALSE(p.diags.has_errors());
  const NodeRef root = p.doc->root();
  ASSERT_TRUE(root.is_mapping());
  EXPECT_EQ(root.size(), 3u);
  const NodeRef a = root.find("a");
  ASSERT_TRUE(a.is_sequence());
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a.item(0).scalar(), "1");
  EXPECT_TRUE(a.item(0).plain());
  EXPECT_EQ(a.item(1).scalar(), "two");
  EXPECT_FALSE(a.item(1).plain());
  EXPECT_FALSE(a.item(2).plain());
  const NodeRef b = root.find("b");
  EXPECT_TRUE(b.find("c").is_null());
  EXPECT_TRUE(b.find("d").is_null());
  EXPECT_FALSE(b.find("x").present());
  EXPECT_EQ(root.find("e").scalar(), "line\n");
  EXPECT_FALSE(root.find("e").plain());
}

TEST(YamlTree, PositionsAreOneBasedCharacterColumns) {
  const Parsed p = parse("a: [\xC3\x85l, Fl\xC3\xA5, x]\nb:\n  - y\n");
  ASSERT_TRUE(p.doc);
  const NodeRef a = p.doc->root().find("a");
  EXPECT_EQ(a.pos().line, 1);
  EXPECT_EQ(a.pos().column, 4);
  EXPECT_EQ(a.item(0).pos().column, 5);
  EXPECT_EQ(a.item(1).pos().column, 9);   // after "Ål, " (Å is one character)
  EXPECT_EQ(a.item(2).pos().column, 14);  // after "Flå, "
  const NodeRef y = p.doc->root().find("b").item(0);
  EXPECT_EQ(y.pos().line, 3);
  EXPECT_EQ(y.pos().column, 5);
  EXPECT_EQ(y.pos().file, "f.yaml");
}

TEST(YamlTree, EmptyValueIsPlacedAtItsKey) {
  const Parsed p = parse("a:\nb: 1\n");
  const NodeRef a = p.doc->root().find("a");
  EXPECT_TRUE(a.is_null());
  EXPECT_EQ(a.pos().line, 1);
  EXPECT_EQ(a.pos().column, 1);
}

TEST(YamlTree, ByteOrderMarkIsSkipped) {
  const Parsed p = parse("\xEF\xBB\xBFname: \xC3\x85l\n");
  ASSERT_TRUE(p.doc);
  EXPECT_EQ(p.doc->root().find("name").scalar(), "\xC3\x85l");
}

TEST(YamlTree, EmptyDocumentHasNoRoot) {
  const Parsed p = parse("# nothing but a comment\n");
  ASSERT_TRUE(p.doc);
  EXPECT_FALSE(p.doc->root().present());
  EXPECT_FALSE(p.diags.has_errors());
}

TEST(YamlTree, AliasesShareTheAnchoredNode) {
  const Parsed p = parse("a: &x [1, 2]\nb: *x\n");
  ASSERT_TRUE(p.doc);
  const NodeRef b = p.doc->root().find("b");
  ASSERT_TRUE(b.is_sequence());
  EXPECT_EQ(b.item(1).scalar(), "2");
  EXPECT_EQ(b.pos().line, 1);  // the anchored node's position
}

TEST(YamlTree, DuplicateKeysAreReportedAndTheFirstIsRead) {
  const Parsed p = parse("a: 1\nb: 2\na: 3\n");
  ASSERT_TRUE(p.doc);
  EXPECT_EQ(p.first_message(), "f.yaml:3:1: error: duplicate key 'a' (first at line 1, column 1)");
  EXPECT_EQ(p.doc->root().find("a").scalar(), "1");
}

TEST(YamlTree, DuplicateKeysInLargeMappings) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "k" + std::to_string(i) + ": 1\n";
  text += "k42: 2\n";
  const Parsed p = parse(text);
  EXPECT_EQ(p.first_message(),
            "f.yaml:101:1: error: duplicate key 'k42' (first at line 43, column 1)");
}

TEST(YamlTree, SyntaxErrorsCarryYamlCppsPosition) {
  const Parsed p = parse("a: [1, 2\nb: 3\n");
  EXPECT_FALSE(p.doc);
  // The position is yaml-cpp's; the hint after the message is yaml_hints.cpp's.
  EXPECT_TRUE(p.first_message().starts_with(
      "f.yaml:2:2: error: YAML syntax error: end of sequence flow not found (a '{' or '[' is "
      "not closed"))
      << p.first_message();
}

TEST(YamlTree, SecondDocumentIsRefused) {
  const Parsed p = parse("a: 1\n---\nb: 2\n");
  EXPECT_FALSE(p.doc);
  EXPECT_EQ(p.first_message(),
            "f.yaml:2:1: error: a content file holds one YAML document; found a second one here");
}

TEST(YamlTree, RecursiveAliasIsRefused) {
  const Parsed p = parse("a: &x [1, *x]\n");
  EXPECT_FALSE(p.doc);
  EXPECT_EQ(p.first_message(), "f.yaml:1:11: error: alias refers to a collection that contains it");
}

TEST(YamlTree, BlockNestingIsBounded) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  const Parsed p = parse(text);
  EXPECT_FALSE(p.doc);
  EXPECT_EQ(p.first_message(),
            "f.yaml:257:257: error: collections are nested deeper than 256 levels");
}

TEST(YamlTree, NestingUpToTheLimitIsAccepted) {
  const Parsed p = parse(std::string(256, '[') + std::string(256, ']'));
  ASSERT_TRUE(p.doc);
  EXPECT_FALSE(p.diags.has_errors());
}

}  // namespace
}  // namespace samrapport::content::yaml

namespace samrapport::content::yaml {
namespace {

// Control characters written as YAML escapes are refused at the value, with its position.
TEST(YamlTree, ControlCharactersInValuesAreRefused) {
  for (const std::string_view text :
       {"name: \"Hol\\0\"\n", "name: \"Hol\\e]0;pwned\\a\"\n", "name: \"a\\x7f\"\n",
        "name: \"a\\x9b\"\n", "name: \"a\\rb\"\n", "\"k\\e\": 1\n"}) {
    const Parsed p = parse(text);
    ASSERT_TRUE(p.diags.has_errors()) << text;
    const std::string m = p.first_message();
    EXPECT_NE(m.find("f.yaml:1:"), std::string::npos) << m;
    EXPECT_NE(m.find("control character U+00"), std::string::npos) << m;
    EXPECT_NE(m.find("values may hold tab and newline"), std::string::npos) << m;
  }
  const Parsed nested = parse("a:\n  - x\n  - \"y\\e\"\n");
  EXPECT_EQ(nested.first_message().substr(0, 11), "f.yaml:3:5:") << nested.first_message();
}

TEST(YamlTree, TabAndNewlineInValuesAreFine) {
  const Parsed p = parse("a: \"x\\ty\\nz\"\nb: |\n  one\n  two\nc: ÆØÅ €\n");
  EXPECT_FALSE(p.diags.has_errors()) << p.first_message();
  ASSERT_TRUE(p.doc);
  EXPECT_EQ(p.doc->root().find("a").scalar(), "x\ty\nz");
}

}  // namespace
}  // namespace samrapport::content::yaml
