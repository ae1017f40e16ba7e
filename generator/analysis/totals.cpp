// Totals and means (Hovedpunkter, kap. 2.1-2.2), the in-scope municipality rows
// (Tabell 1.1, Figur 2.2, Tabell 3.2) and the regions with their subtotals.
#include <algorithm>
#include <limits>

#include "analysis/families.hpp"

namespace samrapport::analysis {

namespace {

Extreme extreme(const Index& index, int count) {
  Extreme e;
  e.count = count;
  std::vector<content::MunicipalityIdx> tied;
  for (auto m : index.in_scope) {
    if (static_cast<int>(index.of_municipality[m].size()) == count) tied.push_back(m);
  }
  std::sort(tied.begin(), tied.end(), [&](auto a, auto b) { return index.name_less(a, b); });
  for (auto m : tied) e.names.push_back(index.municipality(m).name);
  e.name = e.names.front();
  return e;
}

}  // namespace

void compute_totals(const Index& index, Results& results) {
  const auto& content = index.content;
  Totals& totals = results.totals;
  totals.arrangements = static_cast<int>(index.order.size());
  totals.ended = static_cast<int>(content.arrangements.size() - index.order.size());
  totals.municipalities_in_scope = static_cast<int>(index.in_scope.size());

  int lowest = std::numeric_limits<int>::max();
  int highest = std::numeric_limits<int>::min();
  std::vector<int> counts;
  counts.reserve(index.in_scope.size());
  for (auto m : index.in_scope) {
    const auto& municipality = index.municipality(m);
    MunicipalityRow row;
    row.id = municipality.id;
    row.name = municipality.name;
    if (municipality.region && *municipality.region < content.regions.size()) {
      row.region = content.regions[*municipality.region].id;
    }
    row.population = municipality.population;
    row.arrangements = static_cast<int>(index.of_municipality[m].size());
    row.hosted = index.hosted[m];
    row.assisted = index.assisted[m];
    row.edge = municipality.edge;
    if (municipality.population)
      row.size_class = size_class_of(*municipality.population, index.options);
    row.staff_fte = municipality.staff_fte;
    totals.participations += row.arrangements;
    lowest = std::min(lowest, row.arrangements);
    highest = std::max(highest, row.arrangements);
    counts.push_back(row.arrangements);
    results.municipalities.push_back(std::move(row));
  }
  if (!index.in_scope.empty()) {
    totals.mean_per_municipality =
        static_cast<double>(totals.participations) / static_cast<double>(index.in_scope.size());
    totals.min = extreme(index, lowest);
    totals.max = extreme(index, highest);
    std::sort(counts.begin(), counts.end());
    const std::size_t n = counts.size();
    totals.median_per_municipality =
        n % 2 == 1 ? static_cast<double>(counts[n / 2])
                   : (static_cast<double>(counts[n / 2 - 1]) + counts[n / 2]) / 2.0;
  }

  // Regions: members, population, and the current arrangements reaching the region.
  const std::size_t n_regions = content.regions.size();
  results.regions.resize(n_regions);
  std::vector<std::int64_t> member_sum(n_regions, 0);
  for (std::size_t r = 0; r < n_regions; ++r) {
    results.regions[r].id = content.regions[r].id;
    results.regions[r].name = content.regions[r].name;
    results.regions[r].council = content.regions[r].council;
  }
  for (auto m : index.in_scope) {
    const auto& municipality = index.municipality(m);
    if (!municipality.region || *municipality.region >= n_regions) continue;
    auto& region = results.regions[*municipality.region];
    region.municipalities.push_back(municipality.name);
    region.population += municipality.population.value_or(0);
    member_sum[*municipality.region] += static_cast<std::int64_t>(index.of_municipality[m].size());
  }
  std::vector<std::size_t> stamp(n_regions, static_cast<std::size_t>(-1));
  for (auto a : index.order) {
    for (auto m : index.participants[a]) {
      const auto& region = index.municipality(m).region;
      if (!index.municipality(m).in_scope || !region || *region >= n_regions) continue;
      if (stamp[*region] == a) continue;
      stamp[*region] = a;
      ++results.regions[*region].arrangements;
    }
  }
  for (std::size_t r = 0; r < n_regions; ++r) {
    const auto members = results.regions[r].municipalities.size();
    if (members > 0) {
      results.regions[r].mean_per_municipality =
          static_cast<double>(member_sum[r]) / static_cast<double>(members);
    }
  }
}

}  // namespace samrapport::analysis
