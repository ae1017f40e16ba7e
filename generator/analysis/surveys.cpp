#include "analysis/surveys.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "locale/norwegian.hpp"

namespace samrapport::analysis {

using json = nlohmann::ordered_json;
using content::Answer;
using content::Content;
using content::MunicipalityIdx;
using content::Question;
using content::QuestionKind;
using content::RegionIdx;
using content::Response;
using content::Survey;

std::string_view to_string(SurveySizeClass c) {
  switch (c) {
    case SurveySizeClass::large:
      return "large";
    case SurveySizeClass::medium:
      return "medium";
    case SurveySizeClass::small:
      return "small";
  }
  return "small";
}

SurveySizeClass survey_size_class(std::int64_t population, const SurveySizeBounds& bounds) {
  if (population > bounds.large_above) return SurveySizeClass::large;
  if (population >= bounds.small_below) return SurveySizeClass::medium;
  return SurveySizeClass::small;
}

namespace {

constexpr SurveySizeClass kSizeClasses[] = {SurveySizeClass::large, SurveySizeClass::medium,
                                            SurveySizeClass::small};

/// The smallest and largest population of a size class (null: unbounded).
json size_class_min(SurveySizeClass c, const SurveySizeBounds& b) {
  switch (c) {
    case SurveySizeClass::large:
      return b.large_above + 1;
    case SurveySizeClass::medium:
      return b.small_below;
    case SurveySizeClass::small:
      return nullptr;
  }
  return nullptr;
}

json size_class_max(SurveySizeClass c, const SurveySizeBounds& b) {
  switch (c) {
    case SurveySizeClass::large:
      return nullptr;
    case SurveySizeClass::medium:
      return b.large_above;
    case SurveySizeClass::small:
      return b.small_below - 1;
  }
  return nullptr;
}

/// part / whole * 100, or null when whole is 0.
json percent(double part, double whole) {
  if (whole <= 0) return nullptr;
  return part / whole * 100.0;
}

json mean_or_null(double sum, double n) {
  if (n <= 0) return nullptr;
  return sum / n;
}

json optional_date(const std::optional<content::Date>& d) {
  if (!d) return nullptr;
  return content::to_string(*d);
}

json optional_string(const std::optional<std::string>& s) {
  if (!s) return nullptr;
  return *s;
}

/// An empty object with room for `members` members. ordered_json keeps an object's members
/// in a std::vector of pair<const string, json>, which copies (not moves) its elements when
/// it grows; without room, adding a member deep-copies the members already there.
json object_with_room(std::size_t members) {
  json o = json::object();
  o.get_ref<json::object_t&>().reserve(members);
  return o;
}

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; });
}

/// An answer that says nothing: no text (or only whitespace), no theme, no choice, no value.
bool is_empty(const Answer& a) {
  return (!a.text || blank(*a.text)) && a.themes.empty() && !a.choice && a.choices.empty() &&
         !a.value;
}

/// The 0-based option index of a Likert value (1-based), or nullopt when it is not a whole
/// number within the options (validation reports those).
std::optional<std::size_t> likert_index(const Question& q, double value) {
  if (!std::isfinite(value) || value != std::floor(value)) return std::nullopt;
  if (value < 1 || value > static_cast<double>(q.options.size())) return std::nullopt;
  return static_cast<std::size_t>(value) - 1;
}

/// What a set of answers to one question adds up to.
struct Tally {
  std::size_t n = 0;                 // answers
  std::vector<std::size_t> options;  // per option: answers choosing it
  std::vector<std::size_t> themes;   // per theme: answers coded with it
  std::size_t coded = 0;             // answers with at least one theme
  std::size_t valued = 0;            // answers with a usable value
  double sum = 0;                    // of the usable values
  std::optional<double> min, max;
};

Tally tally(const Question& q, const std::vector<const Answer*>& answers) {
  Tally t;
  t.n = answers.size();
  t.options.assign(q.options.size(), 0);
  t.themes.assign(q.themes.size(), 0);
  for (const Answer* a : answers) {
    bool coded = false;
    for (std::size_t th = 0; th < q.themes.size(); ++th) {
      if (std::find(a->themes.begin(), a->themes.end(), th) != a->themes.end()) {
        ++t.themes[th];
        coded = true;
      }
    }
    if (coded) ++t.coded;
    std::optional<double> value;
    switch (q.kind) {
      case QuestionKind::text:
        break;
      case QuestionKind::single:
        if (a->choice && *a->choice < t.options.size()) ++t.options[*a->choice];
        break;
      case QuestionKind::multi:
        for (std::size_t o = 0; o < t.options.size(); ++o) {
          if (std::find(a->choices.begin(), a->choices.end(), o) != a->choices.end()) {
            ++t.options[o];
          }
        }
        break;
      case QuestionKind::likert:
        if (a->value) {
          if (auto li = likert_index(q, *a->value)) {
            ++t.options[*li];
            value = *a->value;
          }
        }
        break;
      case QuestionKind::number:
        if (a->value && std::isfinite(*a->value)) value = *a->value;
        break;
    }
    if (value) {
      ++t.valued;
      t.sum += *value;
      t.min = t.min ? std::min(*t.min, *value) : *value;
      t.max = t.max ? std::max(*t.max, *value) : *value;
    }
  }
  return t;
}

json optional_number(const std::optional<double>& v) {
  if (!v) return nullptr;
  return *v;
}

/// Everything about one survey that the per-question analysis needs.
class SurveyAnalysis {
 public:
  SurveyAnalysis(const Content& c, const Survey& s, const SurveySizeBounds& bounds)
      : c_(c), s_(s), bounds_(bounds) {
    const std::size_t n = c.municipalities.size();
    in_population_.assign(n, false);
    if (s.population.empty()) {
      for (MunicipalityIdx m = 0; m < n; ++m) {
        if (c.municipalities[m].in_scope) population_.push_back(m);
      }
    } else {
      for (MunicipalityIdx m : s.population) {
        if (m < n && !in_population_[m]) population_.push_back(m);
        if (m < n) in_population_[m] = true;
      }
    }
    for (MunicipalityIdx m : population_) in_population_[m] = true;
    sort_region_order(population_);

    // Responses in region order: by the first region (in region order) among the
    // municipalities they cover and their own `region`; responses with no region last;
    // file order within each group.
    std::vector<std::size_t> rank(s.responses.size());
    for (std::size_t i = 0; i < s.responses.size(); ++i) {
      response_order_.push_back(i);
      rank[i] = primary_region_rank(s.responses[i]);
    }
    std::stable_sort(response_order_.begin(), response_order_.end(),
                     [&](std::size_t a, std::size_t b) { return rank[a] < rank[b]; });

    // Coverage of each population municipality, from all entries (summaries included).
    covered_.assign(n, false);
    covered_individually_.assign(n, false);
    covered_jointly_.assign(n, false);
    for (const Response& r : s.responses) {
      for (MunicipalityIdx m : r.covers) {
        if (m >= n) continue;
        covered_[m] = true;
        (r.joint ? covered_jointly_ : covered_individually_)[m] = true;
      }
    }
    region_groups_ = make_region_groups();
    size_class_groups_ = make_size_class_groups();
  }

  json build() const;

 private:
  std::size_t region_rank(MunicipalityIdx m) const {
    const auto& r = c_.municipalities[m].region;
    return r ? *r : c_.regions.size();
  }

  std::size_t primary_region_rank(const Response& r) const {
    std::size_t best = r.region ? *r.region : c_.regions.size();
    for (MunicipalityIdx m : r.covers) {
      if (m < c_.municipalities.size()) best = std::min(best, region_rank(m));
    }
    return best;
  }

  /// Region order: regions in file order, municipalities in file order within a region;
  /// municipalities without a region last, by Norwegian collation of their names.
  void sort_region_order(std::vector<MunicipalityIdx>& ms) const {
    std::stable_sort(ms.begin(), ms.end(), [&](MunicipalityIdx a, MunicipalityIdx b) {
      const std::size_t ra = region_rank(a);
      const std::size_t rb = region_rank(b);
      if (ra != rb) return ra < rb;
      if (ra == c_.regions.size()) {
        const int cmp = locale::collate(c_.municipalities[a].name, c_.municipalities[b].name);
        if (cmp != 0) return cmp < 0;
      }
      return a < b;
    });
  }

  /// The first region (in region order) among the municipalities a response covers.
  std::optional<RegionIdx> primary_region(const Response& r) const {
    const std::vector<RegionIdx> regs = regions_of(r);
    if (regs.empty()) return std::nullopt;
    return regs.front();
  }

  /// The regions of the municipalities a response covers, and its own `region`, in
  /// region order.
  std::vector<RegionIdx> regions_of(const Response& r) const {
    std::vector<RegionIdx> out;
    if (r.region && *r.region < c_.regions.size()) out.push_back(*r.region);
    for (MunicipalityIdx m : r.covers) {
      if (m >= c_.municipalities.size()) continue;
      const auto& reg = c_.municipalities[m].region;
      if (reg && std::find(out.begin(), out.end(), *reg) == out.end()) out.push_back(*reg);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  json names(const std::vector<MunicipalityIdx>& ms) const {
    json out = json::array();
    for (MunicipalityIdx m : ms) out.push_back(c_.municipalities[m].name);
    return out;
  }

  json region_id(std::optional<RegionIdx> r) const {
    if (!r) return nullptr;
    return c_.regions[*r].id;
  }
  json region_name(std::optional<RegionIdx> r) const {
    if (!r) return nullptr;
    return c_.regions[*r].name;
  }

  /// Population municipalities matching `pred`, in region order.
  template <class Pred>
  std::vector<MunicipalityIdx> population_where(Pred pred) const {
    std::vector<MunicipalityIdx> out;
    for (MunicipalityIdx m : population_) {
      if (pred(m)) out.push_back(m);
    }
    return out;
  }

  json population_json() const;
  void add_coverage(const std::vector<MunicipalityIdx>& group, json& e) const;
  json respondent_json(std::size_t response_index) const;
  json respondents_json() const;
  json question_json(std::size_t qi) const;
  void add_answer(const Question& q, const Answer& a, json& e) const;
  void add_themes(const Question& q, const Tally& by_resp, const Tally& by_muni, json& e) const;

  /// The groups (by region, then by size class) that breakdowns are computed for.
  struct Group {
    json id;
    json name;  // region name; null for size classes and the group without a region
    std::vector<MunicipalityIdx> members;  // population municipalities, region order
    SurveySizeClass size_class = SurveySizeClass::small;
    bool is_size_class = false;
  };
  std::vector<Group> make_region_groups() const;
  std::vector<Group> make_size_class_groups() const;
  const std::vector<Group>& region_groups() const { return region_groups_; }
  const std::vector<Group>& size_class_groups() const { return size_class_groups_; }

  /// For each population municipality, the answer to question qi that speaks for it:
  /// from a non-summary response when one covering it answered, else from a summary.
  std::vector<const Answer*> municipality_answers(std::size_t qi) const;

  json question_breakdown(const Question& q, const std::vector<const Answer*>& by_muni,
                          const Group& g) const;

  const Content& c_;
  const Survey& s_;
  SurveySizeBounds bounds_;
  std::vector<MunicipalityIdx> population_;  // region order
  std::vector<bool> in_population_;          // by municipality index
  std::vector<std::size_t> response_order_;  // indexes into s_.responses, region order
  std::vector<bool> covered_;
  std::vector<bool> covered_individually_;
  std::vector<bool> covered_jointly_;
  std::vector<Group> region_groups_;  // computed once: every question breaks down by them
  std::vector<Group> size_class_groups_;
};

json SurveyAnalysis::population_json() const {
  json out = json::array();
  for (MunicipalityIdx m : population_) {
    const content::Municipality& mu = c_.municipalities[m];
    json e = object_with_room(32);
    e["id"] = mu.id;
    e["name"] = mu.name;
    e["region"] = region_id(mu.region);
    e["region_name"] = region_name(mu.region);
    e["population"] = mu.population ? json(*mu.population) : json(nullptr);
    e["size_class"] = mu.population
                          ? json(std::string(to_string(survey_size_class(*mu.population, bounds_))))
                          : json(nullptr);
    e["covered"] = static_cast<bool>(covered_[m]);
    out.push_back(std::move(e));
  }
  return out;
}

/// Coverage counts of a group of population municipalities (the whole population, a
/// region, a size class).
void SurveyAnalysis::add_coverage(const std::vector<MunicipalityIdx>& group, json& e) const {
  std::vector<MunicipalityIdx> covered, not_covered, individually, jointly;
  for (MunicipalityIdx m : group) {
    if (covered_[m]) {
      covered.push_back(m);
      if (covered_individually_[m]) {
        individually.push_back(m);
      } else {
        jointly.push_back(m);
      }
    } else {
      not_covered.push_back(m);
    }
  }
  e["population"] = group.size();
  e["covered"] = covered.size();
  e["percent"] = percent(static_cast<double>(covered.size()), static_cast<double>(group.size()));
  e["individual"] = individually.size();
  e["joint"] = jointly.size();
  e["not_covered"] = not_covered.size();
  e["covered_names"] = names(covered);
  e["not_covered_names"] = names(not_covered);
  e["individual_names"] = names(individually);
  e["joint_names"] = names(jointly);
}

json SurveyAnalysis::respondent_json(std::size_t ri) const {
  const Response& r = s_.responses[ri];
  const std::vector<RegionIdx> regs = regions_of(r);
  json e = object_with_room(32);
  e["index"] = ri;
  e["respondent"] = r.respondent;
  e["role"] = optional_string(r.role);
  e["covers"] = names(r.covers);
  e["joint"] = r.joint;
  e["summary"] = r.summary;
  const std::optional<RegionIdx> primary = primary_region(r);
  e["region"] = region_id(primary);
  e["region_name"] = region_name(primary);
  json reg_ids = json::array();
  for (RegionIdx x : regs) reg_ids.push_back(c_.regions[x].id);
  e["regions"] = std::move(reg_ids);
  return e;
}

json SurveyAnalysis::respondents_json() const {
  json out = json::array();
  for (std::size_t ri : response_order_) {
    json e = respondent_json(ri);
    json answered = json::array();
    for (const auto& [qi, a] : s_.responses[ri].answers) {
      if (qi < s_.questions.size() && !is_empty(a)) answered.push_back(s_.questions[qi].id);
    }
    e["answered"] = std::move(answered);
    out.push_back(std::move(e));
  }
  return out;
}

/// Adds the fields of answer `a` to `e`.
void SurveyAnalysis::add_answer(const Question& q, const Answer& a, json& e) const {
  e["text"] = a.text ? json(*a.text) : json(nullptr);
  json themes = json::array();
  for (std::size_t t : a.themes) {
    if (t >= q.themes.size()) continue;
    themes.push_back(json{{"id", q.themes[t].id}, {"label", q.themes[t].label}});
  }
  e["themes"] = std::move(themes);
  e["choice"] =
      (a.choice && *a.choice < q.options.size()) ? json(q.options[*a.choice]) : json(nullptr);
  json choices = json::array();
  for (std::size_t o : a.choices) {
    if (o < q.options.size()) choices.push_back(q.options[o]);
  }
  e["choices"] = std::move(choices);
  e["value"] = a.value ? json(*a.value) : json(nullptr);
  json value_label = nullptr;
  if (q.kind == QuestionKind::likert && a.value) {
    if (auto li = likert_index(q, *a.value)) value_label = q.options[*li];
  }
  e["value_label"] = std::move(value_label);
}

std::vector<SurveyAnalysis::Group> SurveyAnalysis::make_region_groups() const {
  // population_ is in region order (no region last): one group per run of a region.
  std::vector<Group> out;
  std::optional<RegionIdx> current;
  for (MunicipalityIdx m : population_) {
    const std::optional<RegionIdx>& r = c_.municipalities[m].region;
    if (out.empty() || r != current) {
      Group g;
      g.id = r ? json(c_.regions[*r].id) : json(nullptr);
      g.name = r ? json(c_.regions[*r].name) : json(nullptr);
      out.push_back(std::move(g));
      current = r;
    }
    out.back().members.push_back(m);
  }
  return out;
}

std::vector<SurveyAnalysis::Group> SurveyAnalysis::make_size_class_groups() const {
  std::vector<Group> out;
  for (SurveySizeClass sc : kSizeClasses) {
    Group g;
    g.id = std::string(to_string(sc));
    g.name = nullptr;
    g.size_class = sc;
    g.is_size_class = true;
    g.members = population_where([&](MunicipalityIdx m) {
      const auto& p = c_.municipalities[m].population;
      return p && survey_size_class(*p, bounds_) == sc;
    });
    out.push_back(std::move(g));
  }
  Group unknown;
  unknown.id = nullptr;
  unknown.name = nullptr;
  unknown.is_size_class = true;
  unknown.members = population_where(
      [&](MunicipalityIdx m) { return !c_.municipalities[m].population.has_value(); });
  if (!unknown.members.empty()) out.push_back(std::move(unknown));
  return out;
}

std::vector<const Answer*> SurveyAnalysis::municipality_answers(std::size_t qi) const {
  std::vector<const Answer*> out(c_.municipalities.size(), nullptr);
  std::vector<bool> from_summary(c_.municipalities.size(), false);
  for (const Response& r : s_.responses) {
    const Answer* a = nullptr;
    for (const auto& [q, ans] : r.answers) {
      if (q == qi && !is_empty(ans)) {
        a = &ans;
        break;
      }
    }
    if (!a) continue;
    for (MunicipalityIdx m : r.covers) {
      if (m >= out.size() || !in_population_[m]) continue;
      if (out[m] == nullptr || (from_summary[m] && !r.summary)) {
        out[m] = a;
        from_summary[m] = r.summary;
      }
    }
  }
  return out;
}

/// The kind-specific counts of a municipality breakdown group, added to `e`.
void add_group_counts(const Question& q, const Tally& t, json& e) {
  const double n = static_cast<double>(t.n);
  switch (q.kind) {
    case QuestionKind::text: {
      json themes = json::array();
      for (std::size_t th = 0; th < q.themes.size(); ++th) {
        themes.push_back(json{{"id", q.themes[th].id},
                              {"count", t.themes[th]},
                              {"percent", percent(static_cast<double>(t.themes[th]), n)}});
      }
      e["themes"] = std::move(themes);
      break;
    }
    case QuestionKind::single:
    case QuestionKind::multi:
    case QuestionKind::likert: {
      json options = json::array();
      for (std::size_t o = 0; o < q.options.size(); ++o) {
        options.push_back(json{{"index", o + 1},
                               {"label", q.options[o]},
                               {"count", t.options[o]},
                               {"percent", percent(static_cast<double>(t.options[o]), n)}});
      }
      e["options"] = std::move(options);
      if (q.kind == QuestionKind::likert) {
        e["n"] = t.valued;
        e["mean"] = mean_or_null(t.sum, static_cast<double>(t.valued));
      }
      break;
    }
    case QuestionKind::number:
      e["n"] = t.valued;
      e["mean"] = mean_or_null(t.sum, static_cast<double>(t.valued));
      e["min"] = optional_number(t.min);
      e["max"] = optional_number(t.max);
      break;
  }
}

/// Counts of one question over a group of municipalities: each municipality counts once,
/// with the answer that speaks for it (see municipality_answers).
json SurveyAnalysis::question_breakdown(const Question& q,
                                        const std::vector<const Answer*>& by_muni,
                                        const Group& g) const {
  json e = object_with_room(32);
  e["id"] = g.id;
  if (!g.is_size_class) {
    e["name"] = g.name;
  } else {
    e["min_population"] = g.id.is_null() ? json(nullptr) : size_class_min(g.size_class, bounds_);
    e["max_population"] = g.id.is_null() ? json(nullptr) : size_class_max(g.size_class, bounds_);
  }
  std::vector<const Answer*> answers;
  for (MunicipalityIdx m : g.members) {
    if (by_muni[m]) answers.push_back(by_muni[m]);
  }
  e["municipalities"] = g.members.size();
  e["answered"] = answers.size();
  e["percent_answered"] =
      percent(static_cast<double>(answers.size()), static_cast<double>(g.members.size()));
  add_group_counts(q, tally(q, answers), e);
  return e;
}

/// Theme counts by responses (`by_resp`) and by municipalities (`by_muni`), in definition
/// order, and the same ranked.
void SurveyAnalysis::add_themes(const Question& q, const Tally& by_resp, const Tally& by_muni,
                                json& e) const {
  json themes = json::array();
  for (std::size_t t = 0; t < q.themes.size(); ++t) {
    themes.push_back(json{{"id", q.themes[t].id},
                          {"label", q.themes[t].label},
                          {"rank", 0},
                          {"responses", by_resp.themes[t]},
                          {"percent_responses", percent(static_cast<double>(by_resp.themes[t]),
                                                        static_cast<double>(by_resp.n))},
                          {"municipalities", by_muni.themes[t]},
                          {"percent_municipalities", percent(static_cast<double>(by_muni.themes[t]),
                                                             static_cast<double>(by_muni.n))}});
  }
  // Ranked: most responses first, then most municipalities, then definition order;
  // competition ranking ("1, 2, 2, 4"): equal counts share a rank.
  const auto key = [&](std::size_t t) { return std::pair(by_resp.themes[t], by_muni.themes[t]); };
  std::vector<std::size_t> order(q.themes.size());
  for (std::size_t t = 0; t < order.size(); ++t) order[t] = t;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return key(a) > key(b); });
  json ranked = json::array();
  std::size_t rank = 0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (i == 0 || key(order[i]) != key(order[i - 1])) rank = i + 1;
    themes[order[i]]["rank"] = rank;
    ranked.push_back(themes[order[i]]);
  }
  e["coded"] = by_resp.coded;
  e["uncoded"] = by_resp.n - by_resp.coded;
  e["themes"] = std::move(themes);
  e["themes_ranked"] = std::move(ranked);
}

json SurveyAnalysis::question_json(std::size_t qi) const {
  const Question& q = s_.questions[qi];
  json e = object_with_room(32);
  e["id"] = q.id;
  e["number"] = qi + 1;
  e["text"] = q.text;
  e["kind"] = std::string(content::to_string(q.kind));
  e["options"] = q.options;
  json theme_defs = json::array();
  for (const content::Theme& t : q.themes) {
    theme_defs.push_back(json{{"id", t.id}, {"label", t.label}});
  }
  e["theme_definitions"] = std::move(theme_defs);

  // The listed answers (non-empty, in region order) and the counted ones (not summaries).
  std::vector<std::pair<std::size_t, const Answer*>> listed;  // (response index, answer)
  std::vector<const Answer*> counted;
  std::size_t empty = 0;
  for (std::size_t ri : response_order_) {
    const Response& r = s_.responses[ri];
    for (const auto& [q_index, a] : r.answers) {
      if (q_index != qi) continue;
      if (is_empty(a)) {
        if (!r.summary) ++empty;
        continue;
      }
      listed.emplace_back(ri, &a);
      if (!r.summary) counted.push_back(&a);
    }
  }
  const std::vector<const Answer*> by_muni = municipality_answers(qi);
  std::vector<const Answer*> population_answers;
  for (MunicipalityIdx m : population_) {
    if (by_muni[m]) population_answers.push_back(by_muni[m]);
  }
  const Tally resp = tally(q, counted);
  const Tally muni = tally(q, population_answers);

  e["answered"] = resp.n;
  e["empty"] = empty;
  e["summaries"] = listed.size() - counted.size();
  e["municipalities_answered"] = muni.n;
  e["percent_municipalities_answered"] =
      percent(static_cast<double>(muni.n), static_cast<double>(population_.size()));

  json answers = json::array();
  json by_region = json::array();
  std::optional<std::optional<RegionIdx>> current_group;
  for (const auto& [ri, a] : listed) {
    const Response& r = s_.responses[ri];
    json item = respondent_json(ri);
    add_answer(q, *a, item);
    const std::optional<RegionIdx> primary = primary_region(r);
    if (!current_group || *current_group != primary) {
      current_group = primary;
      by_region.push_back(json{{"id", region_id(primary)},
                               {"name", region_name(primary)},
                               {"count", 0},
                               {"indexes", json::array()}});
    }
    json& group = by_region.back();
    group["count"] = group["count"].get<std::size_t>() + 1;
    group["indexes"].push_back(answers.size());
    answers.push_back(std::move(item));
  }
  e["answers"] = std::move(answers);
  e["answers_by_region"] = std::move(by_region);

  if (!q.themes.empty()) {
    add_themes(q, resp, muni, e);
  } else {
    e["coded"] = 0;
    e["uncoded"] = resp.n;
    e["themes"] = json::array();
    e["themes_ranked"] = json::array();
  }

  // Distributions of choices over responses, with municipality weights beside them.
  if (q.kind == QuestionKind::single || q.kind == QuestionKind::multi ||
      q.kind == QuestionKind::likert) {
    json options = json::array();
    for (std::size_t o = 0; o < q.options.size(); ++o) {
      options.push_back(json{
          {"index", o + 1},
          {"label", q.options[o]},
          {"count", resp.options[o]},
          {"percent", percent(static_cast<double>(resp.options[o]), static_cast<double>(resp.n))},
          {"municipalities", muni.options[o]},
          {"percent_municipalities",
           percent(static_cast<double>(muni.options[o]), static_cast<double>(muni.n))}});
    }
    e["distribution"] = json{{"n", resp.n}, {"options", std::move(options)}};
  } else {
    e["distribution"] = nullptr;
  }

  if (q.kind == QuestionKind::likert) {
    e["likert"] =
        json{{"n", resp.valued},
             {"mean", mean_or_null(resp.sum, static_cast<double>(resp.valued))},
             {"scale", q.options.size()},
             {"municipalities_n", muni.valued},
             {"municipalities_mean", mean_or_null(muni.sum, static_cast<double>(muni.valued))}};
  } else {
    e["likert"] = nullptr;
  }

  if (q.kind == QuestionKind::number) {
    e["number_stats"] =
        json{{"n", resp.valued},
             {"mean", mean_or_null(resp.sum, static_cast<double>(resp.valued))},
             {"min", optional_number(resp.min)},
             {"max", optional_number(resp.max)},
             {"sum", resp.sum},
             {"municipalities_n", muni.valued},
             {"municipalities_mean", mean_or_null(muni.sum, static_cast<double>(muni.valued))},
             {"municipalities_min", optional_number(muni.min)},
             {"municipalities_max", optional_number(muni.max)}};
  } else {
    e["number_stats"] = nullptr;
  }

  // Breakdowns over municipalities, by region and by size class.
  json br = json::array();
  for (const Group& g : region_groups()) br.push_back(question_breakdown(q, by_muni, g));
  json bs = json::array();
  for (const Group& g : size_class_groups()) bs.push_back(question_breakdown(q, by_muni, g));
  e["by_region"] = std::move(br);
  e["by_size_class"] = std::move(bs);
  return e;
}

json SurveyAnalysis::build() const {
  json e = object_with_room(32);
  e["id"] = s_.id;
  e["title"] = s_.title;
  e["file"] = s_.file;
  e["sent"] = optional_date(s_.sent);
  e["deadline"] = optional_date(s_.deadline);
  e["population_explicit"] = !s_.population.empty();
  e["population"] = population_json();

  std::size_t count = 0, individual = 0, joint = 0, summaries = 0, anonymous = 0;
  for (const Response& r : s_.responses) {
    if (r.summary) {
      ++summaries;
      continue;
    }
    ++count;
    (r.joint ? joint : individual) += 1;
    if (r.covers.empty()) ++anonymous;
  }
  e["responses"] = json{{"count", count},
                        {"individual", individual},
                        {"joint", joint},
                        {"anonymous", anonymous},
                        {"summaries", summaries}};

  json rate = object_with_room(16);
  add_coverage(population_, rate);
  e["response_rate"] = std::move(rate);

  std::vector<MunicipalityIdx> outside;
  for (MunicipalityIdx m = 0; m < c_.municipalities.size(); ++m) {
    if (covered_[m] && !in_population_[m]) outside.push_back(m);
  }
  sort_region_order(outside);
  e["covered_outside_population"] = names(outside);

  json br = json::array();
  for (const Group& g : region_groups()) {
    json x = object_with_room(16);
    x["id"] = g.id;
    x["name"] = g.name;
    add_coverage(g.members, x);
    br.push_back(std::move(x));
  }
  e["by_region"] = std::move(br);
  json bs = json::array();
  for (const Group& g : size_class_groups()) {
    json x = object_with_room(16);
    x["id"] = g.id;
    x["min_population"] = g.id.is_null() ? json(nullptr) : size_class_min(g.size_class, bounds_);
    x["max_population"] = g.id.is_null() ? json(nullptr) : size_class_max(g.size_class, bounds_);
    add_coverage(g.members, x);
    bs.push_back(std::move(x));
  }
  e["by_size_class"] = std::move(bs);

  e["respondents"] = respondents_json();
  json questions = json::array();
  for (std::size_t qi = 0; qi < s_.questions.size(); ++qi) questions.push_back(question_json(qi));
  e["questions"] = std::move(questions);
  return e;
}

}  // namespace

nlohmann::ordered_json analyse_survey(const Content& content, const Survey& survey,
                                      const SurveySizeBounds& bounds) {
  return SurveyAnalysis(content, survey, bounds).build();
}

nlohmann::ordered_json analyse_surveys(const Content& content, const SurveySizeBounds& bounds) {
  json out = object_with_room(content.surveys.size());
  for (const Survey& s : content.surveys) out[s.id] = analyse_survey(content, s, bounds);
  return out;
}

}  // namespace samrapport::analysis
