// The document as LaTeX that latexmk (pdflatex) compiles to an A4 PDF: babel norsk,
// nynorsk or english per report language, title page, contents and lists of tables and
// figures, chapters and sections numbered exactly as the tree says, booktabs + longtable
// tables with captions above, figures (pgfplots charts) with captions below, footnotes,
// and a running footer with the author organisation and the page number.
#pragma once

#include <string>

#include "document/document.hpp"

namespace samrapport::writers {

struct LatexOptions {
  bool title_page = true;
  bool contents = true;  // \tableofcontents, \listoftables, \listoffigures
};

std::string write_latex(const document::Document& doc, const LatexOptions& options = {});

}  // namespace samrapport::writers
