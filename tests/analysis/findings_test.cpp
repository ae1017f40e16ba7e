// The findings (analysis/findings.cpp): the choices of the report's text, on the small
// hand-made content of small_content.hpp and on variants of it. Every expected value is
// counted by hand in the comments.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/analyse.hpp"
#include "analysis/to_json.hpp"
#include "small_content.hpp"

namespace samrapport::analysis {
namespace {

using analysis_test::make_small_content;

std::vector<std::string> sector_ids(const std::vector<SectorCount>& rows) {
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(row.sector);
  return out;
}

std::vector<int> counts(const std::vector<SectorCount>& rows) {
  std::vector<int> out;
  for (const auto& row : rows) out.push_back(row.count);
  return out;
}

// ---------------------------------------------------------------- new per sector

TEST(FindingsNewBySector, TiesKeepSectorOrder) {
  // New (recent) arrangements: A (adm, 2016) and B (helse, 2015-2021). adm 1 and helse 1
  // tie: sector order; kultur 0 last.
  const Results r = analyse(make_small_content());
  EXPECT_EQ(sector_ids(r.findings.new_by_sector),
            (std::vector<std::string>{"adm", "helse", "kultur"}));
  EXPECT_EQ(counts(r.findings.new_by_sector), (std::vector<int>{1, 1, 0}));
  EXPECT_EQ(r.findings.new_by_sector[1].name, "Helse");
  // helse and sosial (absent here): B alone, 1 of the 2 new.
  EXPECT_EQ(r.findings.new_health_social.sectors, (std::vector<std::string>{"helse", "sosial"}));
  EXPECT_EQ(r.findings.new_health_social.count, 1);
  EXPECT_DOUBLE_EQ(r.findings.new_health_social.percent, 50.0);
  // 2 of 11 current.
  EXPECT_DOUBLE_EQ(r.findings.new_percent_of_current, 2.0 / 11.0 * 100.0);
}

TEST(FindingsNewBySector, CountDescending) {
  // E (helse) and I (helse) become recent too: helse 3, adm 1, kultur 0.
  auto c = make_small_content();
  c.arrangements[4].established = 2019;  // E
  c.arrangements[8].established = 2020;  // I
  const Results r = analyse(c);
  EXPECT_EQ(sector_ids(r.findings.new_by_sector),
            (std::vector<std::string>{"helse", "adm", "kultur"}));
  EXPECT_EQ(counts(r.findings.new_by_sector), (std::vector<int>{3, 1, 0}));
  EXPECT_EQ(r.findings.new_health_social.count, 3);
  EXPECT_DOUBLE_EQ(r.findings.new_health_social.percent, 75.0);
  EXPECT_DOUBLE_EQ(r.findings.new_percent_of_current, 4.0 / 11.0 * 100.0);
}

TEST(FindingsNewBySector, NoNewArrangements) {
  // Without years nothing is new: every sector 0 (sector order), percents 0.
  auto c = make_small_content();
  for (auto& a : c.arrangements) {
    a.established.reset();
    a.established_between.reset();
  }
  const Results r = analyse(c);
  EXPECT_EQ(sector_ids(r.findings.new_by_sector),
            (std::vector<std::string>{"adm", "helse", "kultur"}));
  EXPECT_EQ(counts(r.findings.new_by_sector), (std::vector<int>{0, 0, 0}));
  EXPECT_EQ(r.findings.new_health_social.count, 0);
  EXPECT_DOUBLE_EQ(r.findings.new_health_social.percent, 0.0);
  EXPECT_DOUBLE_EQ(r.findings.new_percent_of_current, 0.0);
}

TEST(FindingsNewBySector, HealthSocialSectorsAreAnOption) {
  Options options;
  options.health_social_sectors = {"adm"};
  const Results r = analyse(make_small_content(), options);
  EXPECT_EQ(r.findings.new_health_social.sectors, std::vector<std::string>{"adm"});
  EXPECT_EQ(r.findings.new_health_social.count, 1);  // A
}

TEST(FindingsNewBySector, NoCurrentArrangements) {
  auto c = make_small_content();
  c.arrangements.clear();
  const Results r = analyse(c);
  EXPECT_EQ(counts(r.findings.new_by_sector), (std::vector<int>{0, 0, 0}));
  EXPECT_DOUBLE_EQ(r.findings.new_percent_of_current, 0.0);
}

TEST(FindingsJson, Keys) {
  const auto j = to_json(analyse(make_small_content()));
  const auto& f = j["findings"];
  EXPECT_EQ(f["new_by_sector"][0],
            (nlohmann::ordered_json{{"sector", "adm"}, {"name", "Administrasjon"}, {"count", 1}}));
  EXPECT_EQ(f["new_health_social"]["count"], 1);
  EXPECT_EQ(f["new_health_social"]["sectors"], (nlohmann::ordered_json{"helse", "sosial"}));
}

}  // namespace
}  // namespace samrapport::analysis
