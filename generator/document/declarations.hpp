// The declaration blocks templates emit (through templates/lib/report.j2):
//
//   ```samrapport-table
//   {"id": "tab:x", "caption": "...", "source": "...", "columns": [...], "rows": [...], "sum":
//   [...]}
//   ```
//   ```samrapport-figure
//   {"id": "fig:x", "caption": "...", "source": "...", "chart": {...}}   (or "image": "kart.png")
//   ```
//
// docs/rendering.md describes every key. Texts (caption, source, cells) are plain text:
// no Markdown, but {ref:id} markers are resolved in them.
#pragma once

#include <optional>
#include <string_view>

#include "common/diagnostics.hpp"
#include "document/document.hpp"

namespace samrapport::document {

inline constexpr std::string_view kTableInfo = "samrapport-table";
inline constexpr std::string_view kFigureInfo = "samrapport-figure";

/// `pos` is the position of the JSON's first line. nullopt (with errors) when the
/// declaration cannot be used.
std::optional<Table> read_table_declaration(std::string_view json, const SourcePos& pos,
                                            Document& doc, Diagnostics& diags);
std::optional<Figure> read_figure_declaration(std::string_view json, const SourcePos& pos,
                                              Document& doc, Diagnostics& diags);

}  // namespace samrapport::document
