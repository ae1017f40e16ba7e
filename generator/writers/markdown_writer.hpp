// The document as clean GitHub-flavoured Markdown that any Markdown tool reads: a title
// block, numbered headings ("## 2 Title", "### 2.3 Title"), pipe tables with the caption as
// a text line above and "Kilde: ..." below, figures as SVG images beside the .md with
// alt text, footnotes renumbered through the document.
#pragma once

#include <string>
#include <vector>

#include "document/document.hpp"
#include "writers/output_file.hpp"

namespace samrapport::writers {

struct MarkdownOptions {
  std::string figure_dir = "figurer";  // where the chart SVGs go, relative to the .md
  bool title_block = true;
};

/// Returns the Markdown text and appends the chart SVGs to `files`.
std::string write_markdown(const document::Document& doc, std::vector<OutputFile>& files,
                           const MarkdownOptions& options = {});

}  // namespace samrapport::writers
