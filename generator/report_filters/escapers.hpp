// Escapers for the output formats of samrapport's templates, chosen by the template name:
// HTML for `*.html*`, LaTeX for `*.tex*`, Markdown for `*.md*`. `|safe` marks text that is
// already right for the format.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "jinja/escape.hpp"

namespace samrapport::report_filters {

/// LaTeX: the ten special characters & % $ # _ { } ~ ^ \ become \& \% \$ \# \_ \{ \}
/// \textasciitilde{} \textasciicircum{} \textbackslash{}.
void escape_latex(std::string_view text, std::string& out);

/// Markdown (CommonMark/GFM): backslash-escapes the characters that would start inline
/// markup (\ ` * _ [ ] < > | ~ &) and, at the start of a line, block markers (# - + = > and
/// the dot or parenthesis of "1." / "1)"), so that text prints as itself, also in tables.
void escape_markdown(std::string_view text, std::string& out);

const jinja::EscaperPtr& latex_escaper();
const jinja::EscaperPtr& markdown_escaper();

/// The escaper for a template name: HTML for names containing ".html", LaTeX for ".tex",
/// Markdown for ".md"; null (no autoescaping) otherwise.
jinja::EscaperPtr autoescape_for(std::string_view template_name);

/// autoescape_for as a jinja::Options::autoescape policy.
std::function<jinja::EscaperPtr(std::string_view)> autoescape_for_format();

}  // namespace samrapport::report_filters
