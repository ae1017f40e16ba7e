// Cross-references: the {ref:id} markers templates write (through the ref() macro), and
// their resolution against the numbered tree ("tabell 3.1").
//
// Marker grammar, inside ordinary text (never in code spans or code blocks):
//   {ref:ID}      -> "tabell 3.1"   (lowercase word and number, for running text)
//   {Ref:ID}      -> "Tabell 3.1"   (capitalised, at the start of a sentence)
//   {refnum:ID}   -> "3.1"          (the number alone: "tabell 3.1 og 3.2")
//   ID = [a-z0-9:.-]+ ; a marker may carry where it was written: {ref:ID;TEMPLATE:LINE}
#pragma once

#include <string_view>

#include "common/diagnostics.hpp"
#include "document/document.hpp"
#include "document/numbering.hpp"

namespace samrapport::document {

/// True for a valid id: one or more of [a-z0-9:.-].
bool valid_id(std::string_view id);

/// Where a text came from, to tell markers from text that only looks like one.
struct MarkerSource {
  /// Markdown: the text node's source span. A marker counts only where the source holds
  /// it unescaped, so `\{ref:x}` (or `&#123;ref:x}`) stays text. Empty: every marker counts.
  std::string_view markdown;
  /// Plain text (declaration JSON): a backslash before the marker keeps it as text (the
  /// backslash is dropped).
  bool backslash_escapes = false;
};

/// Appends `text` to `out`, turning markers into cross_ref inlines recorded in
/// doc.cross_refs. `pos` is where text[0] stands (its column advances along the text).
/// A malformed marker ("{ref:Tab X}") is an error.
void append_text_with_refs(std::string_view text, const SourcePos& pos, Inlines& out, Document& doc,
                           Diagnostics& diags, const MarkerSource& source = {});

/// Resolves every recorded reference against `targets` and fills the cross_ref inlines'
/// words and anchors. An unknown id is an error at the marker's position.
void resolve_cross_refs(Document& doc, const RefTargets& targets, Diagnostics& diags);

}  // namespace samrapport::document
