// import_survey_csv on awkward and malformed web-form exports (the content is the fixture
// of survey_fixture.hpp, whose survey "test" has questions q1 text, q2 single Ja/Nei/Vet
// ikke, q3 multi A/B/C, q4 likert 1-5, q5 number).
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <sstream>
#include <string>

#include "content/input_checks.hpp"
#include "content/reader_context.hpp"
#include "survey_fixture.hpp"
#include "survey_import/import_survey.hpp"

namespace samrapport::survey_import {
namespace {

using survey_test::make_fixture;

std::vector<std::string> messages(const Diagnostics& d, Severity sev = Severity::error) {
  std::vector<std::string> out;
  for (const Diagnostic& x : d.items()) {
    if (x.severity == sev) out.push_back(format_diagnostic(x));
  }
  return out;
}

std::string joined(const Diagnostics& d) {
  std::ostringstream os;
  d.print(os);
  return os.str();
}

ImportResult import(const std::string& csv, Diagnostics& d, ImportOptions opt = {},
                    const content::Content& c = make_fixture()) {
  if (opt.survey_id.empty()) opt.survey_id = "test";
  return import_survey_csv(csv, "svar.csv", opt, c, d);
}

TEST(ImportSurvey, AwkwardExcelExportOfAnExistingSurvey) {
  const std::string csv =
      "\xEF\xBB\xBFTidsmerke;Kommune;Navn;Rolle;Spørsmål q1?;q2;q3. Flervalg;Spørsmål q4?;q5\r\n"
      "2021-11-01 10:00;Alfa;Ola Nordmann;kommunedirektør;\"Lang tekst; med \"\"sitat\"\"\r\n"
      "og linjeskift\";Ja;A, C;4;1 234,5\r\n"
      "\r\n"
      ";;;;;;;;\r\n"
      "2021-11-02;Charlie og Delta;;;\"\";nei;;Enig;\r\n";
  Diagnostics d;
  const content::Content c = make_fixture();
  const ImportResult r = import(csv, d, {}, c);
  EXPECT_FALSE(d.has_errors()) << joined(d);
  EXPECT_TRUE(r.existing_survey);
  EXPECT_EQ(r.responses, 2u);
  ASSERT_EQ(r.columns.size(), 9u);
  EXPECT_EQ(r.columns[0].role, "ignored");
  EXPECT_EQ(r.columns[1].role, "municipality");
  EXPECT_EQ(r.columns[2].role, "respondent");
  EXPECT_EQ(r.columns[3].role, "role");
  EXPECT_EQ(r.columns[4].question_id, "q1");
  EXPECT_EQ(r.columns[6].question_id, "q3");
  ASSERT_FALSE(r.yaml.empty());

  const YAML::Node n = YAML::Load(r.yaml);
  EXPECT_EQ(n["id"].as<std::string>(), "test");
  EXPECT_EQ(n["title"].as<std::string>(), "Testundersøkelse");
  EXPECT_EQ(n["questions"].size(), 5u);
  ASSERT_EQ(n["responses"].size(), 2u);
  const YAML::Node a = n["responses"][0];
  EXPECT_EQ(a["respondent"].as<std::string>(), "Ola Nordmann");
  EXPECT_EQ(a["role"].as<std::string>(), "kommunedirektør");
  EXPECT_EQ(a["covers"][0].as<std::string>(), "Alfa");
  EXPECT_FALSE(a["joint"].as<bool>());
  EXPECT_EQ(a["answers"]["q1"]["text"].as<std::string>(),
            "Lang tekst; med \"sitat\"\nog linjeskift");
  EXPECT_EQ(a["answers"]["q2"]["choice"].as<std::string>(), "Ja");
  EXPECT_EQ(a["answers"]["q3"]["choices"][0].as<std::string>(), "A");
  EXPECT_EQ(a["answers"]["q3"]["choices"][1].as<std::string>(), "C");
  EXPECT_EQ(a["answers"]["q4"]["value"].as<double>(), 4);
  EXPECT_EQ(a["answers"]["q5"]["value"].as<double>(), 1234.5);
  const YAML::Node b = n["responses"][1];
  EXPECT_EQ(b["respondent"].as<std::string>(), "Charlie og Delta");
  EXPECT_FALSE(b["role"]);
  EXPECT_TRUE(b["joint"].as<bool>());
  EXPECT_EQ(b["covers"].size(), 2u);
  EXPECT_FALSE(b["answers"]["q1"]);  // empty cell: no answer
  EXPECT_EQ(b["answers"]["q2"]["choice"].as<std::string>(), "Nei");
  EXPECT_EQ(b["answers"]["q4"]["value"].as<double>(), 4);  // the label "Enig"
  EXPECT_EQ(b["answers"].size(), 2u);
}

TEST(ImportSurvey, CommaSeparatedLfWithoutBom) {
  Diagnostics d;
  const ImportResult r = import("Kommune,q2,q5\nBravo,Vet ikke,\"3,5\"\n", d);
  EXPECT_FALSE(d.has_errors()) << joined(d);
  const YAML::Node n = YAML::Load(r.yaml);
  EXPECT_EQ(n["responses"][0]["respondent"].as<std::string>(), "Bravo kommune");
  EXPECT_EQ(n["responses"][0]["answers"]["q5"]["value"].as<double>(), 3.5);
  // q1, q3 and q4 have no column: a warning each, not an error.
  EXPECT_EQ(messages(d, Severity::warning).size(), 3u);
}

TEST(ImportSurvey, NewSurveyInfersQuestions) {
  const std::string csv =
      "Kommune;Bør kommunene søke status som frikommune?;Antall årsverk;Kommentar\n"
      "Alfa;Ja;12,5;Vi er positive.\n"
      "Bravo;Nei;3;\n"
      "Charlie;Ja;1 000;Tja.\n";
  Diagnostics d;
  ImportOptions opt;
  opt.survey_id = "frikommune";
  opt.title = "Frikommuner";
  const ImportResult r = import(csv, d, opt);
  EXPECT_FALSE(d.has_errors()) << joined(d);
  EXPECT_FALSE(r.existing_survey);
  const YAML::Node n = YAML::Load(r.yaml);
  EXPECT_EQ(n["id"].as<std::string>(), "frikommune");
  EXPECT_EQ(n["title"].as<std::string>(), "Frikommuner");
  const YAML::Node q = n["questions"];
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0]["id"].as<std::string>(), "q1");
  EXPECT_EQ(q[0]["text"].as<std::string>(), "Bør kommunene søke status som frikommune?");
  EXPECT_EQ(q[0]["kind"].as<std::string>(), "single");
  EXPECT_EQ(q[0]["options"][0].as<std::string>(), "Ja");
  EXPECT_EQ(q[0]["options"][1].as<std::string>(), "Nei");
  EXPECT_EQ(q[1]["kind"].as<std::string>(), "number");
  EXPECT_EQ(q[2]["kind"].as<std::string>(), "text");
  EXPECT_EQ(n["responses"][2]["answers"]["q2"]["value"].as<double>(), 1000);
  EXPECT_FALSE(n["responses"][1]["answers"]["q3"]);
}

TEST(ImportSurvey, SurveyIdFromFileName) {
  EXPECT_EQ(survey_id_from_file_name("data/Svar skjema (2).csv"), "svar-skjema-2");
  EXPECT_EQ(survey_id_from_file_name("Spørreundersøkelse ÅL Ærlig.CSV"),
            "sporreundersokelse-al-aerlig");
  EXPECT_EQ(survey_id_from_file_name("___.csv"), "survey");
}

TEST(ImportSurvey, SurveyIdMustBeASlug) {
  for (const std::string id : {"../../etc/x", "Svar", "a/b", "-x", "x y"}) {
    Diagnostics d;
    ImportOptions opt;
    opt.survey_id = id;
    const ImportResult r = import("Kommune;q2\nAlfa;Ja\n", d, opt);
    EXPECT_TRUE(r.yaml.empty()) << id;
    ASSERT_EQ(messages(d).size(), 1u) << id;
    EXPECT_EQ(messages(d)[0], "svar.csv: error: survey id '" + id +
                                  "' is not a slug (use lower-case letters a-z, digits, '-' and "
                                  "'_', starting with a letter or digit); give one with --survey");
  }
}

// What `check` refuses is refused here, at the cell: a cell larger than a content file,
// control characters.
TEST(ImportSurvey, SizeLimitAndControlCharactersOfCells) {
  {
    Diagnostics d;
    const std::string big(content::kMaxFileBytes + 1, 'x');
    const ImportResult r = import("Kommune;q1\nAlfa;ok\nBravo;" + big + "\n", d);
    EXPECT_TRUE(r.yaml.empty());
    ASSERT_EQ(messages(d).size(), 1u) << joined(d).substr(0, 1000);
    EXPECT_EQ(messages(d)[0].rfind("svar.csv:3:7: error: the cell is 16777217 bytes; a content "
                                   "file is limited to 16777216 bytes",
                                   0),
              0u)
        << messages(d)[0];
  }
  {
    // Each cell under the limit, the survey file over it.
    Diagnostics d;
    const std::string cell(9u << 20, 'x');
    const ImportResult r = import("Kommune;q1\nAlfa;" + cell + "\nBravo;" + cell + "\n", d);
    EXPECT_TRUE(r.yaml.empty());
    ASSERT_EQ(messages(d).size(), 1u) << joined(d);
    EXPECT_NE(messages(d)[0].find("so check would refuse it"), std::string::npos);
  }
  {
    Diagnostics d;
    const ImportResult r = import("Kommune;q1\nAlfa;a\x1b[31mx\x07\n", d);
    EXPECT_TRUE(r.yaml.empty());
    ASSERT_EQ(messages(d).size(), 1u) << joined(d);
    EXPECT_EQ(messages(d)[0].rfind("svar.csv:2:6: error: control character U+001B in the cell", 0),
              0u)
        << messages(d)[0];
  }
}

// A flood of errors is capped as `check` caps it: the first ones, then a count.
TEST(ImportSurvey, ErrorFloodIsCapped) {
  std::string csv = "Kommune;q2\n";
  for (int i = 0; i < 200000; ++i) csv += "Oslo;Ja\n";
  Diagnostics d;
  const ImportResult r = import(csv, d);
  EXPECT_TRUE(r.yaml.empty());
  const auto m = messages(d);
  // The fixture's survey has four questions without a column: four warnings come first.
  ASSERT_EQ(d.items().size(), content::kMaxDiagnosticsPerFile + 1);
  ASSERT_EQ(m.size(), content::kMaxDiagnosticsPerFile - 4 + 1);
  EXPECT_EQ(m.front().rfind("svar.csv:2:1: error: unknown municipality \"Oslo\"", 0), 0u);
  EXPECT_EQ(m.back(), "svar.csv: error: further problems in this file are not shown: " +
                          std::to_string(200000 - (content::kMaxDiagnosticsPerFile - 4)) +
                          " errors");
}

TEST(ImportSurvey, UnknownMunicipalityIsAnErrorWithLineAndNothingIsWritten) {
  Diagnostics d;
  const ImportResult r = import("Kommune;q2\nAlfa;Ja\n\nBravo, Oslo;Nei\n", d);
  EXPECT_TRUE(r.yaml.empty());
  EXPECT_EQ(messages(d),
            (std::vector<std::string>{"svar.csv:4:1: error: unknown municipality \"Oslo\" (not in "
                                      "municipalities.yaml)"}));
}

TEST(ImportSurvey, WrongColumnCountIsAnErrorWithLine) {
  Diagnostics d;
  const ImportResult r = import("Kommune;q2\nAlfa;Ja\nBravo;Nei;ekstra\n", d);
  EXPECT_TRUE(r.yaml.empty());
  ASSERT_EQ(messages(d).size(), 1u);
  EXPECT_EQ(
      messages(d)[0].rfind("svar.csv:3:1: error: the row has 3 fields but the header has 2", 0),
      0u);
}

TEST(ImportSurvey, UnterminatedQuoteIsAnErrorAndNothingIsWritten) {
  Diagnostics d;
  const ImportResult r = import("Kommune;q1\nAlfa;\"ikke lukket\nBravo;x\n", d);
  EXPECT_TRUE(r.yaml.empty());
  ASSERT_EQ(messages(d).size(), 1u);
  EXPECT_EQ(messages(d)[0].rfind("svar.csv:2:6: error: unterminated quoted field", 0), 0u);
}

TEST(ImportSurvey, EveryBadCellIsReported) {
  const std::string csv =
      "Kommune;q2;q3;q4;q5;Felles svar\n"
      "Alfa;Kanskje;A;3;2;nei\n"      // option not offered
      "Bravo;Ja;A; D;7;;\n"           // wrong column count (7 fields)
      "Charlie;Ja;A, D;7;mange;ja\n"  // multi option, Likert out of range, not a number
      "Delta;Ja;;;;kanskje\n"         // not a yes/no value
      "alfa kommune;Nei;;;;\n"        // Alfa covered twice
      ";Nei;;;;\n";                   // no municipality
  Diagnostics d;
  const ImportResult r = import(csv, d);
  EXPECT_TRUE(r.yaml.empty());
  d.sort();
  EXPECT_EQ(
      messages(d),
      (std::vector<std::string>{
          "svar.csv:2:6: error: \"Kanskje\" is not an option of question q2 (options: \"Ja\", "
          "\"Nei\", \"Vet ikke\")",
          "svar.csv:3:1: error: the row has 7 fields but the header has 6 (an unquoted separator "
          "or line break in a cell?)",
          "svar.csv:4:12: error: \"D\" is not an option of question q3 (options: \"A\", \"B\", "
          "\"C\")",
          "svar.csv:4:17: error: Likert value \"7\" of question q4 is outside 1-5 and is not one "
          "of its options",
          "svar.csv:4:19: error: \"mange\" is not a number (question q5)",
          "svar.csv:5:13: error: \"kanskje\" is not a yes/no value (ja, nei, yes, no, x or empty)",
          "svar.csv:6:1: error: Alfa is already covered by the row on line 2; a municipality may "
          "answer once per survey",
          "svar.csv:7:1: error: no municipality named in column \"Kommune\""}));
}

TEST(ImportSurvey, MissingMunicipalityColumn) {
  Diagnostics d;
  const ImportResult r = import("Hvem;q2\nAlfa;Ja\n", d);
  EXPECT_TRUE(r.yaml.empty());
  ASSERT_EQ(messages(d).size(), 1u);
  EXPECT_NE(messages(d)[0].find("svar.csv:1:1: error: no column naming the municipality"),
            std::string::npos);
  // Named explicitly, the same file imports.
  Diagnostics d2;
  ImportOptions opt;
  opt.municipality_column = "hvem";
  EXPECT_FALSE(import("Hvem;q2\nAlfa;Ja\n", d2, opt).yaml.empty()) << joined(d2);
}

TEST(ImportSurvey, KeepExistingResponsesChecksCoverage) {
  ImportOptions opt;
  opt.keep_existing_responses = true;
  Diagnostics d;
  // Æbeltoft is not covered by the fixture's responses; Alfa is (and by the summary).
  const ImportResult ok = import("Kommune;q2\nÆbeltoft;Nei\n", d, opt);
  EXPECT_FALSE(d.has_errors()) << joined(d);
  const YAML::Node n = YAML::Load(ok.yaml);
  ASSERT_EQ(n["responses"].size(), 6u);
  EXPECT_TRUE(n["responses"][4]["summary"].as<bool>());
  EXPECT_EQ(n["responses"][5]["covers"][0].as<std::string>(), "Æbeltoft");

  Diagnostics d2;
  const ImportResult bad = import("Kommune;q2\nAlfa;Nei\n", d2, opt);
  EXPECT_TRUE(bad.yaml.empty());
  EXPECT_EQ(messages(d2), (std::vector<std::string>{
                              "svar.csv:2:1: error: Alfa is already covered by the existing "
                              "response of \"Alfa kommune\"; a municipality may answer once per "
                              "survey"}));
}

TEST(ImportSurvey, Windows1252AndOutsidePopulationAreWarnings) {
  Diagnostics d;
  const ImportResult r = import(
      "Kommune;q2\n\xC6"
      "beltoft;Ja\nUtenfor;Nei\n",
      d);
  EXPECT_FALSE(d.has_errors()) << joined(d);
  const auto warnings = messages(d, Severity::warning);
  ASSERT_GE(warnings.size(), 2u);
  EXPECT_NE(joined(d).find("read as Windows-1252"), std::string::npos);
  EXPECT_NE(joined(d).find("svar.csv:3:1: warning: Utenfor is not in the population"),
            std::string::npos);
  const YAML::Node n = YAML::Load(r.yaml);
  EXPECT_EQ(n["responses"][0]["covers"][0].as<std::string>(), "Æbeltoft");
}

TEST(ImportSurvey, Utf16IsRefused) {
  Diagnostics d;
  const ImportResult r = import(std::string("\xFF\xFEK\0", 4), d);
  EXPECT_TRUE(r.yaml.empty());
  EXPECT_EQ(messages(d).size(), 1u);
}

// Deterministic pseudo-random files built from awkward pieces: rows of five cells, most of
// them quoted properly, some not, some with a municipality that does not exist. Every
// import either reports errors and writes nothing, or writes YAML that reads back with one
// response per row.
TEST(ImportSurvey, ShuffledAwkwardInputEitherFailsCleanlyOrReadsBack) {
  const std::vector<std::string> pieces = {"x",   "\"", ";",   ",",   "\n",       "\r\n", " ", "Ja",
                                           "Nei", "3",  "4,5", "«x»", "\xC3\xA5", "#",    "*"};
  const std::vector<std::string> places = {
      "Alfa", "Bravo", "Charlie og Delta", "Æbeltoft kommune", "0001", "Oslo", ""};
  const content::Content c = make_fixture();
  std::uint32_t state = 12345;
  const auto next = [&state](std::uint32_t n) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % n;
  };
  const auto cell = [&](std::string text) {
    if (next(10) < 7) {  // quoted, with quotes doubled
      std::string q = "\"";
      for (char ch : text) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      return q + "\"";
    }
    return text;
  };
  int imported = 0;
  for (int round = 0; round < 300; ++round) {
    std::string csv = next(2) ? "\xEF\xBB\xBF" : "";
    csv += "Kommune;q1;q2;q3;q5\r\n";
    const std::uint32_t rows = next(4);
    for (std::uint32_t r = 0; r < rows; ++r) {
      csv += cell(places[next(static_cast<std::uint32_t>(places.size()))]);
      for (int k = 0; k < 4; ++k) {
        std::string text;
        for (std::uint32_t i = next(4); i > 0; --i) {
          text += pieces[next(static_cast<std::uint32_t>(pieces.size()))];
        }
        csv += ";" + cell(text);
      }
      csv += next(2) ? "\r\n" : "\n";
    }
    Diagnostics d;
    ImportOptions opt;
    opt.survey_id = "test";
    const ImportResult res = import_survey_csv(csv, "f.csv", opt, c, d);
    if (d.has_errors()) {
      EXPECT_TRUE(res.yaml.empty()) << csv;
      continue;
    }
    ++imported;
    YAML::Node y;
    ASSERT_NO_THROW(y = YAML::Load(res.yaml)) << csv << "\n" << res.yaml;
    EXPECT_EQ(y["responses"].size(), res.responses) << csv;
    for (std::size_t i = 0; i < res.survey.responses.size(); ++i) {
      for (const auto& [qi, answer] : res.survey.responses[i].answers) {
        if (!answer.text) continue;
        EXPECT_EQ(
            y["responses"][i]["answers"][res.survey.questions[qi].id]["text"].as<std::string>(),
            *answer.text);
      }
    }
  }
  EXPECT_GE(imported, 30);
}

TEST(ImportSurvey, Deterministic) {
  const std::string csv = "Kommune;q1;q2\nAlfa;«Svar» med æøå;Ja\nBravo;;Nei\n";
  Diagnostics d1, d2;
  EXPECT_EQ(import(csv, d1).yaml, import(csv, d2).yaml);
}

}  // namespace
}  // namespace samrapport::survey_import
