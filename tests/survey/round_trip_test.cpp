// Round trips through the content reader: a survey written by the YAML writer, and a CSV
// imported to YAML, read back by load_content into the same survey.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "common/source_tree.hpp"
#include "content/reader.hpp"
#include "survey_import/import_survey.hpp"
#include "survey_import/survey_yaml_writer.hpp"

namespace samrapport {
namespace {

namespace fs = std::filesystem;
using content::Content;
using content::Survey;

/// A copy of the default content/ in a temporary directory, removed afterwards.
class TempContent {
 public:
  TempContent() {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() / ("samrapport-survey-test-" + std::to_string(::getpid()) +
                                        "-" + std::to_string(counter++));
    fs::remove_all(dir_);
    fs::copy(fs::path(SAMRAPPORT_SOURCE_DIR) / "content", dir_, fs::copy_options::recursive);
  }
  ~TempContent() { fs::remove_all(dir_); }
  TempContent(const TempContent&) = delete;
  TempContent& operator=(const TempContent&) = delete;

  void write(const std::string& relative, const std::string& text) const {
    std::ofstream out(dir_ / relative, std::ios::binary | std::ios::trunc);
    out << text;
  }
  Content load(Diagnostics& d) const {
    const auto tree = open_directory(dir_.string());
    return content::load_content(*tree, d);
  }

 private:
  fs::path dir_;
};

const Survey& find_survey(const Content& c, const std::string& id) {
  for (const Survey& s : c.surveys) {
    if (s.id == id) return s;
  }
  throw std::runtime_error("no survey " + id);
}

std::string diagnostics_text(const Diagnostics& d) {
  std::ostringstream os;
  d.print(os);
  return os.str();
}

/// Everything a survey holds except source positions, one fact per line, so that a
/// difference shows as a readable diff.
std::string dump(const Content& c, const Survey& s) {
  std::ostringstream o;
  const auto names = [&](const std::vector<content::MunicipalityIdx>& ms) {
    std::string out;
    for (auto m : ms) out += "[" + c.municipalities[m].name + "]";
    return out;
  };
  o << "id " << s.id << "\ntitle " << s.title << "\n";
  o << "sent " << (s.sent ? content::to_string(*s.sent) : "-") << "\n";
  o << "deadline " << (s.deadline ? content::to_string(*s.deadline) : "-") << "\n";
  o << "population " << names(s.population) << "\n";
  for (const auto& q : s.questions) {
    o << "question " << q.id << " " << content::to_string(q.kind) << " <" << q.text << ">\n";
    for (const auto& opt : q.options) o << "  option <" << opt << ">\n";
    for (const auto& t : q.themes) o << "  theme " << t.id << " <" << t.label << ">\n";
  }
  for (const auto& r : s.responses) {
    o << "response <" << r.respondent << "> role <" << (r.role ? *r.role : "-") << "> covers "
      << names(r.covers) << " joint " << r.joint << " summary " << r.summary << "\n";
    for (const auto& [qi, a] : r.answers) {
      o << "  " << s.questions[qi].id << " text <" << (a.text ? *a.text : "-") << ">";
      for (auto t : a.themes) o << " theme " << s.questions[qi].themes[t].id;
      if (a.choice) o << " choice " << *a.choice;
      for (auto ch : a.choices) o << " choices " << ch;
      if (a.value) o << " value " << survey_import::yaml_number(*a.value);
      o << "\n";
    }
  }
  return o.str();
}

TEST(SurveyRoundTrip, BuskerudSurveyWrittenAndReadBackIsTheSame) {
  TempContent dir;
  Diagnostics d1;
  const Content before = dir.load(d1);
  ASSERT_FALSE(d1.has_errors()) << diagnostics_text(d1);
  const Survey& s = find_survey(before, "kommunedirektorer-2021");
  const std::string yaml = survey_import::write_survey_yaml(before, s, "round trip");
  dir.write("surveys/kommunedirektorer-2021.yaml", yaml);

  Diagnostics d2;
  const Content after = dir.load(d2);
  ASSERT_FALSE(d2.has_errors()) << diagnostics_text(d2) << yaml;
  EXPECT_EQ(dump(after, find_survey(after, "kommunedirektorer-2021")), dump(before, s));
  // And writing it again gives the same bytes.
  EXPECT_EQ(survey_import::write_survey_yaml(after, find_survey(after, "kommunedirektorer-2021"),
                                             "round trip"),
            yaml);
}

// A survey with every question kind and no responses yet, as a user would write it.
const char* const kAllKinds = R"(id: alle-typer
title: Alle spørsmålstyper
sent: 2022-01-10
questions:
  - id: utfordringer
    text: Hva er de største utfordringene?
    kind: text
    themes:
      - { id: kvalitet, label: Kvalitet }
      - { id: kostnader, label: Økonomiske kostnader }
  - id: frikommune
    text: Bør kommunene søke status som frikommune?
    kind: single
    options: [Ja, Nei, "Vet ikke, usikker"]
  - id: omrader
    text: Hvilke områder bør samarbeidet omfatte?
    kind: multi
    options: [Helse, "Plan, bygg og oppmåling", IKT, Barnevern]
  - id: fornoyd
    text: Hvor fornøyd er kommunen med samarbeidet?
    kind: likert
    options: [Svært misfornøyd, Misfornøyd, Nøytral, Fornøyd, Svært fornøyd]
  - id: arsverk
    text: Antall årsverk i interkommunale ordninger
    kind: number
responses: []
)";

TEST(SurveyRoundTrip, ImportedCsvReadsBackAsTheSameAnswers) {
  TempContent dir;
  dir.write("surveys/alle-typer.yaml", kAllKinds);
  Diagnostics d1;
  const Content before = dir.load(d1);
  ASSERT_FALSE(d1.has_errors()) << diagnostics_text(d1);

  const std::string csv =
      "\xEF\xBB\xBF"
      "Tidsmerke;Kommune(r);Navn;Rolle;Hva er de største utfordringene?;frikommune;"
      "3. Hvilke områder bør samarbeidet omfatte?;fornoyd;Antall årsverk i interkommunale "
      "ordninger\r\n"
      "01.11.2021 09:12;Ål;;kommunedirektør;\"«Samordning» er krevende;\r\n"
      "\r\n"
      "det sier \"\"alle\"\" – også oss.\";Ja;\"Helse; Plan, bygg og oppmåling\";4;12,5\r\n"
      "\r\n"
      "02.11.2021 14:00;Flesberg, Rollag og Nore og Uvdal;Numedalskommunene;samordnet svar;"
      "Kort svar.  ;vet ikke, usikker;IKT;Svært fornøyd;\r\n"
      "03.11.2021;Øvre Eiker;;;;;;;-3\r\n"
      "04.11.2021;Våler (Viken);;;\\ backslash \\n og tab\t;Nei;Barnevern;1;0,25\r\n";
  survey_import::ImportOptions opt;
  opt.survey_id = "alle-typer";
  Diagnostics d2;
  const auto result = survey_import::import_survey_csv(csv, "svar.csv", opt, before, d2);
  ASSERT_FALSE(d2.has_errors()) << diagnostics_text(d2);
  ASSERT_FALSE(result.yaml.empty());
  EXPECT_EQ(result.responses, 4u);

  dir.write("surveys/alle-typer.yaml", result.yaml);
  Diagnostics d3;
  const Content after = dir.load(d3);
  ASSERT_FALSE(d3.has_errors()) << diagnostics_text(d3) << result.yaml;
  const Survey& read_back = find_survey(after, "alle-typer");
  EXPECT_EQ(dump(after, read_back), dump(before, result.survey));

  // The answers as the CSV gave them.
  ASSERT_EQ(read_back.responses.size(), 4u);
  const auto& al = read_back.responses[0];
  EXPECT_EQ(al.respondent, "Ål kommune");
  EXPECT_EQ(*al.role, "kommunedirektør");
  ASSERT_EQ(al.answers.size(), 5u);
  EXPECT_EQ(*al.answers[0].second.text,
            "«Samordning» er krevende;\n\ndet sier \"alle\" – også oss.");
  EXPECT_EQ(al.answers[2].second.choices, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(*al.answers[3].second.value, 4);
  EXPECT_EQ(*al.answers[4].second.value, 12.5);
  const auto& numedal = read_back.responses[1];
  EXPECT_TRUE(numedal.joint);
  EXPECT_EQ(numedal.covers.size(), 3u);
  EXPECT_EQ(*numedal.answers[0].second.text, "Kort svar.");
  EXPECT_EQ(*numedal.answers[1].second.choice, 2u);
  EXPECT_EQ(*numedal.answers[3].second.value, 5);
  EXPECT_EQ(*read_back.responses[2].answers[0].second.value, -3);
  EXPECT_EQ(*read_back.responses[3].answers[0].second.text, "\\ backslash \\n og tab");
}

}  // namespace
}  // namespace samrapport
