// Raw HTML from the Markdown (inline HTML and HTML blocks of `text/*.md`) as the writers
// print it: an allow-list of harmless inline tags and attributes; everything else is
// escaped so that it shows as text. No script, event handler, style or frame reaches a
// published page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace samrapport::writers {

/// Allowed: b i em strong sup sub br span abbr small u s mark, a (with href when
/// document::allowed_url accepts it); attributes title and lang (and href on a). Comments
/// are dropped. A closing tag must match the innermost open one; close_all() closes what
/// is left open at the end of a block, so raw HTML cannot leak formatting into the page.
class HtmlSanitizer {
 public:
  void append(std::string& out, std::string_view html);
  void close_all(std::string& out);

 private:
  std::vector<std::string> open_;
};

/// One self-contained piece (an HTML block): sanitised and closed.
std::string sanitize_html(std::string_view html);

}  // namespace samrapport::writers
