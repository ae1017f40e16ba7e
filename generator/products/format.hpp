// The formats a product can be written in, and the file each one makes for a page.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace samrapport::products {

/// html_fragment: <stem>.fragment.html, one <div> with scoped styles, contents and inline
/// charts and no title page, for pasting into a municipal website's CMS.
enum class Format { md, html, html_fragment, tex, pdf };

/// "md", "html", "html-fragment", "tex", "pdf": the names of --formats and of the manifest.
std::string_view format_name(Format f);

/// The file a page of stem `stem` gets in format `f`: "rapport.md", "rapport.fragment.html".
std::string format_file(Format f, std::string_view stem);

/// Parses "md,html,html-fragment,tex,pdf" (throws std::invalid_argument naming the bad entry).
std::set<Format> parse_formats(const std::string& list);

}  // namespace samrapport::products
