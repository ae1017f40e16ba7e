// "Did you mean": the closest known name to a misspelt one, by edit distance on
// characters (case-insensitive for ASCII and Æ/Ø/Å).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace samrapport::content {

/// Levenshtein distance between `a` and `b` in characters, after case folding, and the
/// smaller of that and the distance with aa/ae/oe read as å/æ/ø ("Aal" is "Ål"). Stops
/// early and returns limit + 1 once the distance is certain to exceed `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

/// The largest distance still worth suggesting for a word of `chars` characters.
std::size_t suggestion_limit(std::size_t chars);

/// The candidate closest to `word` within suggestion_limit(); ties go to the earliest
/// candidate. nullopt when none is close enough.
std::optional<std::string> closest(std::string_view word,
                                   std::span<const std::string_view> candidates);
std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates);

/// "; did you mean 'X'?" or "": for appending to a message.
std::string did_you_mean(const std::optional<std::string>& suggestion);

/// "a, b, c": allowed values for messages.
std::string join_list(std::span<const std::string_view> items);

}  // namespace samrapport::content
