// Golden files: the fixture report in all three formats (and its chart SVGs) must match
// tests/document/fixtures/expected/ byte for byte. After an intended change, regenerate
// with SAMRAPPORT_UPDATE_GOLDEN=1 and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>

#include "fixture.hpp"
#include "writers/html_writer.hpp"
#include "writers/latex_writer.hpp"
#include "writers/markdown_writer.hpp"

namespace samrapport::writers {
namespace {

namespace fs = std::filesystem;
using testing::fixture_dir;
using testing::load_fixture;
using testing::read_text;

void check_golden(const fs::path& relative, const std::string& actual) {
  const fs::path path = fixture_dir() / "expected" / relative;
  if (std::getenv("SAMRAPPORT_UPDATE_GOLDEN") != nullptr) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(path)) << path << " is missing (run with SAMRAPPORT_UPDATE_GOLDEN=1)";
  const std::string expected = read_text(path);
  if (expected == actual) return;
  // Point at the first differing line.
  std::size_t line = 1;
  std::size_t i = 0;
  while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) {
    if (expected[i] == '\n') ++line;
    ++i;
  }
  auto line_at = [](const std::string& s, std::size_t at) {
    const std::size_t begin = s.rfind('\n', at == 0 ? 0 : at - 1);
    const std::size_t from = begin == std::string::npos ? 0 : begin + 1;
    return s.substr(from, s.find('\n', from) - from);
  };
  ADD_FAILURE() << relative << " differs from the golden file at line " << line
                << "\n  expected: " << line_at(expected, i)
                << "\n  actual:   " << line_at(actual, i);
}

class Golden : public ::testing::Test {
 protected:
  void SetUp() override {
    doc_ = load_fixture("report", diags_);
    ASSERT_FALSE(diags_.has_errors());
  }
  Diagnostics diags_;
  document::Document doc_;
};

TEST_F(Golden, Markdown) {
  std::vector<OutputFile> files;
  check_golden("report.md", write_markdown(doc_, files));
  ASSERT_EQ(files.size(), 4u);
  for (const OutputFile& f : files) check_golden(f.path, f.content);
}

TEST_F(Golden, Html) {
  check_golden("report.html", write_html(doc_));
}

TEST_F(Golden, HtmlFragment) {
  HtmlOptions options;
  options.standalone = false;
  options.stylesheet = false;
  options.inline_charts = false;
  check_golden("report-fragment.html", write_html(doc_, options));
}

TEST_F(Golden, Latex) {
  check_golden("report.tex", write_latex(doc_));
}

TEST_F(Golden, OutputIsDeterministic) {
  std::vector<OutputFile> a;
  std::vector<OutputFile> b;
  EXPECT_EQ(write_markdown(doc_, a), write_markdown(doc_, b));
  EXPECT_EQ(write_html(doc_), write_html(doc_));
  EXPECT_EQ(write_latex(doc_), write_latex(doc_));
  Diagnostics again;
  const document::Document doc2 = load_fixture("report", again);
  EXPECT_EQ(write_html(doc_), write_html(doc2));
}

}  // namespace
}  // namespace samrapport::writers
