// Man-years (Tabell 2.3): per region, the current arrangements with `fte` that reach the
// region (an in-scope participant in it), their sum, and that sum as a share of the
// region's total municipal man-years (`staff_fte` of its in-scope municipalities; the
// share is unset unless every one of them has staff_fte).
#include "analysis/families.hpp"

namespace samrapport::analysis {

void compute_fte(const Index& index, Results& results) {
  const auto& content = index.content;
  const std::size_t n_regions = content.regions.size();
  Fte& fte = results.fte;
  fte.regions.resize(n_regions);
  for (std::size_t r = 0; r < n_regions; ++r) {
    fte.regions[r].region = content.regions[r].id;
    fte.regions[r].name = content.regions[r].name;
  }

  std::vector<double> staff(n_regions, 0.0);
  std::vector<bool> staff_complete(n_regions, true);
  std::vector<bool> has_member(n_regions, false);
  for (auto m : index.in_scope) {
    const auto& municipality = index.municipality(m);
    if (!municipality.region || *municipality.region >= n_regions) continue;
    const auto r = *municipality.region;
    has_member[r] = true;
    if (municipality.staff_fte) {
      staff[r] += *municipality.staff_fte;
    } else {
      staff_complete[r] = false;
    }
  }

  std::vector<std::size_t> stamp(n_regions, static_cast<std::size_t>(-1));
  for (auto a : index.order) {
    const auto& value = content.arrangements[a].fte;
    if (!value) continue;
    ++fte.arrangements;
    fte.total += *value;
    for (auto m : index.participants[a]) {
      const auto& municipality = index.municipality(m);
      if (!municipality.in_scope || !municipality.region || *municipality.region >= n_regions) {
        continue;
      }
      const auto r = *municipality.region;
      if (stamp[r] == a) continue;
      stamp[r] = a;
      fte.regions[r].arrangements.push_back(a);
      fte.regions[r].fte += *value;
    }
  }

  for (std::size_t r = 0; r < n_regions; ++r) {
    if (!has_member[r] || !staff_complete[r]) continue;
    fte.regions[r].staff_fte = staff[r];
    if (staff[r] > 0) fte.regions[r].share_percent = 100.0 * fte.regions[r].fte / staff[r];
  }
}

}  // namespace samrapport::analysis
