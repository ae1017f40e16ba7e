// Municipality classes with their mean number of arrangements: size classes by population
// (Figur 2.3: > 15 000, 5 000-15 000, < 5 000) and core versus edge municipalities
// (Figur 2.2).
#include <algorithm>
#include <tuple>

#include "analysis/families.hpp"

namespace samrapport::analysis {

namespace {

/// Fills count, sum, mean and members (population descending, then collation).
void fill(const Index& index, std::vector<content::MunicipalityIdx> members,
          MunicipalityClass& out) {
  std::sort(members.begin(), members.end(), [&](auto a, auto b) {
    const auto pa = index.municipality(a).population.value_or(0);
    const auto pb = index.municipality(b).population.value_or(0);
    if (pa != pb) return pa > pb;
    return index.name_less(a, b);
  });
  out.municipalities = static_cast<int>(members.size());
  for (auto m : members) {
    out.arrangements += static_cast<std::int64_t>(index.of_municipality[m].size());
    out.members.push_back(index.municipality(m).name);
  }
  if (!members.empty()) {
    out.mean_arrangements =
        static_cast<double>(out.arrangements) / static_cast<double>(members.size());
  }
}

}  // namespace

void compute_classes(const Index& index, Results& results) {
  const Options& options = index.options;
  std::vector<content::MunicipalityIdx> large, medium, small, core, edge;
  for (auto m : index.in_scope) {
    const auto& municipality = index.municipality(m);
    (municipality.edge ? edge : core).push_back(m);
    if (!municipality.population) continue;
    const auto cls = size_class_of(*municipality.population, options);
    (cls == "large" ? large : cls == "medium" ? medium : small).push_back(m);
  }

  MunicipalityClass c_large{"large", options.large_above + 1, std::nullopt, 0, 0, {}, {}};
  MunicipalityClass c_medium{"medium", options.small_below, options.large_above, 0, 0, {}, {}};
  MunicipalityClass c_small{"small", std::nullopt, options.small_below - 1, 0, 0, {}, {}};
  fill(index, std::move(large), c_large);
  fill(index, std::move(medium), c_medium);
  fill(index, std::move(small), c_small);
  results.size_classes = {std::move(c_large), std::move(c_medium), std::move(c_small)};

  MunicipalityClass c_core{"core", std::nullopt, std::nullopt, 0, 0, {}, {}};
  MunicipalityClass c_edge{"edge", std::nullopt, std::nullopt, 0, 0, {}, {}};
  fill(index, std::move(core), c_core);
  fill(index, std::move(edge), c_edge);
  results.edge_core = {std::move(c_core), std::move(c_edge)};
}

}  // namespace samrapport::analysis
