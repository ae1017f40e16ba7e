// Sectors (Figur 5.1, kap. 5): current arrangements per sector, every sector of tasks.yaml
// in its order (empty sectors included with 0).
#include "analysis/families.hpp"

namespace samrapport::analysis {

void compute_sectors(const Index& index, Results& results) {
  const auto& content = index.content;
  std::vector<int> counts(content.sectors.size(), 0);
  for (auto a : index.order) {
    const auto s = content.arrangements[a].sector;
    if (s < counts.size()) ++counts[s];
  }
  const double total = static_cast<double>(index.order.size());
  for (std::size_t s = 0; s < content.sectors.size(); ++s) {
    results.sectors.push_back(SectorRow{content.sectors[s].id, content.sectors[s].name, counts[s],
                                        percent_of(counts[s], total)});
  }
}

}  // namespace samrapport::analysis
