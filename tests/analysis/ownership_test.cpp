// analysis.ownership (the eierskapsmelding) on a small content built in code, every figure
// counted by hand, and on the fixture tests/fixtures/eierskap.
//
// Municipalities: 0 Ås (in scope, nynorsk), 1 Berg (in scope, eierskapsmelding metadata),
// 2 Dal (in scope, no entity), 3 Øy (out of scope). Reference date 2023-12-31.
// Arrangements (current unless noted):
//   x Vann IKS       iks        [Berg, Ås, Øy]  host Berg  own Berg 50, Ås 30, Øy 20
//                                liability Berg 50, Ås 50; org number, purpose, Ås' purpose,
//                                Berg's two representatives, key figures 2023 (Berg 100,
//                                Ås 50) and 2021 (Berg 80)
//   y Alfa AS        as         [Ås, Berg]  other_owners [Fylket]  own Ås 40, Fylket 60;
//                                key figures 2022 (Ås 10)
//   r Bakke AS       as         [Berg, Ås]
//   z Regionrådet    ipr, own legal person  [Ås, Berg]
//   w Annet råd      ipr                    [Ås, Dal]
//   v Legevakt       vertskommune  host Ås  [Ås, Berg, Dal]  tasks [legevakt]  est 2010  fte 4.5
//   u Ærlig samarbeid  no legal form  [Ås, Dal]
//   s Øst stiftelse  stiftelse  [Øy, Ås]
//   t Aksel AS       as  [Ås, Berg]  ended 2020 (not current)
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "analysis/analyse.hpp"
#include "analysis/to_json.hpp"
#include "common/diagnostics.hpp"
#include "common/source_tree.hpp"
#include "content/reader.hpp"
#include "small_content.hpp"

namespace samrapport::analysis {
namespace {

using content::LegalForm;
using json = nlohmann::ordered_json;
using analysis_test::add_arrangement;
using analysis_test::add_municipality;

content::Arrangement& last(content::Content& c) {
  return c.arrangements.back();
}

content::Content make_ownership_content() {
  content::Content c;
  c.root = "ownership";
  c.report.title = "Test";
  c.report.author = "Test";
  c.report.reference_date = {2023, 12, 31};
  c.report.area_name = "Testfylke";
  c.regions.push_back({"r", "Region", std::nullopt, {}});
  c.region_by_id = {{"r", 0}};
  add_municipality(c, "Ås", 1000, 0, "Viken", "Buskerud", true);
  add_municipality(c, "Berg", 2000, 0, "Viken", "Buskerud", true);
  add_municipality(c, "Dal", 3000, 0, "Viken", "Buskerud", true);
  add_municipality(c, "Øy", std::nullopt, std::nullopt, "Viken", "Buskerud", false);
  c.municipalities[0].language = content::Language::nn;
  content::OwnershipReportInfo info;
  info.adopted_by = "kommunestyret";
  info.date = content::Date{2024, 3, 14};
  info.case_number = "24/1";
  info.election_period = content::YearSpan{2023, 2027};
  c.municipalities[1].eierskapsmelding = info;
  c.sectors = {{"helse", "Helse", {}}, {"teknisk", "Teknisk", {}}};
  c.sector_by_id = {{"helse", 0}, {"teknisk", 1}};
  c.tasks.push_back({"legevakt", "Legevakt", 0, {}, {}});
  c.task_by_id = {{"legevakt", 0}};
  const auto m = [&](const char* name) { return c.municipality_by_ref.at(name); };

  add_arrangement(c, {.id = "x",
                      .name = "Vann IKS",
                      .participants = {"Berg", "Ås", "Øy"},
                      .sector = "teknisk",
                      .host = "Berg",
                      .established = 1990,
                      .legal_form = LegalForm::iks,
                      .fte = 12});
  {
    auto& a = last(c);
    a.org_number = "974760673";
    a.purpose = "Vannforsyning";
    a.description = "Vannverk";
    a.ownership = {{m("Berg"), "Berg", 50}, {m("Ås"), "Ås", 30}, {m("Øy"), "Øy", 20}};
    a.liability_share = {{m("Berg"), 50}, {m("Ås"), 50}};
    a.owner_purposes = {{m("Ås"), "Trygt vatn"}};
    a.representatives = {{m("Berg"),
                          {{"Kari", std::string("representantskap"), content::YearSpan{2023, 2027}},
                           {"Ola", std::nullopt, std::nullopt}}}};
    a.agreement = content::Agreement{content::Date{2019, 6, 20}, "19/455", "https://example.org"};
    a.key_figures = {
        {2023, 1e6, -5e4, 2e6, 3e6, {{m("Berg"), 100}, {m("Ås"), 50}}},
        {2021, 9e5, std::nullopt, std::nullopt, std::nullopt, {{m("Berg"), 80}}},
    };
  }
  add_arrangement(c, {.id = "y",
                      .name = "Alfa AS",
                      .participants = {"Ås", "Berg"},
                      .sector = "teknisk",
                      .between = std::pair{2001, 2003},
                      .legal_form = LegalForm::as});
  last(c).other_owners = {"Fylket"};
  last(c).ownership = {{m("Ås"), "Ås", 40}, {std::nullopt, "Fylket", 60}};
  last(c).key_figures = {
      {2022, std::nullopt, std::nullopt, std::nullopt, std::nullopt, {{m("Ås"), 10}}}};
  add_arrangement(c, {.id = "r",
                      .name = "Bakke AS",
                      .participants = {"Berg", "Ås"},
                      .sector = "teknisk",
                      .legal_form = LegalForm::as});
  add_arrangement(c, {.id = "z",
                      .name = "Regionrådet",
                      .participants = {"Ås", "Berg"},
                      .sector = "helse",
                      .legal_form = LegalForm::ipr});
  last(c).own_legal_person = true;
  add_arrangement(c, {.id = "w",
                      .name = "Annet råd",
                      .participants = {"Ås", "Dal"},
                      .sector = "helse",
                      .legal_form = LegalForm::ipr});
  add_arrangement(c, {.id = "v",
                      .name = "Legevakt",
                      .participants = {"Ås", "Berg", "Dal"},
                      .sector = "helse",
                      .tasks = {"legevakt"},
                      .host = "Ås",
                      .established = 2010,
                      .legal_form = LegalForm::vertskommune,
                      .fte = 4.5});
  add_arrangement(
      c, {.id = "u", .name = "Ærlig samarbeid", .participants = {"Ås", "Dal"}, .sector = "helse"});
  add_arrangement(c, {.id = "s",
                      .name = "Øst stiftelse",
                      .participants = {"Øy", "Ås"},
                      .sector = "helse",
                      .legal_form = LegalForm::stiftelse});
  add_arrangement(c, {.id = "t",
                      .name = "Aksel AS",
                      .participants = {"Ås", "Berg"},
                      .sector = "teknisk",
                      .legal_form = LegalForm::as,
                      .ended = 2020});
  return c;
}

class Ownership : public ::testing::Test {
 protected:
  content::Content content = make_ownership_content();
  Results results = analyse(content);
  json j = to_json(results);
  const json& of(const char* name) {
    for (const auto& m : j["ownership"]) {
      if (m["name"] == name) return m;
    }
    ADD_FAILURE() << name;
    return j;
  }
};

std::vector<std::string> entity_ids(const json& m) {
  std::vector<std::string> out;
  for (const auto& e : m["entities"]) out.push_back(e["id"]);
  return out;
}

TEST_F(Ownership, OnePerInScopeMunicipalityInContentOrder) {
  ASSERT_EQ(j["ownership"].size(), 3u);
  EXPECT_EQ(j["ownership"][0]["name"], "Ås");
  EXPECT_EQ(j["ownership"][1]["name"], "Berg");
  EXPECT_EQ(j["ownership"][2]["name"], "Dal");
  EXPECT_EQ(j["ownership"][0]["id"], "3000");
  EXPECT_EQ(j["ownership"][0]["language"], "nn");
  EXPECT_EQ(j["ownership"][1]["language"], "nb");  // the report's
  EXPECT_TRUE(j["ownership"][0]["eierskapsmelding"].is_null());
  EXPECT_EQ(j["ownership"][1]["eierskapsmelding"], (json{{"adopted_by", "kommunestyret"},
                                                         {"date", "2024-03-14"},
                                                         {"case_number", "24/1"},
                                                         {"election_period", "2023-2027"}}));
  for (const auto& m : j["ownership"]) EXPECT_EQ(m["register_date"], "2023-12-31");
}

TEST_F(Ownership, EntitiesByLegalFormThenName) {
  // ipr (own legal person) before iks before as before stiftelse (schema order); the
  // ended Aksel AS and the ipr without own legal person are not entities.
  EXPECT_EQ(entity_ids(of("Ås")), (std::vector<std::string>{"z", "x", "y", "r", "s"}));
  EXPECT_EQ(of("Ås")["entity_counts"], (json{{{"legal_form", "ipr"}, {"count", 1}},
                                             {{"legal_form", "iks"}, {"count", 1}},
                                             {{"legal_form", "as"}, {"count", 2}},
                                             {{"legal_form", "stiftelse"}, {"count", 1}}}));
  EXPECT_EQ(of("Ås")["entities_total"], 5);
  EXPECT_EQ(entity_ids(of("Berg")), (std::vector<std::string>{"z", "x", "y", "r"}));
  EXPECT_EQ(of("Dal")["entities"], json::array());
  EXPECT_EQ(of("Dal")["entity_counts"], json::array());
  EXPECT_EQ(of("Dal")["entities_total"], 0);
}

TEST_F(Ownership, EntityAsOneOwnerSeesIt) {
  const json& iks = of("Ås")["entities"][1];
  EXPECT_EQ(iks["name"], "Vann IKS");
  EXPECT_EQ(iks["org_number"], "974760673");
  EXPECT_EQ(iks["legal_form"], "iks");
  EXPECT_EQ(iks["share"], 30.0);
  EXPECT_EQ(iks["liability_share"], 50.0);
  // Other owners in collation order: Berg, then Øy (Ø after Z).
  EXPECT_EQ(
      iks["co_owners"],
      (json{{{"name", "Berg"}, {"municipal", true}, {"share", 50.0}, {"liability_share", 50.0}},
            {{"name", "Øy"}, {"municipal", true}, {"share", 20.0}, {"liability_share", nullptr}}}));
  EXPECT_EQ(iks["participant_count"], 3);
  EXPECT_EQ(iks["host"], "Berg");
  EXPECT_EQ(iks["sector_name"], "Teknisk");
  EXPECT_EQ(iks["established"], 1990);
  EXPECT_EQ(iks["purpose"], "Vannforsyning");
  EXPECT_EQ(iks["owner_purpose"], "Trygt vatn");
  EXPECT_EQ(iks["representatives"], json::array());  // Ås has none; Berg has two
  EXPECT_EQ(iks["fte"], 12.0);
  EXPECT_EQ(iks["agreement"]["case_number"], "19/455");
  // Sorted by year; Ås' own contribution.
  ASSERT_EQ(iks["key_figures"].size(), 2u);
  EXPECT_EQ(iks["key_figures"][0]["year"], 2021);
  EXPECT_TRUE(iks["key_figures"][0]["contribution"].is_null());
  EXPECT_EQ(iks["key_figures"][1], (json{{"year", 2023},
                                         {"operating_income", 1e6},
                                         {"result", -5e4},
                                         {"equity", 2e6},
                                         {"debt", 3e6},
                                         {"contribution", 50.0}}));

  const json& berg_iks = of("Berg")["entities"][1];
  EXPECT_EQ(berg_iks["share"], 50.0);
  EXPECT_TRUE(berg_iks["owner_purpose"].is_null());
  EXPECT_EQ(berg_iks["representatives"],
            (json{{{"name", "Kari"}, {"role", "representantskap"}, {"term", "2023-2027"}},
                  {{"name", "Ola"}, {"role", nullptr}, {"term", nullptr}}}));
  EXPECT_EQ(berg_iks["key_figures"][0]["contribution"], 80.0);

  const json& alfa = of("Ås")["entities"][2];
  EXPECT_EQ(
      alfa["co_owners"],
      (json{
          {{"name", "Berg"}, {"municipal", true}, {"share", nullptr}, {"liability_share", nullptr}},
          {{"name", "Fylket"},
           {"municipal", false},
           {"share", 60.0},
           {"liability_share", nullptr}}}));
  EXPECT_EQ(alfa["established_between"], (json{2001, 2003}));
  EXPECT_TRUE(of("Berg")["entities"][2]["share"].is_null());
  EXPECT_EQ(of("Ås")["entities"][0]["own_legal_person"], true);
}

TEST_F(Ownership, ContributionsOfTheLatestYear) {
  // Ås: 2022 Alfa 10, 2023 Vann 50.
  EXPECT_EQ(of("Ås")["contributions_by_year"],
            (json{{{"year", 2022}, {"value", 10.0}, {"entities", 1}},
                  {{"year", 2023}, {"value", 50.0}, {"entities", 1}}}));
  EXPECT_EQ(of("Ås")["contributions"], (json{{"year", 2023}, {"value", 50.0}, {"entities", 1}}));
  // Berg: 2021 80, 2023 100.
  EXPECT_EQ(of("Berg")["contributions"], (json{{"year", 2023}, {"value", 100.0}, {"entities", 1}}));
  EXPECT_TRUE(of("Dal")["contributions"].is_null());
}

TEST_F(Ownership, WhatIsNotRegistered) {
  // Ås' five entities: only Vann IKS has an org number, purpose and its own purpose; shares
  // for Vann and Alfa; nobody represents Ås; key figures for Vann and Alfa.
  EXPECT_EQ(of("Ås")["missing"], (json{{"org_number", 4},
                                       {"share", 3},
                                       {"purpose", 4},
                                       {"owner_purpose", 4},
                                       {"representatives", 5},
                                       {"key_figures", 3}}));
  EXPECT_EQ(of("Berg")["missing"]["representatives"], 3);
  EXPECT_EQ(of("Berg")["missing"]["share"], 3);
}

TEST_F(Ownership, OverviewGroupedByLegalForm) {
  const json& groups = of("Ås")["arrangements_by_legal_form"];
  std::vector<std::string> forms;
  std::vector<std::string> ids;
  int sum = 0;
  for (const auto& g : groups) {
    forms.push_back(g["legal_form"]);
    sum += g["count"].get<int>();
    for (const auto& a : g["arrangements"]) ids.push_back(a["id"]);
  }
  EXPECT_EQ(forms,
            (std::vector<std::string>{"vertskommune", "ipr", "iks", "as", "stiftelse", "unknown"}));
  // Within a group by name: Annet råd before Regionrådet, Alfa AS before Bakke AS.
  EXPECT_EQ(ids, (std::vector<std::string>{"v", "w", "z", "x", "y", "r", "s", "u"}));
  EXPECT_EQ(sum, 8);
  EXPECT_EQ(of("Ås")["arrangements_total"], 8);
  EXPECT_EQ(groups[1]["count"], 2);

  const json& legevakt = groups[0]["arrangements"][0];
  EXPECT_EQ(legevakt, (json{{"id", "v"},
                            {"name", "Legevakt"},
                            {"host", "Ås"},
                            {"other_participants", {"Berg", "Dal"}},
                            {"participant_count", 3},
                            {"sector", "helse"},
                            {"sector_name", "Helse"},
                            {"tasks", {"Legevakt"}},
                            {"established", 2010},
                            {"established_between", nullptr},
                            {"fte", 4.5},
                            {"entity", false}}));
  EXPECT_EQ(groups[2]["arrangements"][0]["entity"], true);
  EXPECT_EQ(groups[2]["arrangements"][0]["other_participants"], (json{"Berg", "Øy"}));

  std::vector<std::string> dal;
  for (const auto& g : of("Dal")["arrangements_by_legal_form"]) dal.push_back(g["legal_form"]);
  EXPECT_EQ(dal, (std::vector<std::string>{"vertskommune", "ipr", "unknown"}));
  EXPECT_EQ(of("Dal")["arrangements_total"], 3);
  EXPECT_EQ(of("Dal")["arrangements_total"], j["by_municipality"]["Dal"].size());
}

TEST_F(Ownership, ResultsDoNotDependOnThreads) {
  Options one;
  one.threads = 1;
  EXPECT_EQ(to_json(analyse(content, one))["ownership"].dump(), j["ownership"].dump());
}

/// Every key path of the ownership JSON (as in to_json_test.cpp).
void paths(const json& value, const std::string& path, std::set<std::string>& out) {
  if (!path.empty() && !(value.is_object() && path.ends_with("[]"))) out.insert(path);
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) paths(child, path + "." + key, out);
  } else if (value.is_array()) {
    for (const auto& child : value) {
      if (child.is_structured()) paths(child, path + "[]", out);
    }
  }
}

TEST_F(Ownership, EveryKeyIsDocumented) {
  std::ifstream in(SAMRAPPORT_SOURCE_DIR "/docs/analysis.md");
  std::stringstream doc;
  doc << in.rdbuf();
  const std::string text = doc.str();
  std::set<std::string> documented;
  static const std::regex code("`([a-z_0-9.*\\[\\]]+)`");
  for (std::sregex_iterator it(text.begin(), text.end(), code), end; it != end; ++it) {
    documented.insert((*it)[1]);
  }
  std::set<std::string> all;
  for (const auto& m : j["ownership"]) paths(m, "ownership[]", all);
  EXPECT_GT(all.size(), 80u);
  for (const auto& p : all) EXPECT_TRUE(documented.count(p)) << "undocumented key: " << p;
}

TEST(OwnershipFixture, CountsOfTheFixture) {
  const auto tree = open_directory(SAMRAPPORT_SOURCE_DIR "/tests/fixtures/eierskap");
  Diagnostics diags;
  const auto content = content::load_content(*tree, diags);
  ASSERT_FALSE(diags.has_errors());
  const json j = to_json(analyse(content));
  ASSERT_EQ(j["ownership"].size(), 3u);
  const json& elvdal = j["ownership"][0];
  EXPECT_EQ(elvdal["name"], "Elvdal");
  EXPECT_EQ(elvdal["entities_total"], 4);  // regionråd, IKS, AS, stiftelse
  EXPECT_EQ(elvdal["arrangements_total"], 7);
  // 2023: renovasjon 31 200 000 + havn 500 000.
  EXPECT_EQ(elvdal["contributions"],
            (json{{"year", 2023}, {"value", 31700000.0}, {"entities", 2}}));
  EXPECT_EQ(j["ownership"][1]["language"], "nn");
  const json& asmark = j["ownership"][2];
  EXPECT_EQ(asmark["entities_total"], 0);
  EXPECT_EQ(asmark["arrangements_total"], 5);
}

}  // namespace
}  // namespace samrapport::analysis
