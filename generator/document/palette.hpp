// Colours of charts: the Okabe-Ito palette (distinguishable with the common forms of
// colour blindness), the reference-series colours and the diverging scale for Likert data.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace samrapport::document::palette {

/// Categorical colour i (blue, orange, bluish green, vermillion, sky blue, reddish purple,
/// yellow, black; then again from the start).
std::string_view categorical(std::size_t i);
/// Reference series i (grey, sky blue, reddish purple, yellow ...).
std::string_view reference(std::size_t i);
/// Colour i of a diverging scale with n steps (vermillion ... grey ... blue).
std::string_view diverging(std::size_t i, std::size_t n);
/// The colour of bars whose category has no class.
inline constexpr std::string_view kUnclassified = "#999999";

/// "#RRGGBB" for a palette name ("blue", "orange", "green", "vermillion", "skyblue",
/// "purple", "yellow", "black", "grey") or a "#RRGGBB" literal (upper-cased); "" when
/// neither.
std::string resolve(std::string_view name_or_hex);

}  // namespace samrapport::document::palette
