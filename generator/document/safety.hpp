// What the document layer lets through to the writers: link and image URLs (an
// allow-list of schemes), figure image paths (relative files inside the content, nothing
// TeX or a shell would read as markup) and how deep the tree may nest.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace samrapport::document {

/// How deep blocks (quotes, lists) and inlines (emphasis, links) may nest. Every recursive
/// walk of the tree (reader, numbering, cross-references, writers) stays within this depth,
/// so a hostile document ends in an error instead of a stack overflow.
inline constexpr int kMaxNesting = 100;

/// Whether a link or image destination may be written into an output: http:, https:,
/// mailto:, tel: (case-insensitive), or a URL without a scheme (a relative path, `#anchor`,
/// `?query`, `//host/...`). Control characters and spaces before the scheme are refused,
/// as a browser would skip them.
bool allowed_url(std::string_view url);

/// Why `path` is not acceptable as a figure's `image` (empty when it is): it must be a
/// relative path inside the content (no leading `/`, no `..` component, no drive or URL
/// scheme `:`), without TeX specials `\ { } $ & # ^ _ % ~`, quotes or control characters.
std::string image_path_problem(std::string_view path);

}  // namespace samrapport::document
