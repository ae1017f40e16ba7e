// The eierskapsmelding fields: the fixture tests/fixtures/eierskap read field by field,
// its JSON view, and the pure checks (organisation number check digit, year spans, URLs).
// Bad values are the eierskap cases of the bad-content corpus.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "common/diagnostics.hpp"
#include "common/source_tree.hpp"
#include "content/reader.hpp"
#include "content/reader_ownership.hpp"
#include "content/to_json.hpp"
#include "test_trees.hpp"

namespace samrapport::content {
namespace {

const std::string kFixture = std::string(SAMRAPPORT_SOURCE_DIR) + "/tests/fixtures/eierskap";

struct Loaded {
  Content content;
  Diagnostics diags;
};

const Loaded& fixture() {
  static const Loaded l = [] {
    Loaded out;
    const auto tree = open_directory(kFixture);
    out.content = load_content(*tree, out.diags);
    return out;
  }();
  return l;
}

std::string printed(const Diagnostics& d) {
  std::ostringstream out;
  d.print(out);
  return out.str();
}

const Arrangement& arrangement(std::string_view id) {
  const auto& list = fixture().content.arrangements;
  const auto it =
      std::find_if(list.begin(), list.end(), [&](const Arrangement& a) { return a.id == id; });
  EXPECT_NE(it, list.end()) << id;
  return *it;
}

std::string name_of(MunicipalityIdx m) {
  return fixture().content.municipalities[m].name;
}

TEST(OwnershipFixture, LoadsWithoutDiagnostics) {
  EXPECT_EQ(printed(fixture().diags), "");
  EXPECT_EQ(fixture().content.arrangements.size(), 10u);
}

TEST(OwnershipFixture, MunicipalityFields) {
  const Content& c = fixture().content;
  const Municipality* elvdal = c.find_municipality("Elvdal");
  ASSERT_NE(elvdal, nullptr);
  EXPECT_EQ(elvdal->language, Language::nb);
  ASSERT_TRUE(elvdal->eierskapsmelding);
  EXPECT_EQ(elvdal->eierskapsmelding->adopted_by, "kommunestyret");
  ASSERT_TRUE(elvdal->eierskapsmelding->date);
  EXPECT_EQ(to_string(*elvdal->eierskapsmelding->date), "2024-03-14");
  EXPECT_EQ(elvdal->eierskapsmelding->case_number, "2024/118");
  ASSERT_TRUE(elvdal->eierskapsmelding->election_period);
  EXPECT_EQ(to_string(*elvdal->eierskapsmelding->election_period), "2023-2027");
  EXPECT_EQ(c.find_municipality("Fjordvik")->language, Language::nn);
  EXPECT_FALSE(c.find_municipality("Åsmark")->language);
  EXPECT_FALSE(c.find_municipality("Åsmark")->eierskapsmelding);
}

TEST(OwnershipFixture, CompanyFields) {
  const Arrangement& iks = arrangement("testdal-renovasjon-iks");
  EXPECT_EQ(iks.org_number, "991234578");
  ASSERT_TRUE(iks.purpose);
  EXPECT_TRUE(iks.purpose->starts_with("Selskapet skal ta hånd om"));
  EXPECT_FALSE(iks.own_legal_person);
  ASSERT_EQ(iks.liability_share.size(), 3u);
  EXPECT_EQ(name_of(iks.liability_share[2].municipality), "Nabobygd");
  EXPECT_EQ(iks.liability_share[2].percent, 20);
  ASSERT_EQ(iks.representatives.size(), 2u);
  EXPECT_EQ(name_of(iks.representatives[0].municipality), "Elvdal");
  ASSERT_EQ(iks.representatives[0].people.size(), 2u);
  EXPECT_EQ(iks.representatives[0].people[1].name, "Ola Prøvesen");
  EXPECT_EQ(iks.representatives[0].people[1].role, "representantskap (vara)");
  ASSERT_TRUE(iks.representatives[0].people[1].term);
  EXPECT_EQ(iks.representatives[0].people[1].term->from, 2023);
  EXPECT_EQ(iks.representatives[0].people[1].term->to, 2027);
  ASSERT_EQ(iks.owner_purposes.size(), 2u);
  EXPECT_EQ(name_of(iks.owner_purposes[1].municipality), "Fjordvik");
  ASSERT_TRUE(iks.agreement);
  EXPECT_EQ(to_string(*iks.agreement->date), "2019-06-20");
  EXPECT_EQ(iks.agreement->case_number, "2019/455");
  EXPECT_EQ(iks.agreement->link, "https://example.org/testdal-renovasjon/selskapsavtale.pdf");
  ASSERT_EQ(iks.key_figures.size(), 2u);
  EXPECT_EQ(iks.key_figures[0].year, 2023);  // file order
  EXPECT_EQ(iks.key_figures[1].result, -850000);
  ASSERT_EQ(iks.key_figures[0].contribution.size(), 2u);
  EXPECT_EQ(name_of(iks.key_figures[0].contribution[1].municipality), "Fjordvik");
  EXPECT_EQ(iks.key_figures[0].contribution[1].amount, 11800000);

  const Arrangement& as = arrangement("testdal-havn-as");
  EXPECT_EQ(as.org_number, "991234586");  // written "991 234 586"
  EXPECT_FALSE(as.representatives[0].people[0].term);
  EXPECT_FALSE(as.key_figures[0].contribution.size());
  EXPECT_FALSE(as.agreement);

  const Arrangement& ipr = arrangement("testdal-regionrad");
  EXPECT_TRUE(ipr.own_legal_person);
  ASSERT_TRUE(ipr.agreement);
  EXPECT_FALSE(ipr.agreement->link);

  const Arrangement& ikt = arrangement("testdal-ikt");
  EXPECT_EQ(ikt.liability_share.size(), 3u);
  EXPECT_EQ(ikt.agreement->link, "http://example.org/testdal-ikt");
  EXPECT_FALSE(ikt.agreement->date);

  const Arrangement& none = arrangement("kulturnettverk");
  EXPECT_FALSE(none.org_number || none.purpose || none.agreement);
  EXPECT_TRUE(none.liability_share.empty() && none.representatives.empty() &&
              none.owner_purposes.empty() && none.key_figures.empty());
}

TEST(OwnershipFixture, JsonHasTheFieldsWhenGiven) {
  const auto j = content_to_json(fixture().content);
  const auto& elvdal = j["municipalities"][0];
  EXPECT_EQ(elvdal["language"], "nb");
  EXPECT_EQ(elvdal["eierskapsmelding"]["election_period"], "2023-2027");
  EXPECT_EQ(elvdal["eierskapsmelding"]["date"], "2024-03-14");
  EXPECT_FALSE(j["municipalities"][2].contains("language"));
  EXPECT_FALSE(j["municipalities"][2].contains("eierskapsmelding"));

  // samarbeid.yaml (6 arrangements) is read before selskaper.yaml.
  const auto& iks = j["arrangements"][6];
  ASSERT_EQ(iks["id"], "testdal-renovasjon-iks");
  EXPECT_EQ(iks["org_number"], "991234578");
  EXPECT_FALSE(iks.contains("own_legal_person"));
  EXPECT_EQ(iks["liability_share"][0],
            (nlohmann::ordered_json{
                {"municipality", "Elvdal"}, {"municipality_id", "9901"}, {"percent", 50.0}}));
  EXPECT_EQ(iks["representatives"].size(), 3u);  // one entry per person
  EXPECT_EQ(iks["representatives"][2]["municipality"], "Fjordvik");
  EXPECT_EQ(iks["representatives"][2]["term"], "2023-2027");
  EXPECT_EQ(iks["owner_purposes"][0]["municipality"], "Elvdal");
  EXPECT_EQ(iks["agreement"]["case_number"], "2019/455");
  EXPECT_EQ(iks["key_figures"][1]["year"], 2022);
  EXPECT_EQ(iks["key_figures"][1]["contribution"][0]["amount"], 29900000.0);

  std::string keys;
  ASSERT_EQ(j["arrangements"][7]["id"], "testdal-havn-as");
  for (const auto& [k, v] : j["arrangements"][7].items()) keys += k + " ";
  EXPECT_EQ(
      keys,
      "id name participants participant_ids participant_count other_owners host host_id "
      "legal_form sector sector_name tasks task_names established_between current fte ownership "
      "org_number purpose representatives owner_purposes key_figures file ");
  for (const auto& a : j["arrangements"]) {
    if (a["id"] == "testdal-regionrad") {
      EXPECT_EQ(a["own_legal_person"], true);
    }
  }
}

TEST(OrgNumber, CheckDigit) {
  EXPECT_EQ(org_number_check_digit("97476067"), 3);  // 974 760 673
  EXPECT_EQ(org_number_check_digit("99123457"), 8);
  EXPECT_EQ(org_number_check_digit("99123456"), std::nullopt);  // remainder 1
  // 9*3 + 1*2 = 29 = 2*11 + 7 -> 4; all zeros -> remainder 0 -> 0.
  EXPECT_EQ(org_number_check_digit("91000000"), 4);
  EXPECT_EQ(org_number_check_digit("00000000"), 0);
  EXPECT_EQ(org_number_check_digit("9747606"), std::nullopt);
  EXPECT_EQ(org_number_check_digit("9747606x"), std::nullopt);
}

TEST(YearSpan, Parse) {
  EXPECT_EQ(parse_year_span("2023-2027"), (YearSpan{2023, 2027}));
  EXPECT_EQ(parse_year_span("2027-2023"), (YearSpan{2027, 2023}));  // order checked by callers
  EXPECT_FALSE(parse_year_span("2023"));
  EXPECT_FALSE(parse_year_span("2023/2027"));
  EXPECT_FALSE(parse_year_span("0023-0027"));
  EXPECT_FALSE(parse_year_span("2023-27"));
}

TEST(HttpUrl, Accepts) {
  EXPECT_TRUE(is_http_url("https://example.org"));
  EXPECT_TRUE(is_http_url("http://example.org/a?b=c#d"));
  EXPECT_FALSE(is_http_url("www.example.org"));
  EXPECT_FALSE(is_http_url("https://"));
  EXPECT_FALSE(is_http_url("https:///path"));
  EXPECT_FALSE(is_http_url("ftp://example.org"));
  EXPECT_FALSE(is_http_url("https://example.org/a b"));
}

TEST(OwnershipFields, BaseContentJsonHasNone) {
  const std::string base = std::string(SAMRAPPORT_SOURCE_DIR) + "/tests/bad-content/_base";
  const auto tree = testing::overlay_tree(base, base);
  Diagnostics diags;
  const auto j = content_to_json(load_content(tree, diags));
  for (const auto& a : j["arrangements"]) {
    for (const char* key : {"org_number", "purpose", "own_legal_person", "liability_share",
                            "representatives", "owner_purposes", "agreement", "key_figures"}) {
      EXPECT_FALSE(a.contains(key)) << key;
    }
  }
}

TEST(OwnershipFields, FlowMappingsAndIdsAsKeys) {
  const std::string base = std::string(SAMRAPPORT_SOURCE_DIR) + "/tests/bad-content/_base";
  auto tree = testing::overlay_tree(base, base);
  tree.set("arrangements/zz.yaml", R"(arrangements:
  - id: x
    name: X IKS
    participants: [Ål, Flå]
    sector: helse
    legal_form: iks
    org_number: "974 760 673"
    liability_share: { "3043": 62.5, Flå: 37.5 }
    representatives: { "3039": [{ name: Per }] }
    key_figures: [{ year: 2023, contribution: { "3043": 1e6 } }]
)");
  EXPECT_EQ(testing::check_output(tree), "");
}

}  // namespace
}  // namespace samrapport::content
