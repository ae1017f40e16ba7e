// The result model as JSON: the `analysis` object of the templates and the output of
// `samrapport analysis --json`. Keys are stable and documented in docs/analysis.md.
#pragma once

#include <nlohmann/json.hpp>

#include "analysis/results.hpp"

namespace samrapport::analysis {

/// Every field of `results`, keys in a fixed order; arrangement references become ids.
nlohmann::ordered_json to_json(const Results& results);
/// The same, moving what can be moved (the survey part) out of `results`.
nlohmann::ordered_json to_json(Results&& results);

}  // namespace samrapport::analysis
