// Large and hostile input ends in a clear error, never a crash or a hang: a 50 MB file
// (in memory and on disk), files beyond the source tree's own limit, alias bombs, deep
// nesting, invalid UTF-8, NUL bytes, and input with very many problems.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "common/diagnostics.hpp"
#include "common/source_tree.hpp"
#include "content/reader.hpp"
#include "test_trees.hpp"

namespace samrapport::content {
namespace {

namespace fs = std::filesystem;

const fs::path kBase = fs::path(SAMRAPPORT_SOURCE_DIR) / "tests" / "bad-content" / "_base";

testing::MemoryTree base_tree() {
  return testing::overlay_tree(kBase, kBase);
}

std::string lines_about(const std::string& output, const std::string& file) {
  std::istringstream in(output);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with(file)) out += line + "\n";
  }
  return out;
}

TEST(HostileInput, FiftyMegabyteFileInMemory) {
  testing::MemoryTree tree = base_tree();
  std::string big = "arrangements:\n";
  while (big.size() < 50u << 20)
    big += "  - { id: x, name: X, participants: [Ål, Flå], sector: helse }\n";
  const std::string size = std::to_string(big.size());
  tree.set("arrangements/big.yaml", std::move(big));
  const std::string out = testing::check_output(tree);
  EXPECT_EQ(lines_about(out, "content/arrangements/big.yaml"),
            "content/arrangements/big.yaml: error: file is " + size +
                " bytes; content files are limited to 16777216 bytes (16 MiB)\n");
}

class DiskContent : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("samrapport-hostile-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::copy(kBase, dir_, fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string check() {
    const auto tree = open_directory(dir_.string());
    Diagnostics diags;
    (void)load_content(*tree, diags);
    std::ostringstream out;
    diags.print(out);
    return out.str();
  }
  fs::path dir_;
};

TEST_F(DiskContent, FiftyMegabyteFileOnDisk) {
  {
    std::ofstream out(dir_ / "arrangements" / "big.yaml", std::ios::binary);
    const std::string line = "  - { id: x, name: X, participants: [Ål, Flå], sector: helse }\n";
    out << "arrangements:\n";
    for (std::size_t n = 0; n < (50u << 20); n += line.size()) out << line;
  }
  const std::string out = check();
  const std::string file = (dir_ / "arrangements" / "big.yaml").string();
  EXPECT_NE(out.find(file + ": error: file is "), std::string::npos) << out;
  EXPECT_NE(out.find("content files are limited to 16777216 bytes"), std::string::npos) << out;
}

TEST_F(DiskContent, FileBeyondTheSourceTreeLimit) {
  // A sparse 100 MB file: the source tree refuses to read it at all.
  const fs::path p = dir_ / "datasets" / "huge.yaml";
  std::ofstream(p).put('a');
  fs::resize_file(p, 100u << 20);
  const std::string out = check();
  EXPECT_NE(out.find(p.string() + ": error: cannot read the file: file is 104857600 bytes"),
            std::string::npos)
      << out;
}

TEST(HostileInput, MillionDeepFlowNestingStopsEarly) {
  testing::MemoryTree tree = base_tree();
  tree.set("datasets/deep.yaml", "id: deep\nrows: " + std::string(1'000'000, '['));
  EXPECT_EQ(
      lines_about(testing::check_output(tree), "content/datasets/deep.yaml"),
      "content/datasets/deep.yaml:2:263: error: collections are nested deeper than 256 levels\n");
}

TEST(HostileInput, DeepBlockSequences) {
  testing::MemoryTree tree = base_tree();
  std::string text = "arrangements:\n";
  for (int i = 0; i < 10'000; ++i) text += "- ";
  text += "x\n";
  tree.set("arrangements/deep.yaml", text);
  EXPECT_EQ(lines_about(testing::check_output(tree), "content/arrangements/deep.yaml"),
            "content/arrangements/deep.yaml:2:511: error: collections are nested deeper than 256 "
            "levels\n");
}

TEST(HostileInput, AliasBombIsRefused) {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  std::string prev = "a";
  for (const char* name : {"b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"}) {
    text += std::string(name) + ": &" + name + " [";
    for (int i = 0; i < 10; ++i) text += (i ? ", *" : "*") + prev;
    text += "]\n";
    prev = name;
  }
  testing::MemoryTree tree = base_tree();
  tree.set("surveys/bomb.yaml", text);
  const std::string out = lines_about(testing::check_output(tree), "content/surveys/bomb.yaml");
  EXPECT_NE(out.find("error: aliases expand this document to more than 4000000 nodes"),
            std::string::npos)
      << out;
}

TEST(HostileInput, InvalidUtf8AndNulBytes) {
  testing::MemoryTree tree = base_tree();
  tree.set("arrangements/latin1.yaml", "arrangements:\n  - id: x\n    name: Gr\xE5\n");
  tree.set("arrangements/nul.yaml", std::string("arrangements:\n  - id: \0x\n", 25));
  const std::string out = testing::check_output(tree);
  EXPECT_EQ(lines_about(out, "content/arrangements/latin1.yaml"),
            "content/arrangements/latin1.yaml:3:13: error: invalid UTF-8 (byte 0xE5 at byte "
            "offset 36); content files must be UTF-8\n");
  EXPECT_EQ(lines_about(out, "content/arrangements/nul.yaml"),
            "content/arrangements/nul.yaml:2:9: error: NUL byte at byte offset 22; content "
            "files must be UTF-8 text\n");
}

TEST(HostileInput, VeryManyProblemsAreCapped) {
  std::string text =
      "arrangements:\n  - id: many\n    name: Many\n    sector: helse\n    participants:\n";
  for (int i = 0; i < 20'000; ++i) text += "      - Nowhere" + std::to_string(i) + "\n";
  testing::MemoryTree tree = base_tree();
  tree.set("arrangements/many.yaml", text);
  Diagnostics diags;
  (void)load_content(tree, diags);
  EXPECT_EQ(diags.error_count(), 1001u);
  EXPECT_EQ(format_diagnostic(diags.items()[0]),
            "content/arrangements/many.yaml: error: further problems in this file are not shown: "
            "19000 errors");
}

TEST(HostileInput, ManyDuplicateKeys) {
  std::string text = "id: dup\ntitle: Dup\ncolumns: []\nrows: []\nsource: s\n";
  for (int i = 0; i < 5'000; ++i) text += "source: s\n";
  testing::MemoryTree tree = base_tree();
  tree.set("datasets/dup.yaml", text);
  Diagnostics diags;
  (void)load_content(tree, diags);
  EXPECT_EQ(diags.error_count(), 1001u);
}

TEST(HostileInput, ManyUnknownKeys) {
  std::string text =
      "arrangements:\n  - id: keys\n    name: Keys\n    sector: helse\n"
      "    participants: [Ål, Flå]\n";
  for (int i = 0; i < 100'000; ++i) text += "    extra" + std::to_string(i) + ": 1\n";
  testing::MemoryTree tree = base_tree();
  tree.set("arrangements/keys.yaml", text);
  Diagnostics diags;
  (void)load_content(tree, diags);
  EXPECT_EQ(diags.error_count(), 1001u);
  EXPECT_EQ(format_diagnostic(diags.items()[0]),
            "content/arrangements/keys.yaml: error: further problems in this file are not shown: "
            "99000 errors");
  EXPECT_TRUE(format_diagnostic(diags.items()[1])
                  .starts_with("content/arrangements/keys.yaml:6:5: error: unknown key 'extra0' "
                               "in arrangement 'keys'; allowed keys: id, name, participants"))
      << format_diagnostic(diags.items()[1]);
}

TEST(HostileInput, LongSingleLineList) {
  // 200 000 participants on one line: positions stay cheap to compute.
  std::string text = "arrangements:\n  - { id: wide, name: Wide, sector: helse, participants: [";
  for (int i = 0; i < 200'000; ++i) text += i ? ", Ål" : "Ål";
  text += "] }\n";
  testing::MemoryTree tree = base_tree();
  tree.set("arrangements/wide.yaml", text);
  Diagnostics diags;
  (void)load_content(tree, diags);
  ASSERT_GE(diags.items().size(), 2u);
  EXPECT_EQ(
      format_diagnostic(diags.items()[1]),
      "content/arrangements/wide.yaml:2:63: error: 'Ål' is listed twice among the participants");
}

}  // namespace
}  // namespace samrapport::content
