// The annual report of each council (councils/<region-id>.yaml): the council's own year
// (bodies, meetings, statements, plan, projects with funding per source, accounts against
// budget) and the cooperation of its member municipalities (their arrangements by sector
// and legal form, man-years, hosts inside the region, what began and ended in the year,
// and their survey answers). Stored as JSON (Results::councils, docs/analysis.md), one
// object per council in file order.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "analysis/families.hpp"

namespace samrapport::analysis {

namespace {

using json = nlohmann::ordered_json;
using content::Council;
using content::MunicipalityIdx;

json opt(const std::optional<std::string>& v) {
  return v ? json(*v) : json(nullptr);
}
json opt(const std::optional<int>& v) {
  return v ? json(*v) : json(nullptr);
}
json opt(const std::optional<double>& v) {
  return v ? json(*v) : json(nullptr);
}
json opt_date(const std::optional<content::Date>& d) {
  return d ? json(to_string(*d)) : json(nullptr);
}
json opt_status(const std::optional<content::WorkStatus>& s) {
  return s ? json(std::string(to_string(*s))) : json(nullptr);
}
json range(const std::optional<content::CountRange>& r) {
  if (!r) return nullptr;
  return json{{"min", r->min}, {"max", r->max}};
}

/// The members' målform: the language most of them have; ties and none: the report's.
content::Language council_language(const content::Content& c, const Council& council) {
  if (council.language) return *council.language;
  std::map<content::Language, int> count;
  for (const MunicipalityIdx m : council.members) {
    if (const auto& l = c.municipalities[m].language) ++count[*l];
  }
  content::Language best = c.report.language;
  int best_n = 0;
  bool tie = false;
  for (const auto& [l, n] : count) {
    if (n > best_n) {
      best = l;
      best_n = n;
      tie = false;
    } else if (n == best_n) {
      tie = true;
    }
  }
  return tie ? c.report.language : best;
}

json bodies_json(const content::Content& c, const Council& council) {
  json out = json::array();
  for (const auto& b : council.bodies) {
    json members = json::array();
    for (const auto& p : b.members) {
      members.push_back(
          {{"name", p.name},
           {"municipality",
            p.municipality ? json(c.municipalities[*p.municipality].name) : json(nullptr)},
           {"role", opt(p.role)}});
    }
    int meetings = 0;
    int cases = 0;
    int with_cases = 0;
    for (const auto& m : council.meetings) {
      if (&council.bodies[m.body] != &b) continue;
      ++meetings;
      if (m.cases) {
        cases += *m.cases;
        ++with_cases;
      }
    }
    out.push_back({{"id", b.id},
                   {"name", b.name},
                   {"kind", b.kind ? json(std::string(to_string(*b.kind))) : json(nullptr)},
                   {"composition", opt(b.composition)},
                   {"duties", b.duties},
                   {"meetings_per_year", range(b.meetings_per_year)},
                   {"cases_per_year", range(b.cases_per_year)},
                   {"members", std::move(members)},
                   {"notes", opt(b.notes)},
                   {"meetings", meetings},
                   {"cases", cases},
                   {"meetings_with_cases", with_cases}});
  }
  return out;
}

json meetings_json(const Council& council) {
  json out = json::array();
  for (const auto& m : council.meetings) {
    out.push_back({{"body", council.bodies[m.body].id},
                   {"body_name", council.bodies[m.body].name},
                   {"date", to_string(m.date)},
                   {"cases", opt(m.cases)},
                   {"decisions", m.decisions}});
  }
  return out;
}

json statements_json(const Council& council) {
  json out = json::array();
  for (const auto& s : council.statements) {
    out.push_back({{"date", opt_date(s.date)},
                   {"title", s.title},
                   {"body", s.body ? json(council.bodies[*s.body].name) : json(nullptr)},
                   {"to", opt(s.to)}});
  }
  return out;
}

json plan_json(const Council& council) {
  if (!council.strategic_plan) return nullptr;
  const auto& p = *council.strategic_plan;
  json areas = json::array();
  std::map<std::string, int> status_count;
  int measures_total = 0;
  for (const auto& a : p.areas) {
    json measures = json::array();
    for (const auto& m : a.measures) {
      measures.push_back({{"name", m.name}, {"status", opt_status(m.status)}});
      ++measures_total;
      if (m.status) ++status_count[std::string(to_string(*m.status))];
    }
    areas.push_back({{"name", a.name},
                     {"goals", a.goals},
                     {"measures", std::move(measures)},
                     {"status", opt_status(a.status)}});
  }
  json statuses = json::array();
  for (const auto s :
       {content::WorkStatus::planned, content::WorkStatus::ongoing, content::WorkStatus::completed,
        content::WorkStatus::postponed, content::WorkStatus::cancelled}) {
    const std::string id(to_string(s));
    if (const auto it = status_count.find(id); it != status_count.end())
      statuses.push_back({{"status", id}, {"count", it->second}});
  }
  const int listed = static_cast<int>(p.areas.size());
  return {{"name", opt(p.name)},
          {"period", p.period ? json(to_string(*p.period)) : json(nullptr)},
          {"areas_total", p.areas_total ? *p.areas_total : listed},
          {"areas_listed", listed},
          {"areas", std::move(areas)},
          {"measures_total", measures_total},
          {"measure_status", std::move(statuses)}};
}

/// Projects, and their funding summed per source (one-off and annual amounts apart).
void projects_json(const Council& council, json& out) {
  json projects = json::array();
  struct SourceSum {
    double amount = 0;
    int projects = 0;
    int unknown = 0;  // funding entries of the source without an amount
  };
  std::vector<std::pair<std::pair<std::string, bool>, SourceSum>> sums;  // first-seen order
  double given_total = 0;
  double annual_total = 0;
  for (const auto& p : council.projects) {
    json funding = json::array();
    double given = 0;
    double annual = 0;
    int unknown = 0;
    for (const auto& f : p.funding) {
      funding.push_back({{"source", f.source}, {"amount", opt(f.amount)}, {"annual", f.annual}});
      const auto key = std::make_pair(f.source, f.annual);
      auto it =
          std::find_if(sums.begin(), sums.end(), [&](const auto& s) { return s.first == key; });
      if (it == sums.end()) {
        sums.push_back({key, {}});
        it = sums.end() - 1;
      }
      ++it->second.projects;
      if (f.amount) {
        it->second.amount += *f.amount;
        (f.annual ? annual : given) += *f.amount;
        (f.annual ? annual_total : given_total) += *f.amount;
      } else {
        ++it->second.unknown;
        ++unknown;
      }
    }
    json period = p.period ? json(to_string(*p.period)) : json(nullptr);
    projects.push_back({{"name", p.name},
                        {"period", std::move(period)},
                        {"duration_years", opt(p.duration_years)},
                        {"budget", opt(p.budget)},
                        {"funding", std::move(funding)},
                        {"funding_total", given},
                        {"funding_annual", annual},
                        {"funding_unknown", unknown},
                        {"status", opt_status(p.status)},
                        {"aims", p.aims}});
  }
  // Sources by amount (descending), then first-seen order.
  std::stable_sort(sums.begin(), sums.end(),
                   [](const auto& a, const auto& b) { return a.second.amount > b.second.amount; });
  json by_source = json::array();
  for (const auto& [key, s] : sums) {
    by_source.push_back(
        {{"source", key.first},
         {"annual", key.second},
         {"amount", s.amount},
         {"percent",
          !key.second && given_total > 0 ? json(100.0 * s.amount / given_total) : json(nullptr)},
         {"projects", s.projects},
         {"unknown_amounts", s.unknown}});
  }
  out["projects"] = std::move(projects);
  out["funding_by_source"] = std::move(by_source);
  out["funding_total"] = given_total;
  out["funding_annual_total"] = annual_total;
}

/// Budget against actual per line, and the sums per kind of line (income, expense, and
/// lines whose kind the file does not give) over the lines that have both amounts.
json accounts_json(const Council& council) {
  if (!council.accounts) return nullptr;
  struct Sum {
    double budget = 0;
    double actual = 0;
    int lines = 0;
  };
  Sum sums[3];  // income, expense, unspecified
  json lines = json::array();
  for (const auto& l : council.accounts->lines) {
    json deviation = nullptr;
    json percent = nullptr;
    const int k = l.kind ? static_cast<int>(*l.kind) : 2;
    if (l.budget && l.actual) {
      sums[k].budget += *l.budget;
      sums[k].actual += *l.actual;
      ++sums[k].lines;
      deviation = *l.actual - *l.budget;
      if (*l.budget != 0) percent = 100.0 * (*l.actual - *l.budget) / *l.budget;
    }
    lines.push_back(
        {{"name", l.name},
         {"kind", l.kind ? json(*l.kind == content::AccountKind::income ? "income" : "expense")
                         : json(nullptr)},
         {"budget", opt(l.budget)},
         {"actual", opt(l.actual)},
         {"deviation", std::move(deviation)},
         {"deviation_percent", std::move(percent)}});
  }
  json totals = json::array();
  constexpr const char* kKinds[] = {"income", "expense", "unspecified"};
  for (int k = 0; k < 3; ++k) {
    if (sums[k].lines == 0) continue;
    const double dev = sums[k].actual - sums[k].budget;
    totals.push_back({{"kind", kKinds[k]},
                      {"lines", sums[k].lines},
                      {"budget", sums[k].budget},
                      {"actual", sums[k].actual},
                      {"deviation", dev},
                      {"deviation_percent",
                       sums[k].budget != 0 ? json(100.0 * dev / sums[k].budget) : json(nullptr)}});
  }
  int complete = 0;
  for (const auto& s : sums) complete += s.lines;
  const int listed = static_cast<int>(council.accounts->lines.size());
  return {{"year", council.accounts->year},
          {"lines", std::move(lines)},
          {"complete_lines", complete},
          {"incomplete_lines", listed - complete},
          {"totals", std::move(totals)}};
}

json arrangement_row(const Results& results, std::size_t a, int members_in) {
  const auto& info = results.arrangements[a];
  return {{"id", info.id},
          {"name", info.name},
          {"sector", info.sector},
          {"sector_name", info.sector_name},
          {"legal_form", opt(info.legal_form)},
          {"host", opt(info.host)},
          {"participants", info.participant_count},
          {"members", members_in},
          {"established", opt(info.established)}};
}

/// The region's cooperation: every arrangement with a member among its participants.
/// What began and ended is read from the arrangements' years for the report year, or, when
/// the register is older than the report year, for the register's own year (the latest it
/// can tell); `changes_year` says which.
json cooperation_json(const Index& index, const Results& results, const Council& council,
                      int report_year) {
  const int year = std::min(report_year, results.reference_year);
  const auto& c = index.content;
  std::vector<bool> member(c.municipalities.size(), false);
  for (const MunicipalityIdx m : council.members) member[m] = true;
  std::vector<int> sector_count(c.sectors.size(), 0);
  std::map<std::string, int> form_count;
  std::map<MunicipalityIdx, int> hosted;
  std::map<MunicipalityIdx, int> takes_part;
  int total = 0, internal = 0, host_member = 0, host_other = 0, no_host = 0, with_fte = 0;
  double fte = 0;
  json current = json::array();
  json started = json::array();
  json ended = json::array();
  for (const std::size_t a : results.current) {
    const auto& arr = c.arrangements[a];
    int in = 0;
    for (const auto m : index.participants[a]) {
      if (!member[m]) continue;
      ++in;
      ++takes_part[m];
    }
    if (in == 0) continue;
    ++total;
    if (in == arr.participant_count() && arr.other_owners.empty()) ++internal;
    ++sector_count[arr.sector];
    ++form_count[arr.legal_form ? std::string(to_string(*arr.legal_form)) : "unknown"];
    if (!arr.host) {
      ++no_host;
    } else if (member[*arr.host]) {
      ++host_member;
      ++hosted[*arr.host];
    } else {
      ++host_other;
    }
    if (arr.fte) {
      ++with_fte;
      fte += *arr.fte;
    }
    current.push_back(arrangement_row(results, a, in));
  }
  for (std::size_t a = 0; a < c.arrangements.size(); ++a) {
    const auto& arr = c.arrangements[a];
    int in = 0;
    for (const auto m : index.participants[a]) in += member[m] ? 1 : 0;
    if (in == 0) continue;
    if (arr.established && *arr.established == year)
      started.push_back(arrangement_row(results, a, in));
    if (arr.ended && *arr.ended == year) ended.push_back(arrangement_row(results, a, in));
  }
  json sectors = json::array();
  for (std::size_t s = 0; s < c.sectors.size(); ++s) {
    if (sector_count[s] == 0) continue;
    sectors.push_back({{"sector", c.sectors[s].id},
                       {"name", c.sectors[s].name},
                       {"count", sector_count[s]},
                       {"percent", percent_of(sector_count[s], total)}});
  }
  json forms = json::array();
  for (const auto f : content::kLegalForms) {
    const std::string id(to_string(f));
    if (const auto it = form_count.find(id); it != form_count.end())
      forms.push_back(
          {{"legal_form", id}, {"count", it->second}, {"percent", percent_of(it->second, total)}});
  }
  if (const auto it = form_count.find("unknown"); it != form_count.end())
    forms.push_back({{"legal_form", "unknown"},
                     {"count", it->second},
                     {"percent", percent_of(it->second, total)}});
  // Hosts: every member, most hosted first, then collation of the name.
  std::vector<MunicipalityIdx> members = council.members;
  std::sort(members.begin(), members.end(), [&](auto a, auto b) {
    const int ha = hosted.count(a) ? hosted.at(a) : 0;
    const int hb = hosted.count(b) ? hosted.at(b) : 0;
    if (ha != hb) return ha > hb;
    return index.name_less(a, b);
  });
  json hosts = json::array();
  for (const auto m : members) {
    hosts.push_back({{"municipality", c.municipalities[m].name},
                     {"hosted", hosted.count(m) ? hosted.at(m) : 0},
                     {"arrangements", takes_part.count(m) ? takes_part.at(m) : 0}});
  }
  return {{"register_date", results.reference_date},
          {"changes_year", year},
          {"arrangements_total", total},
          {"internal", internal},
          {"by_sector", std::move(sectors)},
          {"by_legal_form", std::move(forms)},
          {"fte", fte},
          {"with_fte", with_fte},
          {"hosted_by_member", host_member},
          {"hosted_outside", host_other},
          {"without_host", no_host},
          {"hosts", std::move(hosts)},
          {"arrangements", std::move(current)},
          {"new", std::move(started)},
          {"ended", std::move(ended)}};
}

/// The answers of responses covering a member, per survey that has any.
json surveys_json(const content::Content& c, const Council& council) {
  json out = json::array();
  std::set<MunicipalityIdx> member(council.members.begin(), council.members.end());
  for (const auto& s : c.surveys) {
    json responses = json::array();
    for (const auto& r : s.responses) {
      json covers = json::array();
      bool ours = false;
      for (const auto m : r.covers) {
        covers.push_back(c.municipalities[m].name);
        ours = ours || member.count(m) > 0;
      }
      ours = ours || (r.covers.empty() && r.region == council.region);
      if (!ours || r.summary) continue;
      json answers = json::array();
      for (const auto& [q, a] : r.answers) {
        const auto& question = s.questions[q];
        json choices = json::array();
        if (a.choice && *a.choice < question.options.size())
          choices.push_back(question.options[*a.choice]);
        for (const auto ch : a.choices) {
          if (ch < question.options.size()) choices.push_back(question.options[ch]);
        }
        json value = a.value ? json(*a.value) : json(nullptr);
        if (question.kind == content::QuestionKind::likert && a.value) {
          const auto i = static_cast<std::size_t>(std::lround(*a.value));
          if (i >= 1 && i <= question.options.size()) choices.push_back(question.options[i - 1]);
        }
        answers.push_back({{"question", question.id},
                           {"text_of_question", question.text},
                           {"kind", std::string(to_string(question.kind))},
                           {"text", opt(a.text)},
                           {"choices", std::move(choices)},
                           {"value", std::move(value)}});
      }
      responses.push_back({{"respondent", r.respondent},
                           {"role", opt(r.role)},
                           {"covers", std::move(covers)},
                           {"joint", r.joint},
                           {"answers", std::move(answers)}});
    }
    if (responses.empty()) continue;
    out.push_back({{"survey", s.id}, {"title", s.title}, {"responses", std::move(responses)}});
  }
  return out;
}

}  // namespace

void compute_councils(const Index& index, Results& results) {
  const auto& c = index.content;
  json out = json::array();
  for (const auto& council : c.councils) {
    const int year = council.year ? *council.year : results.reference_year;
    json members = json::array();
    std::int64_t population = 0;
    bool population_known = !council.members.empty();
    double area = 0;
    bool area_known = !council.members.empty();
    for (const auto m : council.members) {
      const auto& mu = c.municipalities[m];
      members.push_back({{"id", mu.id},
                         {"name", mu.name},
                         {"population", mu.population ? json(*mu.population) : json(nullptr)}});
      if (mu.population)
        population += *mu.population;
      else
        population_known = false;
      if (mu.area_km2)
        area += *mu.area_km2;
      else
        area_known = false;
    }
    json history = json::array();
    for (const auto& h : council.history) history.push_back({{"year", h.year}, {"event", h.event}});
    json row = json::object();
    row["region"] = c.regions[council.region].id;
    row["region_name"] = c.regions[council.region].name;
    row["name"] = council.name;
    row["language"] = std::string(to_string(council_language(c, council)));
    row["year"] = year;
    row["legal_form"] =
        council.legal_form ? json(std::string(to_string(*council.legal_form))) : json(nullptr);
    row["established"] = opt(council.established);
    row["purpose"] = opt(council.purpose);
    row["members"] = std::move(members);
    row["population"] = population_known ? json(population) : json(nullptr);
    row["population_date"] =
        c.report.population_date ? json(to_string(*c.report.population_date)) : json(nullptr);
    // The council's own figure first, then the sum of its members' areas.
    row["area_km2"] =
        council.area_km2 ? json(*council.area_km2) : (area_known ? json(area) : json(nullptr));
    row["history"] = std::move(history);
    row["bodies"] = bodies_json(c, council);
    row["meetings"] = meetings_json(council);
    int cases = 0;
    for (const auto& m : council.meetings) cases += m.cases.value_or(0);
    row["meetings_total"] = static_cast<int>(council.meetings.size());
    row["cases_total"] = cases;
    row["statements"] = statements_json(council);
    row["strategic_plan"] = plan_json(council);
    projects_json(council, row);
    row["accounts"] = accounts_json(council);
    row["cooperation"] = cooperation_json(index, results, council, year);
    row["surveys"] = surveys_json(c, council);
    out.push_back(std::move(row));
  }
  results.councils = std::move(out);
}

}  // namespace samrapport::analysis
