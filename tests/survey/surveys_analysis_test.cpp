// analyse_surveys on hand-made content: every expected number is counted by hand from
// the fixture described in survey_fixture.hpp.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/surveys.hpp"
#include "survey_fixture.hpp"

namespace samrapport::survey_test {
namespace {

using analysis::analyse_surveys;
using json = nlohmann::ordered_json;

std::vector<std::string> strings(const json& j) {
  std::vector<std::string> out;
  for (const auto& x : j) out.push_back(x.get<std::string>());
  return out;
}

const json& question(const json& survey, const std::string& id) {
  for (const auto& q : survey["questions"]) {
    if (q["id"] == id) return q;
  }
  throw std::runtime_error("no question " + id);
}

class SurveyAnalysisTest : public ::testing::Test {
 protected:
  Content content = make_fixture();
  json all = analyse_surveys(content);
  const json& s = all["test"];
};

TEST(SurveySizeClass, BoundsFollowFigure23) {
  using analysis::survey_size_class;
  using analysis::SurveySizeClass;
  EXPECT_EQ(survey_size_class(15001), SurveySizeClass::large);
  EXPECT_EQ(survey_size_class(15000), SurveySizeClass::medium);
  EXPECT_EQ(survey_size_class(5000), SurveySizeClass::medium);
  EXPECT_EQ(survey_size_class(4999), SurveySizeClass::small);
  EXPECT_EQ(survey_size_class(0), SurveySizeClass::small);
}

TEST(SurveySizeClass, OtherBounds) {
  using analysis::SurveySizeClass;
  const analysis::SurveySizeBounds b{1000, 10000};
  EXPECT_EQ(analysis::survey_size_class(999, b), SurveySizeClass::small);
  EXPECT_EQ(analysis::survey_size_class(1000, b), SurveySizeClass::medium);
  EXPECT_EQ(analysis::survey_size_class(10001, b), SurveySizeClass::large);
  // The fixture with these bounds: Alfa, Bravo large; Charlie, Delta, Æbeltoft medium.
  const json s = analyse_surveys(make_fixture(), b)["test"];
  const json& bs = s["by_size_class"];
  EXPECT_EQ(bs[0]["min_population"], 10001);
  EXPECT_EQ(bs[0]["population"], 2);
  EXPECT_EQ(bs[1]["min_population"], 1000);
  EXPECT_EQ(bs[1]["max_population"], 10000);
  EXPECT_EQ(bs[1]["population"], 3);
  EXPECT_EQ(bs[2]["max_population"], 999);
  EXPECT_EQ(bs[2]["population"], 0);
  EXPECT_EQ(s["population"][1]["size_class"], "large");
}

TEST_F(SurveyAnalysisTest, HeaderAndPopulation) {
  ASSERT_TRUE(all.is_object());
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(s["id"], "test");
  EXPECT_EQ(s["title"], "Testundersøkelse");
  EXPECT_EQ(s["sent"], "2021-10-25");
  EXPECT_TRUE(s["deadline"].is_null());
  EXPECT_FALSE(s["population_explicit"].get<bool>());
  ASSERT_EQ(s["population"].size(), 5u);  // Utenfor is out of scope
  std::vector<std::string> names;
  for (const auto& m : s["population"]) names.push_back(m["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"Alfa", "Bravo", "Charlie", "Delta", "Æbeltoft"}));
  EXPECT_EQ(s["population"][0]["region"], "nord");
  EXPECT_EQ(s["population"][2]["region_name"], "Sør");
  EXPECT_EQ(s["population"][0]["size_class"], "large");
  EXPECT_EQ(s["population"][1]["size_class"], "medium");
  EXPECT_EQ(s["population"][3]["size_class"], "small");
  EXPECT_FALSE(s["population"][4]["covered"].get<bool>());
}

TEST_F(SurveyAnalysisTest, ResponseCountsExcludeSummaries) {
  const json& r = s["responses"];
  EXPECT_EQ(r["count"], 4);
  EXPECT_EQ(r["individual"], 3);
  EXPECT_EQ(r["joint"], 1);
  EXPECT_EQ(r["anonymous"], 1);
  EXPECT_EQ(r["summaries"], 1);
}

TEST_F(SurveyAnalysisTest, ResponseRateCountsMunicipalities) {
  const json& rr = s["response_rate"];
  EXPECT_EQ(rr["population"], 5);
  EXPECT_EQ(rr["covered"], 4);
  EXPECT_DOUBLE_EQ(rr["percent"].get<double>(), 80.0);
  EXPECT_EQ(rr["individual"], 2);
  EXPECT_EQ(rr["joint"], 2);
  EXPECT_EQ(rr["not_covered"], 1);
  EXPECT_EQ(strings(rr["covered_names"]),
            (std::vector<std::string>{"Alfa", "Bravo", "Charlie", "Delta"}));
  EXPECT_EQ(strings(rr["not_covered_names"]), (std::vector<std::string>{"Æbeltoft"}));
  EXPECT_EQ(strings(rr["individual_names"]), (std::vector<std::string>{"Alfa", "Bravo"}));
  EXPECT_EQ(strings(rr["joint_names"]), (std::vector<std::string>{"Charlie", "Delta"}));
  EXPECT_TRUE(s["covered_outside_population"].empty());
}

TEST_F(SurveyAnalysisTest, CoverageByRegionAndSizeClass) {
  const json& br = s["by_region"];
  ASSERT_EQ(br.size(), 2u);
  EXPECT_EQ(br[0]["id"], "nord");
  EXPECT_EQ(br[0]["population"], 2);
  EXPECT_EQ(br[0]["covered"], 2);
  EXPECT_DOUBLE_EQ(br[0]["percent"].get<double>(), 100.0);
  EXPECT_EQ(br[1]["name"], "Sør");
  EXPECT_EQ(br[1]["population"], 3);
  EXPECT_EQ(br[1]["covered"], 2);
  EXPECT_EQ(br[1]["joint"], 2);
  EXPECT_EQ(strings(br[1]["not_covered_names"]), (std::vector<std::string>{"Æbeltoft"}));

  const json& bs = s["by_size_class"];
  ASSERT_EQ(bs.size(), 3u);
  EXPECT_EQ(bs[0]["id"], "large");
  EXPECT_EQ(bs[0]["min_population"], 15001);
  EXPECT_TRUE(bs[0]["max_population"].is_null());
  EXPECT_EQ(bs[0]["population"], 1);
  EXPECT_EQ(bs[1]["id"], "medium");
  EXPECT_EQ(bs[1]["population"], 2);  // Bravo 15 000 and Charlie 5 000: both bounds inclusive
  EXPECT_EQ(bs[1]["covered"], 2);
  EXPECT_EQ(bs[2]["id"], "small");
  EXPECT_EQ(bs[2]["population"], 2);
  EXPECT_EQ(bs[2]["covered"], 1);
  EXPECT_DOUBLE_EQ(bs[2]["percent"].get<double>(), 50.0);
}

TEST_F(SurveyAnalysisTest, RespondentsInRegionOrder) {
  std::vector<std::string> order;
  for (const auto& r : s["respondents"]) order.push_back(r["respondent"]);
  // Nord (file order: r1, r3, r4), Sør (r0), no region (r2).
  EXPECT_EQ(order, (std::vector<std::string>{"Alfa kommune", "Bravo kommune", "Sammenfatning",
                                             "Sør felles", "Anonym"}));
  const json& bravo = s["respondents"][1];
  EXPECT_TRUE(bravo["answered"].size() == 1u && bravo["answered"][0] == "q2");  // q1 is empty
  EXPECT_TRUE(s["respondents"][2]["summary"].get<bool>());
  EXPECT_TRUE(s["respondents"][4]["region"].is_null());
}

TEST(SurveyAnalysisRegion, AnUnnamedAnswerWithARegionIsListedUnderIt) {
  Content c = make_fixture();
  Response& anonym = c.surveys[0].responses[2];
  ASSERT_EQ(anonym.respondent, "Anonym");
  anonym.region = c.region_by_id.at("sor");
  const json all = analyse_surveys(c);
  const json& s = all["test"];
  std::vector<std::string> order;
  for (const auto& r : s["respondents"]) order.push_back(r["respondent"]);
  // Nord (r1, r3, r4), Sør (r0, then r2 by file order).
  EXPECT_EQ(order, (std::vector<std::string>{"Alfa kommune", "Bravo kommune", "Sammenfatning",
                                             "Sør felles", "Anonym"}));
  EXPECT_EQ(s["respondents"][4]["region"], "sor");
  const json& groups = question(s, "q1")["answers_by_region"];
  ASSERT_EQ(groups.size(), 2u);  // no group without a region any more
  EXPECT_EQ(groups[1]["id"], "sor");
  EXPECT_EQ(groups[1]["indexes"], json::parse("[2, 3]"));
  // Coverage is unchanged: a region is not a municipality.
  EXPECT_EQ(s["response_rate"]["covered"], 4);
}

TEST_F(SurveyAnalysisTest, TextQuestionAnswersAndThemes) {
  const json& q = question(s, "q1");
  EXPECT_EQ(q["number"], 1);
  EXPECT_EQ(q["kind"], "text");
  EXPECT_EQ(q["answered"], 3);  // r0, r1, r2; r3 is blank, r4 a summary
  EXPECT_EQ(q["empty"], 1);
  EXPECT_EQ(q["summaries"], 1);
  EXPECT_EQ(q["municipalities_answered"], 4);  // Bravo through the summary
  EXPECT_EQ(q["coded"], 3);
  EXPECT_EQ(q["uncoded"], 0);

  std::vector<std::string> who;
  for (const auto& a : q["answers"]) who.push_back(a["respondent"]);
  EXPECT_EQ(who,
            (std::vector<std::string>{"Alfa kommune", "Sammenfatning", "Sør felles", "Anonym"}));
  const json& groups = q["answers_by_region"];
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0]["id"], "nord");
  EXPECT_EQ(groups[0]["count"], 2);
  EXPECT_EQ(groups[0]["indexes"], json::parse("[0, 1]"));
  EXPECT_EQ(groups[1]["name"], "Sør");
  EXPECT_EQ(groups[1]["indexes"], json::parse("[2]"));
  EXPECT_TRUE(groups[2]["id"].is_null());
  EXPECT_EQ(groups[2]["indexes"], json::parse("[3]"));
  EXPECT_EQ(q["answers"][3]["text"], "Uten navn.");

  // By responses: a {r0, r2}, b {r0, r1}, c {r2}, d {r1}.
  // By municipalities: a {Charlie, Delta}, b {Charlie, Delta, Alfa}, c {Bravo (summary)},
  // d {Alfa}.
  const json& t = q["themes"];
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0]["id"], "a");
  EXPECT_EQ(t[0]["responses"], 2);
  EXPECT_EQ(t[0]["municipalities"], 2);
  EXPECT_EQ(t[1]["responses"], 2);
  EXPECT_EQ(t[1]["municipalities"], 3);
  EXPECT_DOUBLE_EQ(t[1]["percent_municipalities"].get<double>(), 75.0);
  EXPECT_EQ(t[2]["responses"], 1);
  EXPECT_EQ(t[2]["municipalities"], 1);
  EXPECT_EQ(t[3]["responses"], 1);
  EXPECT_EQ(t[3]["municipalities"], 1);
  EXPECT_NEAR(t[0]["percent_responses"].get<double>(), 200.0 / 3.0, 1e-9);

  // Ranked: b (2 responses, 3 municipalities), a (2, 2), then c and d tied (1, 1) in
  // definition order with a shared rank.
  std::vector<std::string> ranked;
  std::vector<int> ranks;
  for (const auto& x : q["themes_ranked"]) {
    ranked.push_back(x["id"]);
    ranks.push_back(x["rank"]);
  }
  EXPECT_EQ(ranked, (std::vector<std::string>{"b", "a", "c", "d"}));
  EXPECT_EQ(ranks, (std::vector<int>{1, 2, 3, 3}));
  EXPECT_TRUE(q["distribution"].is_null());
}

TEST_F(SurveyAnalysisTest, AnswerItemCarriesRespondentAndChoice) {
  const json& q = question(s, "q2");
  const json& sor = q["answers_by_region"][1];
  ASSERT_EQ(sor["id"], "sor");
  const json& a = q["answers"][sor["indexes"][0].get<std::size_t>()];
  EXPECT_EQ(a["respondent"], "Sør felles");
  EXPECT_EQ(strings(a["covers"]), (std::vector<std::string>{"Charlie", "Delta"}));
  EXPECT_TRUE(a["joint"].get<bool>());
  EXPECT_EQ(a["region"], "sor");
  EXPECT_EQ(a["choice"], "Ja");
  EXPECT_TRUE(a["text"].is_null());
}

TEST_F(SurveyAnalysisTest, SingleChoiceDistribution) {
  const json& q = question(s, "q2");
  const json& d = q["distribution"];
  EXPECT_EQ(d["n"], 4);
  ASSERT_EQ(d["options"].size(), 3u);
  EXPECT_EQ(d["options"][0]["label"], "Ja");
  EXPECT_EQ(d["options"][0]["count"], 3);
  EXPECT_DOUBLE_EQ(d["options"][0]["percent"].get<double>(), 75.0);
  EXPECT_EQ(d["options"][1]["count"], 1);
  EXPECT_EQ(d["options"][2]["count"], 0);
  EXPECT_DOUBLE_EQ(d["options"][2]["percent"].get<double>(), 0.0);
  // Municipalities: Alfa Nei, Bravo Ja, Charlie Ja, Delta Ja.
  EXPECT_EQ(d["options"][0]["municipalities"], 3);
  EXPECT_EQ(d["options"][1]["municipalities"], 1);

  const json& br = q["by_region"];
  ASSERT_EQ(br.size(), 2u);
  EXPECT_EQ(br[0]["answered"], 2);
  EXPECT_EQ(br[0]["options"][0]["count"], 1);
  EXPECT_EQ(br[0]["options"][1]["count"], 1);
  EXPECT_EQ(br[1]["municipalities"], 3);
  EXPECT_EQ(br[1]["answered"], 2);
  EXPECT_DOUBLE_EQ(br[1]["options"][0]["percent"].get<double>(), 100.0);

  const json& bs = q["by_size_class"];
  EXPECT_EQ(bs[0]["options"][1]["count"], 1);  // large: Alfa, Nei
  EXPECT_EQ(bs[1]["options"][0]["count"], 2);  // medium: Bravo, Charlie
  EXPECT_EQ(bs[2]["answered"], 1);             // small: Delta (Æbeltoft did not answer)
  EXPECT_DOUBLE_EQ(bs[2]["percent_answered"].get<double>(), 50.0);
}

TEST_F(SurveyAnalysisTest, MultiChoicePercentOfRespondents) {
  const json& d = question(s, "q3")["distribution"];
  EXPECT_EQ(d["n"], 2);
  EXPECT_EQ(d["options"][0]["count"], 2);
  EXPECT_DOUBLE_EQ(d["options"][0]["percent"].get<double>(), 100.0);
  EXPECT_EQ(d["options"][1]["count"], 0);
  EXPECT_EQ(d["options"][2]["count"], 1);
  EXPECT_DOUBLE_EQ(d["options"][2]["percent"].get<double>(), 50.0);
  EXPECT_EQ(d["options"][0]["municipalities"], 3);
  EXPECT_NEAR(d["options"][2]["percent_municipalities"].get<double>(), 200.0 / 3.0, 1e-9);
}

TEST_F(SurveyAnalysisTest, LikertNAndMean) {
  const json& q = question(s, "q4");
  const json& l = q["likert"];
  EXPECT_EQ(l["n"], 3);
  EXPECT_NEAR(l["mean"].get<double>(), 11.0 / 3.0, 1e-12);
  EXPECT_EQ(l["scale"], 5);
  EXPECT_EQ(l["municipalities_n"], 3);  // Alfa 2, Charlie 4, Delta 4
  EXPECT_NEAR(l["municipalities_mean"].get<double>(), 10.0 / 3.0, 1e-12);
  const json& opts = q["distribution"]["options"];
  std::vector<int> counts;
  for (const auto& o : opts) counts.push_back(o["count"]);
  EXPECT_EQ(counts, (std::vector<int>{0, 1, 0, 1, 1}));
  EXPECT_EQ(opts[4]["index"], 5);
  EXPECT_EQ(q["answers"][0]["value_label"], "Uenig");  // Alfa: 2
  EXPECT_NEAR(q["by_region"][1]["mean"].get<double>(), 4.0, 1e-12);
}

TEST_F(SurveyAnalysisTest, NumberStatistics) {
  const json& q = question(s, "q5");
  const json& n = q["number_stats"];
  EXPECT_EQ(n["n"], 2);
  EXPECT_DOUBLE_EQ(n["mean"].get<double>(), 6.75);
  EXPECT_DOUBLE_EQ(n["min"].get<double>(), 3.5);
  EXPECT_DOUBLE_EQ(n["max"].get<double>(), 10.0);
  EXPECT_DOUBLE_EQ(n["sum"].get<double>(), 13.5);
  // By municipalities: Alfa 3.5, Charlie 10, Delta 10 (the joint answer counts twice).
  EXPECT_EQ(n["municipalities_n"], 3);
  EXPECT_NEAR(n["municipalities_mean"].get<double>(), 23.5 / 3.0, 1e-12);
  EXPECT_DOUBLE_EQ(n["municipalities_min"].get<double>(), 3.5);
  EXPECT_DOUBLE_EQ(n["municipalities_max"].get<double>(), 10.0);
  EXPECT_EQ(q["by_region"][1]["n"], 2);  // Charlie and Delta share the joint answer
  EXPECT_DOUBLE_EQ(q["by_region"][1]["mean"].get<double>(), 10.0);
  EXPECT_TRUE(q["by_size_class"][0]["mean"].get<double>() == 3.5);
  EXPECT_TRUE(q["distribution"].is_null());
  EXPECT_TRUE(q["likert"].is_null());
}

TEST_F(SurveyAnalysisTest, Deterministic) {
  EXPECT_EQ(analyse_surveys(content).dump(), all.dump());
}

TEST(SurveyAnalysis, EmptySurveyHasNullMeansAndPercents) {
  Content c = make_fixture();
  c.surveys[0].responses.clear();
  const json s = analyse_surveys(c)["test"];
  EXPECT_EQ(s["responses"]["count"], 0);
  EXPECT_EQ(s["response_rate"]["covered"], 0);
  EXPECT_DOUBLE_EQ(s["response_rate"]["percent"].get<double>(), 0.0);
  const json& q4 = s["questions"][3];
  EXPECT_TRUE(q4["likert"]["mean"].is_null());
  EXPECT_TRUE(q4["distribution"]["options"][0]["percent"].is_null());
  EXPECT_TRUE(s["questions"][4]["number_stats"]["min"].is_null());
}

TEST(SurveyAnalysis, ExplicitPopulationOutsideRegionsIsCollated) {
  Content c = make_fixture();
  add_municipality(c, "", "Ås", std::nullopt, std::nullopt, false);
  add_municipality(c, "", "Aremark", std::nullopt, std::nullopt, false);
  add_municipality(c, "", "Øvre", std::nullopt, std::nullopt, false);
  Survey& sv = c.surveys[0];
  sv.population = refs(c, {"Ås", "Delta", "Øvre", "Aremark", "Alfa", "Utenfor"});
  sv.responses.push_back(response("Ås kommune", refs(c, {"Ås"}), false, {{1, choice_answer(2)}}));
  sv.responses.push_back(
      response("Æbeltoft kommune", refs(c, {"Æbeltoft"}), false, {{1, choice_answer(2)}}));
  const json s = analyse_surveys(c)["test"];
  EXPECT_TRUE(s["population_explicit"].get<bool>());
  std::vector<std::string> names;
  for (const auto& m : s["population"]) names.push_back(m["name"]);
  // Regions first (file order), then the rest by Norwegian collation: Z < Æ < Ø < Å.
  EXPECT_EQ(names, (std::vector<std::string>{"Alfa", "Delta", "Aremark", "Utenfor", "Øvre", "Ås"}));
  EXPECT_EQ(s["response_rate"]["population"], 6);
  // Alfa, Delta (r0 joint), Ås covered; Æbeltoft covered but not in the population.
  EXPECT_EQ(s["response_rate"]["covered"], 3);
  EXPECT_EQ(strings(s["covered_outside_population"]),
            (std::vector<std::string>{"Bravo", "Charlie", "Æbeltoft"}));
  // The municipalities without a region form the last region group; without population
  // figures they form a size-class group with id null.
  const json& br = s["by_region"];
  EXPECT_TRUE(br.back()["id"].is_null());
  EXPECT_EQ(br.back()["population"], 4);
  EXPECT_EQ(br.back()["covered"], 1);
  const json& bs = s["by_size_class"];
  ASSERT_EQ(bs.size(), 4u);
  EXPECT_TRUE(bs[3]["id"].is_null());
  EXPECT_EQ(bs[3]["population"], 4);
  // q2 over municipalities: Ås chose "Vet ikke"; Æbeltoft is outside the population.
  const json& q2 = s["questions"][1];
  EXPECT_EQ(q2["distribution"]["options"][2]["count"], 2);
  EXPECT_EQ(q2["distribution"]["options"][2]["municipalities"], 1);
}

}  // namespace
}  // namespace samrapport::survey_test
