// The content as templates see it.
#include <gtest/gtest.h>

#include <string>

#include "common/diagnostics.hpp"
#include "content/reader.hpp"
#include "content/to_json.hpp"
#include "test_trees.hpp"

namespace samrapport::content {
namespace {

const std::string kBase = std::string(SAMRAPPORT_SOURCE_DIR) + "/tests/bad-content/_base";

nlohmann::ordered_json base_json() {
  const auto tree = testing::overlay_tree(kBase, kBase);
  Diagnostics diags;
  const Content c = load_content(tree, diags);
  EXPECT_FALSE(diags.has_errors());
  return content_to_json(c);
}

TEST(ContentJson, TopLevelKeysInOrder) {
  const auto j = base_json();
  std::string keys;
  for (const auto& [k, v] : j.items()) keys += k + " ";
  EXPECT_EQ(keys,
            "report regions municipalities sectors tasks arrangements surveys datasets texts ");
}

TEST(ContentJson, Report) {
  const auto r = base_json()["report"];
  EXPECT_EQ(r["title"], "Interkommunalt samarbeid i Testfylke");
  EXPECT_EQ(r["reference_date"], "2021-11-01");
  EXPECT_EQ(r["reference_year"], 2021);
  EXPECT_EQ(r["language"], "nb");
  EXPECT_FALSE(r.contains("report_id"));
  EXPECT_EQ(r["chapter4_municipalities"], nlohmann::ordered_json::array({"Ål"}));
  EXPECT_EQ(r["chapter4_municipality_ids"], nlohmann::ordered_json::array({"3043"}));
  EXPECT_EQ(r["reference_counties"][0]["arrangements"], 289);
}

TEST(ContentJson, ArrangementsWithNamesAndIds) {
  const auto a = base_json()["arrangements"];
  ASSERT_EQ(a.size(), 5u);
  const auto& legevakt = a[0];
  EXPECT_EQ(legevakt["id"], "hallingdal-legevakt");
  EXPECT_EQ(legevakt["participants"], nlohmann::ordered_json::array({"Ål", "Flå", "Hol"}));
  EXPECT_EQ(legevakt["participant_ids"], nlohmann::ordered_json::array({"3043", "3039", "3044"}));
  EXPECT_EQ(legevakt["participant_count"], 3);
  EXPECT_EQ(legevakt["host"], "Ål");
  EXPECT_EQ(legevakt["host_id"], "3043");
  EXPECT_EQ(legevakt["legal_form"], "vertskommune");
  EXPECT_EQ(legevakt["sector"], "helse");
  EXPECT_EQ(legevakt["sector_name"], "Helsetjenester");
  EXPECT_EQ(legevakt["tasks"], nlohmann::ordered_json::array({"legevakt"}));
  EXPECT_EQ(legevakt["task_names"], nlohmann::ordered_json::array({"Legevakt"}));
  EXPECT_EQ(legevakt["established"], 2005);
  EXPECT_EQ(legevakt["fte"], 12.5);
  EXPECT_EQ(legevakt["current"], true);
  EXPECT_EQ(legevakt["file"], "content/arrangements/helse.yaml");
  // Optional fields are present only when set.
  const auto& drammen = a[1];
  EXPECT_EQ(drammen["participants"], nlohmann::ordered_json::array({"Drammen", "Øvre Eiker"}));
  for (const char* key :
       {"host", "host_id", "legal_form", "established", "ended", "fte", "description", "ownership",
        "notes", "sources", "other_owners", "participant_total"}) {
    EXPECT_FALSE(drammen.contains(key)) << key;
  }
  EXPECT_EQ(drammen["established_between"], nlohmann::ordered_json::array({2015, 2021}));
  const auto& iks = a[2];
  EXPECT_EQ(iks["ownership"][0]["owner"], "Drammen");
  EXPECT_EQ(iks["ownership"][0]["municipal"], true);
  EXPECT_EQ(iks["ownership"][2]["owner"], "Testfylke fylkeskommune");
  EXPECT_EQ(iks["ownership"][2]["municipal"], false);
  EXPECT_FALSE(iks["ownership"][2].contains("owner_id"));
  const auto& ended = a[3];
  EXPECT_EQ(ended["participant_ids"], nlohmann::ordered_json::array({"3005", nullptr}));
  EXPECT_EQ(ended["current"], false);
  EXPECT_EQ(a[4]["participant_count"], 12);
}

TEST(ContentJson, RegionsAndMunicipalities) {
  const auto j = base_json();
  EXPECT_EQ(j["regions"][0]["municipalities"], nlohmann::ordered_json::array({"Ål", "Flå", "Hol"}));
  EXPECT_FALSE(j["regions"][1].contains("council"));
  const auto& al = j["municipalities"][0];
  EXPECT_EQ(al["region"], "hallingdal");
  EXPECT_EQ(al["region_name"], "Hallingdal");
  EXPECT_EQ(al["in_scope"], true);
  const auto& svelvik = j["municipalities"][6];
  EXPECT_EQ(svelvik["id"], nullptr);
  EXPECT_FALSE(svelvik.contains("population"));
  EXPECT_EQ(j["tasks"][0]["reference"]["Trøndelag 2020"], 92);
}

TEST(ContentJson, SurveysDatasetsTexts) {
  const auto j = base_json();
  const auto& s = j["surveys"][0];
  EXPECT_EQ(s["questions"][3]["kind"], "likert");
  const auto& first = s["responses"][0];
  EXPECT_EQ(first["joint"], true);
  EXPECT_EQ(first["summary"], false);
  EXPECT_EQ(first["answers"]["q1"]["themes"], nlohmann::ordered_json::array({"styring"}));
  EXPECT_EQ(first["answers"]["q2"]["choice"], "Ja");
  EXPECT_EQ(first["answers"]["q3"]["choices"], nlohmann::ordered_json::array({"Helse", "Plan"}));
  EXPECT_EQ(first["answers"]["q4"]["value"], 4);
  EXPECT_EQ(first["answers"]["q4"]["label"], "Fornøyd");
  EXPECT_EQ(first["answers"]["q5"]["value"], 2.5);
  EXPECT_EQ(s["responses"][2]["summary"], true);
  const auto& d = j["datasets"][0];
  EXPECT_EQ(d["columns"][4]["of"], nlohmann::ordered_json::array({"fag", "arsverk"}));
  EXPECT_EQ(d["rows"][0]["kommuner"], nlohmann::ordered_json::array({"Ål", "Flå", "Hol"}));
  EXPECT_EQ(d["rows"][1]["fag"], nullptr);
  EXPECT_EQ(d["rows"][1]["andel"], nullptr);
  EXPECT_EQ(j["texts"][0]["name"], "innledning");
}

}  // namespace
}  // namespace samrapport::content
