// parse_document: rendered Markdown (GitHub flavour, with samrapport's table/figure
// blocks and {ref:id} markers) -> a numbered, cross-referenced document tree.
#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include "common/diagnostics.hpp"
#include "document/document.hpp"

namespace samrapport::document {

/// Traces a line of the rendered Markdown back to the template line that produced it
/// (when the template engine can tell); nullopt: report the Markdown position.
using LineLocator = std::function<std::optional<SourcePos>(int markdown_line)>;

/// Parses `markdown` with cmark-gfm (tables, footnotes, autolinks, strikethrough), turns
/// ```samrapport-table / ```samrapport-figure blocks into Table/Figure nodes, numbers
/// chapters, sections, tables, figures and footnotes, builds the outline, and resolves
/// {ref:id} markers. Problems (bad JSON, duplicate id, unknown reference ...) are added
/// to `diags` as errors; the returned tree is still complete enough to print.
Document parse_document(std::string_view markdown, const DocumentMeta& meta, Diagnostics& diags,
                        const LineLocator& locate = {});

}  // namespace samrapport::document
