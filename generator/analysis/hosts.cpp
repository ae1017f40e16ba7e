// Host responsibility (Tabell 3.2, kap. 3.2): per in-scope municipality the current
// arrangements it hosts, those it takes part in with another host (assisted) and its
// total; how many arrangements have a host inside or outside the area; the concentration
// (the fewest top hosts holding Options::host_concentration of the hosting inside the
// area); and the hosts outside the area with their counts.
#include <algorithm>
#include <map>

#include "analysis/families.hpp"
#include "locale/norwegian.hpp"

namespace samrapport::analysis {

void compute_hosts(const Index& index, Results& results) {
  const auto& content = index.content;
  Hosts& hosts = results.hosts;
  const auto& hosted = index.hosted;
  const auto& assisted = index.assisted;
  for (auto a : index.order) {
    const auto& host = content.arrangements[a].host;
    if (!host || *host >= content.municipalities.size()) {
      ++hosts.without_host;
      continue;
    }
    ++hosts.with_host;
    if (index.municipality(*host).in_scope) {
      ++hosts.inside;
    } else {
      ++hosts.outside;
    }
  }

  std::vector<content::MunicipalityIdx> ranked = index.in_scope;
  std::sort(ranked.begin(), ranked.end(), [&](auto a, auto b) {
    if (hosted[a] != hosted[b]) return hosted[a] > hosted[b];
    return index.name_less(a, b);
  });
  for (auto m : ranked) {
    const auto& municipality = index.municipality(m);
    hosts.rows.push_back(HostRow{municipality.name, municipality.population, hosted[m], assisted[m],
                                 static_cast<int>(index.of_municipality[m].size())});
    if (hosted[m] > 0) {
      ++hosts.municipalities_hosting;
    }
  }
  std::vector<content::MunicipalityIdx> idle;
  for (auto m : index.in_scope) {
    if (hosted[m] == 0) idle.push_back(m);
  }
  std::sort(idle.begin(), idle.end(), [&](auto a, auto b) { return index.name_less(a, b); });
  for (auto m : idle) hosts.without_host_role.push_back(index.municipality(m).name);

  auto& conc = hosts.concentration;
  conc.share = index.options.host_concentration;
  if (hosts.inside > 0) {
    const double need = conc.share * static_cast<double>(hosts.inside);
    for (const auto& row : hosts.rows) {
      if (row.hosted == 0 || static_cast<double>(conc.hosted) >= need - 1e-9) break;
      conc.hosted += row.hosted;
      conc.names.push_back(row.name);
    }
    conc.municipalities = static_cast<int>(conc.names.size());
    conc.percent = percent_of(conc.hosted, hosts.inside);
  }

  std::vector<content::MunicipalityIdx> outside;
  for (std::size_t m = 0; m < content.municipalities.size(); ++m) {
    if (hosted[m] > 0 && !content.municipalities[m].in_scope) outside.push_back(m);
  }
  std::sort(outside.begin(), outside.end(), [&](auto a, auto b) {
    if (hosted[a] != hosted[b]) return hosted[a] > hosted[b];
    return index.name_less(a, b);
  });
  for (auto m : outside)
    hosts.outside_hosts.push_back(NameCount{index.municipality(m).name, hosted[m]});
}

}  // namespace samrapport::analysis
