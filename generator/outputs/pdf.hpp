// LaTeX to PDF with latexmk (TeX Live), run in a scratch directory.
#pragma once

#include <filesystem>
#include <string>

namespace samrapport::outputs {

/// Whether latexmk is on the PATH.
bool latexmk_available();

/// Compiles `tex_file` (inside `dir`) to PDF with latexmk/pdflatex, in `dir`, then
/// removes latexmk's auxiliary files. Throws std::runtime_error with the first LaTeX
/// errors from the log when the compile fails. `epoch` (seconds since 1970) is the date
/// written into the PDF, so that the same input gives the same bytes.
void compile_pdf(const std::filesystem::path& dir, const std::string& tex_file, long long epoch);

}  // namespace samrapport::outputs
