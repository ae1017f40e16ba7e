#include "analysis/to_json.hpp"

#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace samrapport::analysis {

namespace {

using json = nlohmann::ordered_json;

using Members = std::vector<std::pair<const std::string, json>>;

/// The member vector of a JSON object. ordered_json's own insertion searches the keys
/// linearly (quadratic for thousands of arrangements) and its initializer lists build a
/// two-element array per member; the builders below append to this vector directly.
Members& members(json& object) {
  return static_cast<Members&>(object.get_ref<json::object_t&>());
}

/// An object with a few fixed keys: Fields(n)("id", ...)("name", ...).take().
class Fields {
 public:
  explicit Fields(std::size_t n) { members(object_).reserve(n); }
  Fields& operator()(const char* key, json value) {
    members(object_).emplace_back(key, std::move(value));
    return *this;
  }
  json take() { return std::move(object_); }

 private:
  json object_ = json::object();
};

/// A large object keyed by data (ids, names). Keys are unique by construction; a repeated
/// key is ignored (first wins). Reserving matters: on growth the vector copies its
/// members (the const key makes the move constructor throwing), deep-copying the values.
/// The keys must outlive the builder (they are strings of the Results).
class ObjectBuilder {
 public:
  explicit ObjectBuilder(std::size_t n) {
    members(object_).reserve(n);
    seen_.reserve(n);
  }
  void add(const std::string& key, json value) {
    if (!seen_.insert(std::string_view(key)).second) return;
    members(object_).emplace_back(key, std::move(value));
  }
  json take() { return std::move(object_); }

 private:
  json object_ = json::object();
  std::unordered_set<std::string_view> seen_;
};

template <typename T>
json optional(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json ids(const Results& results, const ArrangementList& list) {
  json out = json::array();
  auto& array = out.get_ref<json::array_t&>();
  array.reserve(list.size());
  for (auto a : list) array.emplace_back(results.arrangements[a].id);
  return out;
}

json name_counts(const std::vector<NameCount>& rows) {
  json out = json::array();
  for (const auto& row : rows) out.push_back(json{{"name", row.name}, {"count", row.count}});
  return out;
}

json extreme(const std::optional<Extreme>& e) {
  if (!e) return nullptr;
  return json{{"name", e->name}, {"count", e->count}, {"names", e->names}};
}

json totals(const Totals& t) {
  return json{{"arrangements", t.arrangements},
              {"ended", t.ended},
              {"municipalities_in_scope", t.municipalities_in_scope},
              {"participations", t.participations},
              {"mean_per_municipality", t.mean_per_municipality},
              {"median_per_municipality", optional(t.median_per_municipality)},
              {"min", extreme(t.min)},
              {"max", extreme(t.max)}};
}

json municipalities(const std::vector<MunicipalityRow>& rows) {
  json out = json::array();
  for (const auto& r : rows) {
    out.push_back(Fields(10)("id", r.id)("name", r.name)("region", optional(r.region))(
                      "population", optional(r.population))("arrangements", r.arrangements)(
                      "hosted", r.hosted)("assisted", r.assisted)("edge", r.edge)(
                      "size_class", optional(r.size_class))("staff_fte", optional(r.staff_fte))
                      .take());
  }
  return out;
}

json regions(const std::vector<RegionRow>& rows) {
  json out = json::array();
  for (const auto& r : rows) {
    out.push_back(json{{"id", r.id},
                       {"name", r.name},
                       {"council", optional(r.council)},
                       {"municipalities", r.municipalities},
                       {"population", r.population},
                       {"arrangements", r.arrangements},
                       {"mean_per_municipality", r.mean_per_municipality}});
  }
  return out;
}

json classes(const std::vector<MunicipalityClass>& rows) {
  json out = json::array();
  for (const auto& c : rows) {
    out.push_back(json{{"id", c.id},
                       {"min_population", optional(c.min_population)},
                       {"max_population", optional(c.max_population)},
                       {"municipalities", c.municipalities},
                       {"arrangements", c.arrangements},
                       {"mean_arrangements", optional(c.mean_arrangements)},
                       {"members", c.members}});
  }
  return out;
}

json levels(const std::vector<LevelRow>& rows) {
  json out = json::array();
  for (const auto& l : rows) {
    out.push_back(json{{"id", l.id},
                       {"min", l.min},
                       {"max", optional(l.max)},
                       {"count", l.count},
                       {"percent", l.percent}});
  }
  return out;
}

json periods(const std::vector<PeriodRow>& rows) {
  json out = json::array();
  for (const auto& p : rows) {
    out.push_back(json{{"id", p.id},
                       {"from", optional(p.from)},
                       {"to", optional(p.to)},
                       {"count", p.count},
                       {"percent", p.percent}});
  }
  return out;
}

json years(const std::vector<YearRow>& rows) {
  json out = json::array();
  for (const auto& y : rows) out.push_back(json{{"year", y.year}, {"count", y.count}});
  return out;
}

json fte_region(const Results& results, const FteRegion& r) {
  return json{{"region", r.region},
              {"name", r.name},
              {"arrangements", ids(results, r.arrangements)},
              {"fte", r.fte},
              {"staff_fte", optional(r.staff_fte)},
              {"share_percent", optional(r.share_percent)}};
}

json fte(const Results& results) {
  const Fte& f = results.fte;
  json regions = json::array();
  for (const auto& r : f.regions) regions.push_back(fte_region(results, r));
  return json{
      {"arrangements", f.arrangements}, {"total", f.total}, {"regions", std::move(regions)}};
}

json cross_county(const Results& results) {
  const CrossCounty& cc = results.cross_county;
  json groups = json::array();
  for (const auto& g : cc.by_county) {
    json combos = json::array();
    for (const auto& c : g.former_counties) {
      combos.push_back(json{{"names", c.names}, {"count", c.count}});
    }
    groups.push_back(json{{"county", g.other ? json(nullptr) : json(g.county)},
                          {"other", g.other},
                          {"count", g.count},
                          {"arrangements", ids(results, g.arrangements)},
                          {"areas", name_counts(g.areas)},
                          {"former_counties", std::move(combos)}});
  }
  return json{{"home_county", cc.home_county},
              {"home_former_county", cc.home_former_county},
              {"total", cc.total},
              {"percent", cc.percent},
              {"by_county", std::move(groups)},
              {"by_former_county", name_counts(cc.by_former_county)}};
}

json tasks(const std::vector<TaskRow>& rows) {
  json out = json::array();
  for (const auto& t : rows) {
    json reference = json::array();
    for (const auto& r : t.reference) {
      reference.push_back(json{{"label", r.label}, {"percent", r.percent}});
    }
    out.push_back(json{{"id", t.id},
                       {"name", t.name},
                       {"sector", t.sector},
                       {"municipalities", t.municipalities},
                       {"percent", t.percent},
                       {"group", t.group},
                       {"reference", std::move(reference)},
                       {"arrangements", t.arrangements},
                       {"members", t.members}});
  }
  return out;
}

json hosts(const Hosts& h) {
  json rows = json::array();
  for (const auto& r : h.rows) {
    rows.push_back(Fields(5)("name", r.name)("population", optional(r.population))(
                       "hosted", r.hosted)("assisted", r.assisted)("total", r.total)
                       .take());
  }
  const auto& c = h.concentration;
  return json{{"with_host", h.with_host},
              {"without_host", h.without_host},
              {"inside", h.inside},
              {"outside", h.outside},
              {"municipalities_hosting", h.municipalities_hosting},
              {"without_host_role", h.without_host_role},
              {"rows", std::move(rows)},
              {"concentration", json{{"share", c.share},
                                     {"municipalities", c.municipalities},
                                     {"names", c.names},
                                     {"hosted", c.hosted},
                                     {"percent", c.percent}}},
              {"outside_hosts", name_counts(h.outside_hosts)}};
}

json count_percents(const std::vector<CountPercent>& rows) {
  json out = json::array();
  for (const auto& r : rows) {
    out.push_back(json{{"id", r.id}, {"count", r.count}, {"percent", r.percent}});
  }
  return out;
}

json legal_form_groups(const std::vector<LegalFormGroup>& rows) {
  json out = json::array();
  for (const auto& g : rows) {
    out.push_back(
        json{{"id", g.id}, {"forms", g.forms}, {"count", g.count}, {"percent", g.percent}});
  }
  return out;
}

json sectors(const std::vector<SectorRow>& rows) {
  json out = json::array();
  for (const auto& s : rows) {
    out.push_back(json{{"id", s.id}, {"name", s.name}, {"count", s.count}, {"percent", s.percent}});
  }
  return out;
}

json service_structure(const Results& results) {
  json out = json::array();
  for (const auto& s : results.service_structure) {
    out.push_back(json{{"task", s.task},
                       {"name", s.name},
                       {"services", s.services},
                       {"municipal", s.municipal},
                       {"intermunicipal", s.intermunicipal},
                       {"arrangements", ids(results, s.arrangements)}});
  }
  return out;
}

json names_count(const NamesCount& n) {
  return Fields(2)("names", n.names)("count", n.count).take();
}

/// Findings of chapter_findings.cpp, appended to the "findings" object.
void chapter_findings(const Results& results, json& out) {
  const Findings& f = results.findings;
  json counties = json::array();
  for (const auto& c : f.reference_means.counties) {
    counties.push_back(Fields(3)("name", c.name)("year", optional(c.year))("mean_per_municipality",
                                                                           c.mean_per_municipality)
                           .take());
  }
  out["reference_means"] =
      Fields(3)("counties", std::move(counties))("mean", optional(f.reference_means.mean))(
          "nearest", optional(f.reference_means.nearest))
          .take();
  json refs = json::array();
  for (const auto& r : f.task_references) {
    refs.push_back(Fields(4)("label", r.label)("municipalities", optional(r.municipalities))(
                       "higher", r.higher)("lower", r.lower)
                       .take());
  }
  out["task_references"] = std::move(refs);
  json groups = json::object();
  for (const auto& g : f.tasks_by_group) groups[g.group] = g.names;
  out["tasks_by_group"] = std::move(groups);
  out["tasks_without_cooperation"] = f.tasks_without_cooperation;
  out["task_lowest"] = f.task_lowest ? names_count(*f.task_lowest) : json(nullptr);
  out["task_percent_min"] = optional(f.task_percent_min);
  out["task_percent_max"] = optional(f.task_percent_max);
  out["new_legal_forms"] =
      Fields(2)("forms", f.new_legal_forms.forms)("count", f.new_legal_forms.count).take();
  out["legal_forms_decimals"] = f.legal_forms_decimals;
  json sectors = json::array();
  for (auto s : f.sectors_by_count) {
    const auto& row = results.sectors[s];
    sectors.push_back(
        Fields(4)("id", row.id)("name", row.name)("count", row.count)("percent", row.percent)
            .take());
  }
  out["sectors_by_count"] = std::move(sectors);
  out["sectors_decimals"] = f.sectors_decimals;
  out["services_mixed"] = f.services_mixed;
  json examples = json::array();
  for (auto i : f.service_examples) {
    const auto& row = results.service_structure[i];
    examples.push_back(
        Fields(3)("task", row.task)("name", row.name)("services", row.services).take());
  }
  out["service_examples"] = std::move(examples);
  auto municipality_list = [&](const std::vector<std::size_t>& list) {
    json rows = json::array();
    for (auto i : list) {
      const auto& m = results.municipalities[i];
      rows.push_back(Fields(5)("name", m.name)("arrangements", m.arrangements)(
                         "population", optional(m.population))("edge", m.edge)(
                         "size_class", optional(m.size_class))
                         .take());
    }
    return rows;
  };
  out["municipalities_by_arrangements"] = municipality_list(f.municipalities_by_arrangements);
  out["municipalities_by_population"] = municipality_list(f.municipalities_by_population);
  out["has_edge"] = f.has_edge;
  json extremes = json::array();
  for (const auto& e : f.region_extremes) {
    extremes.push_back(
        Fields(3)("region", e.region)("most", names_count(e.most))("fewest", names_count(e.fewest))
            .take());
  }
  out["region_extremes"] = std::move(extremes);
  json series = json::array();
  for (const auto& y : f.year_series) {
    series.push_back(Fields(2)("year", y.year)("count", y.count).take());
  }
  out["year_series"] = std::move(series);
  out["years_filled"] = f.years_filled;
  json host = nullptr;
  if (f.largest_host) {
    const auto& r = results.hosts.rows[*f.largest_host];
    host =
        Fields(3)("name", r.name)("population", optional(r.population))("hosted", r.hosted).take();
  }
  out["largest_host"] = std::move(host);
}

json findings(const Results& results) {
  const Findings& f = results.findings;
  json by_sector = json::array();
  for (const auto& s : f.new_by_sector) {
    by_sector.push_back(Fields(3)("sector", s.sector)("name", s.name)("count", s.count).take());
  }
  const auto& hs = f.new_health_social;
  json top_fte = nullptr;
  if (f.fte_region) {
    top_fte = fte_region(results, results.fte.regions[*f.fte_region]);
    top_fte["mean_per_municipality"] = results.regions[*f.fte_region].mean_per_municipality;
  }
  json by_mean = json::array();
  for (const auto& r : f.regions_by_mean) {
    by_mean.push_back(
        Fields(4)("region", r.region)("name", r.name)("municipalities", r.municipalities)(
            "mean_per_municipality", r.mean_per_municipality)
            .take());
  }
  json out = Fields(24)("new_by_sector", std::move(by_sector))(
                 "new_health_social",
                 Fields(3)("sectors", hs.sectors)("count", hs.count)("percent", hs.percent).take())(
                 "new_percent_of_current", f.new_percent_of_current)(
                 "fte_region", std::move(top_fte))("regions_by_mean", std::move(by_mean))
                 .take();
  chapter_findings(results, out);
  return out;
}

json arrangement(const ArrangementInfo& a) {
  json cross = nullptr;
  if (a.cross_county) {
    cross = json{
        {"county", a.cross_county->county.empty() ? json(nullptr) : json(a.cross_county->county)},
        {"areas", a.cross_county->areas},
        {"former_counties", a.cross_county->former_counties}};
  }
  json between = nullptr;
  if (a.established_between) {
    between = json::array({a.established_between->first, a.established_between->second});
  }
  return Fields(21)("id", a.id)("name", a.name)("participants", a.participants)(
             "participant_count", a.participant_count)(
             "in_scope_participants", a.in_scope_participants)("other_owners", a.other_owners)(
             "host", optional(a.host))("host_in_scope", a.host_in_scope)(
             "legal_form", optional(a.legal_form))("sector", a.sector)(
             "sector_name", a.sector_name)("tasks", a.tasks)("task_names", a.task_names)(
             "established", optional(a.established))("established_between", std::move(between))(
             "ended", optional(a.ended))("fte", optional(a.fte))("current", a.current)(
             "level", optional(a.level))("period", optional(a.period))("cross_county",
                                                                       std::move(cross))
      .take();
}

json keyed_lists(const Results& results, const std::vector<KeyedList>& lists) {
  ObjectBuilder out(lists.size());
  for (const auto& list : lists) out.add(list.id, ids(results, list.arrangements));
  return out.take();
}

json dataset_value(const DatasetValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* names = std::get_if<std::vector<std::string>>(&value)) return *names;
  if (const auto* number = std::get_if<double>(&value)) return *number;
  return nullptr;
}

json dataset(const DatasetResult& d) {
  json columns = json::array();
  for (const auto& c : d.columns) {
    json of = nullptr;
    if (c.ratio_of) of = json::array({c.ratio_of->first, c.ratio_of->second});
    columns.push_back(json{{"id", c.id},
                           {"label", c.label},
                           {"kind", c.kind},
                           {"decimals", c.decimals},
                           {"total", c.total},
                           {"of", std::move(of)}});
  }
  json rows = json::array();
  for (const auto& row : d.rows) {
    json cells = json::array();
    for (const auto& cell : row) cells.push_back(dataset_value(cell));
    rows.push_back(std::move(cells));
  }
  json total = nullptr;
  if (d.total) {
    total = json::array();
    for (const auto& cell : *d.total) total.push_back(dataset_value(cell));
  }
  return json{{"id", d.id},
              {"title", d.title},
              {"source", optional(d.source)},
              {"columns", std::move(columns)},
              {"rows", std::move(rows)},
              {"total", std::move(total)}};
}

json year_pair(const std::optional<std::pair<int, int>>& span) {
  return span ? json::array({span->first, span->second}) : json(nullptr);
}

json strings(const std::vector<std::string>& items) {
  json out = json::array();
  auto& array = out.get_ref<json::array_t&>();
  array.reserve(items.size());
  for (const auto& item : items) array.emplace_back(item);
  return out;
}

json owned_entity(const OwnedEntity& e) {
  json co_owners = json::array();
  for (const auto& o : e.co_owners) {
    co_owners.push_back(
        Fields(4)("name", o.name)("municipal", o.municipal)("share", optional(o.share))(
            "liability_share", optional(o.liability_share))
            .take());
  }
  json representatives = json::array();
  for (const auto& r : e.representatives) {
    representatives.push_back(
        Fields(3)("name", r.name)("role", optional(r.role))("term", optional(r.term)).take());
  }
  json agreement = nullptr;
  if (e.agreement) {
    agreement =
        Fields(3)("date", optional(e.agreement->date))(
            "case_number", optional(e.agreement->case_number))("link", optional(e.agreement->link))
            .take();
  }
  json figures = json::array();
  for (const auto& k : e.key_figures) {
    figures.push_back(Fields(6)("year", k.year)("operating_income", optional(k.operating_income))(
                          "result", optional(k.result))("equity", optional(k.equity))(
                          "debt", optional(k.debt))("contribution", optional(k.contribution))
                          .take());
  }
  return Fields(23)("id", e.id)("name", e.name)("org_number", optional(e.org_number))(
             "legal_form", e.legal_form)("own_legal_person", e.own_legal_person)(
             "share", optional(e.share))("liability_share", optional(e.liability_share))(
             "co_owners", std::move(co_owners))("participant_count", e.participant_count)(
             "host", optional(e.host))("sector", e.sector)("sector_name", e.sector_name)(
             "established", optional(e.established))("established_between",
                                                     year_pair(e.established_between))(
             "purpose", optional(e.purpose))("owner_purpose", optional(e.owner_purpose))(
             "description", optional(e.description))("representatives", std::move(representatives))(
             "fte", optional(e.fte))("agreement", std::move(agreement))("key_figures",
                                                                        std::move(figures))
      .take();
}

json contribution_sum(const ContributionSum& c) {
  return Fields(3)("year", c.year)("value", c.value)("entities", c.entities).take();
}

/// `names` without the one at `skip`.
json names_without(const std::vector<std::string>& names, std::size_t skip) {
  json out = json::array();
  auto& array = out.get_ref<json::array_t&>();
  array.reserve(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i != skip) array.emplace_back(names[i]);
  }
  return out;
}

json overview_row(const Results& results, const OverviewRow& r) {
  const ArrangementInfo& a = results.arrangements[r.arrangement];
  return Fields(12)("id", a.id)("name", a.name)("host", optional(a.host))(
             "other_participants", names_without(a.participants_by_name, r.self))(
             "participant_count", a.participant_count)("sector", a.sector)(
             "sector_name", a.sector_name)("tasks", strings(a.task_names))("established",
                                                                           optional(a.established))(
             "established_between", year_pair(a.established_between))("fte", optional(a.fte))(
             "entity", r.entity)
      .take();
}

json municipality_ownership(const Results& results, const MunicipalityOwnership& m) {
  json meta = nullptr;
  if (m.eierskapsmelding) {
    const auto& e = *m.eierskapsmelding;
    meta =
        Fields(4)("adopted_by", optional(e.adopted_by))("date", optional(e.date))(
            "case_number", optional(e.case_number))("election_period", optional(e.election_period))
            .take();
  }
  json entities = json::array();
  entities.get_ref<json::array_t&>().reserve(m.entities.size());
  for (const auto& e : m.entities) entities.push_back(owned_entity(e));
  json counts = json::array();
  for (const auto& c : m.entity_counts) {
    counts.push_back(Fields(2)("legal_form", c.legal_form)("count", c.count).take());
  }
  json by_year = json::array();
  for (const auto& c : m.contributions_by_year) by_year.push_back(contribution_sum(c));
  const auto& g = m.missing;
  json missing = Fields(6)("org_number", g.org_number)("share", g.share)("purpose", g.purpose)(
                     "owner_purpose", g.owner_purpose)("representatives", g.representatives)(
                     "key_figures", g.key_figures)
                     .take();
  json groups = json::array();
  for (const auto& group : m.arrangements_by_legal_form) {
    json rows = json::array();
    rows.get_ref<json::array_t&>().reserve(group.arrangements.size());
    for (const auto& r : group.arrangements) rows.push_back(overview_row(results, r));
    groups.push_back(Fields(3)("legal_form", group.legal_form)("count", group.count)(
                         "arrangements", std::move(rows))
                         .take());
  }
  return Fields(14)("id", m.id)("name", m.name)("language", m.language)(
             "eierskapsmelding", std::move(meta))("entities", std::move(entities))(
             "entity_counts", std::move(counts))("entities_total", m.entities_total)(
             "contributions", m.contributions ? contribution_sum(*m.contributions) : json(nullptr))(
             "contributions_by_year", std::move(by_year))("missing", std::move(missing))(
             "arrangements_by_legal_form", std::move(groups))(
             "arrangements_total", m.arrangements_total)("register_date", m.register_date)
      .take();
}

json ownership(const Results& results) {
  json out = json::array();
  out.get_ref<json::array_t&>().reserve(results.ownership.size());
  for (const auto& m : results.ownership) out.push_back(municipality_ownership(results, m));
  return out;
}

/// The arrangement table, keyed by id.
json arrangement_table(const Results& results) {
  ObjectBuilder table(results.arrangements.size());
  for (const auto& a : results.arrangements) table.add(a.id, arrangement(a));
  return table.take();
}

/// The arrangement lists: current, ended, by_municipality, by_region, by_sector, by_task.
std::vector<std::pair<const char*, json>> arrangement_lists(const Results& results) {
  std::vector<std::pair<const char*, json>> out;
  out.emplace_back("current", ids(results, results.current));
  out.emplace_back("ended", ids(results, results.ended));
  ObjectBuilder by_municipality(results.by_municipality.size());
  for (const auto& list : results.by_municipality) {
    by_municipality.add(list.name, ids(results, list.arrangements));
  }
  out.emplace_back("by_municipality", by_municipality.take());
  out.emplace_back("by_region", keyed_lists(results, results.by_region));
  out.emplace_back("by_sector", keyed_lists(results, results.by_sector));
  out.emplace_back("by_task", keyed_lists(results, results.by_task));
  return out;
}

json to_json_with(const Results& results, json surveys) {
  json out = json::object();
  // Room for every top-level key: growing would copy each member (see ObjectBuilder).
  members(out).reserve(40);
  out["reference_date"] = results.reference_date;
  out["reference_year"] = results.reference_year;
  out["area_name"] = results.area_name;
  out["totals"] = totals(results.totals);
  out["municipalities"] = municipalities(results.municipalities);
  out["regions"] = regions(results.regions);
  out["size_classes"] = classes(results.size_classes);
  out["edge_core"] = classes(results.edge_core);
  out["levels"] = levels(results.levels);
  out["establishment"] = json{{"n", results.establishment.n},
                              {"with_year", results.establishment.with_year},
                              {"with_range", results.establishment.with_range},
                              {"unknown", results.establishment.unknown}};
  out["periods"] = periods(results.periods);
  out["years"] = years(results.years);
  out["new_arrangements"] = ids(results, results.new_arrangements);
  out["fte"] = fte(results);
  out["cross_county"] = cross_county(results);
  out["tasks"] = tasks(results.tasks);
  out["task_groups"] =
      json{{"frequent_from", results.frequent_from}, {"common_from", results.common_from}};
  out["hosts"] = hosts(results.hosts);
  out["legal_forms"] = count_percents(results.legal_forms);
  out["legal_form_groups"] = legal_form_groups(results.legal_form_groups);
  out["sectors"] = sectors(results.sectors);
  out["service_structure"] = service_structure(results);
  out["findings"] = findings(results);
  auto lists = arrangement_lists(results);
  out["arrangements"] = arrangement_table(results);
  for (auto& [key, value] : lists) out[key] = std::move(value);
  out["chapter4_municipalities"] = results.chapter4_municipalities;

  ObjectBuilder datasets(results.datasets.size());
  for (const auto& d : results.datasets) datasets.add(d.id, dataset(d));
  out["datasets"] = datasets.take();
  out["ownership"] = ownership(results);
  out["surveys"] = std::move(surveys);
  out["councils"] = results.councils;
  return out;
}

}  // namespace

json to_json(const Results& results) {
  return to_json_with(results, results.surveys);
}

json to_json(Results&& results) {
  json surveys = std::move(results.surveys);
  return to_json_with(results, std::move(surveys));
}

}  // namespace samrapport::analysis
