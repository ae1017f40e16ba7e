// councils/<region-id>.yaml (additive): a region's council (interkommunalt politisk råd,
// regionråd) for the annual report: its bodies and their members, the year's meetings and
// statements, the strategic plan, the projects with their funding and the accounts.
#include <algorithm>
#include <functional>
#include <unordered_map>

#include "content/reader_ownership.hpp"
#include "content/readers.hpp"
#include "content/suggest.hpp"
#include "content/yaml_fields.hpp"

namespace samrapport::content {

namespace {

constexpr std::string_view kCouncilKeys[] = {
    "name",     "legal_form", "established",    "members",  "purpose",
    "language", "year",       "area_km2",       "history",  "bodies",
    "meetings", "statements", "strategic_plan", "projects", "accounts"};
constexpr std::string_view kHistoryKeys[] = {"year", "event"};
constexpr std::string_view kBodyKeys[] = {
    "id",      "name", "kind", "composition", "duties", "meetings_per_year", "cases_per_year",
    "members", "notes"};
constexpr std::string_view kPersonKeys[] = {"name", "municipality", "role"};
constexpr std::string_view kMeetingKeys[] = {"body", "date", "cases", "decisions"};
constexpr std::string_view kStatementKeys[] = {"date", "title", "body", "to"};
constexpr std::string_view kPlanKeys[] = {"name", "period", "areas_total", "areas"};
constexpr std::string_view kAreaKeys[] = {"name", "goals", "measures", "status"};
constexpr std::string_view kMeasureKeys[] = {"name", "status"};
constexpr std::string_view kProjectKeys[] = {
    "name", "period", "duration_years", "budget", "funding", "status", "aims"};
constexpr std::string_view kFundingKeys[] = {"source", "amount", "annual"};
constexpr std::string_view kAccountsKeys[] = {"year", "lines"};
constexpr std::string_view kLineKeys[] = {"name", "kind", "budget", "actual"};
constexpr std::string_view kAccountKinds[] = {"income", "expense"};
constexpr std::string_view kLanguages[] = {"nb", "nn", "en"};
constexpr std::string_view kBodyKinds[] = {"representantskap", "council", "committee",
                                           "secretariat", "other"};
constexpr std::string_view kStatuses[] = {"planned", "ongoing", "completed", "postponed",
                                          "cancelled"};

/// Amounts in NOK (as for key figures): far above any council's budget.
constexpr double kMaxAmount = 1e13;
/// Meetings or cases in one year: more than one a day is a typing error for meetings;
/// cases are bounded generously.
constexpr int kMaxMeetings = 366;
constexpr int kMaxCases = 100'000;
/// A project longer than this many years is a typing error.
constexpr int kMaxDurationYears = 100;

std::vector<std::string_view> legal_form_names() {
  std::vector<std::string_view> out;
  for (const LegalForm f : kLegalForms) out.push_back(to_string(f));
  return out;
}

std::optional<WorkStatus> read_status(ReadContext& ctx, MapReader& m) {
  const yaml::NodeRef node = m.get("status");
  if (!node.present()) return std::nullopt;
  const std::function<std::optional<WorkStatus>(std::string_view)> parse = work_status_from;
  return as_enum<WorkStatus>(ctx, node, "status", kStatuses, parse);
}

std::optional<YearSpan> read_span(ReadContext& ctx, MapReader& m, std::string_view key) {
  const yaml::NodeRef node = m.get(key);
  if (!node.present()) return std::nullopt;
  const auto text = as_text(ctx, node, key);
  if (!text) return std::nullopt;
  const auto span = parse_year_span(*text);
  if (!span) {
    ctx.error(node, in_quotes(key) + " must be two years written YYYY-YYYY (e.g. 2022-2024), not " +
                        in_quotes(*text));
    return std::nullopt;
  }
  if (span->from > span->to) {
    ctx.error(node, in_quotes(key) + " " + *text + ": from is after to");
    return std::nullopt;
  }
  return span;
}

/// "2" or "15-20" (written as a number or a text).
std::optional<CountRange> read_count_range(ReadContext& ctx, yaml::NodeRef node,
                                           std::string_view field, int max) {
  if (!node.present()) return std::nullopt;
  const auto text = as_text(ctx, node, field);
  if (!text) return std::nullopt;
  const auto is_number = [](std::string_view s) {
    return !s.empty() && s.size() <= 9 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  std::string t;
  for (const char c : *text) {
    if (c != ' ') t += c;
  }
  const auto dash = t.find('-');
  CountRange r;
  if (dash == std::string::npos && is_number(t)) {
    r.min = r.max = std::stoi(t);
  } else if (dash != std::string::npos && is_number(t.substr(0, dash)) &&
             is_number(t.substr(dash + 1))) {
    r.min = std::stoi(t.substr(0, dash));
    r.max = std::stoi(t.substr(dash + 1));
  } else {
    ctx.error(node, in_quotes(field) + " must be a count (2) or a range (15-20), not " +
                        in_quotes(*text));
    return std::nullopt;
  }
  if (r.min > r.max) {
    ctx.error(node, in_quotes(field) + " " + *text + ": the first number is above the second");
    return std::nullopt;
  }
  if (!check_int_range(ctx, node, field, r.max, 0, max)) return std::nullopt;
  return r;
}

std::optional<double> read_amount(ReadContext& ctx, MapReader& m, std::string_view key) {
  const auto v = m.number(key);
  if (!v) return std::nullopt;
  if (!check_range(ctx, m.get(key), key, *v, 0, kMaxAmount)) return std::nullopt;
  return v;
}

/// Each item of the list at `key` as a mapping, with `read` filling one entry.
void each_item(ReadContext& ctx, MapReader& m, std::string_view key,
               const std::function<void(yaml::NodeRef)>& read) {
  const yaml::NodeRef list = m.list(key);
  if (!list.present()) return;
  for (std::size_t i = 0; i < list.size(); ++i) read(list.item(i));
  (void)ctx;
}

std::vector<CouncilPerson> read_people(ReadContext& ctx, MapReader& m) {
  std::vector<CouncilPerson> out;
  each_item(ctx, m, "members", [&](yaml::NodeRef item) {
    MapReader p(ctx, item, describe("member", item, "name"), kPersonKeys);
    if (!p.ok()) return;
    auto name = p.text("name", true);
    CouncilPerson person;
    if (const yaml::NodeRef mu = p.get("municipality"); mu.present())
      person.municipality = ctx.municipality(mu);
    person.role = p.text("role");
    if (!name) return;
    person.name = std::move(*name);
    out.push_back(std::move(person));
  });
  return out;
}

void read_bodies(ReadContext& ctx, MapReader& m, Council& c,
                 std::unordered_map<std::string, std::size_t>& by_id) {
  each_item(ctx, m, "bodies", [&](yaml::NodeRef item) {
    MapReader b(ctx, item, describe("body", item), kBodyKeys);
    if (!b.ok()) return;
    CouncilBody body;
    body.pos = item.pos();
    auto id = b.text("id", true);
    auto name = b.text("name", true);
    if (const yaml::NodeRef k = b.get("kind"); k.present()) {
      const std::function<std::optional<BodyKind>(std::string_view)> parse = body_kind_from;
      body.kind = as_enum<BodyKind>(ctx, k, "kind", kBodyKinds, parse);
    }
    body.composition = b.text("composition");
    body.duties = b.text_list("duties");
    body.meetings_per_year =
        read_count_range(ctx, b.get("meetings_per_year"), "meetings_per_year", kMaxMeetings);
    body.cases_per_year =
        read_count_range(ctx, b.get("cases_per_year"), "cases_per_year", kMaxCases);
    body.members = read_people(ctx, b);
    body.notes = b.text("notes");
    if (!id || !name) return;
    if (!check_slug(ctx, b.get("id"), *id, "body")) return;
    if (const auto [it, inserted] = by_id.emplace(*id, c.bodies.size()); !inserted) {
      ctx.error(b.get("id"), "duplicate body id '" + *id + "' (first at " +
                                 ReadContext::where(c.bodies[it->second].pos) + ")");
      return;
    }
    body.id = std::move(*id);
    body.name = std::move(*name);
    c.bodies.push_back(std::move(body));
  });
}

/// A body reference; reports an unknown one with the closest id.
std::optional<std::size_t> body_ref(ReadContext& ctx, yaml::NodeRef node, const Council& c,
                                    const std::unordered_map<std::string, std::size_t>& by_id) {
  const auto text = as_text(ctx, node, "body");
  if (!text) return std::nullopt;
  if (const auto it = by_id.find(*text); it != by_id.end()) return it->second;
  std::vector<std::string> ids;
  for (const auto& b : c.bodies) ids.push_back(b.id);
  ctx.error(node, "unknown body '" + *text + "'" +
                      (c.bodies.empty() ? std::string(" (the council lists no 'bodies')")
                                        : did_you_mean(closest(*text, ids)) +
                                              (closest(*text, ids) ? "" : " (not in 'bodies')")));
  return std::nullopt;
}

void read_meetings(ReadContext& ctx, MapReader& m, Council& c,
                   const std::unordered_map<std::string, std::size_t>& by_id) {
  each_item(ctx, m, "meetings", [&](yaml::NodeRef item) {
    MapReader r(ctx, item, "meeting", kMeetingKeys);
    if (!r.ok()) return;
    CouncilMeeting meeting;
    meeting.pos = item.pos();
    const yaml::NodeRef body = r.require("body");
    const auto idx = body.present() ? body_ref(ctx, body, c, by_id) : std::nullopt;
    const auto date = r.date("date", true);
    if (const auto cases = r.int_value("cases")) {
      if (check_int_range(ctx, r.get("cases"), "cases", *cases, 0, kMaxCases))
        meeting.cases = cases;
    }
    meeting.decisions = r.text_list("decisions");
    if (!idx || !date) return;
    meeting.body = *idx;
    meeting.date = *date;
    c.meetings.push_back(std::move(meeting));
  });
  std::stable_sort(
      c.meetings.begin(), c.meetings.end(),
      [](const CouncilMeeting& a, const CouncilMeeting& b) { return a.date < b.date; });
}

void read_statements(ReadContext& ctx, MapReader& m, Council& c,
                     const std::unordered_map<std::string, std::size_t>& by_id) {
  each_item(ctx, m, "statements", [&](yaml::NodeRef item) {
    MapReader r(ctx, item, describe("statement", item, "title"), kStatementKeys);
    if (!r.ok()) return;
    CouncilStatement s;
    s.pos = item.pos();
    auto title = r.text("title", true);
    s.date = r.date("date");
    if (const yaml::NodeRef body = r.get("body"); body.present()) {
      s.body = body_ref(ctx, body, c, by_id);
    }
    s.to = r.text("to");
    if (!title) return;
    s.title = std::move(*title);
    c.statements.push_back(std::move(s));
  });
}

std::optional<StrategicPlan> read_plan(ReadContext& ctx, yaml::NodeRef node) {
  MapReader m(ctx, node, "'strategic_plan'", kPlanKeys);
  if (!m.ok()) return std::nullopt;
  StrategicPlan plan;
  plan.name = m.text("name");
  plan.period = read_span(ctx, m, "period");
  each_item(ctx, m, "areas", [&](yaml::NodeRef item) {
    MapReader a(ctx, item, describe("plan area", item, "name"), kAreaKeys);
    if (!a.ok()) return;
    PlanArea area;
    auto name = a.text("name", true);
    area.goals = a.text_list("goals");
    each_item(ctx, a, "measures", [&](yaml::NodeRef mi) {
      MapReader mm(ctx, mi, describe("measure", mi, "name"), kMeasureKeys);
      if (!mm.ok()) return;
      auto mname = mm.text("name", true);
      const auto status = read_status(ctx, mm);
      if (mname) area.measures.push_back(PlanMeasure{std::move(*mname), status});
    });
    area.status = read_status(ctx, a);
    if (!name) return;
    area.name = std::move(*name);
    plan.areas.push_back(std::move(area));
  });
  if (const auto total = m.int_value("areas_total")) {
    const auto listed = static_cast<std::int64_t>(plan.areas.size());
    if (check_int_range(ctx, m.get("areas_total"), "areas_total", *total, 1, 1000)) {
      if (*total < listed) {
        ctx.error(m.get("areas_total"), "'areas_total' " + std::to_string(*total) +
                                            " is below the " + std::to_string(listed) +
                                            " areas listed");
      } else {
        plan.areas_total = total;
      }
    }
  }
  return plan;
}

void read_projects(ReadContext& ctx, MapReader& m, Council& c) {
  each_item(ctx, m, "projects", [&](yaml::NodeRef item) {
    MapReader p(ctx, item, describe("project", item, "name"), kProjectKeys);
    if (!p.ok()) return;
    CouncilProject project;
    project.pos = item.pos();
    auto name = p.text("name", true);
    project.period = read_span(ctx, p, "period");
    if (const auto d = p.int_value("duration_years")) {
      if (check_int_range(ctx, p.get("duration_years"), "duration_years", *d, 1, kMaxDurationYears))
        project.duration_years = d;
    }
    project.budget = read_amount(ctx, p, "budget");
    each_item(ctx, p, "funding", [&](yaml::NodeRef fi) {
      MapReader f(ctx, fi, describe("funding", fi, "source"), kFundingKeys);
      if (!f.ok()) return;
      auto source = f.text("source", true);
      Funding funding;
      funding.amount = read_amount(ctx, f, "amount");
      funding.annual = f.boolean("annual").value_or(false);
      if (!source) return;
      funding.source = std::move(*source);
      project.funding.push_back(std::move(funding));
    });
    project.status = read_status(ctx, p);
    project.aims = p.text_list("aims");
    if (!name) return;
    project.name = std::move(*name);
    c.projects.push_back(std::move(project));
  });
}

std::optional<CouncilAccounts> read_accounts(ReadContext& ctx, yaml::NodeRef node) {
  MapReader m(ctx, node, "'accounts'", kAccountsKeys);
  if (!m.ok()) return std::nullopt;
  CouncilAccounts accounts;
  const yaml::NodeRef year_node = m.require("year");
  const auto year = year_node.present() ? as_year(ctx, year_node, "year") : std::nullopt;
  each_item(ctx, m, "lines", [&](yaml::NodeRef item) {
    MapReader l(ctx, item, describe("account line", item, "name"), kLineKeys);
    if (!l.ok()) return;
    auto name = l.text("name", true);
    AccountLine line;
    if (const yaml::NodeRef k = l.get("kind"); k.present()) {
      const std::function<std::optional<AccountKind>(std::string_view)> parse =
          [](std::string_view v) -> std::optional<AccountKind> {
        if (v == "income") return AccountKind::income;
        if (v == "expense") return AccountKind::expense;
        return std::nullopt;
      };
      line.kind = as_enum<AccountKind>(ctx, k, "kind", kAccountKinds, parse);
    }
    line.budget = read_amount(ctx, l, "budget");
    line.actual = read_amount(ctx, l, "actual");
    if (!name) return;
    line.name = std::move(*name);
    accounts.lines.push_back(std::move(line));
  });
  if (!year) return std::nullopt;
  accounts.year = *year;
  return accounts;
}

}  // namespace

void read_council(ReadContext& ctx, yaml::NodeRef root, const std::string& relative,
                  const std::string& file) {
  Content& content = ctx.content;
  // The file's stem names the region.
  std::string stem = relative.substr(relative.rfind('/') + 1);
  stem.erase(stem.size() - 5);  // ".yaml"
  const SourcePos file_pos{file, 0, 0};
  const auto region = content.region_by_id.find(stem);
  if (region == content.region_by_id.end()) {
    if (!ctx.regions_read) return;
    std::vector<std::string> ids;
    for (const auto& r : content.regions) ids.push_back(r.id);
    const auto suggestion = closest(stem, ids);
    ctx.error(file_pos, "'" + stem +
                            "' is not a region id: a council file is named councils/<region "
                            "id>.yaml after a region of municipalities.yaml" +
                            (suggestion ? did_you_mean(suggestion) : std::string()));
    return;
  }
  MapReader m(ctx, root, "council '" + stem + "'", kCouncilKeys);
  if (!m.ok()) return;
  Council c;
  c.region = region->second;
  c.file = file;
  c.pos = root.pos();
  auto name = m.text("name", true);
  if (const yaml::NodeRef lf = m.get("legal_form"); lf.present()) {
    static const std::vector<std::string_view> kNames = legal_form_names();
    const std::function<std::optional<LegalForm>(std::string_view)> parse = legal_form_from;
    c.legal_form = as_enum<LegalForm>(ctx, lf, "legal_form", kNames, parse);
  }
  c.established = m.year("established");
  c.year = m.year("year");
  c.area_km2 = m.number("area_km2");
  if (c.area_km2 && !check_range(ctx, m.get("area_km2"), "area_km2", *c.area_km2, 0, 1e6))
    c.area_km2.reset();
  if (const yaml::NodeRef members = m.list("members"); members.present()) {
    c.members = ctx.municipality_list(members, "in 'members'");
    c.members_given = true;
  } else {
    for (MunicipalityIdx i = 0; i < content.municipalities.size(); ++i) {
      if (content.municipalities[i].region == c.region) c.members.push_back(i);
    }
  }
  if (c.members.empty() && ctx.municipalities_read) {
    ctx.error(m.get("members").present() ? m.get("members").pos() : root.pos(),
              "council '" + stem +
                  "' has no member municipalities: list them in 'members' (region '" + stem +
                  "' has none in municipalities.yaml)");
  }
  c.purpose = m.text("purpose");
  if (const yaml::NodeRef lang = m.get("language"); lang.present()) {
    const std::function<std::optional<Language>(std::string_view)> parse = language_from;
    c.language = as_enum<Language>(ctx, lang, "language", kLanguages, parse);
  }
  each_item(ctx, m, "history", [&](yaml::NodeRef item) {
    MapReader h(ctx, item, "history entry", kHistoryKeys);
    if (!h.ok()) return;
    const yaml::NodeRef y = h.require("year");
    const auto year = y.present() ? as_year(ctx, y, "year") : std::nullopt;
    auto event = h.text("event", true);
    if (year && event) c.history.push_back(HistoryEntry{*year, std::move(*event)});
  });
  std::stable_sort(c.history.begin(), c.history.end(),
                   [](const HistoryEntry& a, const HistoryEntry& b) { return a.year < b.year; });
  std::unordered_map<std::string, std::size_t> bodies;
  read_bodies(ctx, m, c, bodies);
  read_meetings(ctx, m, c, bodies);
  read_statements(ctx, m, c, bodies);
  if (const yaml::NodeRef plan = m.get("strategic_plan"); plan.present())
    c.strategic_plan = read_plan(ctx, plan);
  read_projects(ctx, m, c);
  if (const yaml::NodeRef acc = m.get("accounts"); acc.present())
    c.accounts = read_accounts(ctx, acc);
  if (!name) return;
  c.name = std::move(*name);
  content.councils.push_back(std::move(c));
}

}  // namespace samrapport::content
