// Every number the model report published (published.yaml, a copy of
// ../shared/data/buskerud-2021/published.yaml) against the analysis of content/ (the
// report's data).
//
// Each published value is compared at the precision it was printed with (34 -> 0
// decimals, 38.2 -> 1). A value may differ only when it is listed below, by check name,
// with the reason from ../shared/data/buskerud-2021/NOTES.md:
//   - kDiffers: the report contradicts itself and the data follow its explicit lists; the
//     check must still differ (a listed difference that is reproduced fails the test, so
//     the list stays true);
//   - kNotInData: the number rests on facts the data do not hold (hosts, legal forms and
//     establishment years recorded only where the report states them; no staff_fte);
//     computed values are printed, not compared.
// Every numeric scalar of published.yaml must be used by some check.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <functional>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/analyse.hpp"
#include "common/diagnostics.hpp"
#include "common/source_tree.hpp"
#include "content/reader.hpp"
#include "locale/norwegian.hpp"

namespace samrapport::analysis {
namespace {

// NOTES.md, "Published figures versus figures computed from the data": the ten mismatches.
const std::map<std::string, std::string>& differs() {
  static const std::map<std::string, std::string> list{
      {"totals.max",
       "NOTES 1: Tabell 4.4 (Ål) has 48 rows, but four of them (Fagrådet for Ytre Oslofjord, IKA "
       "Opplandene, Alarmsentral brann Innlandet, Osloregionen IKPR) do not list Ål; computed "
       "maximum is Hol with 45"},
      {"Tabell 3.2 Ål total",
       "NOTES 1: Ål is in 44 current arrangements by the participant lists, not 48"},
      {"size class under 5.000: mean",
       "NOTES 1: 455/12 = 37.9 against 458/12 = 38.2 published (Ål -4, Hjartdal +1)"},
      {"Tabell 3.2 Hjartdal total",
       "NOTES 2: every list naming Hjartdal puts it in 35 arrangements (8 + 13 + 14); the "
       "missing row cannot be identified"},
      {"Tabell 3.1 innkjop",
       "NOTES 3: the five innkjøp arrangements of Tabell 5.1 cover 18 in-scope municipalities; "
       "the text's \"halvparten\" fits 13"},
      {"Tabell 3.1 voksenopplaering",
       "NOTES 3: 9 distinct municipalities; the published 10 counts Lunner's two memberships"},
      {"Tabell 3.1 personvernombud",
       "NOTES 3: Personvernombud Kongsbergregionen has 8 participants in every table listing it"},
      {"Tabell 3.1 psykisk-helse",
       "NOTES 3: Kongsberg DPS has 6; Samarbeid om psykisk helse Modum Bad adds Modum and "
       "Krødsherad"},
      {"Tabell 3.1 ergoterapeut",
       "NOTES 3: no arrangement in any table names ergoterapi, so no task is mapped"},
      {"cross_county.total",
       "NOTES 4: the rule also flags Voksenopplæring Bærum, Hadeland og Ringerike "
       "avfallsselskap AS and Ringerike og Hadeland skadefellingslag, missing from Tabell "
       "2.4-2.7"},
      // The same three arrangements, seen in the group counts.
      {"cross_county: mot Innlandet",
       "NOTES 4: + Hadeland og Ringerike avfallsselskap AS and Ringerike og Hadeland "
       "skadefellingslag (both include Gran), missing from Tabell 2.5"},
      {"cross_county: mot Asker, Bærum og Akershus",
       "NOTES 4: + Voksenopplæring Bærum (Hole-Bærum), missing from Tabell 2.6"},
      // NOTES.md, "Other inconsistencies found in the report".
      {"service structure: revisjon",
       "NOTES (Ringerike and VKR): kap. 3.4 counts Ringerike outside VKR (6, hvorav 3 "
       "kommunale), but Tabell 2.6, 4.5 and 5.1 list it as an owner; the tables are followed"},
      {"service structure: ikt",
       "NOTES (service structure): 7 municipalities have no IKT cooperation and there are 4 "
       "intermunicipal IKT services, not 9 and 3"},
      {"service structure: legevaktsentral",
       "NOTES (service structure): \"8, hvorav 1 kommunal og 8 interkommunale\" adds up to 9; "
       "there are 7 LVS"},
      {"service structure: renovasjon",
       "NOTES (service structure): \"10, hvorav 5 kommunale og 6 interkommunale\" adds up to 11"},
      {"legal_forms.ipr_and_oppgavefellesskap_count",
       "NOTES (legal_form): set only where stated; Regionrådet for Hadeland's legal form is not "
       "stated, so 4 ipr + 5 oppgavefellesskap = 9"},
  };
  return list;
}

const std::string kHostsUnknown =
    "NOTES (host): hosts are set only where the text names them; all other hosts are "
    "unknown, so Tabell 3.2's host counts cannot be reproduced";
const std::string kYearsUnknown =
    "NOTES (established_between): years are set for Tabell 2.2's 63 arrangements and three "
    "stated years only; the other periods and Figur 2.4 rest on years the report does not print";
const std::string kFormsUnknown =
    "NOTES (legal_form): set only where the name or text states it; vertskommune, §27 and "
    "agreement shares rest on forms the report does not print per arrangement";
const std::string kNoStaffFte =
    "municipalities.yaml has no staff_fte (the report prints no municipal man-years), and the "
    "four companies of footnote 6 have no fte: Tabell 2.3 rows only";

// Checks whose published number rests on facts not in the data.
const std::map<std::string, std::string>& not_in_data() {
  static const std::map<std::string, std::string> list = [] {
    std::map<std::string, std::string> l{
        {"establishment_periods.n", kYearsUnknown},
        {"Tabell 2.1 Perioden 2015-2021: percent", kYearsUnknown},
        {"Tabell 2.1 Perioden 2000-2014", kYearsUnknown},
        {"Tabell 2.1 Før år 2000", kYearsUnknown},
        {"Tabell 2.1 Over lenger tid (uspesifisert)", kYearsUnknown},
        {"establishment_periods.with_specific_year", kYearsUnknown},
        {"establishment_periods.share_after_2015_percent", kYearsUnknown},
        {"cross_county: 21 involve Hadeland",
         "kap. 2.5 counts local cooperation on Hadeland (Gran, Lunner, Jevnaker); Jevnaker "
         "belongs to Ringeriksregionen in the data (NOTES: Tabell 1.1), and no field marks "
         "\"local\" cooperation"},
        {"per_municipality.stated_n",
         "NOTES (Tabell 3.2): the heading's n=212 matches neither its host column (170) nor "
         "kap. 3.2 (216); " +
             kHostsUnknown},
        {"hosts.arrangements_with_host", kHostsUnknown},
        {"hosts.hosts_outside_area", kHostsUnknown},
        {"hosts.hosts_inside_area", kHostsUnknown},
        {"hosts.municipalities_with_host_role", kHostsUnknown},
        {"hosts.without_host_role", kHostsUnknown},
        {"hosts.top8", kHostsUnknown},
        {"hosts.al_if_hallinghelse_is_one", kHostsUnknown},
        {"legal_forms.vertskommune_percent", kFormsUnknown},
        {"legal_forms.styre27_count", kFormsUnknown},
        {"legal_forms.avtale_share", kFormsUnknown},
        {"legal_forms.kommuneloven_share", kFormsUnknown},
        {"legal_forms.without_political_bodies_share", kFormsUnknown},
        {"hallingdal_fte.core_services_share_percent", kNoStaffFte},
        {"hallingdal_fte.companies_fte", kNoStaffFte},
        {"hallingdal_fte.companies_share_percent", kNoStaffFte},
        {"hallingdal_fte.total_share_percent", kNoStaffFte},
        {"survey.answers",
         "NOTES (survey): the 21/7 response statistics are kept in published.yaml and are not "
         "derived from the response list"},
        {"survey.individual",
         "NOTES (survey): the 21/7 response statistics are not derived from the response list"},
        {"service structure: nav",
         "kap. 3.4 prints \"16 NAV-kontor, hvorav 9 uten og 5 med interkommunalt samarbeid\": "
         "its own parts add up to 14 (9 + 5, both reproduced); NOTES keeps the figures as "
         "printed"},
    };
    for (const char* name :
         {"Ål",       "Ringerike",  "Gran",        "Drammen",       "Kongsberg",
          "Notodden", "Gol",        "Modum",       "Nore og Uvdal", "Hol",
          "Lunner",   "Øvre Eiker", "Holmestrand", "Lier",          "Rollag",
          "Flesberg", "Sigdal",     "Tinn",        "Flå",           "Hole",
          "Jevnaker", "Krødsherad", "Nesbyen",     "Hemsedal",      "Hjartdal"}) {
      l[std::string("Tabell 3.2 ") + name + " host"] = kHostsUnknown;
      l[std::string("Tabell 3.2 ") + name + " assisted"] = kHostsUnknown;
    }
    for (const char* name :
         {"Tønsberg", "Gjøvik", "Skien", "Sandefjord", "Oslo", "Lillehammer", "Vinje", "Bærum",
          "Asker", "Midt-Telemark", "Porsgrunn", "Lørenskog", "Hamar", "Eidfjord", "Larvik"}) {
      l[std::string("hosts outside the area: ") + name] = kHostsUnknown;
    }
    return l;
  }();
  return list;
}

enum class Kind { exact, approximate, differs, not_in_data, unexplained, stale };

struct Row {
  std::string name;
  Kind kind;
  std::string published;
  std::string computed;
};

std::string fmt(double v, int decimals) {
  return locale::format_number(v, decimals, "", ".");
}

/// Decimals of a published number as written ("38.2" -> 1, "34" -> 0).
int decimals_of(const std::string& text) {
  const auto dot = text.find('.');
  return dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1);
}

/// The published file, with every numeric scalar's path, and what the checks used.
class Ledger {
 public:
  explicit Ledger(const std::string& path) : root_(YAML::LoadFile(path)) { collect(root_, ""); }

  YAML::Node at(const std::string& path) {
    used_.insert(path);
    // Node::reset rebinds; assignment would overwrite the node it refers to.
    YAML::Node node;
    node.reset(root_);
    std::size_t i = 0;
    while (i < path.size()) {
      if (path[i] == '.') ++i;
      if (path[i] == '[') {
        const auto close = path.find(']', i);
        const YAML::Node child = node[std::stoi(path.substr(i + 1, close - i - 1))];
        node.reset(child);
        i = close + 1;
      } else {
        const auto end = path.find_first_of(".[", i);
        const YAML::Node child =
            node[path.substr(i, end == std::string::npos ? std::string::npos : end - i)];
        node.reset(child);
        i = end == std::string::npos ? path.size() : end;
      }
      if (!node) throw std::runtime_error("published.yaml has no " + path);
    }
    return node;
  }
  std::string text(const std::string& path) { return at(path).as<std::string>(); }

  /// A published number against a computed one, at the published precision.
  void number(const std::string& name, const std::string& path, double computed) {
    const std::string published = text(path);
    const int decimals = decimals_of(published);
    const std::string mine = fmt(locale::round_half_away(computed, decimals), decimals);
    record(name, fmt(std::stod(published), decimals), mine,
           std::abs(std::stod(published) - locale::round_half_away(computed, decimals)) < 1e-9);
  }
  /// Several published values checked as one (e.g. a name and its count).
  void compare(const std::string& name, const std::vector<std::string>& paths,
               const std::string& computed, const std::function<bool()>& equal) {
    std::string published;
    for (const auto& p : paths) {
      const auto node = at(p);
      if (!published.empty()) published += " ";
      published += node.IsScalar() ? node.as<std::string>() : YAML::Dump(node);
    }
    record(name, published, computed, equal());
  }
  /// A prose figure ("rundt 30 prosent"): equal when within `tolerance` (percent points).
  void approximate(const std::string& name, const std::string& published, double target,
                   double computed, double tolerance) {
    const bool ok = std::abs(computed - target) <= tolerance + 1e-9;
    auto kind = ok ? Kind::approximate : Kind::unexplained;
    if (differs().count(name)) kind = ok ? Kind::stale : Kind::differs;
    if (not_in_data().count(name)) kind = Kind::not_in_data;
    names_.insert(name);
    rows_.push_back({name, kind, published, fmt(computed, 1)});
  }
  /// Uses paths whose values are definitions, not results (labels, bounds checked elsewhere).
  void use(const std::string& path) { at(path); }

  [[nodiscard]] std::vector<std::string> unused_numbers() const {
    std::vector<std::string> out;
    for (const auto& p : numeric_) {
      if (!used_.count(p)) out.push_back(p);
    }
    return out;
  }
  [[nodiscard]] const std::vector<Row>& rows() const { return rows_; }
  [[nodiscard]] const std::set<std::string>& names() const { return names_; }

 private:
  void record(const std::string& name, const std::string& published, const std::string& computed,
              bool equal) {
    Kind kind = equal ? Kind::exact : Kind::unexplained;
    if (differs().count(name)) kind = equal ? Kind::stale : Kind::differs;
    if (not_in_data().count(name)) kind = Kind::not_in_data;
    if (!names_.insert(name).second) throw std::runtime_error("check named twice: " + name);
    rows_.push_back({name, kind, published, computed});
  }

  void collect(const YAML::Node& node, const std::string& path) {
    if (node.IsMap()) {
      for (const auto& entry : node) {
        const auto key = entry.first.as<std::string>();
        collect(entry.second, path.empty() ? key : path + "." + key);
      }
    } else if (node.IsSequence()) {
      for (std::size_t i = 0; i < node.size(); ++i) {
        collect(node[i], path + "[" + std::to_string(i) + "]");
      }
    } else if (node.IsScalar()) {
      static const std::regex number(R"(-?[0-9]+(\.[0-9]+)?|[0-9]{4}-[0-9]{2}-[0-9]{2})");
      if (std::regex_match(node.Scalar(), number)) numeric_.insert(path);
    }
  }

  YAML::Node root_;
  std::set<std::string> numeric_;
  std::set<std::string> used_;
  std::set<std::string> names_;
  std::vector<Row> rows_;
};

const MunicipalityRow* find_row(const Results& r, const std::string& name) {
  for (const auto& m : r.municipalities) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

const CrossCountyGroup* group(const Results& r, const std::string& county, bool other = false) {
  for (const auto& g : r.cross_county.by_county) {
    if (other ? g.other : g.county == county) return &g;
  }
  return nullptr;
}

const ArrangementInfo* arrangement(const Results& r, const std::string& id) {
  for (const auto& a : r.arrangements) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

class Published : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Diagnostics diags;
    auto tree = open_directory(SAMRAPPORT_SOURCE_DIR "/content");
    content_ = new content::Content(content::load_content(*tree, diags));
    ASSERT_FALSE(diags.has_errors()) << "content/ does not load";
    results_ = new Results(analyse(*content_));
  }
  static void TearDownTestSuite() {
    delete results_;
    delete content_;
  }
  static content::Content* content_;
  static Results* results_;
};
content::Content* Published::content_ = nullptr;
Results* Published::results_ = nullptr;

TEST_F(Published, EveryPublishedNumber) {
  const Results& r = *results_;
  Ledger L(SAMRAPPORT_SOURCE_DIR "/tests/analysis/published.yaml");

  // ---------------------------------------------------------------- totals (kap. 2.1-2.2)
  L.number("totals.arrangements", "totals.arrangements.value", r.totals.arrangements);
  L.number("totals.municipalities", "totals.municipalities.value",
           r.totals.municipalities_in_scope);
  L.number("totals.mean_per_municipality", "totals.mean_per_municipality.value",
           r.totals.mean_per_municipality);
  for (const char* which : {"min", "max"}) {
    const auto& e = std::string(which) == "min" ? r.totals.min : r.totals.max;
    const std::string base = std::string("totals.") + which;
    const std::string name = L.text(base + ".municipality");
    const int value = L.at(base + ".value").as<int>();
    L.compare(base, {base + ".municipality", base + ".value"},
              e->name + " " + std::to_string(e->count),
              [&] { return e->name == name && e->count == value; });
  }

  // ---------------------------------------------------------------- size classes (Figur 2.3)
  {
    // Bounds: the published classes must put every in-scope municipality where ours do.
    const char* ids[] = {"small", "medium", "large"};
    const char* labels[] = {"size class under 5.000", "size class 5-15.000",
                            "size class over 15.000"};
    bool same_partition = true;
    for (const auto& m : r.municipalities) {
      const auto p = *m.population;
      int published_class = 0;
      for (int c = 0; c < 3; ++c) {
        const auto cls = L.at("size_classes.classes[" + std::to_string(c) + "]");
        const bool above_min = !cls["min_population"] || p >= cls["min_population"].as<long>();
        const bool below_max =
            !cls["max_population_exclusive"] || p < cls["max_population_exclusive"].as<long>();
        if (above_min && below_max) published_class = c;
      }
      same_partition = same_partition && *m.size_class == ids[published_class];
    }
    std::vector<std::string> bounds;
    for (int c = 0; c < 3; ++c) {
      for (const char* key : {"min_population", "max_population_exclusive"}) {
        const std::string path = "size_classes.classes[" + std::to_string(c) + "]." + key;
        if (L.at("size_classes.classes[" + std::to_string(c) + "]")[key]) bounds.push_back(path);
      }
    }
    L.compare("size class bounds", bounds, same_partition ? "same classes" : "other classes",
              [&] { return same_partition; });
    for (int c = 0; c < 3; ++c) {
      const MunicipalityClass* mine = nullptr;
      for (const auto& cls : r.size_classes) {
        if (cls.id == ids[c]) mine = &cls;
      }
      L.number(std::string(labels[c]) + ": mean",
               "size_classes.classes[" + std::to_string(c) + "].mean", *mine->mean_arrangements);
    }
  }

  // ---------------------------------------------------------------- levels (Figur 2.1)
  for (int i = 0; i < 3; ++i) {
    const std::string base = "geographic_levels.levels[" + std::to_string(i) + "]";
    const auto& level = r.levels[i];
    const bool bounds =
        L.at(base + ".min").as<int>() == level.min &&
        (L.at(base)["max"] ? L.at(base + ".max").as<int>() == level.max : !level.max.has_value());
    L.compare("level " + level.id + ": bounds",
              L.at(base)["max"] ? std::vector<std::string>{base + ".min", base + ".max"}
                                : std::vector<std::string>{base + ".min"},
              level.id, [&] { return bounds; });
    L.number("level " + level.id + ": count", base + ".count", level.count);
    L.number("level " + level.id + ": percent", base + ".percent", level.percent);
  }

  // ---------------------------------------------------------------- periods (Tabell 2.1-2.2)
  L.number("establishment_periods.n", "establishment_periods.n", r.establishment.n);
  {
    const char* names[] = {"Tabell 2.1 Perioden 2015-2021", "Tabell 2.1 Perioden 2000-2014",
                           "Tabell 2.1 Før år 2000", "Tabell 2.1 Over lenger tid (uspesifisert)"};
    for (int i = 0; i < 4; ++i) {
      const std::string base = "establishment_periods.periods[" + std::to_string(i) + "]";
      if (i == 0) {
        L.number(std::string(names[i]) + ": count", base + ".count", r.periods[i].count);
        L.number(std::string(names[i]) + ": percent", base + ".percent", r.periods[i].percent);
      } else {
        L.compare(names[i], {base + ".count", base + ".percent"},
                  std::to_string(r.periods[i].count) + " " + fmt(r.periods[i].percent, 1),
                  [] { return false; });
      }
    }
  }
  L.number("establishment_periods.with_specific_year",
           "establishment_periods.with_specific_year.value", r.establishment.with_year);
  L.number("Tabell 2.2 new arrangements", "establishment_periods.new_arrangements_listed.value",
           static_cast<double>(r.new_arrangements.size()));
  L.number("establishment_periods.share_after_2015_percent",
           "establishment_periods.share_after_2015_percent.value", r.periods[0].percent);

  // ---------------------------------------------------------------- cross-county (kap. 2.5)
  L.number("cross_county.total", "cross_county.total", r.cross_county.total);
  L.approximate("cross_county.share: en tredjedel", L.text("cross_county.share"), 100.0 / 3.0,
                r.cross_county.percent, 100.0 / 12.0);
  {
    const auto* vt = group(r, "Vestfold og Telemark");
    const auto* innlandet = group(r, "Innlandet");
    const auto* akershus = group(r, "Akershus");
    const auto* other = group(r, "", true);
    ASSERT_TRUE(vt && innlandet && akershus && other);
    L.number("cross_county: mot Vestfold og Telemark", "cross_county.groups[0].count", vt->count);
    L.number("cross_county: mot Innlandet", "cross_county.groups[1].count", innlandet->count);
    L.number("cross_county: mot Asker, Bærum og Akershus", "cross_county.groups[2].count",
             akershus->count);
    L.number("cross_county: andre/flere fylker", "cross_county.groups[3].count", other->count);
    // Details in the prose of kap. 2.5 (Tabell 2.4's colours and "herav 3 mot Vestland").
    auto combo = [&](std::vector<std::string> names) {
      for (const auto& c : vt->former_counties) {
        if (c.names == names) return c.count;
      }
      return 0;
    };
    // "10 mot Telemark (Kongsbergregionen), 6 mot Vestfold, 2 mot både Vestfold og Telemark"
    const std::string detail = L.text("cross_county.groups[0].detail");
    auto stated = [](const std::string& text, const std::string& pattern) {
      std::smatch m;
      return std::regex_search(text, m, std::regex(pattern)) ? std::stoi(m[1]) : -1;
    };
    const int telemark = combo({"Telemark"});
    const int vestfold = combo({"Vestfold"});
    const int both = combo({"Telemark", "Vestfold"});
    L.compare("cross_county: Vestfold og Telemark by former county", {"cross_county.groups[0]"},
              std::to_string(telemark) + " Telemark, " + std::to_string(vestfold) + " Vestfold, " +
                  std::to_string(both) + " both",
              [&] {
                return telemark == stated(detail, R"(([0-9]+) mot Telemark)") &&
                       vestfold == stated(detail, R"(([0-9]+) mot Vestfold,)") &&
                       both == stated(detail, R"(([0-9]+) mot både)");
              });
    int vestland = 0;
    for (const auto& a : other->areas) {
      if (a.name == "Vestland") vestland = a.count;
    }
    const std::string detail3 = L.text("cross_county.groups[3].detail");
    L.compare("cross_county: herav mot Vestland", {"cross_county.groups[3].detail"},
              std::to_string(vestland),
              [&] { return vestland == stated(detail3, R"(herav ([0-9]+) mot Vestland)"); });
    L.compare("cross_county: 21 involve Hadeland", {"cross_county.groups[1].detail"}, "-",
              [] { return false; });
  }

  // ---------------------------------------------------------------- tasks (Tabell 3.1)
  L.number("tasks.n_municipalities", "tasks.n_municipalities", r.totals.municipalities_in_scope);
  const auto task_rows = L.at("tasks.rows");
  for (std::size_t i = 0; i < task_rows.size(); ++i) {
    const std::string base = "tasks.rows[" + std::to_string(i) + "]";
    const std::string id = L.text(base + ".task");
    const TaskRow* mine = nullptr;
    for (const auto& t : r.tasks) {
      if (t.id == id) mine = &t;
    }
    ASSERT_NE(mine, nullptr) << id;
    const int count = L.at(base + ".count").as<int>();
    const double percent = L.at(base + ".percent").as<double>();
    L.compare("Tabell 3.1 " + id, {base + ".count", base + ".percent"},
              std::to_string(mine->municipalities) + " " + fmt(mine->percent, 0), [&] {
                return mine->municipalities == count &&
                       locale::round_half_away(mine->percent, 0) == percent;
              });
  }

  // ---------------------------------------------------------------- Tabell 3.2
  L.compare("per_municipality.stated_n", {"per_municipality.stated_n"},
            std::to_string(r.hosts.with_host), [] { return false; });
  const auto host_rows = L.at("per_municipality.rows");
  for (std::size_t i = 0; i < host_rows.size(); ++i) {
    const std::string base = "per_municipality.rows[" + std::to_string(i) + "]";
    const std::string name = L.text(base + ".municipality");
    const MunicipalityRow* mine = find_row(r, name);
    ASSERT_NE(mine, nullptr) << name;
    L.number("Tabell 3.2 " + name + " population", base + ".population",
             static_cast<double>(*mine->population));
    L.number("Tabell 3.2 " + name + " host", base + ".host", mine->hosted);
    L.number("Tabell 3.2 " + name + " assisted", base + ".assisted", mine->assisted);
    L.number("Tabell 3.2 " + name + " total", base + ".total", mine->arrangements);
  }

  // ---------------------------------------------------------------- hosts (kap. 3.2)
  L.number("hosts.arrangements_with_host", "hosts.arrangements_with_host", r.hosts.with_host);
  L.number("hosts.hosts_outside_area", "hosts.hosts_outside_area", r.hosts.outside);
  L.number("hosts.hosts_inside_area", "hosts.hosts_inside_area", r.hosts.inside);
  L.number("hosts.municipalities_with_host_role", "hosts.municipalities_with_host_role",
           r.hosts.municipalities_hosting);
  L.compare("hosts.without_host_role", {"hosts.without_host_role"},
            std::to_string(r.hosts.without_host_role.size()) + " municipalities",
            [] { return false; });
  L.compare("hosts.top8", {"hosts.top8"},
            std::to_string(r.hosts.concentration.municipalities) + " municipalities",
            [] { return false; });
  const auto outside = L.at("hosts.outside_hosts");
  for (std::size_t i = 0; i < outside.size(); ++i) {
    const std::string base = "hosts.outside_hosts[" + std::to_string(i) + "]";
    const std::string name = L.text(base + ".municipality");
    int mine = 0;
    for (const auto& h : r.hosts.outside_hosts) {
      if (h.name == name) mine = h.count;
    }
    L.number("hosts outside the area: " + name, base + ".count", mine);
  }
  L.number("hosts.al_if_hallinghelse_is_one", "hosts.al_if_hallinghelse_is_one.value",
           find_row(r, "Ål")->hosted);

  // ---------------------------------------------------------------- legal forms (kap. 3.3)
  auto form_count = [&](const std::string& id) {
    for (const auto& f : r.legal_forms) {
      if (f.id == id) return f.count;
    }
    return -1;
  };
  auto group_percent = [&](const std::string& id) {
    for (const auto& g : r.legal_form_groups) {
      if (g.id == id) return g.percent;
    }
    return -1.0;
  };
  const double n = r.totals.arrangements;
  L.number("legal_forms.n", "legal_forms.n", n);
  L.number("legal_forms.vertskommune_percent", "legal_forms.vertskommune_percent",
           100.0 * form_count("vertskommune") / n);
  L.number("legal_forms.companies_iks_as_percent", "legal_forms.companies_iks_as_percent",
           group_percent("companies"));
  L.number("legal_forms.styre27_count", "legal_forms.styre27_count", form_count("styre27"));
  L.number("legal_forms.ipr_and_oppgavefellesskap_count",
           "legal_forms.ipr_and_oppgavefellesskap_count",
           form_count("ipr") + form_count("oppgavefellesskap"));
  L.number("legal_forms.stiftelser_count", "legal_forms.stiftelser_count", form_count("stiftelse"));
  L.number("legal_forms.pbl_9_2_count", "legal_forms.pbl_9_2_count", form_count("pbl_9_2"));
  L.approximate("legal_forms.avtale_share", L.text("legal_forms.avtale_share"), 100.0 / 3.0,
                group_percent("agreement"), 5);
  L.approximate("legal_forms.kommuneloven_share", L.text("legal_forms.kommuneloven_share"), 52.5,
                group_percent("kommuneloven"), 2.5);
  L.approximate("legal_forms.without_political_bodies_share",
                L.text("legal_forms.without_political_bodies_share"), 200.0 / 3.0, 0, 5);

  // ---------------------------------------------------------------- sectors (kap. 5)
  auto sector = [&](const std::string& id) -> const SectorRow& {
    for (const auto& s : r.sectors) {
      if (s.id == id) return s;
    }
    throw std::runtime_error("no sector " + id);
  };
  const auto sector_rows = L.at("sectors.rows");
  for (std::size_t i = 0; i < sector_rows.size(); ++i) {
    const std::string base = "sectors.rows[" + std::to_string(i) + "]";
    const std::string id = L.text(base + ".sector");
    L.number("sector " + id, base + ".count", sector(id).count);
  }
  // Figur 5.1 in words: "nærmere 40" (35-40), "15 prosent", "12 prosent", "samme nivå (12)".
  L.approximate("sectors: helse + sosial nærmere 40 prosent", "nærmere 40 prosent", 37.5,
                sector("helse").percent + sector("sosial").percent, 2.5);
  L.approximate("sectors: teknisk 15 prosent", "15 prosent", 15, sector("teknisk").percent, 0.5);
  L.approximate("sectors: landbruk_natur 12 prosent", "12 prosent", 12,
                sector("landbruk_natur").percent, 0.5);
  L.approximate("sectors: administrasjon samme nivå (12 prosent)", "samme nivå (12 prosent)",
                sector("landbruk_natur").percent, sector("administrasjon").percent, 1.0);
  for (std::size_t i = 0; i < L.at("sectors.shares_text").size(); ++i) {
    L.use("sectors.shares_text[" + std::to_string(i) + "]");
  }

  // ---------------------------------------------------------------- service structure (3.4)
  const auto services = L.at("service_structure.rows");
  for (std::size_t i = 0; i < services.size(); ++i) {
    const std::string base = "service_structure.rows[" + std::to_string(i) + "]";
    const std::string task = L.text(base + ".task");
    const ServiceRow* mine = nullptr;
    for (const auto& s : r.service_structure) {
      if (s.task == task) mine = &s;
    }
    ASSERT_NE(mine, nullptr) << task;
    const std::string computed = std::to_string(mine->services) + " " +
                                 std::to_string(mine->municipal) + " " +
                                 std::to_string(mine->intermunicipal);
    const auto row = L.at(base);
    if (row["municipal"]) {
      const int total = row["total"].as<int>();
      const int municipal = row["municipal"].as<int>();
      const int inter = row["intermunicipal"].as<int>();
      L.compare("service structure: " + task,
                {base + ".total", base + ".municipal", base + ".intermunicipal"}, computed, [&] {
                  return mine->services == total && mine->municipal == municipal &&
                         mine->intermunicipal == inter;
                });
    } else {
      // NAV: "16 NAV-kontor, hvorav 9 uten og 5 med interkommunalt samarbeid".
      const std::string text = L.text(base + ".municipal_text");
      L.compare("service structure: nav parts", {base + ".municipal_text"},
                std::to_string(mine->municipal) + " uten, " + std::to_string(mine->intermunicipal) +
                    " med",
                [&] {
                  return text.rfind(std::to_string(mine->municipal) + " uten og " +
                                        std::to_string(mine->intermunicipal) + " med",
                                    0) == 0;
                });
      L.number("service structure: nav", base + ".total", mine->services);
    }
  }

  // ---------------------------------------------------------------- man-years (Tabell 2.3)
  const FteRegion* hallingdal = nullptr;
  for (const auto& f : r.fte.regions) {
    if (f.region == "hallingdal") hallingdal = &f;
  }
  ASSERT_NE(hallingdal, nullptr);
  L.number("hallingdal_fte.core_services_fte", "hallingdal_fte.core_services_fte", hallingdal->fte);
  L.number("hallingdal_fte.core_services_share_percent",
           "hallingdal_fte.core_services_share_percent", hallingdal->share_percent.value_or(0));
  L.number("hallingdal_fte.companies_fte", "hallingdal_fte.companies_fte", 0);
  L.number("hallingdal_fte.companies_share_percent", "hallingdal_fte.companies_share_percent", 0);
  L.number("hallingdal_fte.total_share_percent", "hallingdal_fte.total_share_percent",
           hallingdal->share_percent.value_or(0));

  // ---------------------------------------------------------------- survey (kap. 6.1)
  L.number("survey.answers", "survey.answers", 0);
  L.number("survey.individual", "survey.individual", 0);
  ASSERT_FALSE(content_->surveys.empty());
  const auto& survey = content_->surveys.front();
  L.compare("survey.sent", {"survey.sent"}, survey.sent ? to_string(*survey.sent) : "-",
            [&] { return survey.sent && to_string(*survey.sent) == L.text("survey.sent"); });
  L.compare(
      "survey.deadline", {"survey.deadline"}, survey.deadline ? to_string(*survey.deadline) : "-",
      [&] { return survey.deadline && to_string(*survey.deadline) == L.text("survey.deadline"); });

  // ---------------------------------------------------------------- the verdict
  int exact = 0, approximate = 0, differ = 0, notes_mismatches = 0, missing = 0, unexplained = 0;
  std::ostringstream failures, explained;
  std::map<std::string, std::vector<std::string>> by_reason;  // not in the data
  for (const auto& row : L.rows()) {
    const std::string values = "published " + row.published + ", computed " + row.computed;
    switch (row.kind) {
      case Kind::exact:
        ++exact;
        break;
      case Kind::approximate:
        ++approximate;
        break;
      case Kind::differs:
        ++differ;
        if (differs().at(row.name).rfind("NOTES 1:", 0) == 0 ||
            differs().at(row.name).rfind("NOTES 2:", 0) == 0 ||
            differs().at(row.name).rfind("NOTES 3:", 0) == 0 || row.name == "cross_county.total") {
          ++notes_mismatches;
        }
        explained << "  " << row.name << ": " << values << "\n      " << differs().at(row.name)
                  << "\n";
        break;
      case Kind::not_in_data:
        ++missing;
        by_reason[not_in_data().at(row.name)].push_back(row.name + " (" + values + ")");
        break;
      case Kind::unexplained:
        ++unexplained;
        failures << "  UNEXPLAINED: " << row.name << ": " << values << "\n";
        break;
      case Kind::stale:
        ++unexplained;
        failures << "  LISTED AS DIFFERING BUT REPRODUCED: " << row.name << ": " << values << "\n";
        break;
    }
  }
  std::cout << "differ, explained:\n" << explained.str() << "not in the data:\n";
  for (const auto& [reason, names] : by_reason) {
    std::cout << "  " << reason << ":\n";
    for (const auto& name : names) std::cout << "      " << name << "\n";
  }
  std::cout << failures.str();
  std::cout << "published numbers: " << exact << " reproduced exactly, " << approximate
            << " within the precision of the prose, " << differ << " differ (explained; "
            << notes_mismatches << " of them the mismatches NOTES.md lists), " << missing
            << " not in the data (explained), " << unexplained << " unexplained\n";

  EXPECT_EQ(unexplained, 0);
  // The lists hold no entry that no check uses.
  for (const auto& [name, reason] : differs()) EXPECT_TRUE(L.names().count(name)) << name;
  for (const auto& [name, reason] : not_in_data()) EXPECT_TRUE(L.names().count(name)) << name;
  // Every number in published.yaml is checked.
  EXPECT_EQ(L.unused_numbers(), std::vector<std::string>{});
}

// The arrangements of Tabell 2.4-2.7 (their `sources`) fall in the matching group.
TEST_F(Published, CrossCountyGroupsMatchTheTables) {
  const Results& r = *results_;
  const std::map<std::string, std::string> table_group{{"Tabell 2.4", "Vestfold og Telemark"},
                                                       {"Tabell 2.5", "Innlandet"},
                                                       {"Tabell 2.6", "Akershus"},
                                                       {"Tabell 2.7", ""}};
  std::map<std::string, std::string> group_of;
  for (const auto& g : r.cross_county.by_county) {
    for (auto a : g.arrangements) group_of[r.arrangements[a].id] = g.other ? "" : g.county;
  }
  int rows = 0;
  std::set<std::string> listed;
  for (const auto& a : content_->arrangements) {
    for (const auto& source : a.sources) {
      const auto it = table_group.find(source);
      if (it == table_group.end()) continue;
      ++rows;
      listed.insert(a.id);
      ASSERT_TRUE(group_of.count(a.id)) << a.name << " (" << source << ") is not crossing";
      EXPECT_EQ(group_of[a.id], it->second) << a.name << " (" << source << ")";
    }
  }
  EXPECT_EQ(rows, 72);
  // The three the tables miss (NOTES 4), and nothing else.
  std::set<std::string> extra;
  for (const auto& [id, g] : group_of) {
    if (!listed.count(id)) extra.insert(arrangement(r, id)->name);
  }
  EXPECT_EQ(extra, (std::set<std::string>{"Hadeland og Ringerike avfallsselskap AS (HRA)",
                                          "Ringerike og Hadeland skadefellingslag",
                                          "Voksenopplæring Bærum"}));
}

// Tabell 3.3's sum row as printed: 381,8 / 359,0 / 94,0.
TEST_F(Published, DatasetSumRow) {
  const Results& r = *results_;
  const DatasetResult* d = nullptr;
  for (const auto& x : r.datasets) {
    if (x.id == "barnevern-dimensjonering") d = &x;
  }
  ASSERT_NE(d, nullptr);
  ASSERT_TRUE(d->total.has_value());
  EXPECT_EQ(locale::format_number(std::get<double>((*d->total)[2]), 1), "381,8");
  EXPECT_EQ(locale::format_number(std::get<double>((*d->total)[3]), 1), "359,0");
  EXPECT_EQ(locale::format_number(std::get<double>((*d->total)[4]), 1), "94,0");
  // Rows as printed: Drammen 94,3; Tinn 80,0.
  EXPECT_EQ(locale::format_number(std::get<double>(d->rows.front()[4]), 1), "94,3");
  EXPECT_EQ(locale::format_number(std::get<double>(d->rows.back()[4]), 1), "80,0");
}

}  // namespace
}  // namespace samrapport::analysis
