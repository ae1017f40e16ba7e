// Chapter findings: the counts, orders and choices the survey report's chapters used to
// compute in their templates (comparisons with the reference counties, the orders of the
// per-municipality charts, the filled year series, the service-structure examples ...),
// computed once so that every language's templates print the same. Runs after
// compute_findings (it reads the other families). docs/analysis.md, "findings", states
// each rule and its ties.
#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/families.hpp"

namespace samrapport::analysis {

namespace {

void reference_means(const Index& index, Results& results) {
  auto& out = results.findings.reference_means;
  for (const auto& rc : index.content.report.reference_counties) {
    if (!rc.mean_per_municipality) continue;
    out.counties.push_back(ReferenceMean{rc.name, rc.year, *rc.mean_per_municipality});
  }
  if (out.counties.empty()) return;
  double sum = 0;
  for (const auto& c : out.counties) sum += c.mean_per_municipality;
  out.mean = sum / static_cast<double>(out.counties.size());
  // The first county whose mean is nearest the area's own.
  std::optional<double> best;
  for (const auto& c : out.counties) {
    const double d = std::abs(c.mean_per_municipality - results.totals.mean_per_municipality);
    if (!best || d < *best) {
      best = d;
      out.nearest = c.name;
    }
  }
}

void task_references(const Index& index, Results& results) {
  auto& out = results.findings.task_references;
  for (const auto& t : results.tasks) {
    for (const auto& r : t.reference) {
      const bool seen = std::any_of(out.begin(), out.end(),
                                    [&](const TaskReference& x) { return x.label == r.label; });
      if (!seen) out.push_back(TaskReference{r.label, std::nullopt, 0, 0});
    }
  }
  for (auto& ref : out) {
    for (const auto& rc : index.content.report.reference_counties) {
      const std::string label = rc.name + (rc.year ? " " + std::to_string(*rc.year) : "");
      if (rc.municipalities && label == ref.label) ref.municipalities = rc.municipalities;
    }
    for (const auto& t : results.tasks) {
      for (const auto& r : t.reference) {
        if (r.label != ref.label) continue;
        if (t.percent > r.percent) ++ref.higher;
        if (t.percent < r.percent) ++ref.lower;
      }
    }
  }
}

void task_extremes(Results& results) {
  Findings& f = results.findings;
  for (const char* group : {"frequent", "common", "rare"}) {
    TaskGroupNames g{group, {}};
    for (const auto& t : results.tasks) {
      if (t.group == group) g.names.push_back(t.name);
    }
    f.tasks_by_group.push_back(std::move(g));
  }
  const TaskRow* lowest = nullptr;
  for (const auto& t : results.tasks) {
    if (t.municipalities == 0) {
      f.tasks_without_cooperation.push_back(t.name);
      continue;
    }
    if (lowest == nullptr || t.percent < lowest->percent) lowest = &t;
  }
  if (lowest != nullptr) {
    f.task_lowest = NamesCount{{}, lowest->municipalities};
    for (const auto& t : results.tasks) {
      if (t.municipalities == lowest->municipalities) f.task_lowest->names.push_back(t.name);
    }
  }
  if (!results.tasks.empty()) {
    const auto [lo, hi] = std::minmax_element(
        results.tasks.begin(), results.tasks.end(),
        [](const TaskRow& a, const TaskRow& b) { return a.percent < b.percent; });
    f.task_percent_min = lo->percent;
    f.task_percent_max = hi->percent;
  }
}

/// 1 decimal when the smallest shown share would print as 0 with none, else 0.
int chart_decimals(const std::vector<double>& shown) {
  if (shown.empty()) return 0;
  return *std::min_element(shown.begin(), shown.end()) < 0.5 ? 1 : 0;
}

void legal_forms(Results& results) {
  Findings& f = results.findings;
  f.new_legal_forms.forms = {"oppgavefellesskap", "ipr"};
  std::vector<double> shown;
  for (const auto& lf : results.legal_forms) {
    if (lf.id == "oppgavefellesskap" || lf.id == "ipr") f.new_legal_forms.count += lf.count;
    if (lf.count > 0) shown.push_back(lf.percent);
  }
  f.legal_forms_decimals = chart_decimals(shown);
}

void sectors(Results& results) {
  Findings& f = results.findings;
  std::vector<double> shown;
  for (std::size_t s = 0; s < results.sectors.size(); ++s) {
    if (results.sectors[s].count > 0) {
      f.sectors_by_count.push_back(s);
      shown.push_back(results.sectors[s].percent);
    }
  }
  std::stable_sort(f.sectors_by_count.begin(), f.sectors_by_count.end(),
                   [&](std::size_t a, std::size_t b) {
                     return results.sectors[a].count > results.sectors[b].count;
                   });
  f.sectors_decimals = chart_decimals(shown);
}

void services(Results& results) {
  Findings& f = results.findings;
  const auto& rows = results.service_structure;
  for (const auto& s : rows) {
    if (s.municipal > 0 && s.intermunicipal > 0) ++f.services_mixed;
  }
  // One task per distinct number of services (the first in catalogue order), most
  // services first; then up to eight of them spread evenly from the most to the fewest.
  std::map<int, std::size_t, std::greater<>> first_of;
  for (std::size_t i = 0; i < rows.size(); ++i) first_of.emplace(rows[i].services, i);
  std::vector<std::size_t> distinct;
  for (const auto& [services, i] : first_of) distinct.push_back(i);
  const std::size_t n = distinct.size();
  if (n < 2) return;
  const std::size_t picks = std::min<std::size_t>(n, 8);
  std::vector<std::size_t> chosen;
  for (std::size_t i = 0; i < picks; ++i) {
    // Half to even, as the template's Jinja round did.
    const auto at = static_cast<std::size_t>(
        std::nearbyint(static_cast<double>(i) * static_cast<double>(n - 1) /
                       static_cast<double>(std::max<std::size_t>(picks - 1, 1))));
    if (std::find(chosen.begin(), chosen.end(), at) == chosen.end()) chosen.push_back(at);
  }
  for (auto at : chosen) f.service_examples.push_back(distinct[at]);
}

void municipality_orders(const Index& index, Results& results) {
  Findings& f = results.findings;
  const auto& rows = results.municipalities;
  std::vector<std::size_t> by_count(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) by_count[i] = i;
  std::sort(by_count.begin(), by_count.end(), [&](std::size_t a, std::size_t b) {
    return index.name_less(index.in_scope[a], index.in_scope[b]);
  });
  std::stable_sort(by_count.begin(), by_count.end(), [&](std::size_t a, std::size_t b) {
    return rows[a].arrangements > rows[b].arrangements;
  });
  f.municipalities_by_arrangements = std::move(by_count);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].population) f.municipalities_by_population.push_back(i);
  }
  std::stable_sort(
      f.municipalities_by_population.begin(), f.municipalities_by_population.end(),
      [&](std::size_t a, std::size_t b) { return *rows[a].population > *rows[b].population; });
  for (const auto& r : rows) f.has_edge = f.has_edge || r.edge;

  // Per region: the members with most and fewest arrangements (every tied one, content order).
  for (const auto& region : results.regions) {
    RegionExtremes ex{region.id, {}, {}};
    bool any = false;
    for (const auto& m : rows) {
      if (m.region != region.id) continue;
      if (!any || m.arrangements > ex.most.count) ex.most = NamesCount{{}, m.arrangements};
      if (!any || m.arrangements < ex.fewest.count) ex.fewest = NamesCount{{}, m.arrangements};
      any = true;
      if (m.arrangements == ex.most.count) ex.most.names.push_back(m.name);
      if (m.arrangements == ex.fewest.count) ex.fewest.names.push_back(m.name);
    }
    f.region_extremes.push_back(std::move(ex));
  }
}

void year_series(Results& results) {
  Findings& f = results.findings;
  const auto& years = results.years;
  if (years.empty()) return;
  const int first = years.front().year;
  const int last = years.back().year;
  f.years_filled = last - first <= 80 && results.establishment.with_year >= 20;
  if (!f.years_filled) {
    f.year_series = years;
    return;
  }
  std::size_t k = 0;
  for (int y = first; y <= last; ++y) {
    int count = 0;
    if (k < years.size() && years[k].year == y) count = years[k++].count;
    f.year_series.push_back(YearRow{y, count});
  }
}

void largest_host(Results& results) {
  const auto& rows = results.hosts.rows;
  const HostRow* best = nullptr;
  for (const auto& r : rows) {
    if (r.population && (best == nullptr || *r.population > *best->population)) best = &r;
  }
  if (best != nullptr) results.findings.largest_host = static_cast<std::size_t>(best - rows.data());
}

}  // namespace

void compute_chapter_findings(const Index& index, Results& results) {
  reference_means(index, results);
  task_references(index, results);
  task_extremes(results);
  legal_forms(results);
  sectors(results);
  services(results);
  municipality_orders(index, results);
  year_series(results);
  largest_host(results);
}

}  // namespace samrapport::analysis
