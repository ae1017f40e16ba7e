// Arrangement lists in report order (Tabell 4.x, Tabell 5.x, the site and the
// eierskap/årsrapport documents): per municipality (every municipality of the content),
// per region (arrangements with an in-scope participant of the region), per sector and
// per task. All in the order of Index::order: participants, then collation of the name.
// Also the selection of municipalities that get their own table in chapter 4.
#include <algorithm>
#include <optional>

#include "analysis/families.hpp"

namespace samrapport::analysis {

namespace {

std::vector<std::string> chapter4_selection(const Index& index) {
  const auto& content = index.content;
  std::vector<std::string> names;
  if (!content.report.chapter4_municipalities.empty()) {
    for (auto m : content.report.chapter4_municipalities) {
      if (m < content.municipalities.size()) names.push_back(content.municipalities[m].name);
    }
    return names;
  }
  // The most populous in-scope municipality of each region (ties: collation order).
  std::vector<std::optional<content::MunicipalityIdx>> largest(content.regions.size());
  for (auto m : index.in_scope) {
    const auto& municipality = index.municipality(m);
    if (!municipality.region || *municipality.region >= largest.size() ||
        !municipality.population) {
      continue;
    }
    auto& best = largest[*municipality.region];
    if (!best) {
      best = m;
      continue;
    }
    const auto p = *municipality.population;
    const auto q = *index.municipality(*best).population;
    if (p > q || (p == q && index.name_less(m, *best))) best = m;
  }
  for (const auto& m : largest) {
    if (m) names.push_back(index.municipality(*m).name);
  }
  // Then the one with the most arrangements (first in collation order on ties).
  std::optional<content::MunicipalityIdx> most;
  for (auto m : index.in_scope) {
    if (!most || index.of_municipality[m].size() > index.of_municipality[*most].size() ||
        (index.of_municipality[m].size() == index.of_municipality[*most].size() &&
         index.name_less(m, *most))) {
      most = m;
    }
  }
  if (most &&
      std::find(names.begin(), names.end(), index.municipality(*most).name) == names.end()) {
    names.push_back(index.municipality(*most).name);
  }
  return names;
}

}  // namespace

void compute_lists(const Index& index, Results& results) {
  results.chapter4_municipalities = chapter4_selection(index);
  const auto& content = index.content;
  results.by_municipality.reserve(content.municipalities.size());
  for (std::size_t m = 0; m < content.municipalities.size(); ++m) {
    const auto& municipality = content.municipalities[m];
    results.by_municipality.push_back(MunicipalityList{
        municipality.name, municipality.id, municipality.in_scope, index.of_municipality[m]});
  }

  const std::size_t n_regions = content.regions.size();
  const std::size_t n_sectors = content.sectors.size();
  const std::size_t n_tasks = content.tasks.size();
  results.by_region.resize(n_regions);
  results.by_sector.resize(n_sectors);
  results.by_task.resize(n_tasks);
  for (std::size_t r = 0; r < n_regions; ++r) results.by_region[r].id = content.regions[r].id;
  for (std::size_t s = 0; s < n_sectors; ++s) results.by_sector[s].id = content.sectors[s].id;
  for (std::size_t t = 0; t < n_tasks; ++t) results.by_task[t].id = content.tasks[t].id;

  std::vector<std::size_t> region_stamp(n_regions, static_cast<std::size_t>(-1));
  std::vector<std::size_t> task_stamp(n_tasks, static_cast<std::size_t>(-1));
  for (auto a : index.order) {
    const auto& arrangement = content.arrangements[a];
    if (arrangement.sector < n_sectors)
      results.by_sector[arrangement.sector].arrangements.push_back(a);
    for (auto t : arrangement.tasks) {
      if (t >= n_tasks || task_stamp[t] == a) continue;
      task_stamp[t] = a;
      results.by_task[t].arrangements.push_back(a);
    }
    for (auto m : index.participants[a]) {
      const auto& municipality = index.municipality(m);
      if (!municipality.in_scope || !municipality.region || *municipality.region >= n_regions) {
        continue;
      }
      const auto r = *municipality.region;
      if (region_stamp[r] == a) continue;
      region_stamp[r] = a;
      results.by_region[r].arrangements.push_back(a);
    }
  }
}

}  // namespace samrapport::analysis
