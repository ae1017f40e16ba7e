// Participation per task area (Tabell 3.1): the in-scope municipalities taking part in at
// least one current arrangement covering the task, as a count and a percentage of all
// in-scope municipalities, grouped as frequent / common / rare, beside the reference
// figures of tasks.yaml.
#include <algorithm>
#include <numeric>

#include "analysis/families.hpp"

namespace samrapport::analysis {

void compute_tasks(const Index& index, Results& results) {
  const auto& content = index.content;
  const Options& options = index.options;
  const std::size_t n_tasks = content.tasks.size();
  const std::size_t n_municipalities = content.municipalities.size();

  // member[t][m]: in-scope municipality m takes part in a current arrangement covering t.
  std::vector<std::vector<char>> member(n_tasks, std::vector<char>(n_municipalities, 0));
  std::vector<int> arrangements(n_tasks, 0);
  std::vector<std::size_t> stamp(n_tasks, static_cast<std::size_t>(-1));
  for (auto a : index.order) {
    for (auto t : content.arrangements[a].tasks) {
      if (t >= n_tasks || stamp[t] == a) continue;
      stamp[t] = a;
      ++arrangements[t];
      for (auto m : index.participants[a]) {
        if (index.municipality(m).in_scope) member[t][m] = 1;
      }
    }
  }

  const double in_scope = static_cast<double>(index.in_scope.size());
  std::vector<TaskRow> rows;
  rows.reserve(n_tasks);
  for (std::size_t t = 0; t < n_tasks; ++t) {
    const auto& task = content.tasks[t];
    TaskRow row;
    row.id = task.id;
    row.name = task.name;
    if (task.sector < content.sectors.size()) row.sector = content.sectors[task.sector].id;
    for (auto m : index.in_scope) {
      if (member[t][m]) row.members.push_back(index.municipality(m).name);
    }
    row.municipalities = static_cast<int>(row.members.size());
    row.percent = percent_of(row.municipalities, in_scope);
    row.group = row.percent >= options.frequent_from ? "frequent"
                : row.percent >= options.common_from ? "common"
                                                     : "rare";
    for (const auto& [label, value] : task.reference) row.reference.push_back({label, value});
    row.arrangements = arrangements[t];
    rows.push_back(std::move(row));
  }

  std::vector<std::size_t> order(n_tasks);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return rows[a].municipalities > rows[b].municipalities;
  });
  for (auto t : order) results.tasks.push_back(std::move(rows[t]));
  results.frequent_from = options.frequent_from;
  results.common_from = options.common_from;
}

}  // namespace samrapport::analysis
