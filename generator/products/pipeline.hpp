// The one pipeline every product goes through:
//
//   content (loaded once) -> analysis (once) -> template context (once)
//   -> per product and page: templates -> Markdown -> document tree -> writers
//   -> the product's staged folder -> PDFs (in parallel, on every core)
//   -> every staged folder swapped into OUT/ (only when everything succeeded).
//
// A build writes only the formats it was asked for and keeps the other files of a folder
// (building html-fragment keeps the PDF); it refuses folders samrapport did not make and
// any folder that holds the content, the templates or the working directory; one build at
// a time writes into OUT (a lock); Ctrl-C stops it and keeps the previous output.
#pragma once

#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "content/model.hpp"
#include "products/format.hpp"

namespace samrapport::products {

struct BuildJob {
  /// The content directory ("" = the embedded default): protected from replacement.
  std::string content_dir;
  /// Product ids; empty = every product the content supports.
  std::vector<std::string> products;
  std::vector<std::string> template_dirs;  // searched before the built-in templates
  std::string out_dir = "output";
  /// Unset: each product's default formats. Set: these, where the product has them.
  std::optional<std::set<Format>> formats;
  bool pdf_explicit = false;  // --formats named pdf: a missing latexmk is an error
  /// Replaces the entry template of every page (for trying a template).
  std::string entry_template;
  /// When set, the Markdown of every page is also written below this folder, as
  /// <folder>/<product>/<page folder>/<stem>.md (for debugging templates).
  std::string dump_markdown;
  std::ostream* progress = nullptr;  // stage lines; null = quiet
  std::ostream* errors = nullptr;    // diagnostics and warnings (null: std::cerr)
};

/// Builds. Returns the exit status: 0 ok, 1 template or document errors, 130 interrupted.
/// Throws std::runtime_error for environment problems (no latexmk for an explicit pdf,
/// an output folder that may not be replaced, another build writing OUT).
int run_build(const BuildJob& job, const content::Content& content);

}  // namespace samrapport::products
