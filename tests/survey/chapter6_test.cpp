// Chapter 6 of the report (templates/report/kap6*.md.j2), built by the report job from
// the content and templates in the source tree: the Buskerud 2021 survey (text questions
// with themes) and a survey with every question kind.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "content/reader.hpp"
#include "products/pipeline.hpp"

namespace samrapport {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A temporary directory with a copy of content/, and the built report's Markdown.
class ReportBuild {
 public:
  ReportBuild() {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("samrapport-kap6-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy(fs::path(SAMRAPPORT_SOURCE_DIR) / "content", dir_ / "content",
             fs::copy_options::recursive);
  }
  ~ReportBuild() { fs::remove_all(dir_); }
  ReportBuild(const ReportBuild&) = delete;
  ReportBuild& operator=(const ReportBuild&) = delete;

  void write(const std::string& relative, const std::string& text) const {
    std::ofstream(dir_ / "content" / relative, std::ios::binary) << text;
  }

  /// Builds the Markdown report; returns its text ("" on failure, with `errors` set).
  std::string build(std::string& errors) const {
    products::BuildJob job;
    job.content_dir = (dir_ / "content").string();
    job.products = {"report"};
    job.template_dirs = {(fs::path(SAMRAPPORT_SOURCE_DIR) / "templates").string()};
    job.out_dir = (dir_ / "out").string();
    job.formats = std::set<products::Format>{products::Format::md};
    std::ostringstream err;
    job.errors = &err;
    Diagnostics diags;
    const content::Content content = content::load_content(*open_directory(job.content_dir), diags);
    if (diags.has_errors()) {
      errors = "content errors";
      return {};
    }
    const int status = products::run_build(job, content);
    errors = err.str();
    if (status != 0) return {};
    for (const auto& e : fs::directory_iterator(dir_ / "out")) {
      if (fs::exists(e.path() / "rapport.md")) return read_file(e.path() / "rapport.md");
    }
    errors += "no rapport.md";
    return {};
  }

  [[nodiscard]] bool figure_written(const std::string& name) const {
    for (const auto& e : fs::directory_iterator(dir_ / "out")) {
      if (fs::exists(e.path() / "figurer" / name)) return true;
    }
    return false;
  }

 private:
  fs::path dir_;
};

/// The part of the Markdown from chapter 6's heading to the next chapter.
std::string chapter6(const std::string& md) {
  const std::size_t begin = md.find("6 Særskilte problemstillinger");
  if (begin == std::string::npos) return {};
  const std::size_t end = md.find("\n## 7 ", begin);
  return md.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

/// Table rows with the padding removed: "| a | b |" -> "|a|b|".
std::string squeeze(const std::string& s) {
  return std::regex_replace(s, std::regex(" *\\| *"), "|");
}

TEST(Chapter6, BuskerudSurvey) {
  ReportBuild b;
  std::string errors;
  const std::string md = b.build(errors);
  ASSERT_FALSE(md.empty()) << errors;
  const std::string k6 = chapter6(md);
  ASSERT_FALSE(k6.empty()) << "no chapter 6";
  const std::string t = squeeze(k6);

  EXPECT_NE(k6.find("6.1 Spørsmål og svarrespons"), std::string::npos);
  EXPECT_NE(k6.find("Svarene dekker 21 av de 25 kommunene i undersøkelsen (84 prosent): 7 med "
                    "egne svar og 14 gjennom svar som er samordnet for flere kommuner."),
            std::string::npos);
  EXPECT_NE(k6.find("Det mangler svar fra Kongsberg, Sigdal, Notodden og Tinn."),
            std::string::npos);
  // Tabell 6.1: coverage per region, with the sum row.
  EXPECT_NE(k6.find("**Tabell 6.1** Kommuner som har svart på spørsmål til kommunedirektørene, "
                    "etter region"),
            std::string::npos);
  EXPECT_NE(t.find("|Kongsbergregionen|8|4|1|3|Kongsberg, Sigdal, Notodden, Tinn|"),
            std::string::npos);
  EXPECT_NE(t.find("|**Sum**|**25**|**21**|**7**|**14**||"), std::string::npos);
  // The questions as a numbered list, then one section per question.
  EXPECT_NE(k6.find("\n1. Hva er erfaringsmessig de største utfordringene"), std::string::npos);
  EXPECT_NE(k6.find("\n5. Hvordan vurderes det nye regelverket"), std::string::npos);
  for (const char* section :
       {"6.2 Spørsmål 1", "6.3 Spørsmål 2", "6.4 Spørsmål 3", "6.5 Spørsmål 4", "6.6 Spørsmål 5"}) {
    EXPECT_NE(k6.find(section), std::string::npos) << section;
  }
  // Question 1 has coded themes: Tabell 6.2, most frequent theme first.
  EXPECT_NE(k6.find("**Tabell 6.2** Tema i svarene på spørsmål 1"), std::string::npos);
  EXPECT_NE(t.find("|Politisk styring og demokratisk forankring|4|100|6|"), std::string::npos);
  // Answers under region headings, as quotations with the respondent.
  EXPECT_NE(k6.find("#### Drammensregionen"), std::string::npos);
  EXPECT_NE(k6.find("- «Som stor, sammenslått kommune forventes det"), std::string::npos);
  EXPECT_NE(k6.find("– *Drammen kommune*"), std::string::npos);
  // The report's own summary is not quoted; answers without a municipality come last.
  EXPECT_NE(k6.find("- Fra kommunene i Drammensregionen blir det vist til enighet"),
            std::string::npos);
  EXPECT_NE(k6.find("#### Svar som ikke er knyttet til en region"), std::string::npos);
  // A text already in quotation marks is not quoted again.
  EXPECT_EQ(k6.find("««"), std::string::npos);
}

const char* const kAllKinds = R"(id: alle-typer
title: Spørsmål om samarbeidet
sent: 2022-01-10
questions:
  - id: frikommune
    text: Bør kommunene søke status som frikommune?
    kind: single
    options: [Ja, Nei, Vet ikke]
  - id: omrader
    text: Hvilke områder bør samarbeidet omfatte?
    kind: multi
    options: [Helse, "Plan, bygg og oppmåling", IKT]
  - id: fornoyd
    text: Hvor fornøyd er kommunen med samarbeidet?
    kind: likert
    options: [Svært misfornøyd, Misfornøyd, Nøytral, Fornøyd, Svært fornøyd]
  - id: arsverk
    text: Antall årsverk i interkommunale ordninger
    kind: number
responses:
  - respondent: Drammen kommune
    covers: [Drammen]
    answers:
      frikommune: { choice: Ja }
      omrader: { choices: [Helse, IKT] }
      fornoyd: { value: 4 }
      arsverk: { value: 120.5 }
  - respondent: Regionrådet for Hallingdal
    covers: [Hol, Ål, Gol]
    joint: true
    answers:
      frikommune: { choice: Nei }
      omrader: { choices: [IKT] }
      fornoyd: { value: 2 }
      arsverk: { value: 12 }
)";

TEST(Chapter6, EveryQuestionKindBesideBuskerud) {
  ReportBuild b;
  b.write("surveys/alle-typer.yaml", kAllKinds);
  std::string errors;
  const std::string md = b.build(errors);
  ASSERT_FALSE(md.empty()) << errors;
  const std::string k6 = chapter6(md);
  const std::string t = squeeze(k6);
  // Two surveys: a section each, file-name order.
  EXPECT_NE(k6.find("Kapitlet gjengir svarene på 2 spørreundersøkelser"), std::string::npos);
  EXPECT_NE(k6.find("6.1 Spørsmål om samarbeidet"), std::string::npos);
  EXPECT_NE(k6.find("6.2 Spørsmål til kommunedirektørene"), std::string::npos);
  // Single and multi choice: bar charts; Likert: a stacked bar chart; numbers: a table.
  EXPECT_NE(k6.find("Like mange svarte «Ja» og «Nei» (50 prosent hver)."), std::string::npos);
  EXPECT_NE(k6.find("**Figur 6.1** Svar på spørsmål 1. Prosent av dem som svarte. n=2"),
            std::string::npos);
  EXPECT_NE(k6.find("**Figur 6.2** Svar på spørsmål 2 (flere svar mulig)"), std::string::npos);
  EXPECT_NE(k6.find("**Figur 6.3** Svar på spørsmål 3. Prosent av kommunene som har svart. n=4"),
            std::string::npos);
  EXPECT_NE(k6.find("til 5 (Svært fornøyd) er gjennomsnittet 3,0."), std::string::npos);
  EXPECT_TRUE(b.figure_written("fig-6-1.svg"));
  EXPECT_TRUE(b.figure_written("fig-6-3.svg"));
  EXPECT_NE(t.find("|Hallingdal|3|12,0|12,0|12,0|"), std::string::npos);
  // By municipalities: Drammen 120.5 and Hol, Ål, Gol 12 each.
  EXPECT_NE(t.find("|**Alle kommuner**|**4**|**39,1**|**12,0**|**120,5**|"), std::string::npos);
  // Choice answers are listed under their region.
  EXPECT_NE(k6.find("- *Regionrådet for Hallingdal*: Nei"), std::string::npos);
  EXPECT_NE(k6.find("- *Drammen kommune*: Fornøyd (4)"), std::string::npos);
}

}  // namespace
}  // namespace samrapport
