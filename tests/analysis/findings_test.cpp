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

// ---------------------------------------------------------------- the man-years region

/// Three regions with a tie: Nord {Ål 10, Ørje 0} and Sør {Zeta 7, Øvre Eiker 3} both have
/// the mean 5, Vest {Aremark 2, Gran 1} 1.5.
content::Content three_regions() {
  auto c = make_small_content();
  c.regions.push_back({"vest", "Vest", std::nullopt, {}});
  c.region_by_id["vest"] = 2;
  const auto region = [&c](const char* name, std::size_t r) {
    c.municipalities[c.municipality_by_ref.at(name)].region = r;
  };
  region("Ål", 0);
  region("Ørje", 0);
  region("Zeta", 1);
  region("Øvre Eiker", 1);
  region("Aremark", 2);
  region("Gran", 2);
  return c;
}

TEST(FindingsFteRegion, HighestMeanAmongRegionsWithManYears) {
  // H and I (fte) reach both regions; Nord's mean 6.5 beats Sør's 2.5.
  const Results r = analyse(make_small_content());
  ASSERT_TRUE(r.findings.fte_region.has_value());
  EXPECT_EQ(*r.findings.fte_region, 0u);
}

TEST(FindingsFteRegion, TieTakesTheFirstInRegionOrder) {
  // H (Ål, Zeta) reaches Nord and Sør, I (Øvre Eiker, Gran) Sør and Vest: Nord and Sør
  // tie at 5; Nord comes first.
  const Results r = analyse(three_regions());
  ASSERT_DOUBLE_EQ(r.regions[0].mean_per_municipality, 5.0);
  ASSERT_DOUBLE_EQ(r.regions[1].mean_per_municipality, 5.0);
  ASSERT_TRUE(r.findings.fte_region.has_value());
  EXPECT_EQ(*r.findings.fte_region, 0u);
}

TEST(FindingsFteRegion, RegionsWithoutManYearsAreSkipped) {
  // Only I keeps its fte: it reaches Sør and Vest, not Nord (the highest mean).
  auto c = three_regions();
  c.arrangements[7].fte.reset();  // H
  const Results r = analyse(c);
  ASSERT_TRUE(r.findings.fte_region.has_value());
  EXPECT_EQ(*r.findings.fte_region, 1u);
  const auto j = to_json(r);
  EXPECT_EQ(j["findings"]["fte_region"]["region"], "sor");
  EXPECT_EQ(j["findings"]["fte_region"]["arrangements"], (nlohmann::ordered_json{"i"}));
  EXPECT_DOUBLE_EQ(j["findings"]["fte_region"]["mean_per_municipality"].get<double>(), 5.0);
}

TEST(FindingsFteRegion, NoManYears) {
  auto c = make_small_content();
  for (auto& a : c.arrangements) a.fte.reset();
  const Results r = analyse(c);
  EXPECT_FALSE(r.findings.fte_region.has_value());
  EXPECT_TRUE(to_json(r)["findings"]["fte_region"].is_null());
}

// ---------------------------------------------------------------- regions by mean

std::vector<std::string> region_ids(const std::vector<RegionMean>& rows) {
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(row.region);
  return out;
}

TEST(FindingsRegionsByMean, MeanDescending) {
  // Nord 6.5 (2 members), Sør 2.5 (4 members).
  const Results r = analyse(make_small_content());
  EXPECT_EQ(region_ids(r.findings.regions_by_mean), (std::vector<std::string>{"nord", "sor"}));
  EXPECT_EQ(r.findings.regions_by_mean[1].municipalities, 4);
  EXPECT_DOUBLE_EQ(r.findings.regions_by_mean[1].mean_per_municipality, 2.5);
  EXPECT_EQ(r.findings.regions_by_mean[1].name, "Sør");
}

TEST(FindingsRegionsByMean, TiesInRegionOrderAndEmptyRegionsLeftOut) {
  // Nord 5, Sør 5, Vest 1.5; a fourth region without members is not ranked.
  auto c = three_regions();
  c.regions.push_back({"tom", "Tom", std::nullopt, {}});
  c.region_by_id["tom"] = 3;
  const Results r = analyse(c);
  EXPECT_EQ(region_ids(r.findings.regions_by_mean),
            (std::vector<std::string>{"nord", "sor", "vest"}));
  // Swapping the order of Nord and Sør in the content swaps them in the ranking.
  auto swapped = three_regions();
  for (auto& m : swapped.municipalities) {
    if (m.region && *m.region < 2) m.region = 1 - *m.region;
  }
  std::swap(swapped.regions[0], swapped.regions[1]);
  const Results s = analyse(swapped);
  EXPECT_EQ(region_ids(s.findings.regions_by_mean),
            (std::vector<std::string>{"sor", "nord", "vest"}));
}

TEST(FindingsRegionsByMean, NoRegions) {
  auto c = make_small_content();
  for (auto& m : c.municipalities) m.region.reset();
  const Results r = analyse(c);
  EXPECT_TRUE(r.findings.regions_by_mean.empty());
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
