// cmark-gfm's tree -> samrapport's document tree (before numbering): blocks, inlines,
// footnotes, heading attributes ({.unnumbered}, {#id}), declaration blocks and
// cross-reference markers.
#pragma once

#include <string_view>

#include "common/diagnostics.hpp"
#include "document/document.hpp"
#include "document/parse.hpp"

namespace samrapport::document {

/// Fills doc.blocks, doc.tables, doc.figures, doc.footnotes and doc.cross_refs.
/// Duplicate ids (tables, figures, headings) are errors.
void read_markdown(std::string_view markdown, Document& doc, Diagnostics& diags,
                   const LineLocator& locate);

}  // namespace samrapport::document
