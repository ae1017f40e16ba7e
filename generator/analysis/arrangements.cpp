// The arrangement table (every arrangement as the report shows it), the report order of
// the current ones and the list of ended ones.
#include <algorithm>
#include <tuple>

#include "analysis/families.hpp"
#include "locale/norwegian.hpp"

namespace samrapport::analysis {

void compute_arrangements(const Index& index, Results& results) {
  const auto& content = index.content;
  results.arrangements.reserve(content.arrangements.size());
  for (std::size_t a = 0; a < content.arrangements.size(); ++a) {
    const auto& arrangement = content.arrangements[a];
    ArrangementInfo info;
    info.id = arrangement.id;
    info.name = arrangement.name;
    info.participants.reserve(index.participants[a].size());
    for (auto m : index.participants[a]) {
      const auto& municipality = index.municipality(m);
      info.participants.push_back(municipality.name);
      if (municipality.in_scope) ++info.in_scope_participants;
    }
    info.participant_count = arrangement.participant_total
                                 ? *arrangement.participant_total
                                 : static_cast<int>(index.participants[a].size());
    info.other_owners = arrangement.other_owners;
    if (arrangement.host && *arrangement.host < content.municipalities.size()) {
      info.host = index.municipality(*arrangement.host).name;
      info.host_in_scope = index.municipality(*arrangement.host).in_scope;
    }
    if (arrangement.legal_form) info.legal_form = std::string(to_string(*arrangement.legal_form));
    if (arrangement.sector < content.sectors.size()) {
      info.sector = content.sectors[arrangement.sector].id;
      info.sector_name = content.sectors[arrangement.sector].name;
    }
    for (auto t : arrangement.tasks) {
      if (t >= content.tasks.size()) continue;
      info.tasks.push_back(content.tasks[t].id);
      info.task_names.push_back(content.tasks[t].name);
    }
    info.established = arrangement.established;
    info.established_between = arrangement.established_between;
    info.ended = arrangement.ended;
    info.fte = arrangement.fte;
    info.current = index.current[a];
    results.arrangements.push_back(std::move(info));
  }

  results.current = index.order;

  // Ended: latest first, then report order (participant count, collation, id).
  std::vector<std::pair<std::string, std::size_t>> ended;
  for (std::size_t a = 0; a < content.arrangements.size(); ++a) {
    if (!index.current[a])
      ended.emplace_back(locale::collation_key(content.arrangements[a].name), a);
  }
  std::sort(ended.begin(), ended.end(), [&](const auto& x, const auto& y) {
    const auto& ax = content.arrangements[x.second];
    const auto& ay = content.arrangements[y.second];
    const int ex = ax.ended.value_or(0);
    const int ey = ay.ended.value_or(0);
    const int cx = ax.participant_count();
    const int cy = ay.participant_count();
    return std::tie(ey, cx, x.first, ax.id) < std::tie(ex, cy, y.first, ay.id);
  });
  for (const auto& entry : ended) results.ended.push_back(entry.second);
}

}  // namespace samrapport::analysis
