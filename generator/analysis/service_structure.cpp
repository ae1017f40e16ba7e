// Service structure (kap. 3.4): per task area, the number of services in the area =
// intermunicipal services (current arrangements covering the task with at least one
// in-scope participant) + municipal services (in-scope municipalities covered by none of
// them, each running its own). "N tjenester, hvorav M kommunale og K interkommunale".
#include "analysis/families.hpp"

namespace samrapport::analysis {

void compute_service_structure(const Index& index, Results& results) {
  const auto& content = index.content;
  const std::size_t n_tasks = content.tasks.size();
  std::vector<ServiceRow> rows(n_tasks);
  std::vector<std::vector<char>> covered(n_tasks);
  std::vector<int> covered_count(n_tasks, 0);
  std::vector<std::size_t> stamp(n_tasks, static_cast<std::size_t>(-1));
  for (auto a : index.order) {
    const auto& arrangement = content.arrangements[a];
    if (arrangement.tasks.empty()) continue;
    bool reaches_area = false;
    for (auto m : index.participants[a])
      reaches_area = reaches_area || index.municipality(m).in_scope;
    if (!reaches_area) continue;
    for (auto t : arrangement.tasks) {
      if (t >= n_tasks || stamp[t] == a) continue;
      stamp[t] = a;
      rows[t].arrangements.push_back(a);
      if (covered[t].empty()) covered[t].assign(content.municipalities.size(), 0);
      for (auto m : index.participants[a]) {
        if (index.municipality(m).in_scope && !covered[t][m]) {
          covered[t][m] = 1;
          ++covered_count[t];
        }
      }
    }
  }
  const int in_scope = static_cast<int>(index.in_scope.size());
  for (std::size_t t = 0; t < n_tasks; ++t) {
    ServiceRow& row = rows[t];
    row.task = content.tasks[t].id;
    row.name = content.tasks[t].name;
    row.intermunicipal = static_cast<int>(row.arrangements.size());
    row.municipal = in_scope - covered_count[t];
    row.services = row.municipal + row.intermunicipal;
    results.service_structure.push_back(std::move(row));
  }
}

}  // namespace samrapport::analysis
