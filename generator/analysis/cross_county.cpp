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

/// County and former-county names as small integers, with their collation rank, so that
/// the per-arrangement work is on integers.
class Names {
 public:
  int id(const std::string& name) {
    const auto [it, added] = ids_.emplace(name, static_cast<int>(names_.size()));
    if (added) names_.push_back(name);
    return it->second;
  }
  /// Call once every name is in.
  void rank() {
    std::vector<std::pair<std::string, int>> keyed;
    for (std::size_t i = 0; i < names_.size(); ++i) {
      keyed.emplace_back(locale::collation_key(names_[i]), static_cast<int>(i));
    }
    std::sort(keyed.begin(), keyed.end());
    rank_.assign(names_.size(), 0);
    for (std::size_t r = 0; r < keyed.size(); ++r) rank_[keyed[r].second] = static_cast<int>(r);
  }
  [[nodiscard]] const std::string& name(int id) const { return names_[id]; }
  [[nodiscard]] int rank(int id) const { return rank_[id]; }
  [[nodiscard]] std::size_t size() const { return names_.size(); }

  /// (id, count) sorted by count descending, then collation.
  [[nodiscard]] std::vector<NameCount> rows(std::vector<std::pair<int, int>> counts) const {
    std::sort(counts.begin(), counts.end(), [&](const auto& a, const auto& b) {
      if (a.second != b.second) return a.second > b.second;
      return rank_[a.first] < rank_[b.first];
    });
    std::vector<NameCount> out;
    out.reserve(counts.size());
    for (const auto& [id, count] : counts) out.push_back(NameCount{names_[id], count});
    return out;
  }

 private:
  std::unordered_map<std::string, int> ids_;
  std::vector<std::string> names_;
  std::vector<int> rank_;
};

/// Counts per name id for one arrangement or group, cleared by walking what it touched.
class Tally {
 public:
  explicit Tally(std::size_t n) : count_(n, 0) {}
  void add(int id) {
    if (count_[id]++ == 0) touched_.push_back(id);
  }
  [[nodiscard]] std::vector<std::pair<int, int>> take() {
    std::vector<std::pair<int, int>> out;
    out.reserve(touched_.size());
    for (int id : touched_) {
      out.emplace_back(id, count_[id]);
      count_[id] = 0;
    }
    touched_.clear();
    return out;
  }

 private:
  std::vector<int> count_;
  std::vector<int> touched_;
};

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

  // Per municipality: area (-1 = home), group label and former county, as name ids.
  const std::size_t n = content.municipalities.size();
  Names names;
  std::vector<int> area(n, -1), label(n, -1), former(n, -1);
  for (std::size_t m = 0; m < n; ++m) {
    const auto& municipality = content.municipalities[m];
    if (is_core[m]) continue;
    if (municipality.county != cc.home_county) {
      area[m] = label[m] = names.id(municipality.county);
    } else {
      const std::string& f = former_of(municipality);
      if (f == cc.home_former_county) continue;
      area[m] = names.id(f);
      const auto it = successor.find(f);
      label[m] = it != successor.end() && !it->second.empty() && it->second != cc.home_county
                     ? names.id(it->second)
                     : area[m];
    }
    former[m] = names.id(former_of(municipality));
  }
  names.rank();

  // Crossing arrangements, each with its dominant label (-1: none).
  Tally labels(names.size()), formers_of(names.size()), involved(names.size());
  std::vector<int> dominant_of(results.arrangements.size(), -1);
  std::vector<std::vector<int>> areas_of(results.arrangements.size());
  std::vector<std::vector<int>> formers_set(results.arrangements.size());
  ArrangementList crossing;
  for (auto a : index.order) {
    const auto& participants = index.participants[a];
    bool home = false;
    int first_foreign = -1;
    bool crosses = false;
    int foreign = 0;
    for (auto m : participants) {
      if (area[m] < 0) {
        home = true;
        continue;
      }
      ++foreign;
      if (first_foreign < 0) {
        first_foreign = area[m];
      } else if (first_foreign != area[m]) {
        crosses = true;
      }
    }
    if (first_foreign < 0 || !(crosses || home)) continue;

    for (auto m : participants) {
      if (area[m] < 0) continue;
      labels.add(label[m]);
      formers_of.add(former[m]);
    }
    const int unnamed = std::max(
        0, content.arrangements[a].participant_count() - static_cast<int>(participants.size()));
    auto label_counts = labels.take();
    std::sort(label_counts.begin(), label_counts.end(), [&](const auto& x, const auto& y) {
      if (x.second != y.second) return x.second > y.second;
      return names.rank(x.first) < names.rank(y.first);
    });
    const double need = options.cross_county_dominant * static_cast<double>(foreign + unnamed);
    const bool has_dominant = static_cast<double>(label_counts.front().second) >= need - 1e-9;

    CrossCountyInfo info;
    info.county = has_dominant ? names.name(label_counts.front().first) : std::string();
    for (const auto& [id, count] : label_counts) {
      info.areas.push_back(names.name(id));
      areas_of[a].push_back(id);
    }
    auto former_counts = formers_of.take();
    std::sort(former_counts.begin(), former_counts.end(), [&](const auto& x, const auto& y) {
      return names.rank(x.first) < names.rank(y.first);
    });
    for (const auto& [id, count] : former_counts) {
      info.former_counties.push_back(names.name(id));
      formers_set[a].push_back(id);
      involved.add(id);
    }
    results.arrangements[a].cross_county = std::move(info);
    dominant_of[a] = has_dominant ? label_counts.front().first : -1;
    crossing.push_back(a);
  }

  cc.total = static_cast<int>(crossing.size());
  cc.percent = percent_of(cc.total, static_cast<double>(index.order.size()));
  cc.by_former_county = names.rows(involved.take());

  // Groups: labels with enough arrangements; the rest, and those without a dominant
  // label, form the "other" group. Arrangements stay in report order.
  std::vector<ArrangementList> by_label(names.size());
  for (auto a : crossing) {
    if (dominant_of[a] >= 0) by_label[dominant_of[a]].push_back(a);
  }
  std::vector<std::pair<int, int>> sizes;
  for (std::size_t id = 0; id < by_label.size(); ++id) {
    const int size = static_cast<int>(by_label[id].size());
    if (size > 0 && size >= options.cross_county_min_group) {
      sizes.emplace_back(static_cast<int>(id), size);
    }
  }
  std::vector<bool> grouped(names.size(), false);
  std::sort(sizes.begin(), sizes.end(), [&](const auto& x, const auto& y) {
    if (x.second != y.second) return x.second > y.second;
    return names.rank(x.first) < names.rank(y.first);
  });
  std::vector<CrossCountyGroup> sorted;
  for (const auto& [id, size] : sizes) {
    grouped[id] = true;
    CrossCountyGroup group;
    group.county = names.name(id);
    group.arrangements = std::move(by_label[id]);
    sorted.push_back(std::move(group));
  }
  CrossCountyGroup other;
  other.other = true;
  for (auto a : crossing) {
    if (dominant_of[a] < 0 || !grouped[dominant_of[a]]) other.arrangements.push_back(a);
  }
  if (!other.arrangements.empty()) sorted.push_back(std::move(other));

  Tally group_areas(names.size());
  for (auto& group : sorted) {
    group.count = static_cast<int>(group.arrangements.size());
    std::map<std::vector<int>, int> combos;
    for (auto a : group.arrangements) {
      for (int id : areas_of[a]) group_areas.add(id);
      ++combos[formers_set[a]];
    }
    group.areas = names.rows(group_areas.take());
    // Combinations by count descending, then by their names' collation ranks.
    std::vector<std::pair<std::vector<int>, int>> ordered(combos.begin(), combos.end());
    auto ranks = [&](const std::vector<int>& ids) {
      std::vector<int> out;
      for (int id : ids) out.push_back(names.rank(id));
      return out;
    };
    std::sort(ordered.begin(), ordered.end(), [&](const auto& x, const auto& y) {
      if (x.second != y.second) return x.second > y.second;
      return ranks(x.first) < ranks(y.first);
    });
    for (const auto& [ids, count] : ordered) {
      NamesCount row;
      for (int id : ids) row.names.push_back(names.name(id));
      row.count = count;
      group.former_counties.push_back(std::move(row));
    }
  }
  cc.by_county = std::move(sorted);
}

}  // namespace samrapport::analysis
