// The document as HTML: a complete standalone page (title page, contents with lists of
// tables and figures, numbered headings, tables, inline SVG charts with their data,
// footnotes, our own stylesheet; no external requests), or a fragment for pasting into
// a website's CMS.
#pragma once

#include <string>

#include "document/document.hpp"

namespace samrapport::writers {

struct HtmlOptions {
  bool standalone = true;     // a whole page; false: one <div class="samrapport"> fragment
  bool stylesheet = true;     // include our <style> (scoped to .samrapport)
  bool title_page = true;     // the title page block (report id, title, client, author, date)
  bool contents = true;       // table of contents, list of tables, list of figures
  bool inline_charts = true;  // SVG inside the page; false: <img src="figurer/fig-2-1.svg">
  std::string figure_dir = "figurer";
};

std::string write_html(const document::Document& doc, const HtmlOptions& options = {});

}  // namespace samrapport::writers
