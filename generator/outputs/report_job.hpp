// The main job: content directory -> the county survey report in Markdown, HTML,
// LaTeX and PDF, in output/<slug>/, written whole or not at all.
//
// content -> analysis -> template context -> templates/report/rapport.md.j2 -> Markdown
// -> document tree (numbering, cross-references) -> writers -> staged files -> latexmk
// -> the staged directory replaces output/<slug>/.
#pragma once

#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace samrapport::outputs {

/// html_fragment: rapport.fragment.html, one <div> with scoped styles, contents and inline
/// charts and no title page, for pasting into a municipal website's CMS.
enum class Format { md, html, html_fragment, tex, pdf };

/// Parses "md,html,html-fragment,tex,pdf" (throws std::invalid_argument naming the bad entry).
std::set<Format> parse_formats(const std::string& list);

struct ReportJob {
  std::string content_dir;                 // empty: the embedded default content
  std::vector<std::string> template_dirs;  // searched before the built-in templates
  std::string out_dir = "output";
  std::set<Format> formats = {Format::md, Format::html, Format::tex, Format::pdf};
  bool pdf_explicit = false;  // --formats named pdf: a missing latexmk is an error
  std::string main_template = "report/rapport.md.j2";
  /// When set, the Markdown the templates produced is also written here (for debugging
  /// templates: document errors refer to its lines).
  std::string dump_markdown;
  std::ostream* progress = nullptr;  // stage lines; null = quiet
  std::ostream* errors = nullptr;    // diagnostics
};

/// "NIVI Rapport 2021:4" -> "nivi-rapport-2021-4"; "Ål og Hol" -> "al-og-hol".
std::string slugify(std::string_view text);

/// Runs the job; returns the exit status (0 ok, 1 content or template errors).
/// Throws std::runtime_error for environment problems (no latexmk, unwritable output).
int run_report_job(const ReportJob& job);

}  // namespace samrapport::outputs
