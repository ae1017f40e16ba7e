#include "analysis/index.hpp"

#include <algorithm>
#include <future>
#include <numeric>
#include <tuple>

#include "locale/norwegian.hpp"

namespace samrapport::analysis {

bool Index::name_less(content::MunicipalityIdx a, content::MunicipalityIdx b) const {
  return std::tie(municipality_key[a], a) < std::tie(municipality_key[b], b);
}

namespace {

/// Collation keys of many names, split over the analysis' threads (ICU's collation is the
/// largest single cost of the analysis; each thread has its own collator).
std::vector<std::string> collation_keys(const std::vector<const std::string*>& names,
                                        unsigned threads) {
  std::vector<std::string> keys(names.size());
  auto fill = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) keys[i] = locale::collation_key(*names[i]);
  };
  constexpr std::size_t kPerThread = 1024;
  const std::size_t parts =
      std::min<std::size_t>(threads, std::max<std::size_t>(1, names.size() / kPerThread));
  std::vector<std::future<void>> workers;
  const std::size_t chunk = (names.size() + parts - 1) / std::max<std::size_t>(parts, 1);
  for (std::size_t p = 1; p < parts; ++p) {
    const std::size_t from = p * chunk;
    const std::size_t to = std::min(names.size(), from + chunk);
    if (from < to) workers.push_back(std::async(std::launch::async, fill, from, to));
  }
  fill(0, std::min(names.size(), chunk));
  for (auto& w : workers) w.get();
  return keys;
}

}  // namespace

Index build_index(const content::Content& content, const Options& options) {
  Index index{content, options, {}, {}, {}, {}, {}, {}, {}, {}, {}};
  const auto& arrangements = content.arrangements;
  const std::size_t n_municipalities = content.municipalities.size();

  for (std::size_t m = 0; m < n_municipalities; ++m) {
    if (content.municipalities[m].in_scope) index.in_scope.push_back(m);
  }

  // Participants without repeats: a stamp per municipality marks the last arrangement
  // that listed it.
  std::vector<std::size_t> stamp(n_municipalities, static_cast<std::size_t>(-1));
  index.participants.resize(arrangements.size());
  index.current.resize(arrangements.size());
  for (std::size_t a = 0; a < arrangements.size(); ++a) {
    const auto& arrangement = arrangements[a];
    auto& unique = index.participants[a];
    unique.reserve(arrangement.participants.size());
    for (auto m : arrangement.participants) {
      if (m >= n_municipalities || stamp[m] == a) continue;
      stamp[m] = a;
      unique.push_back(m);
    }
    index.current[a] = arrangement.current(content.report.reference_date);
    if (index.current[a]) index.order.push_back(a);
  }

  // Collation keys: municipality names, then the names of current arrangements.
  std::vector<const std::string*> names;
  names.reserve(n_municipalities + index.order.size());
  for (const auto& m : content.municipalities) names.push_back(&m.name);
  for (auto a : index.order) names.push_back(&arrangements[a].name);
  auto keys = collation_keys(names, thread_count(options));
  index.municipality_key.assign(std::make_move_iterator(keys.begin()),
                                std::make_move_iterator(keys.begin() + n_municipalities));
  // Sort compact items (participant count, key, index) rather than indexes into the
  // content, so that comparisons stay in cache.
  struct Item {
    int count;
    std::string key;
    std::size_t a;
  };
  std::vector<Item> items;
  items.reserve(index.order.size());
  for (std::size_t i = 0; i < index.order.size(); ++i) {
    const auto a = index.order[i];
    items.push_back(
        Item{arrangements[a].participant_count(), std::move(keys[n_municipalities + i]), a});
  }
  std::sort(items.begin(), items.end(), [&](const Item& x, const Item& y) {
    if (x.count != y.count) return x.count < y.count;
    if (const int c = x.key.compare(y.key); c != 0) return c < 0;
    return arrangements[x.a].id < arrangements[y.a].id;
  });
  for (std::size_t i = 0; i < items.size(); ++i) index.order[i] = items[i].a;
  // Name order (collation, then id), for lists sorted by name.
  {
    std::vector<const Item*> by_name;
    by_name.reserve(items.size());
    for (const Item& item : items) by_name.push_back(&item);
    std::sort(by_name.begin(), by_name.end(), [&](const Item* x, const Item* y) {
      if (const int c = x->key.compare(y->key); c != 0) return c < 0;
      return arrangements[x->a].id < arrangements[y->a].id;
    });
    index.name_rank.assign(arrangements.size(), 0);
    for (std::size_t i = 0; i < by_name.size(); ++i) index.name_rank[by_name[i]->a] = i;
  }

  index.of_municipality.resize(n_municipalities);
  index.hosted.assign(n_municipalities, 0);
  index.assisted.assign(n_municipalities, 0);
  for (auto a : index.order) {
    for (auto m : index.participants[a]) index.of_municipality[m].push_back(a);
    const auto& host = arrangements[a].host;
    if (!host || *host >= n_municipalities) continue;
    ++index.hosted[*host];
    for (auto m : index.participants[a]) {
      if (m != *host) ++index.assisted[m];
    }
  }
  return index;
}

std::string size_class_of(std::int64_t population, const Options& options) {
  if (population < options.small_below) return "small";
  if (population > options.large_above) return "large";
  return "medium";
}

double percent_of(double part, double whole) {
  return whole == 0 ? 0.0 : 100.0 * part / whole;
}

void sort_by_collation(std::vector<std::string>& names) {
  std::vector<std::pair<std::string, std::string>> keyed;
  keyed.reserve(names.size());
  for (auto& name : names) keyed.emplace_back(locale::collation_key(name), std::move(name));
  std::sort(keyed.begin(), keyed.end());
  for (std::size_t i = 0; i < keyed.size(); ++i) names[i] = std::move(keyed[i].second);
}

}  // namespace samrapport::analysis
