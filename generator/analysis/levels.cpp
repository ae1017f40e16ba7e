// Geographic levels (Figur 2.1): current arrangements by number of participants
// (participant_total when set): 2-3 local, 4-8 regional, 9 or more higher level.
// An arrangement with fewer than 2 counted participants (invalid content) is in no level;
// percentages are always of all current arrangements.
#include "analysis/families.hpp"

namespace samrapport::analysis {

void compute_levels(const Index& index, Results& results) {
  results.levels = {
      LevelRow{"2-3", 2, 3, 0, 0},
      LevelRow{"4-8", 4, 8, 0, 0},
      LevelRow{"9+", 9, std::nullopt, 0, 0},
  };
  for (auto a : index.order) {
    const int n = index.content.arrangements[a].participant_count();
    for (auto& level : results.levels) {
      if (n >= level.min && (!level.max || n <= *level.max)) {
        ++level.count;
        results.arrangements[a].level = level.id;
        break;
      }
    }
  }
  const double total = static_cast<double>(index.order.size());
  for (auto& level : results.levels) level.percent = percent_of(level.count, total);
}

}  // namespace samrapport::analysis
