// Small text helpers on the document tree: plain text of inlines, anchors (slugs),
// and UTF-8 code point counting.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "document/document.hpp"

namespace samrapport::document {

/// The text of inlines without markup (breaks become spaces, footnote refs vanish).
std::string plain_text(const Inlines& inlines);

/// Inlines holding one text node (empty when `text` is empty).
Inlines text_inlines(std::string_view text);

/// An anchor from a title: lowercase ASCII letters and digits, æ->ae, ø->o, å->a,
/// everything else collapsed into single hyphens ("Forord" -> "forord").
std::string slug(std::string_view title);

/// "2.1" -> "2-1" (file names and anchors).
std::string dotted_to_hyphens(std::string_view number);

}  // namespace samrapport::document
