// Folder names made from titles and municipality names.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace samrapport::products {

/// "NIVI Rapport 2021:4" -> "nivi-rapport-2021-4"; "Ål og Hol" -> "al-og-hol". At most
/// `max_length` bytes (cut at a word boundary where there is one), so that a long title
/// never makes a file name the file system refuses. Empty results become `fallback`.
std::string slugify(std::string_view text, std::size_t max_length = 64,
                    std::string_view fallback = "rapport");

}  // namespace samrapport::products
