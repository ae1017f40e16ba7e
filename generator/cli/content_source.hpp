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

/// The content tree: `dir` when given, else the embedded default content.
std::unique_ptr<SourceTree> open_content(const std::string& dir);

/// Loads and validates content; prints the diagnostics (sorted, with a count) to
/// stderr. Returns nullopt when there were errors. When the content is valid, at most
/// `warning_limit` warnings are shown (then how many more there are).
std::optional<content::Content> load_or_report(const SourceTree& tree,
                                               std::size_t warning_limit = SIZE_MAX);

}  // namespace samrapport::cli
