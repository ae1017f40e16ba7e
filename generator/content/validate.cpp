// Rules across fields, items and files, on the content the readers resolved: participant
// counts, hosts, years against each other and the reference date, ownership sums,
// unique ids across files, survey coverage.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "content/readers.hpp"

namespace samrapport::content {

namespace {

std::string number_text(double v) {
  // Shortest form that reads back: 100, 62.5, 33.3333.
  return fmt::format("{:.6g}", v);
}

void check_participants(ReadContext& ctx, const Arrangement& a, const ArrangementSource& src) {
  const int listed = static_cast<int>(a.participants.size());
  // Unresolved references were reported already; count what was written.
  const int written =
      src.participants.is_sequence() ? static_cast<int>(src.participants.size()) : listed;
  if (a.participant_total && *a.participant_total < written) {
    ctx.error(src.participant_total, "'participant_total' " + std::to_string(*a.participant_total) +
                                         " is below the " + std::to_string(written) +
                                         " listed participants");
  }
  // Not checked when the list is missing or not a list: that was reported already.
  if (src.participants.present() && written < 2 &&
      !(a.participant_total && *a.participant_total >= 2)) {
    ctx.error(src.participants,
              "arrangement '" + a.id + "' has " + std::to_string(written) +
                  (written == 1 ? " participant" : " participants") +
                  "; list at least 2, or give 'participant_total' when not all are known");
  }
  if (a.host && !src.participants_unresolved &&
      std::find(a.participants.begin(), a.participants.end(), *a.host) == a.participants.end()) {
    // With participant_total above the listed count, the host may be an unlisted one.
    const bool maybe_unlisted = a.participant_total && *a.participant_total > listed;
    if (!maybe_unlisted) {
      ctx.warning(src.host, "host '" + ctx.content.municipalities[*a.host].name +
                                "' is not among the participants of arrangement '" + a.id + "'");
    }
  }
}

void check_years(ReadContext& ctx, const Arrangement& a, const ArrangementSource& src) {
  const Date& ref = ctx.content.report.reference_date;
  const bool have_ref = ref.year != 0;
  if (a.established && a.established_between) {
    ctx.error(src.established_between,
              "'established' and 'established_between' are both given; use one");
  }
  if (a.established_between && a.established_between->first > a.established_between->second) {
    ctx.error(src.established_between,
              "'established_between' [" + std::to_string(a.established_between->first) + ", " +
                  std::to_string(a.established_between->second) + "]: from is after to");
  }
  if (a.established) {
    if (have_ref && *a.established > ref.year) {
      ctx.warning(src.established, "'established' " + std::to_string(*a.established) +
                                       " is after the reference date " + to_string(ref));
    }
    if (a.ended && *a.established > *a.ended) {
      ctx.error(src.established, "'established' " + std::to_string(*a.established) +
                                     " is after 'ended' " + std::to_string(*a.ended));
    }
  }
  if (a.established_between && !a.established) {
    const int from = a.established_between->first;
    if (have_ref && from > ref.year) {
      ctx.warning(src.established_between, "'established_between' starts in " +
                                               std::to_string(from) +
                                               ", after the reference date " + to_string(ref));
    }
    if (a.ended && from > *a.ended) {
      ctx.error(src.established_between, "'established_between' starts in " + std::to_string(from) +
                                             ", after 'ended' " + std::to_string(*a.ended));
    }
  }
}

/// Man-years of one arrangement: more is a typing error.
constexpr double kMaxFte = 1'000'000;

void check_amounts(ReadContext& ctx, const Arrangement& a, const ArrangementSource& src) {
  if (a.fte && *a.fte < 0) {
    ctx.error(src.fte, "'fte' must not be negative (" + number_text(*a.fte) + ")");
  } else if (a.fte && *a.fte > kMaxFte) {
    ctx.error(src.fte, "'fte' " + number_text(*a.fte) + " is above the maximum 1000000");
  }
  double sum = 0;
  for (std::size_t i = 0; i < a.ownership.size(); ++i) {
    const OwnershipShare& s = a.ownership[i];
    sum += s.percent;
    if (s.percent > 100) {
      ctx.error(src.ownership_values[i], "ownership share " + number_text(s.percent) + " for '" +
                                             s.owner + "' is above 100 percent");
    } else if (s.percent < 0) {
      ctx.error(src.ownership_values[i],
                "ownership share for '" + s.owner + "' must not be negative");
    }
  }
  // Shares are written with decimals; allow for rounding in the last one.
  if (sum > 100.0 + 1e-6) {
    ctx.error(src.ownership, "ownership shares of arrangement '" + a.id + "' add up to " +
                                 number_text(sum) + " percent; at most 100");
  }
}

void check_arrangements(ReadContext& ctx) {
  const auto& list = ctx.content.arrangements;
  std::unordered_map<std::string_view, std::size_t> by_id;
  by_id.reserve(list.size());
  // Same name and same participants among current arrangements: registered twice?
  std::map<std::pair<std::string_view, std::vector<MunicipalityIdx>>, std::size_t> by_name;
  // The same organisation number on two arrangements: one entity registered twice?
  std::unordered_map<std::string_view, std::size_t> by_org_number;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Arrangement& a = list[i];
    const ArrangementSource& src = ctx.arrangement_sources[i];
    if (const auto [it, inserted] = by_id.emplace(a.id, i); !inserted) {
      ctx.error(src.item.find("id"), "duplicate arrangement id '" + a.id + "' (first at " +
                                         ReadContext::where(list[it->second].pos) + ")");
    }
    if (!a.ended) {
      std::vector<MunicipalityIdx> set = a.participants;
      std::sort(set.begin(), set.end());
      if (const auto [it, inserted] = by_name.emplace(std::pair{std::string_view(a.name), set}, i);
          !inserted) {
        ctx.warning(src.item.find("name"),
                    "arrangement '" + a.id + "' has the same name and participants as '" +
                        list[it->second].id + "' (" + ReadContext::where(list[it->second].pos) +
                        "); registered twice?");
      }
    }
    if (a.org_number) {
      if (const auto [it, inserted] = by_org_number.emplace(*a.org_number, i); !inserted) {
        ctx.warning(src.org_number, "organisation number " + *a.org_number +
                                        " is also given for arrangement '" + list[it->second].id +
                                        "' (" + ReadContext::where(list[it->second].pos) + ")");
      }
    }
    check_participants(ctx, a, src);
    check_years(ctx, a, src);
    check_amounts(ctx, a, src);
  }
}

void check_surveys(ReadContext& ctx) {
  const Content& c = ctx.content;
  std::unordered_map<std::string_view, std::size_t> by_id;
  for (std::size_t s = 0; s < c.surveys.size(); ++s) {
    const Survey& survey = c.surveys[s];
    const SurveySource& src = ctx.survey_sources[s];
    if (const auto [it, inserted] = by_id.emplace(survey.id, s); !inserted) {
      ctx.error(src.root.find("id"), "duplicate survey id '" + survey.id + "' (also in " +
                                         c.surveys[it->second].file + ")");
    }
    std::vector<bool> in_population(c.municipalities.size(), survey.population.empty());
    if (survey.population.empty()) {
      for (std::size_t m = 0; m < c.municipalities.size(); ++m) {
        in_population[m] = c.municipalities[m].in_scope;
      }
    } else {
      for (const MunicipalityIdx m : survey.population) in_population[m] = true;
    }
    // A municipality's own answer (joint: false) given twice is an error; an overlap that
    // involves a joint answer is a warning (which answer speaks for it is ambiguous).
    // municipality -> (response, covers item): the first response, the first own one.
    using First = std::pair<std::size_t, yaml::NodeRef>;
    std::unordered_map<MunicipalityIdx, First> first_any;
    std::unordered_map<MunicipalityIdx, First> first_own;
    const auto where = [&](const First& f) {
      return "'" + survey.responses[f.first].respondent + "' (" +
             ReadContext::where(f.second.pos()) + ")";
    };
    for (std::size_t r = 0; r < survey.responses.size(); ++r) {
      const Response& resp = survey.responses[r];
      const ResponseSource& rs = src.responses[r];
      for (std::size_t k = 0; k < resp.covers.size(); ++k) {
        const MunicipalityIdx m = resp.covers[k];
        const std::string& name = c.municipalities[m].name;
        // A misspelt population entry was reported already; its municipality is not
        // reported again as covered outside the population.
        if (!in_population[m] && !src.population_unresolved) {
          ctx.warning(rs.covers[k], "'" + name + "' is covered by a response but is not in the " +
                                        "population of survey '" + survey.id + "'");
        }
        if (resp.summary) continue;
        const First here{r, rs.covers[k]};
        if (!resp.joint) {
          if (const auto [it, inserted] = first_own.emplace(m, here); !inserted) {
            ctx.error(rs.covers[k], "'" + name + "' is covered twice in survey '" + survey.id +
                                        "': also by the response of " + where(it->second) +
                                        "; mark the report's own summary of several answers " +
                                        "with 'summary: true'");
            continue;
          }
        }
        if (const auto [it, inserted] = first_any.emplace(m, here); !inserted) {
          const bool both_own = !resp.joint && !survey.responses[it->second.first].joint;
          if (!both_own) {
            ctx.warning(rs.covers[k], "'" + name + "' is covered by two responses in survey '" +
                                          survey.id + "', this one and " + where(it->second) +
                                          ", at least one of them joint");
          }
        }
      }
    }
  }
}

void check_datasets(ReadContext& ctx) {
  const Content& c = ctx.content;
  std::unordered_map<std::string_view, std::size_t> by_id;
  for (std::size_t d = 0; d < c.datasets.size(); ++d) {
    if (const auto [it, inserted] = by_id.emplace(c.datasets[d].id, d); !inserted) {
      ctx.error(ctx.dataset_roots[d].find("id"), "duplicate dataset id '" + c.datasets[d].id +
                                                     "' (also in " + c.datasets[it->second].file +
                                                     ")");
    }
  }
}

void check_regions(ReadContext& ctx) {
  const Content& c = ctx.content;
  std::vector<bool> used(c.regions.size(), false);
  for (const auto& m : c.municipalities) {
    if (m.in_scope && m.region) used[*m.region] = true;
  }
  for (std::size_t r = 0; r < c.regions.size(); ++r) {
    if (!used[r]) {
      ctx.warning(c.regions[r].pos,
                  "region '" + c.regions[r].id + "' has no in-scope municipality");
    }
  }
}

}  // namespace

void validate(ReadContext& ctx) {
  check_regions(ctx);
  check_arrangements(ctx);
  check_surveys(ctx);
  check_datasets(ctx);
}

}  // namespace samrapport::content
