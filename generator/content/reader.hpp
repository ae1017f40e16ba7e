// Loading a content directory: every file of ../shared/spec/content-schema.md read into
// the content model (model.hpp), references resolved, and the whole validated.
#pragma once

#include "common/diagnostics.hpp"
#include "common/source_tree.hpp"
#include "content/model.hpp"

namespace samrapport::content {

struct LoadOptions {
  /// Threads that parse YAML files side by side: 0 = one per processor core (at most 8),
  /// 1 = everything on the calling thread. The result does not depend on it.
  unsigned threads = 0;
};

/// Reads report.yaml, municipalities.yaml, tasks.yaml, arrangements/*.yaml, surveys/*.yaml,
/// datasets/*.yaml and text/*.md from `tree`, resolves references and validates.
/// Every problem is added to `diags` (sorted by file, line and column on return);
/// the content is complete only when `diags` has no errors. Never throws for bad input.
Content load_content(const SourceTree& tree, Diagnostics& diags);
Content load_content(const SourceTree& tree, Diagnostics& diags, const LoadOptions& options);

}  // namespace samrapport::content
