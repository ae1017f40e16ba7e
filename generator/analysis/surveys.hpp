// Survey analysis: who answered each survey, and what, counted per question.
//
// The result is plain JSON (the analysis puts it at `analysis.surveys`); every key is
// documented in docs/survey.md. Counts are exact; percentages and means are computed from
// exact counts and left unrounded (templates round them when printing).
#pragma once

#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "content/model.hpp"

namespace samrapport::analysis {

/// Size classes by population, as in Figur 2.3 of the model report.
enum class SurveySizeClass { large, medium, small };

/// "large", "medium", "small".
std::string_view to_string(SurveySizeClass c);

/// The bounds of the size classes: below `small_below` inhabitants is small, above
/// `large_above` large, between (both inclusive) medium. The defaults are the model
/// report's (< 5 000, 5 000-15 000, > 15 000), as analysis::Options has them.
struct SurveySizeBounds {
  std::int64_t small_below = 5000;
  std::int64_t large_above = 15000;
};

/// The size class of a population figure.
SurveySizeClass survey_size_class(std::int64_t population, const SurveySizeBounds& bounds = {});

/// An object keyed by survey id, in the order of `content.surveys` (file-name order).
/// See docs/survey.md for the shape of each survey's entry.
nlohmann::ordered_json analyse_surveys(const content::Content& content,
                                       const SurveySizeBounds& bounds = {});

/// The entry of one survey (the value analyse_surveys stores under its id).
nlohmann::ordered_json analyse_survey(const content::Content& content,
                                      const content::Survey& survey,
                                      const SurveySizeBounds& bounds = {});

}  // namespace samrapport::analysis
