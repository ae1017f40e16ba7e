#include <gtest/gtest.h>

#include "fixture.hpp"
#include "writers/latex_writer.hpp"

namespace samrapport::writers {
namespace {

class Latex : public ::testing::Test {
 protected:
  void SetUp() override {
    doc_ = testing::load_fixture("report", diags_);
    ASSERT_FALSE(diags_.has_errors());
    tex_ = write_latex(doc_);
  }
  Diagnostics diags_;
  document::Document doc_;
  std::string tex_;
};

TEST_F(Latex, PreambleLanguageFooterAndLists) {
  EXPECT_NE(tex_.find("\\documentclass[11pt,a4paper,oneside,openany]{report}"), std::string::npos);
  EXPECT_NE(tex_.find("\\usepackage[norsk]{babel}"), std::string::npos);
  EXPECT_NE(tex_.find("\\renewcommand{\\listtablename}{Tabeller}"), std::string::npos);
  EXPECT_NE(tex_.find("\\fancyfoot[L]{\\small NIVI Analyse}\\fancyfoot[R]{\\small Side \\thepage}"),
            std::string::npos);
  EXPECT_NE(tex_.find("\\tableofcontents\n\\listoftables\n\\listoffigures\n"), std::string::npos);
  EXPECT_NE(tex_.find("\\begin{titlepage}"), std::string::npos);
}

TEST_F(Latex, NumbersComeFromTheTree) {
  EXPECT_NE(tex_.find("\\setcounter{chapter}{1}\n\\chapter{Samarbeidets omfang}\\label{kap-2}"),
            std::string::npos);
  EXPECT_NE(tex_.find("\\chapter*{Forord}\\label{forord}\n\\addcontentsline{toc}{chapter}{Forord}"),
            std::string::npos);
  EXPECT_NE(tex_.find("\\renewcommand{\\thetable}{2.1}"), std::string::npos);
  EXPECT_NE(tex_.find("\\renewcommand{\\thefigure}{2.4}"), std::string::npos);
  EXPECT_NE(tex_.find("\\hyperref[tab:perioder]{tabell 2.1}"), std::string::npos);
}

TEST_F(Latex, TablesAndFigures) {
  // Caption above the rules; sum row bold after a rule.
  EXPECT_NE(tex_.find("\\caption{Perioder for etablering av 216 samarbeidsordninger}\\label{tab:"
                      "perioder}\n\\begin{tabular}{@{}lrr@{}}\n\\toprule\n"),
            std::string::npos);
  EXPECT_NE(tex_.find("\\midrule\n\\textbf{Sum} & \\textbf{216} & \\textbf{100,0} \\\\"),
            std::string::npos);
  EXPECT_NE(tex_.find("\\srsource{Kilde: NIVI Analyse}"), std::string::npos);
  EXPECT_NE(tex_.find("\\caption[Geografisk nivåfordeling av samarbeidet. Prosent]{Geografisk "
                      "nivåfordeling av samarbeidet. Prosent. Kilde: NIVI Analyse}"),
            std::string::npos);
  EXPECT_NE(tex_.find("\\begin{tikzpicture}"), std::string::npos);
  EXPECT_NE(tex_.find("\\footnote[1]{Gjennomsnittet er 34 ordninger pr kommune.}"),
            std::string::npos);
}

TEST(LatexLanguages, BabelPerLanguage) {
  for (const auto& [lang, babel, contents] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"nb", "norsk", "Innhold"},
           {"nn", "nynorsk", "Innhald"},
           {"en", "english", "Contents"}}) {
    Diagnostics diags;
    const std::string tex = write_latex(testing::parse_md("# A\n\nB\n", diags, lang));
    EXPECT_NE(tex.find("\\usepackage[" + babel + "]{babel}"), std::string::npos) << lang;
    EXPECT_NE(tex.find("\\addto\\captions" + babel + "{"), std::string::npos) << lang;
    EXPECT_NE(tex.find("\\renewcommand{\\contentsname}{" + contents + "}"), std::string::npos)
        << lang;
  }
}

TEST(LatexTables, LongTablesMayCrossPages) {
  std::string rows;
  for (int i = 0; i < 40; ++i)
    rows +=
        std::string(i ? "," : "") + "[\"r" + std::to_string(i) + "\", " + std::to_string(i) + "]";
  Diagnostics diags;
  const std::string tex = write_latex(testing::parse_md(
      "# A\n\n```samrapport-table\n{\"id\": \"tab:lang\", \"caption\": \"Lang\", \"columns\": "
      "[\"a\", \"b\"], \"rows\": [" +
          rows + "]}\n```\n",
      diags));
  ASSERT_FALSE(diags.has_errors());
  // Caption, header and the first rows stay together (no lone caption at a page foot).
  EXPECT_NE(tex.find("\\Needspace{12\\baselineskip}\n\\begin{longtable}{@{}lr@{}}\n"
                     "\\caption{Lang}\\label{tab:lang} \\\\"),
            std::string::npos)
      << tex;
  EXPECT_NE(tex.find("{\\itshape Tabell 1.1 (forts.)}"), std::string::npos);
  EXPECT_NE(tex.find("\\endhead"), std::string::npos);
}

}  // namespace
}  // namespace samrapport::writers
