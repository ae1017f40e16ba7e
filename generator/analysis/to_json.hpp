// The result model as JSON: the `analysis` object of the templates and the output of
// `samrapport analysis --json`. Keys are stable and documented in docs/analysis.md.
#pragma once

#include <nlohmann/json.hpp>

#include "analysis/results.hpp"

namespace samrapport::analysis {

/// Every field of `results`, keys in a fixed order; arrangement references become ids.
nlohmann::ordered_json to_json(const Results& results);

}  // namespace samrapport::analysis
