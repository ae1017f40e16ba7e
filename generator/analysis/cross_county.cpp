// Arrangements across county borders (kap. 2.5, Tabell 2.4-2.7).
//
// The home area is where the core municipalities (in scope, not edge) lie: the most
// common county among them (home county) and, within it, the most common former county
// (home former county). The county area of a municipality is:
//   - home, for a core municipality (Jevnaker, former Oppland, counts with Buskerud);
//   - its county, when that is not the home county (Gran: Innlandet; Holmestrand:
//     Vestfold og Telemark);
//   - otherwise its former county (Asker: Akershus; Lunner: Oppland), home when that is
//     the home former county.
// An arrangement crosses a border when its listed participants lie in more than one
// county area. It is grouped by the county area of its participants outside the home
// area: each is labelled with its county, or, in the home county, with the county its
// former county became (Lunner: Oppland -> Innlandet) or, if that is the home county too,
// the former county itself (Asker: Akershus). The group is the label holding at least
// Options::cross_county_dominant of those participants, unnamed participants
// (participant_total beyond the list) counting as unknown; otherwise "other". Groups
// smaller than Options::cross_county_min_group join "other".
#include <algorithm>
#include <map>
#include <unordered_map>

#include "analysis/families.hpp"
#include "locale/norwegian.hpp"

namespace samrapport::analysis {

namespace {

/// The most common value (ties: first in collation order), or "" when empty.
std::string most_common(const std::map<std::string, int>& counts) {
  std::string best;
  int best_count = 0;
  for (const auto& [value, count] : counts) {
    if (count > best_count || (count == best_count && locale::collate(value, best) < 0)) {
      best = value;
      best_count = count;
    }
  }
  return best;
}

const std::string& former_of(const content::Municipality& m) {
  return m.former_county ? *m.former_county : m.county;
}

/// Sorts (name, count) by count descending, then collation.
void sort_counts(std::vector<NameCount>& rows) {
  std::vector<std::string> keys;
  std::vector<std::size_t> order(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    order[i] = i;
    keys.push_back(locale::collation_key(rows[i].name));
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (rows[a].count != rows[b].count) return rows[a].count > rows[b].count;
    return keys[a] < keys[b];
  });
  std::vector<NameCount> sorted;
  for (auto i : order) sorted.push_back(std::move(rows[i]));
  rows = std::move(sorted);
}

std::vector<NameCount> to_rows(const std::map<std::string, int>& counts) {
  std::vector<NameCount> rows;
  for (const auto& [name, count] : counts) rows.push_back(NameCount{name, count});
  sort_counts(rows);
  return rows;
}

}  // namespace

void compute_cross_county(const Index& index, Results& results) {
  const auto& content = index.content;
  const Options& options = index.options;
  CrossCounty& cc = results.cross_county;

  // The home area: counties of the core municipalities (or of all in-scope ones if
  // none is core).
  std::vector<content::MunicipalityIdx> core;
  for (auto m : index.in_scope) {
    if (!index.municipality(m).edge) core.push_back(m);
  }
  if (core.empty()) core = index.in_scope;
  std::vector<bool> is_core(content.municipalities.size(), false);
  std::map<std::string, int> counties;
  for (auto m : core) {
    is_core[m] = true;
    ++counties[index.municipality(m).county];
  }
  cc.home_county = most_common(counties);
  std::map<std::string, int> formers;
  for (auto m : core) {
    if (index.municipality(m).county == cc.home_county) ++formers[former_of(index.municipality(m))];
  }
  cc.home_former_county = most_common(formers);

  // What each former county became: the most common county of its municipalities.
  std::map<std::string, std::map<std::string, int>> became;
  for (const auto& m : content.municipalities) {
    if (m.former_county) ++became[*m.former_county][m.county];
  }
  std::unordered_map<std::string, std::string> successor;
  for (const auto& [former, to] : became) successor[former] = most_common(to);

  // Per municipality: area ("" = home) and group label.
  const std::size_t n = content.municipalities.size();
  std::vector<std::string> area(n), label(n);
  for (std::size_t m = 0; m < n; ++m) {
    const auto& municipality = content.municipalities[m];
    if (is_core[m]) continue;
    if (municipality.county != cc.home_county) {
      area[m] = municipality.county;
      label[m] = municipality.county;
      continue;
    }
    const std::string& former = former_of(municipality);
    if (former == cc.home_former_county) continue;
    area[m] = former;
    const auto it = successor.find(former);
    label[m] = it != successor.end() && !it->second.empty() && it->second != cc.home_county
                   ? it->second
                   : former;
  }

  std::map<std::string, ArrangementList> by_label;  // "" = no dominant area
  ArrangementList crossing;
  std::map<std::string, int> former_involved;
  for (auto a : index.order) {
    const auto& participants = index.participants[a];
    bool home = false;
    const std::string* first_foreign = nullptr;
    bool crosses = false;
    for (auto m : participants) {
      if (area[m].empty()) {
        home = true;
      } else if (first_foreign == nullptr) {
        first_foreign = &area[m];
      } else if (*first_foreign != area[m]) {
        crosses = true;
      }
    }
    if (first_foreign == nullptr || !(crosses || home)) continue;

    std::map<std::string, int> labels;
    std::map<std::string, int> former_set;
    int foreign = 0;
    for (auto m : participants) {
      if (area[m].empty()) continue;
      ++foreign;
      ++labels[label[m]];
      former_set[former_of(content.municipalities[m])] = 1;
    }
    const int unnamed = std::max(
        0, content.arrangements[a].participant_count() - static_cast<int>(participants.size()));
    const std::string dominant = most_common(labels);
    const double need = options.cross_county_dominant * static_cast<double>(foreign + unnamed);
    const bool has_dominant = static_cast<double>(labels[dominant]) >= need - 1e-9;

    CrossCountyInfo info;
    info.county = has_dominant ? dominant : std::string();
    for (const auto& row : to_rows(labels)) info.areas.push_back(row.name);
    for (const auto& [former, unused] : former_set) {
      info.former_counties.push_back(former);
      ++former_involved[former];
    }
    sort_by_collation(info.former_counties);
    results.arrangements[a].cross_county = std::move(info);
    by_label[has_dominant ? dominant : std::string()].push_back(a);
    crossing.push_back(a);
  }

  cc.total = static_cast<int>(crossing.size());
  cc.percent = percent_of(cc.total, static_cast<double>(index.order.size()));
  cc.by_former_county = to_rows(former_involved);

  // Groups: labels with enough arrangements, the rest in "other" (kept in report order).
  std::vector<CrossCountyGroup> groups;
  std::vector<bool> in_other(results.arrangements.size(), false);
  for (auto& [name, list] : by_label) {
    if (!name.empty() && static_cast<int>(list.size()) >= options.cross_county_min_group) {
      CrossCountyGroup group;
      group.county = name;
      group.arrangements = std::move(list);
      groups.push_back(std::move(group));
    } else {
      for (auto a : list) in_other[a] = true;
    }
  }
  std::vector<NameCount> order_rows;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    order_rows.push_back(
        NameCount{groups[g].county, static_cast<int>(groups[g].arrangements.size())});
  }
  sort_counts(order_rows);
  std::vector<CrossCountyGroup> sorted;
  for (const auto& row : order_rows) {
    for (auto& group : groups) {
      if (group.county == row.name && !group.arrangements.empty()) {
        sorted.push_back(std::move(group));
        break;
      }
    }
  }
  CrossCountyGroup other;
  other.other = true;
  for (auto a : crossing) {
    if (in_other[a]) other.arrangements.push_back(a);
  }
  if (!other.arrangements.empty()) sorted.push_back(std::move(other));

  for (auto& group : sorted) {
    group.count = static_cast<int>(group.arrangements.size());
    std::map<std::string, int> areas;
    std::map<std::vector<std::string>, int> combos;
    for (auto a : group.arrangements) {
      const auto& info = *results.arrangements[a].cross_county;
      for (const auto& name : info.areas) ++areas[name];
      ++combos[info.former_counties];
    }
    group.areas = to_rows(areas);
    std::vector<std::pair<std::string, std::size_t>> keyed;
    std::vector<NamesCount> rows;
    for (const auto& [names, count] : combos) {
      std::string key;
      for (const auto& name : names) key += locale::collation_key(name) + '\x01';
      keyed.emplace_back(std::move(key), rows.size());
      rows.push_back(NamesCount{names, count});
    }
    std::sort(keyed.begin(), keyed.end(), [&](const auto& x, const auto& y) {
      if (rows[x.second].count != rows[y.second].count) {
        return rows[x.second].count > rows[y.second].count;
      }
      return x.first < y.first;
    });
    for (const auto& entry : keyed) group.former_counties.push_back(rows[entry.second]);
  }
  cc.by_county = std::move(sorted);
}

}  // namespace samrapport::analysis
