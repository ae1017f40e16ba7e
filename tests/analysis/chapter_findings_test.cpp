// The chapter findings (analysis/chapter_findings.cpp) on the small hand-made content of
// small_content.hpp and variants of it. Counted by hand: in-scope arrangement counts are
// Ål 10, Zeta 7, Øvre Eiker 3, Aremark 2, Gran 1, Ørje 0 (mean 23 / 6); task ikt has 2
// municipalities (A, H), legevakt 5 (B, E, I, J), bibliotek none.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/analyse.hpp"
#include "analysis/to_json.hpp"
#include "small_content.hpp"

namespace samrapport::analysis {
namespace {

using analysis_test::add_arrangement;
using analysis_test::make_small_content;

std::vector<std::string> names(const Results& r, const std::vector<std::size_t>& rows) {
  std::vector<std::string> out;
  for (auto i : rows) out.push_back(r.municipalities[i].name);
  return out;
}

TEST(ChapterFindings, ReferenceMeansAndNearest) {
  auto c = make_small_content();
  c.report.reference_counties.push_back({"Ref", 2020, 12, std::nullopt, 9.0});
  c.report.reference_counties.push_back(
      {"Uten snitt", std::nullopt, 5, std::nullopt, std::nullopt});
  c.report.reference_counties.push_back({"Bfylke", std::nullopt, std::nullopt, std::nullopt, 5.0});
  const Results r = analyse(c);
  const auto& m = r.findings.reference_means;
  ASSERT_EQ(m.counties.size(), 2u);  // the one without a mean is left out
  EXPECT_EQ(m.counties[0].name, "Ref");
  EXPECT_EQ(m.counties[0].year, 2020);
  EXPECT_DOUBLE_EQ(*m.mean, 7.0);
  // |9 - 3.83| > |5 - 3.83|
  EXPECT_EQ(m.nearest, "Bfylke");
  // "Ref 2020" of task ikt: 2 of 6 (33 %) is below 50; the county has 12 municipalities.
  ASSERT_EQ(r.findings.task_references.size(), 1u);
  EXPECT_EQ(r.findings.task_references[0].label, "Ref 2020");
  EXPECT_EQ(r.findings.task_references[0].municipalities, 12);
  EXPECT_EQ(r.findings.task_references[0].higher, 0);
  EXPECT_EQ(r.findings.task_references[0].lower, 1);
}

TEST(ChapterFindings, NoReferenceCounties) {
  const Results r = analyse(make_small_content());
  EXPECT_TRUE(r.findings.reference_means.counties.empty());
  EXPECT_FALSE(r.findings.reference_means.mean);
  EXPECT_FALSE(r.findings.reference_means.nearest);
  EXPECT_FALSE(r.findings.task_references[0].municipalities);
  const auto j = to_json(r)["findings"];
  EXPECT_TRUE(j["reference_means"]["mean"].is_null());
}

TEST(ChapterFindings, Tasks) {
  const Results r = analyse(make_small_content());
  const auto& f = r.findings;
  EXPECT_EQ(f.tasks_without_cooperation, (std::vector<std::string>{"Bibliotek"}));
  ASSERT_TRUE(f.task_lowest);
  EXPECT_EQ(f.task_lowest->names, (std::vector<std::string>{"Felles IKT"}));
  EXPECT_EQ(f.task_lowest->count, 2);
  EXPECT_DOUBLE_EQ(*f.task_percent_min, 0.0);
  EXPECT_DOUBLE_EQ(*f.task_percent_max, 5.0 / 6.0 * 100.0);
  ASSERT_EQ(f.tasks_by_group.size(), 3u);
  EXPECT_EQ(f.tasks_by_group[0].names, (std::vector<std::string>{"Legevakt"}));    // 83 %
  EXPECT_EQ(f.tasks_by_group[1].names, (std::vector<std::string>{"Felles IKT"}));  // 33 %
  EXPECT_EQ(f.tasks_by_group[2].names, (std::vector<std::string>{"Bibliotek"}));
  // Service structure: ikt 2 + 4 = 6, legevakt 4 + 1 = 5, bibliotek 0 + 6 = 6; two mixed;
  // one example per distinct count (6: ikt, the first in catalogue order; 5: legevakt).
  EXPECT_EQ(f.services_mixed, 2);
  ASSERT_EQ(f.service_examples.size(), 2u);
  EXPECT_EQ(r.service_structure[f.service_examples[0]].task, "ikt");
  EXPECT_EQ(r.service_structure[f.service_examples[1]].task, "legevakt");
}

TEST(ChapterFindings, ServiceExamplesSpreadOverEight) {
  // Twelve tasks; task t gets t arrangements of Ål and Zeta, so t0 has 6 services (all
  // municipal), t1 5 (4 + 1) and t >= 2 4 + t: t2 repeats t0's 6, leaving 11 distinct
  // counts.
  auto c = make_small_content();
  c.tasks.clear();
  c.task_by_id.clear();
  for (int t = 0; t < 12; ++t) {
    const std::string id = "t" + std::to_string(t);
    c.task_by_id[id] = c.tasks.size();
    c.tasks.push_back({id, id, 0, {}, {}});
  }
  for (auto& a : c.arrangements) a.tasks.clear();
  for (int t = 0; t < 12; ++t) {
    for (int k = 0; k < t; ++k) {
      add_arrangement(c, {.id = "x" + std::to_string(t) + "-" + std::to_string(k),
                          .name = "X",
                          .participants = {"Ål", "Zeta"},
                          .sector = "adm",
                          .tasks = {"t" + std::to_string(t)}});
    }
  }
  const Results r = analyse(c);
  std::vector<std::string> picked;
  for (auto i : r.findings.service_examples) picked.push_back(r.service_structure[i].task);
  // Most services first: t11 (15) .. t3 (7), t0 (6, before t2 in catalogue order), t1 (5);
  // eight picks at round(i * 10 / 7): 0, 1, 3, 4, 6, 7, 9, 10.
  EXPECT_EQ(picked, (std::vector<std::string>{"t11", "t10", "t8", "t7", "t5", "t4", "t0", "t1"}));
}

TEST(ChapterFindings, MunicipalityOrdersAndRegionExtremes) {
  const Results r = analyse(make_small_content());
  const auto& f = r.findings;
  EXPECT_EQ(names(r, f.municipalities_by_arrangements),
            (std::vector<std::string>{"Ål", "Zeta", "Øvre Eiker", "Aremark", "Gran", "Ørje"}));
  EXPECT_EQ(names(r, f.municipalities_by_population),
            (std::vector<std::string>{"Øvre Eiker", "Ørje", "Gran", "Zeta", "Ål", "Aremark"}));
  EXPECT_TRUE(f.has_edge);
  ASSERT_EQ(f.region_extremes.size(), 2u);
  EXPECT_EQ(f.region_extremes[0].most.names, (std::vector<std::string>{"Ål"}));
  EXPECT_EQ(f.region_extremes[0].fewest.names, (std::vector<std::string>{"Øvre Eiker"}));
  EXPECT_EQ(f.region_extremes[1].most.names, (std::vector<std::string>{"Zeta"}));
  EXPECT_EQ(f.region_extremes[1].fewest.names, (std::vector<std::string>{"Ørje"}));
  EXPECT_EQ(f.region_extremes[1].fewest.count, 0);
  // The host rows hold every in-scope municipality: Øvre Eiker is the most populous.
  ASSERT_TRUE(f.largest_host);
  EXPECT_EQ(r.hosts.rows[*f.largest_host].name, "Øvre Eiker");
}

TEST(ChapterFindings, RegionTiesNameEveryMember) {
  // M brings Ørje to 1 arrangement, level with Gran: both are the fewest of Sør.
  auto c = make_small_content();
  add_arrangement(c, {.id = "m", .name = "M", .participants = {"Ørje", "Ål"}, .sector = "adm"});
  const Results r = analyse(c);
  EXPECT_EQ(r.findings.region_extremes[1].fewest.names, (std::vector<std::string>{"Ørje", "Gran"}));
  EXPECT_EQ(r.findings.region_extremes[1].fewest.count, 1);
}

TEST(ChapterFindings, YearSeries) {
  // Three years (1990, 2005, 2016): fewer than 20 with a year, so not filled.
  const Results plain = analyse(make_small_content());
  EXPECT_FALSE(plain.findings.years_filled);
  ASSERT_EQ(plain.findings.year_series.size(), 3u);
  EXPECT_EQ(plain.findings.year_series[1].year, 2005);
  // 20 more in 2010: 23 with a year over 1990-2016, filled with zeros.
  auto c = make_small_content();
  for (int k = 0; k < 20; ++k) {
    add_arrangement(c, {.id = "y" + std::to_string(k),
                        .name = "Y",
                        .participants = {"Ål", "Zeta"},
                        .sector = "adm",
                        .established = 2010});
  }
  const Results r = analyse(c);
  EXPECT_TRUE(r.findings.years_filled);
  ASSERT_EQ(r.findings.year_series.size(), 27u);
  EXPECT_EQ(r.findings.year_series[1].year, 1991);
  EXPECT_EQ(r.findings.year_series[1].count, 0);
  EXPECT_EQ(r.findings.year_series[20].count, 20);  // 2010
}

TEST(ChapterFindings, LegalFormsAndSectors) {
  const Results r = analyse(make_small_content());
  const auto& f = r.findings;
  EXPECT_EQ(f.new_legal_forms.count, 0);
  // Shown legal forms: iks 1, vertskommune 1, avtale 1, unknown 8 of 11: none below 0.5 %.
  EXPECT_EQ(f.legal_forms_decimals, 0);
  // adm 7 (A C D F G H L), helse 4; kultur has none and is left out.
  ASSERT_EQ(f.sectors_by_count.size(), 2u);
  EXPECT_EQ(r.sectors[f.sectors_by_count[0]].id, "adm");
  EXPECT_EQ(r.sectors[f.sectors_by_count[1]].id, "helse");
  EXPECT_EQ(f.sectors_decimals, 0);
}

}  // namespace
}  // namespace samrapport::analysis
