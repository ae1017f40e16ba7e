#include "content/to_json.hpp"

#include <variant>

namespace samrapport::content {

namespace {

using json = nlohmann::ordered_json;

template <typename T>
void set_optional(json& j, const char* key, const std::optional<T>& v) {
  if (v) j[key] = *v;
}

/// A municipality's id, or null when it has none (merged-away municipalities).
json id_or_null(const Municipality& m) {
  return m.id.empty() ? json(nullptr) : json(m.id);
}

json names(const Content& c, const std::vector<MunicipalityIdx>& refs) {
  json out = json::array();
  for (const MunicipalityIdx m : refs) out.push_back(c.municipalities[m].name);
  return out;
}

json ids(const Content& c, const std::vector<MunicipalityIdx>& refs) {
  json out = json::array();
  for (const MunicipalityIdx m : refs) out.push_back(id_or_null(c.municipalities[m]));
  return out;
}

json report_json(const Content& c) {
  const Report& r = c.report;
  json j = json::object();
  j["title"] = r.title;
  set_optional(j, "subtitle", r.subtitle);
  set_optional(j, "report_id", r.report_id);
  set_optional(j, "client", r.client);
  j["author"] = r.author;
  set_optional(j, "place_date", r.place_date);
  j["language"] = std::string(to_string(r.language));
  j["reference_date"] = to_string(r.reference_date);
  j["reference_year"] = r.reference_date.year;
  if (r.population_date) j["population_date"] = to_string(*r.population_date);
  j["area_name"] = r.area_name;
  json counties = json::array();
  for (const auto& rc : r.reference_counties) {
    json x = json::object();
    x["name"] = rc.name;
    set_optional(x, "year", rc.year);
    set_optional(x, "municipalities", rc.municipalities);
    set_optional(x, "arrangements", rc.arrangements);
    set_optional(x, "mean_per_municipality", rc.mean_per_municipality);
    counties.push_back(std::move(x));
  }
  j["reference_counties"] = std::move(counties);
  j["chapter4_municipalities"] = names(c, r.chapter4_municipalities);
  j["chapter4_municipality_ids"] = ids(c, r.chapter4_municipalities);
  return j;
}

json regions_json(const Content& c) {
  std::vector<std::vector<MunicipalityIdx>> members(c.regions.size());
  for (MunicipalityIdx m = 0; m < c.municipalities.size(); ++m) {
    const Municipality& mu = c.municipalities[m];
    if (mu.in_scope && mu.region) members[*mu.region].push_back(m);
  }
  json out = json::array();
  for (std::size_t i = 0; i < c.regions.size(); ++i) {
    const Region& r = c.regions[i];
    json j = json::object();
    j["id"] = r.id;
    j["name"] = r.name;
    set_optional(j, "council", r.council);
    j["municipalities"] = names(c, members[i]);
    j["municipality_ids"] = ids(c, members[i]);
    out.push_back(std::move(j));
  }
  return out;
}

json ownership_report_json(const OwnershipReportInfo& info) {
  json j = json::object();
  set_optional(j, "adopted_by", info.adopted_by);
  if (info.date) j["date"] = to_string(*info.date);
  set_optional(j, "case_number", info.case_number);
  if (info.election_period) j["election_period"] = to_string(*info.election_period);
  return j;
}

json municipalities_json(const Content& c) {
  json out = json::array();
  for (const Municipality& m : c.municipalities) {
    json j = json::object();
    j["id"] = id_or_null(m);
    j["name"] = m.name;
    set_optional(j, "population", m.population);
    if (m.region) {
      j["region"] = c.regions[*m.region].id;
      j["region_name"] = c.regions[*m.region].name;
    }
    j["county"] = m.county;
    set_optional(j, "former_county", m.former_county);
    j["in_scope"] = m.in_scope;
    j["edge"] = m.edge;
    set_optional(j, "staff_fte", m.staff_fte);
    set_optional(j, "area_km2", m.area_km2);
    if (m.language) j["language"] = std::string(to_string(*m.language));
    if (m.eierskapsmelding) j["eierskapsmelding"] = ownership_report_json(*m.eierskapsmelding);
    if (m.map_tile) j["map_tile"] = json::array({m.map_tile->column, m.map_tile->row});
    out.push_back(std::move(j));
  }
  return out;
}

json sectors_json(const Content& c) {
  json out = json::array();
  for (const Sector& s : c.sectors) out.push_back(json{{"id", s.id}, {"name", s.name}});
  return out;
}

json tasks_json(const Content& c) {
  json out = json::array();
  for (const Task& t : c.tasks) {
    json j = json::object();
    j["id"] = t.id;
    j["name"] = t.name;
    j["sector"] = c.sectors[t.sector].id;
    j["sector_name"] = c.sectors[t.sector].name;
    json ref = json::object();
    for (const auto& [label, percent] : t.reference) ref[label] = percent;
    j["reference"] = std::move(ref);
    out.push_back(std::move(j));
  }
  return out;
}

/// { municipality: name, municipality_id: id or null }, the start of a per-municipality entry.
json municipality_entry(const Content& c, MunicipalityIdx m) {
  json x = json::object();
  x["municipality"] = c.municipalities[m].name;
  x["municipality_id"] = id_or_null(c.municipalities[m]);
  return x;
}

/// The eierskapsmelding fields of an arrangement, each present only when given.
void add_ownership_fields(const Content& c, const Arrangement& a, json& j) {
  set_optional(j, "org_number", a.org_number);
  set_optional(j, "purpose", a.purpose);
  if (a.own_legal_person) j["own_legal_person"] = true;
  if (!a.liability_share.empty()) {
    json shares = json::array();
    for (const MunicipalityPercent& s : a.liability_share) {
      json x = municipality_entry(c, s.municipality);
      x["percent"] = s.percent;
      shares.push_back(std::move(x));
    }
    j["liability_share"] = std::move(shares);
  }
  if (!a.representatives.empty()) {
    json people = json::array();
    for (const MunicipalityRepresentatives& r : a.representatives) {
      for (const Representative& p : r.people) {
        json x = municipality_entry(c, r.municipality);
        x["name"] = p.name;
        set_optional(x, "role", p.role);
        if (p.term) x["term"] = to_string(*p.term);
        people.push_back(std::move(x));
      }
    }
    j["representatives"] = std::move(people);
  }
  if (!a.owner_purposes.empty()) {
    json purposes = json::array();
    for (const MunicipalityPurpose& p : a.owner_purposes) {
      json x = municipality_entry(c, p.municipality);
      x["purpose"] = p.purpose;
      purposes.push_back(std::move(x));
    }
    j["owner_purposes"] = std::move(purposes);
  }
  if (a.agreement) {
    json x = json::object();
    if (a.agreement->date) x["date"] = to_string(*a.agreement->date);
    set_optional(x, "case_number", a.agreement->case_number);
    set_optional(x, "link", a.agreement->link);
    j["agreement"] = std::move(x);
  }
  if (!a.key_figures.empty()) {
    json figures = json::array();
    for (const KeyFigures& k : a.key_figures) {
      json x = json::object();
      x["year"] = k.year;
      set_optional(x, "operating_income", k.operating_income);
      set_optional(x, "result", k.result);
      set_optional(x, "equity", k.equity);
      set_optional(x, "debt", k.debt);
      if (!k.contribution.empty()) {
        json paid = json::array();
        for (const MunicipalityAmount& p : k.contribution) {
          json y = municipality_entry(c, p.municipality);
          y["amount"] = p.amount;
          paid.push_back(std::move(y));
        }
        x["contribution"] = std::move(paid);
      }
      figures.push_back(std::move(x));
    }
    j["key_figures"] = std::move(figures);
  }
}

json arrangement_json(const Content& c, const Arrangement& a) {
  json j = json::object();
  j["id"] = a.id;
  j["name"] = a.name;
  j["participants"] = names(c, a.participants);
  j["participant_ids"] = ids(c, a.participants);
  j["participant_count"] = a.participant_count();
  set_optional(j, "participant_total", a.participant_total);
  if (!a.other_owners.empty()) j["other_owners"] = a.other_owners;
  if (a.host) {
    j["host"] = c.municipalities[*a.host].name;
    j["host_id"] = id_or_null(c.municipalities[*a.host]);
  }
  if (a.legal_form) j["legal_form"] = std::string(to_string(*a.legal_form));
  j["sector"] = c.sectors[a.sector].id;
  j["sector_name"] = c.sectors[a.sector].name;
  json task_ids = json::array();
  json task_names = json::array();
  for (const TaskIdx t : a.tasks) {
    task_ids.push_back(c.tasks[t].id);
    task_names.push_back(c.tasks[t].name);
  }
  j["tasks"] = std::move(task_ids);
  j["task_names"] = std::move(task_names);
  set_optional(j, "established", a.established);
  if (a.established_between) {
    j["established_between"] =
        json::array({a.established_between->first, a.established_between->second});
  }
  set_optional(j, "ended", a.ended);
  j["current"] = a.current(c.report.reference_date);
  set_optional(j, "fte", a.fte);
  set_optional(j, "description", a.description);
  if (!a.ownership.empty()) {
    json own = json::array();
    for (const OwnershipShare& s : a.ownership) {
      json x = json::object();
      x["owner"] = s.municipality ? c.municipalities[*s.municipality].name : s.owner;
      if (s.municipality) x["owner_id"] = id_or_null(c.municipalities[*s.municipality]);
      x["municipal"] = s.municipality.has_value();
      x["percent"] = s.percent;
      own.push_back(std::move(x));
    }
    j["ownership"] = std::move(own);
  }
  set_optional(j, "notes", a.notes);
  if (!a.sources.empty()) j["sources"] = a.sources;
  add_ownership_fields(c, a, j);
  j["file"] = a.pos.file;
  return j;
}

json answer_json(const Question& q, const Answer& a) {
  json j = json::object();
  set_optional(j, "text", a.text);
  if (!a.themes.empty()) {
    json themes = json::array();
    for (const std::size_t t : a.themes) themes.push_back(q.themes[t].id);
    j["themes"] = std::move(themes);
  }
  if (a.choice) j["choice"] = q.options[*a.choice];
  if (!a.choices.empty()) {
    json choices = json::array();
    for (const std::size_t o : a.choices) choices.push_back(q.options[o]);
    j["choices"] = std::move(choices);
  }
  if (a.value) {
    if (q.kind == QuestionKind::likert) {
      j["value"] = static_cast<int>(*a.value);
      j["label"] = q.options[static_cast<std::size_t>(*a.value) - 1];
    } else {
      j["value"] = *a.value;
    }
  }
  return j;
}

json survey_json(const Content& c, const Survey& s) {
  json j = json::object();
  j["id"] = s.id;
  j["title"] = s.title;
  if (s.sent) j["sent"] = to_string(*s.sent);
  if (s.deadline) j["deadline"] = to_string(*s.deadline);
  j["population"] = names(c, s.population);
  j["population_ids"] = ids(c, s.population);
  json questions = json::array();
  for (const Question& q : s.questions) {
    json x = json::object();
    x["id"] = q.id;
    x["text"] = q.text;
    x["kind"] = std::string(to_string(q.kind));
    if (!q.options.empty()) x["options"] = q.options;
    if (!q.themes.empty()) {
      json themes = json::array();
      for (const Theme& t : q.themes) themes.push_back(json{{"id", t.id}, {"label", t.label}});
      x["themes"] = std::move(themes);
    }
    questions.push_back(std::move(x));
  }
  j["questions"] = std::move(questions);
  json responses = json::array();
  for (const Response& r : s.responses) {
    json x = json::object();
    x["respondent"] = r.respondent;
    set_optional(x, "role", r.role);
    x["covers"] = names(c, r.covers);
    x["cover_ids"] = ids(c, r.covers);
    x["joint"] = r.joint;
    x["summary"] = r.summary;
    if (r.region) {
      x["region"] = c.regions[*r.region].name;
      x["region_id"] = c.regions[*r.region].id;
    }
    json answers = json::object();
    for (const auto& [qi, a] : r.answers)
      answers[s.questions[qi].id] = answer_json(s.questions[qi], a);
    x["answers"] = std::move(answers);
    responses.push_back(std::move(x));
  }
  j["responses"] = std::move(responses);
  j["file"] = s.file;
  return j;
}

json dataset_json(const Content& c, const Dataset& d) {
  json j = json::object();
  j["id"] = d.id;
  j["title"] = d.title;
  set_optional(j, "source", d.source);
  json columns = json::array();
  for (const DatasetColumn& col : d.columns) {
    json x = json::object();
    x["id"] = col.id;
    x["label"] = col.label;
    x["kind"] = std::string(to_string(col.kind));
    x["decimals"] = col.decimals;
    if (col.total_sum) x["total"] = "sum";
    if (col.ratio_of)
      x["of"] =
          json::array({d.columns[col.ratio_of->first].id, d.columns[col.ratio_of->second].id});
    columns.push_back(std::move(x));
  }
  j["columns"] = std::move(columns);
  json rows = json::array();
  for (const auto& row : d.rows) {
    json x = json::object();
    for (std::size_t k = 0; k < d.columns.size() && k < row.size(); ++k) {
      const DatasetCell& cell = row[k];
      const std::string& id = d.columns[k].id;
      if (const auto* s = std::get_if<std::string>(&cell)) {
        x[id] = *s;
      } else if (const auto* refs = std::get_if<std::vector<MunicipalityIdx>>(&cell)) {
        x[id] = names(c, *refs);
      } else if (const auto* n = std::get_if<double>(&cell)) {
        x[id] = *n;
      } else {
        x[id] = nullptr;
      }
    }
    rows.push_back(std::move(x));
  }
  j["rows"] = std::move(rows);
  j["file"] = d.file;
  return j;
}

}  // namespace

nlohmann::ordered_json content_to_json(const Content& c) {
  json j = json::object();
  j["report"] = report_json(c);
  j["regions"] = regions_json(c);
  j["municipalities"] = municipalities_json(c);
  j["sectors"] = sectors_json(c);
  j["tasks"] = tasks_json(c);
  json arrangements = json::array();
  for (const Arrangement& a : c.arrangements) arrangements.push_back(arrangement_json(c, a));
  j["arrangements"] = std::move(arrangements);
  json surveys = json::array();
  for (const Survey& s : c.surveys) surveys.push_back(survey_json(c, s));
  j["surveys"] = std::move(surveys);
  json datasets = json::array();
  for (const Dataset& d : c.datasets) datasets.push_back(dataset_json(c, d));
  j["datasets"] = std::move(datasets);
  json texts = json::array();
  for (const TextFile& t : c.texts) {
    texts.push_back(json{{"name", t.name}, {"path", t.path}, {"markdown", t.markdown}});
  }
  j["texts"] = std::move(texts);
  return j;
}

}  // namespace samrapport::content
