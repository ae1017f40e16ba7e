// The bad-content corpus: each directory in tests/bad-content/ (except _base) holds the
// files that differ from _base (and optionally deleted.txt, naming files of _base to
// leave out) plus expected.txt, the exact diagnostics output of loading the result.
//
// SAMRAPPORT_UPDATE_EXPECTED=1 rewrites expected.txt from the actual output (review the
// diff before committing it).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_trees.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = SAMRAPPORT_BAD_CONTENT_DIR;

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCorpus)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory() && name != "_base") names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(BadContentCorpus, BaseIsValid) {
  const auto tree = samrapport::testing::overlay_tree(kCorpus / "_base", kCorpus / "_base");
  EXPECT_EQ(samrapport::testing::check_output(tree), "");
}

TEST(BadContentCorpus, HasAtLeastFortyCases) {
  EXPECT_GE(case_names().size(), 40u);
}

class BadContent : public ::testing::TestWithParam<std::string> {};

TEST_P(BadContent, GivesExactDiagnostics) {
  const fs::path dir = kCorpus / GetParam();
  const auto tree = samrapport::testing::overlay_tree(kCorpus / "_base", dir);
  const std::string actual = samrapport::testing::check_output(tree);
  const char* update = std::getenv("SAMRAPPORT_UPDATE_EXPECTED");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(dir / "expected.txt", std::ios::binary) << actual;
  }
  ASSERT_TRUE(fs::exists(dir / "expected.txt")) << "no expected.txt in " << dir;
  EXPECT_EQ(actual, read_text(dir / "expected.txt"));
  EXPECT_NE(actual, "") << "a bad-content case must give at least one diagnostic";
}

std::string case_label(const ::testing::TestParamInfo<std::string>& info) {
  std::string s = info.param;
  std::replace_if(
      s.begin(), s.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return s;
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadContent, ::testing::ValuesIn(case_names()), case_label);

}  // namespace
