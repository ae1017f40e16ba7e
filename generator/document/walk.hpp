// Visiting every inline of a document: blocks, footnotes, table and figure texts.
#pragma once

#include <functional>

#include "document/document.hpp"

namespace samrapport::document {

/// Calls `fn` on every inline (depth first, children after their parent).
void for_each_inline(Document& doc, const std::function<void(Inline&)>& fn);

}  // namespace samrapport::document
