// Findings: the choices the report's text makes from the other table families ("the two
// sectors with most new arrangements", "the region whose municipalities take part in
// most arrangements"), computed once so that every chapter and product names the same.
// Runs after every other family (it reads their results). Ties are resolved by the
// order of the table the choice is made from, as docs/analysis.md states per key.
#include <algorithm>

#include "analysis/families.hpp"

namespace samrapport::analysis {

namespace {

void new_by_sector(const Index& index, Results& results) {
  const auto& content = index.content;
  std::vector<int> counts(content.sectors.size(), 0);
  for (auto a : results.new_arrangements) {
    const auto s = content.arrangements[a].sector;
    if (s < counts.size()) ++counts[s];
  }
  Findings& f = results.findings;
  for (std::size_t s = 0; s < content.sectors.size(); ++s) {
    f.new_by_sector.push_back(
        SectorCount{content.sectors[s].id, content.sectors[s].name, counts[s]});
  }
  std::stable_sort(f.new_by_sector.begin(), f.new_by_sector.end(),
                   [](const SectorCount& a, const SectorCount& b) { return a.count > b.count; });

  const auto& wanted = index.options.health_social_sectors;
  f.new_health_social.sectors = wanted;
  for (const auto& row : f.new_by_sector) {
    if (std::find(wanted.begin(), wanted.end(), row.sector) != wanted.end()) {
      f.new_health_social.count += row.count;
    }
  }
  // count / n * 100, in this order (the figure the text printed before it moved here).
  const auto n = results.new_arrangements.size();
  if (n > 0) {
    f.new_health_social.percent =
        static_cast<double>(f.new_health_social.count) / static_cast<double>(n) * 100.0;
  }
  if (results.totals.arrangements > 0) {
    f.new_percent_of_current = static_cast<double>(n) / results.totals.arrangements * 100.0;
  }
}

void fte_region(Results& results) {
  double best = 0;
  for (std::size_t r = 0; r < results.fte.regions.size() && r < results.regions.size(); ++r) {
    if (results.fte.regions[r].arrangements.empty()) continue;
    const double mean = results.regions[r].mean_per_municipality;
    if (!results.findings.fte_region || mean > best) {
      results.findings.fte_region = r;
      best = mean;
    }
  }
}

void regions_by_mean(Results& results) {
  auto& out = results.findings.regions_by_mean;
  for (const auto& r : results.regions) {
    if (r.municipalities.empty()) continue;
    out.push_back(RegionMean{r.id, r.name, static_cast<int>(r.municipalities.size()),
                             r.mean_per_municipality});
  }
  std::stable_sort(out.begin(), out.end(), [](const RegionMean& a, const RegionMean& b) {
    return a.mean_per_municipality > b.mean_per_municipality;
  });
}

}  // namespace

void compute_findings(const Index& index, Results& results) {
  new_by_sector(index, results);
  fte_region(results);
  regions_by_mean(results);
}

}  // namespace samrapport::analysis
