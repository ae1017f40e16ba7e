// The analysis on the small hand-made content of small_content.hpp. Every expected value
// is counted by hand in the comments.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/analyse.hpp"
#include "analysis/to_json.hpp"
#include "small_content.hpp"

namespace samrapport::analysis {
namespace {

using analysis_test::make_small_content;

std::vector<std::string> ids(const Results& r, const ArrangementList& list) {
  std::vector<std::string> out;
  for (auto a : list) out.push_back(r.arrangements[a].id);
  return out;
}

const MunicipalityRow& row(const Results& r, const std::string& name) {
  for (const auto& m : r.municipalities) {
    if (m.name == name) return m;
  }
  throw std::runtime_error("no row " + name);
}

class SmallContent : public ::testing::Test {
 protected:
  content::Content content = make_small_content();
  Results r = analyse(content);
};

// Report order: participant count, then Norwegian collation (lower case equal to upper
// case; Æ, Ø, Å after Z in that order), then id for equal names.
// Two participants: alfa, Beta (beta-1), Beta (beta-2), Snart slutt, Zulu, Ærfugl, Øst,
// Åsen; then Grensen (3), Vestover (4), Stort (participant_total 12).
TEST_F(SmallContent, ReportOrderBreaksTiesByCollationThenId) {
  EXPECT_EQ(ids(r, r.current), (std::vector<std::string>{"e", "beta-1", "beta-2", "l", "d", "b",
                                                         "c", "a", "i", "j", "h"}));
}

TEST_F(SmallContent, EndedArrangementsAreNotCurrent) {
  // K ended 2019 (before the reference year 2021): not current. L ends 2022: current.
  EXPECT_EQ(r.totals.arrangements, 11);
  EXPECT_EQ(r.totals.ended, 1);
  EXPECT_EQ(ids(r, r.ended), std::vector<std::string>{"k"});
  EXPECT_FALSE(r.arrangements[10].current);
  EXPECT_TRUE(r.arrangements[11].current);
  // Aremark takes part in K (ended), J and L: 2.
  EXPECT_EQ(row(r, "Aremark").arrangements, 2);
}

TEST_F(SmallContent, Totals) {
  // Ål: every current arrangement except I = 10; Øvre Eiker: D, I, J = 3; Aremark: J, L = 2;
  // Zeta: A, B, C, E, F, G, H = 7; Ørje: 0; Gran: I = 1. Sum 23 over 6.
  EXPECT_EQ(r.totals.municipalities_in_scope, 6);
  EXPECT_EQ(r.totals.participations, 23);
  EXPECT_DOUBLE_EQ(r.totals.mean_per_municipality, 23.0 / 6.0);
  ASSERT_TRUE(r.totals.min && r.totals.max);
  EXPECT_EQ(r.totals.min->name, "Ørje");
  EXPECT_EQ(r.totals.min->count, 0);
  EXPECT_EQ(r.totals.max->name, "Ål");
  EXPECT_EQ(r.totals.max->count, 10);
  // Sorted counts 0 1 2 3 7 10: median (2 + 3) / 2.
  EXPECT_DOUBLE_EQ(*r.totals.median_per_municipality, 2.5);
  EXPECT_EQ(row(r, "Øvre Eiker").arrangements, 3);
  EXPECT_EQ(row(r, "Zeta").arrangements, 7);
  EXPECT_EQ(row(r, "Gran").arrangements, 1);
}

TEST_F(SmallContent, MunicipalityInNoArrangement) {
  const auto& orje = row(r, "Ørje");
  EXPECT_EQ(orje.arrangements, 0);
  EXPECT_EQ(orje.hosted, 0);
  EXPECT_EQ(orje.assisted, 0);
  EXPECT_EQ(orje.size_class, "medium");  // 15 000 is the top of the medium class
  bool listed = false;
  for (const auto& list : r.by_municipality) {
    if (list.name == "Ørje") {
      listed = true;
      EXPECT_TRUE(list.arrangements.empty());
    }
  }
  EXPECT_TRUE(listed);
}

TEST_F(SmallContent, ParticipantTotalDecidesLevelAndOrderButNotMembership) {
  // H lists 2 but has 12: level 9+, last in report order; Ål and Zeta count it once each.
  EXPECT_EQ(r.arrangements[7].participant_count, 12);
  EXPECT_EQ(r.arrangements[7].level, "9+");
  ASSERT_EQ(r.levels.size(), 3u);
  EXPECT_EQ(r.levels[0].count, 9);  // the eight two-participant ones and Grensen
  EXPECT_EQ(r.levels[1].count, 1);  // Vestover
  EXPECT_EQ(r.levels[2].count, 1);  // Stort
  EXPECT_DOUBLE_EQ(r.levels[0].percent, 900.0 / 11.0);
  EXPECT_DOUBLE_EQ(r.levels[2].percent, 100.0 / 11.0);
}

TEST_F(SmallContent, SizeClassesAndEdgeCore) {
  // large (> 15 000): Øvre Eiker 3. medium: Ørje 0, Gran 1, Zeta 7 = 8 / 3.
  // small (< 5 000): Ål 10, Aremark 2 = 12 / 2.
  ASSERT_EQ(r.size_classes.size(), 3u);
  EXPECT_EQ(r.size_classes[0].id, "large");
  EXPECT_EQ(r.size_classes[0].municipalities, 1);
  EXPECT_DOUBLE_EQ(*r.size_classes[0].mean_arrangements, 3.0);
  EXPECT_EQ(r.size_classes[1].members, (std::vector<std::string>{"Ørje", "Gran", "Zeta"}));
  EXPECT_DOUBLE_EQ(*r.size_classes[1].mean_arrangements, 8.0 / 3.0);
  EXPECT_EQ(r.size_classes[1].min_population, 5000);
  EXPECT_EQ(r.size_classes[1].max_population, 15000);
  EXPECT_DOUBLE_EQ(*r.size_classes[2].mean_arrangements, 6.0);
  // core: 10 + 3 + 2 + 7 + 0 = 22 over 5; edge: Gran 1.
  EXPECT_DOUBLE_EQ(*r.edge_core[0].mean_arrangements, 4.4);
  EXPECT_EQ(r.edge_core[1].members, std::vector<std::string>{"Gran"});
}

TEST_F(SmallContent, Regions) {
  // Nord (Ål, Øvre Eiker) is reached by all 11; Sør by all but D (Ål, Øvre Eiker) = 10.
  ASSERT_EQ(r.regions.size(), 2u);
  EXPECT_EQ(r.regions[0].arrangements, 11);
  EXPECT_EQ(r.regions[1].arrangements, 10);
  EXPECT_EQ(r.regions[0].population, 4648 + 19709);
  EXPECT_DOUBLE_EQ(r.regions[0].mean_per_municipality, 6.5);
  EXPECT_DOUBLE_EQ(r.regions[1].mean_per_municipality, 2.5);
  EXPECT_EQ(r.regions[1].municipalities,
            (std::vector<std::string>{"Aremark", "Zeta", "Ørje", "Gran"}));
}

TEST_F(SmallContent, PeriodsAndYears) {
  // A 2016 and B 2015-2021: recent; E 2005: middle; D 1990: before; C 1998-2003 spans two
  // periods: unspecified. Six have no year. n = 5.
  EXPECT_EQ(r.establishment.n, 5);
  EXPECT_EQ(r.establishment.with_year, 3);
  EXPECT_EQ(r.establishment.with_range, 2);
  EXPECT_EQ(r.establishment.unknown, 6);
  ASSERT_EQ(r.periods.size(), 4u);
  EXPECT_EQ(r.periods[0].count, 2);
  EXPECT_EQ(r.periods[0].from, 2015);
  EXPECT_EQ(r.periods[0].to, 2021);
  EXPECT_EQ(r.periods[1].count, 1);
  EXPECT_EQ(r.periods[2].count, 1);
  EXPECT_EQ(r.periods[3].count, 1);
  EXPECT_DOUBLE_EQ(r.periods[0].percent, 40.0);
  EXPECT_EQ(r.arrangements[2].period, "unspecified");
  ASSERT_EQ(r.years.size(), 3u);
  EXPECT_EQ(r.years[0].year, 1990);
  EXPECT_EQ(r.years[2].year, 2016);
  EXPECT_EQ(ids(r, r.new_arrangements), (std::vector<std::string>{"b", "a"}));
}

TEST_F(SmallContent, FtePerRegion) {
  // H (3.5; Ål, Zeta) and I (2.0; Øvre Eiker, Gran) reach both regions: 5.5 each.
  // Nord's staff_fte 100 + 400 = 500: 1.1 %. Sør lacks staff_fte: no share.
  EXPECT_EQ(r.fte.arrangements, 2);
  EXPECT_DOUBLE_EQ(r.fte.total, 5.5);
  ASSERT_EQ(r.fte.regions.size(), 2u);
  EXPECT_EQ(ids(r, r.fte.regions[0].arrangements), (std::vector<std::string>{"i", "h"}));
  EXPECT_DOUBLE_EQ(r.fte.regions[0].fte, 5.5);
  EXPECT_DOUBLE_EQ(*r.fte.regions[0].staff_fte, 500.0);
  EXPECT_DOUBLE_EQ(*r.fte.regions[0].share_percent, 1.1);
  EXPECT_FALSE(r.fte.regions[1].share_percent.has_value());
}

TEST_F(SmallContent, CrossCountyGroupsSmallGroupsIntoOther) {
  // Home: Viken / Buskerud. Gran (edge) is Innlandet, Asker is Akershus (Viken, former
  // Akershus), Tønsberg Vestfold og Telemark. C is hosted by Asker but its participants are
  // all at home: no crossing. I: Innlandet 1 + Akershus 1, none holds 2/3: other.
  // J: Vestfold og Telemark, a group of 1 < 5: other too.
  const auto& cc = r.cross_county;
  EXPECT_EQ(cc.home_county, "Viken");
  EXPECT_EQ(cc.home_former_county, "Buskerud");
  EXPECT_EQ(cc.total, 2);
  EXPECT_DOUBLE_EQ(cc.percent, 200.0 / 11.0);
  ASSERT_EQ(cc.by_county.size(), 1u);
  EXPECT_TRUE(cc.by_county[0].other);
  EXPECT_EQ(ids(r, cc.by_county[0].arrangements), (std::vector<std::string>{"i", "j"}));
  ASSERT_EQ(cc.by_county[0].areas.size(), 3u);
  EXPECT_EQ(cc.by_county[0].areas[0].name, "Akershus");
  EXPECT_EQ(cc.by_county[0].areas[2].name, "Vestfold og Telemark");
  ASSERT_EQ(cc.by_county[0].former_counties.size(), 2u);
  EXPECT_EQ(cc.by_county[0].former_counties[0].names,
            (std::vector<std::string>{"Akershus", "Oppland"}));
  ASSERT_TRUE(r.arrangements[8].cross_county.has_value());
  EXPECT_EQ(r.arrangements[8].cross_county->county, "");
  EXPECT_EQ(r.arrangements[9].cross_county->county, "Vestfold og Telemark");
  EXPECT_FALSE(r.arrangements[2].cross_county.has_value());
}

TEST(SmallContentOptions, CrossCountyWithoutMinimumGroupSize) {
  const auto content = make_small_content();
  Options options;
  options.cross_county_min_group = 1;
  const Results r = analyse(content, options);
  ASSERT_EQ(r.cross_county.by_county.size(), 2u);
  EXPECT_EQ(r.cross_county.by_county[0].county, "Vestfold og Telemark");
  EXPECT_EQ(r.cross_county.by_county[0].count, 1);
  EXPECT_TRUE(r.cross_county.by_county[1].other);
  EXPECT_EQ(r.cross_county.by_county[1].count, 1);
}

TEST(SmallContentOptions, UnnamedParticipantsDiluteTheDominantArea) {
  // J with participant_total 6: Vestfold og Telemark holds 1 of 1 named + 2 unnamed
  // foreign participants, less than 2/3: no dominant area.
  auto content = make_small_content();
  content.arrangements[9].participant_total = 6;
  const Results r = analyse(content);
  EXPECT_EQ(r.arrangements[9].cross_county->county, "");
}

TEST_F(SmallContent, ParticipationPerTask) {
  // legevakt: B, E (Ål, Zeta), I (Øvre Eiker, Gran), J (Aremark, Øvre Eiker, Ål): 5 of 6.
  // ikt: A, H (Ål, Zeta): 2 of 6. bibliotek: none. Sorted by count.
  ASSERT_EQ(r.tasks.size(), 3u);
  EXPECT_EQ(r.tasks[0].id, "legevakt");
  EXPECT_EQ(r.tasks[0].municipalities, 5);
  EXPECT_DOUBLE_EQ(r.tasks[0].percent, 500.0 / 6.0);
  EXPECT_EQ(r.tasks[0].group, "frequent");
  EXPECT_EQ(r.tasks[0].arrangements, 4);
  EXPECT_EQ(r.tasks[0].members,
            (std::vector<std::string>{"Ål", "Øvre Eiker", "Aremark", "Zeta", "Gran"}));
  EXPECT_EQ(r.tasks[1].id, "ikt");
  EXPECT_EQ(r.tasks[1].group, "common");  // 33.3 %
  ASSERT_EQ(r.tasks[1].reference.size(), 1u);
  EXPECT_EQ(r.tasks[1].reference[0].label, "Ref 2020");
  EXPECT_DOUBLE_EQ(r.tasks[1].reference[0].percent, 50.0);
  EXPECT_EQ(r.tasks[2].id, "bibliotek");
  EXPECT_EQ(r.tasks[2].municipalities, 0);
  EXPECT_EQ(r.tasks[2].group, "rare");
}

TEST_F(SmallContent, HostsInsideAndOutsideTheArea) {
  // Hosts: A Ål, B Zeta (inside); C, E Asker and J Tønsberg (outside). Six without.
  const auto& h = r.hosts;
  EXPECT_EQ(h.with_host, 5);
  EXPECT_EQ(h.without_host, 6);
  EXPECT_EQ(h.inside, 2);
  EXPECT_EQ(h.outside, 3);
  EXPECT_EQ(h.municipalities_hosting, 2);
  ASSERT_EQ(h.outside_hosts.size(), 2u);
  EXPECT_EQ(h.outside_hosts[0].name, "Asker");
  EXPECT_EQ(h.outside_hosts[0].count, 2);
  EXPECT_EQ(h.outside_hosts[1].name, "Tønsberg");
  // Ål is assisted in B (Zeta), C, E (Asker), J (Tønsberg); Zeta in A, C, E.
  EXPECT_EQ(row(r, "Ål").hosted, 1);
  EXPECT_EQ(row(r, "Ål").assisted, 4);
  EXPECT_EQ(row(r, "Zeta").assisted, 3);
  EXPECT_EQ(row(r, "Aremark").assisted, 1);
  // Rows: hosted descending, then collation (Zeta before Ål; Ørje before Øvre Eiker).
  std::vector<std::string> order;
  for (const auto& x : h.rows) order.push_back(x.name);
  EXPECT_EQ(order,
            (std::vector<std::string>{"Zeta", "Ål", "Aremark", "Gran", "Ørje", "Øvre Eiker"}));
  EXPECT_EQ(h.without_host_role,
            (std::vector<std::string>{"Aremark", "Gran", "Ørje", "Øvre Eiker"}));
  // 80 % of 2 = 1.6: Zeta (1) is not enough, Zeta and Ål (2) are.
  EXPECT_EQ(h.concentration.municipalities, 2);
  EXPECT_EQ(h.concentration.hosted, 2);
  EXPECT_DOUBLE_EQ(h.concentration.percent, 100.0);
}

TEST_F(SmallContent, LegalFormsAndSectors) {
  int iks = -1, unknown = -1;
  for (const auto& f : r.legal_forms) {
    if (f.id == "iks") iks = f.count;
    if (f.id == "unknown") unknown = f.count;
  }
  EXPECT_EQ(iks, 1);
  EXPECT_EQ(unknown, 8);
  EXPECT_EQ(r.legal_forms.back().id, "unknown");
  EXPECT_EQ(r.legal_form_groups[0].id, "companies");
  EXPECT_EQ(r.legal_form_groups[0].count, 1);
  EXPECT_EQ(r.legal_form_groups[1].count, 1);  // vertskommune
  EXPECT_EQ(r.legal_form_groups[2].count, 1);  // avtale
  // adm: A C D F G H L = 7; helse: B E I J = 4; kultur: empty but listed.
  ASSERT_EQ(r.sectors.size(), 3u);
  EXPECT_EQ(r.sectors[0].count, 7);
  EXPECT_EQ(r.sectors[1].count, 4);
  EXPECT_EQ(r.sectors[2].id, "kultur");
  EXPECT_EQ(r.sectors[2].count, 0);
  EXPECT_DOUBLE_EQ(r.sectors[2].percent, 0.0);
  EXPECT_TRUE(r.by_sector[2].arrangements.empty());
}

TEST_F(SmallContent, ServiceStructure) {
  // ikt: A, H cover Ål and Zeta; 4 municipalities run their own: 6 services.
  // legevakt: E, B, I, J cover 5; Ørje alone: 5 services. bibliotek: 6 municipal.
  ASSERT_EQ(r.service_structure.size(), 3u);
  EXPECT_EQ(r.service_structure[0].intermunicipal, 2);
  EXPECT_EQ(r.service_structure[0].municipal, 4);
  EXPECT_EQ(r.service_structure[0].services, 6);
  EXPECT_EQ(ids(r, r.service_structure[1].arrangements),
            (std::vector<std::string>{"e", "b", "i", "j"}));
  EXPECT_EQ(r.service_structure[1].services, 5);
  EXPECT_EQ(r.service_structure[2].municipal, 6);
  EXPECT_EQ(r.service_structure[2].intermunicipal, 0);
}

TEST_F(SmallContent, ListsInReportOrder) {
  EXPECT_EQ(ids(r, r.by_municipality[0].arrangements),
            (std::vector<std::string>{"e", "beta-1", "beta-2", "l", "d", "b", "c", "a", "j", "h"}));
  EXPECT_EQ(ids(r, r.by_municipality[6].arrangements), std::vector<std::string>{"i"});  // Asker
  EXPECT_FALSE(r.by_municipality[6].in_scope);
  EXPECT_EQ(ids(r, r.by_region[1].arrangements),
            (std::vector<std::string>{"e", "beta-1", "beta-2", "l", "b", "c", "a", "i", "j", "h"}));
  EXPECT_EQ(ids(r, r.by_task[0].arrangements), (std::vector<std::string>{"a", "h"}));
  EXPECT_EQ(ids(r, r.by_sector[1].arrangements), (std::vector<std::string>{"e", "b", "i", "j"}));
}

TEST_F(SmallContent, Chapter4Selection) {
  // Most populous of Nord: Øvre Eiker; of Sør: Ørje (15 000); then the most arrangements: Ål.
  EXPECT_EQ(r.chapter4_municipalities, (std::vector<std::string>{"Øvre Eiker", "Ørje", "Ål"}));
  auto chosen = make_small_content();
  chosen.report.chapter4_municipalities = {3, 0};
  EXPECT_EQ(analyse(chosen).chapter4_municipalities, (std::vector<std::string>{"Zeta", "Ål"}));
}

TEST_F(SmallContent, DatasetRatiosAndSums) {
  ASSERT_EQ(r.datasets.size(), 1u);
  const auto& d = r.datasets[0];
  ASSERT_EQ(d.rows.size(), 4u);
  EXPECT_DOUBLE_EQ(std::get<double>(d.rows[0][4]), 50.0);             // 5 / 10
  EXPECT_DOUBLE_EQ(std::get<double>(d.rows[1][4]), 90.0);             // 27 / 30
  EXPECT_TRUE(std::holds_alternative<std::monostate>(d.rows[2][4]));  // 0 / 0
  EXPECT_TRUE(std::holds_alternative<std::monostate>(d.rows[3][4]));  // missing a
  EXPECT_EQ(std::get<std::vector<std::string>>(d.rows[1][1]),
            (std::vector<std::string>{"Zeta", "Ørje"}));
  ASSERT_TRUE(d.total.has_value());
  EXPECT_TRUE(std::holds_alternative<std::monostate>((*d.total)[0]));
  EXPECT_DOUBLE_EQ(std::get<double>((*d.total)[2]), 40.0);
  EXPECT_DOUBLE_EQ(std::get<double>((*d.total)[3]), 35.0);
  // Sum row ratio: sum of numerators / sum of denominators = 35 / 40, not a mean of rows.
  EXPECT_DOUBLE_EQ(std::get<double>((*d.total)[4]), 87.5);
  ASSERT_TRUE(d.columns[4].ratio_of.has_value());
  EXPECT_EQ(d.columns[4].ratio_of->first, "b");
}

// Threads (collation keys of many names, the survey analysis) change nothing in the result:
// a content large enough to split the collation work, analysed with 1 and 4 threads.
TEST(Threads, SameResultsWithAndWithoutThreads) {
  auto c = make_small_content();
  const char* stems[] = {"Åsen", "alfa", "Ærfugl", "Beta", "Øst", "Zulu", "aa-ordning", "Ål"};
  for (int i = 0; i < 3000; ++i) {
    content::Arrangement a;
    a.id = "gen-" + std::to_string(i);
    a.name = std::string(stems[i % 8]) + " " + std::to_string(i % 97);
    a.participants = {static_cast<std::size_t>(i % 6), static_cast<std::size_t>((i / 6) % 8)};
    if (a.participants[0] == a.participants[1]) a.participants.pop_back();
    if (i % 5 == 0) a.participant_total = 3 + i % 11;
    a.sector = static_cast<std::size_t>(i % 3);
    c.arrangements.push_back(std::move(a));
  }
  Options one;
  one.threads = 1;
  Options four;
  four.threads = 4;
  EXPECT_EQ(to_json(analyse(c, one)).dump(), to_json(analyse(c, four)).dump());
}

TEST(EmptyContent, NoMunicipalitiesNoArrangements) {
  content::Content c;
  c.report.reference_date = {2021, 1, 1};
  const Results r = analyse(c);
  EXPECT_EQ(r.totals.arrangements, 0);
  EXPECT_FALSE(r.totals.min.has_value());
  EXPECT_DOUBLE_EQ(r.levels[0].percent, 0.0);
  EXPECT_EQ(r.cross_county.total, 0);
  EXPECT_FALSE(r.size_classes[0].mean_arrangements.has_value());
}

}  // namespace
}  // namespace samrapport::analysis
