// Where the content (and templates) come from: a directory given on the command line,
// or the Buskerud 2021 default compiled into the binary.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "common/diagnostics.hpp"
#include "common/source_tree.hpp"
#include "content/model.hpp"

namespace samrapport::cli {

/// What a command says first when no --content was given (the built-in example is used).
inline constexpr const char* kBuiltinContentNote =
    "no --content given: using the built-in example (Buskerud 2021)";

/// The content tree: `dir` when given, else the embedded default content. Then, unless
/// `announce` is false, "samrapport: note: " kBuiltinContentNote goes to stderr first, so
/// that nobody takes the example's results for their own.
std::unique_ptr<SourceTree> open_content(const std::string& dir, bool announce = true);

/// Loads and validates content; prints the diagnostics (sorted, with a count) to
/// stderr. Returns nullopt when there were errors. When the content is valid, at most
/// `warning_limit` warnings are shown (then how many more there are).
/// `diags`, when given, receives the diagnostics instead, unprinted (the caller adds its own
/// and prints them all; `warning_limit` does not apply).
std::optional<content::Content> load_or_report(const SourceTree& tree,
                                               std::size_t warning_limit = SIZE_MAX,
                                               Diagnostics* diags = nullptr);

}  // namespace samrapport::cli
