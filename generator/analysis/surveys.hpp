// Survey analysis: who answered each survey, and what, counted per question.
//
// The result is plain JSON (the analysis puts it at `analysis.surveys`); every key is
// documented in docs/survey.md. Counts are exact; percentages and means are computed from
// exact counts and left unrounded (templates round them when printing).
#pragma once

#include <nlohmann/json.hpp>

#include "content/model.hpp"

namespace samrapport::analysis {

/// Size classes by population, as in Figur 2.3 of the model report.
enum class SurveySizeClass { large, medium, small };

/// "large" (> 15 000), "medium" (5 000-15 000), "small" (< 5 000).
std::string_view to_string(SurveySizeClass c);

/// The size class of a population figure (both bounds of "medium" are inclusive).
SurveySizeClass survey_size_class(std::int64_t population);

/// An object keyed by survey id, in the order of `content.surveys` (file-name order).
/// See docs/survey.md for the shape of each survey's entry.
nlohmann::ordered_json analyse_surveys(const content::Content& content);

/// The entry of one survey (the value analyse_surveys stores under its id).
nlohmann::ordered_json analyse_survey(const content::Content& content,
                                      const content::Survey& survey);

}  // namespace samrapport::analysis
