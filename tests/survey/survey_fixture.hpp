// Hand-made content for the survey tests, built in code so that every count can be
// checked by hand (see the comment on make_fixture()).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "content/model.hpp"

namespace samrapport::survey_test {

using content::Answer;
using content::Content;
using content::Question;
using content::QuestionKind;
using content::Response;
using content::Survey;

inline void add_region(Content& c, std::string id, std::string name) {
  c.region_by_id[id] = c.regions.size();
  c.regions.push_back({std::move(id), std::move(name), std::nullopt, {}});
}

inline void add_municipality(Content& c, std::string id, std::string name,
                             std::optional<std::int64_t> population,
                             std::optional<std::string> region, bool in_scope) {
  content::Municipality m;
  m.id = std::move(id);
  m.name = std::move(name);
  m.population = population;
  if (region) m.region = c.region_by_id.at(*region);
  m.county = "Testfylke";
  m.in_scope = in_scope;
  const std::size_t idx = c.municipalities.size();
  if (!m.id.empty()) c.municipality_by_ref[m.id] = idx;
  c.municipality_by_ref[m.name] = idx;
  c.municipalities.push_back(std::move(m));
}

inline std::vector<content::MunicipalityIdx> refs(const Content& c,
                                                  std::initializer_list<const char*> names) {
  std::vector<content::MunicipalityIdx> out;
  for (const char* n : names) out.push_back(c.municipality_by_ref.at(n));
  return out;
}

inline Question question(std::string id, QuestionKind kind, std::vector<std::string> options = {},
                         std::vector<content::Theme> themes = {}) {
  Question q;
  q.id = std::move(id);
  q.text = "Spørsmål " + q.id + "?";
  q.kind = kind;
  q.options = std::move(options);
  q.themes = std::move(themes);
  return q;
}

inline Answer text_answer(std::string text, std::vector<std::size_t> themes = {}) {
  Answer a;
  a.text = std::move(text);
  a.themes = std::move(themes);
  return a;
}
inline Answer choice_answer(std::size_t option) {
  Answer a;
  a.choice = option;
  return a;
}
inline Answer choices_answer(std::vector<std::size_t> options) {
  Answer a;
  a.choices = std::move(options);
  return a;
}
inline Answer value_answer(double v) {
  Answer a;
  a.value = v;
  return a;
}

inline Response response(std::string respondent, std::vector<content::MunicipalityIdx> covers,
                         bool joint, std::vector<std::pair<std::size_t, Answer>> answers) {
  Response r;
  r.respondent = std::move(respondent);
  r.covers = std::move(covers);
  r.joint = joint;
  r.answers = std::move(answers);
  return r;
}

/// Regions Nord, Sør; in scope: Alfa 20 000 (nord), Bravo 15 000 (nord), Charlie 5 000 (sør),
/// Delta 4 999 (sør), Æbeltoft 1 000 (sør); out of scope: Utenfor (no region, no population).
///
/// Survey "test" (q1 text with themes a b c d; q2 single Ja/Nei/Vet ikke; q3 multi A/B/C;
/// q4 likert 1-5; q5 number), responses in file order:
///   r0 "Sør felles"    covers Charlie, Delta, joint: q1 [a,b]; q2 Ja; q3 [A,C]; q4 4; q5 10
///   r1 "Alfa kommune"  covers Alfa:             q1 [b,d];  q2 Nei; q3 [A];  q4 2; q5 3.5
///   r2 "Anonym"        covers nothing:          q1 [a,c];  q2 Ja;           q4 5
///   r3 "Bravo kommune" covers Bravo:            q1 empty;  q2 Ja
///   r4 "Sammenfatning" summary, covers Alfa, Bravo: q1 [c]
inline Content make_fixture() {
  Content c;
  c.root = "fixture";
  add_region(c, "nord", "Nord");
  add_region(c, "sor", "Sør");
  add_municipality(c, "0001", "Alfa", 20000, "nord", true);
  add_municipality(c, "0002", "Bravo", 15000, "nord", true);
  add_municipality(c, "0003", "Charlie", 5000, "sor", true);
  add_municipality(c, "0004", "Delta", 4999, "sor", true);
  add_municipality(c, "0005", "Æbeltoft", 1000, "sor", true);
  add_municipality(c, "0006", "Utenfor", std::nullopt, std::nullopt, false);

  Survey s;
  s.id = "test";
  s.title = "Testundersøkelse";
  s.sent = content::Date{2021, 10, 25};
  s.file = "fixture/surveys/test.yaml";
  s.questions.push_back(
      question("q1", QuestionKind::text, {},
               {{"a", "Tema A"}, {"b", "Tema B"}, {"c", "Tema C"}, {"d", "Tema D"}}));
  s.questions.push_back(question("q2", QuestionKind::single, {"Ja", "Nei", "Vet ikke"}));
  s.questions.push_back(question("q3", QuestionKind::multi, {"A", "B", "C"}));
  s.questions.push_back(question("q4", QuestionKind::likert,
                                 {"Svært uenig", "Uenig", "Nøytral", "Enig", "Svært enig"}));
  s.questions.push_back(question("q5", QuestionKind::number));

  s.responses.push_back(response("Sør felles", refs(c, {"Charlie", "Delta"}), true,
                                 {{0, text_answer("Felles svar.", {0, 1})},
                                  {1, choice_answer(0)},
                                  {2, choices_answer({0, 2})},
                                  {3, value_answer(4)},
                                  {4, value_answer(10)}}));
  s.responses.push_back(response("Alfa kommune", refs(c, {"Alfa"}), false,
                                 {{0, text_answer("Alfa svarer.", {1, 3})},
                                  {1, choice_answer(1)},
                                  {2, choices_answer({0})},
                                  {3, value_answer(2)},
                                  {4, value_answer(3.5)}}));
  s.responses.push_back(response(
      "Anonym", {}, false,
      {{0, text_answer("Uten navn.", {0, 2})}, {1, choice_answer(0)}, {3, value_answer(5)}}));
  s.responses.push_back(response("Bravo kommune", refs(c, {"Bravo"}), false,
                                 {{0, text_answer("  \n")}, {1, choice_answer(0)}}));
  Response summary = response("Sammenfatning", refs(c, {"Alfa", "Bravo"}), false,
                              {{0, text_answer("Fra nord blir det sagt ...", {2})}});
  summary.summary = true;
  s.responses.push_back(std::move(summary));
  c.surveys.push_back(std::move(s));
  return c;
}

}  // namespace samrapport::survey_test
