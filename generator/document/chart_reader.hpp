// The "chart" object of a figure declaration -> Chart, with its colours resolved from the
// colour-blind-safe Okabe-Ito palette (docs/rendering.md lists the keys).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "document/chart.hpp"
#include "document/json_input.hpp"

namespace samrapport::document {

std::optional<Chart> read_chart(const nlohmann::json& object, std::string_view path, JsonInput& in);

}  // namespace samrapport::document
