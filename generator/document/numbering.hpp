// Numbering on the tree, done once before any writer runs: chapters ("2"), sections
// ("2.3"), tables and figures per chapter ("3.1"), anchors, the outline (table of
// contents) and the ids that cross-references may point to.
#pragma once

#include <map>
#include <string>

#include "document/document.hpp"

namespace samrapport::document {

struct RefTarget {
  enum class Kind { table, figure, chapter, section, heading };
  Kind kind = Kind::table;
  std::string number;  // empty for unnumbered headings
  std::string title;   // plain text of the heading or caption
};

using RefTargets = std::map<std::string, RefTarget>;

/// Numbers `doc` in document order and returns the targets by id: tables, figures and
/// headings with an explicit {#id}. Headings: `#` is a chapter (numbered unless
/// {.unnumbered}), `##` a section (numbered inside a numbered chapter), deeper levels are
/// never numbered. Tables and figures in a numbered chapter are "<chapter>.<n>"; outside
/// one (before chapter 1, in an unnumbered chapter) they count on document-wide as "<n>".
RefTargets assign_numbers(Document& doc);

}  // namespace samrapport::document
