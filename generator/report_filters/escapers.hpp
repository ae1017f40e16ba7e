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

/// Markdown (CommonMark/GFM) for samrapport's document layer, so that a value prints
/// exactly as written: backslash-escapes the characters that would start inline markup
/// (\ ` * _ [ ] < > | ~ &) and, at the start of a line, block markers (# - + = > and the
/// dot or parenthesis of "1." / "1)"); writes leading spaces and tabs of every line as
/// character references (no code block, no list continuation); keeps GFM's autolinks from
/// firing ("https://", "www.", "a@b"); and escapes every "{", so that the document layer
/// reads neither cross-reference markers ("{ref:id}") nor heading attributes ("{-}",
/// "{#id}") in a value.
void escape_markdown(std::string_view text, std::string& out);

/// escape_markdown without the document layer's braces: for macro libraries whose own
/// output is document markup (lib/report.j2's ref() writes "{ref:id}" through it).
void escape_markdown_syntax(std::string_view text, std::string& out);

const jinja::EscaperPtr& latex_escaper();
/// escape_markdown_syntax (the escaper of format-less macro libraries).
const jinja::EscaperPtr& markdown_escaper();
/// escape_markdown (the escaper of `*.md*` templates).
const jinja::EscaperPtr& document_markdown_escaper();

/// The escaper for a template name: HTML for names containing ".html", LaTeX for ".tex",
/// document Markdown (escape_markdown) for ".md"; null (no autoescaping) otherwise.
jinja::EscaperPtr autoescape_for(std::string_view template_name);

/// autoescape_for as a jinja::Options::autoescape policy.
std::function<jinja::EscaperPtr(std::string_view)> autoescape_for_format();

}  // namespace samrapport::report_filters
