// LaTeX to PDF with latexmk (TeX Live), locked down: no shell escape, TeX may open files
// for reading and writing only below the folder it runs in (openin_any/openout_any
// paranoid), and the folder holds the .tex alone. TeX runs under products/child_process,
// so it dies with the build.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace samrapport::products {

/// Whether latexmk is on the PATH.
bool latexmk_available();

/// LaTeX failed: what() quotes the first errors of the log with their .tex lines.
class LatexFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Compiles `tex` to `pdf` in the scratch folder `work` (created; left in place for the
/// caller to remove, so that a failed run's .tex and .log can be kept for the user).
/// `epoch` (seconds since 1970) is the date written into the PDF, so that the same input
/// gives the same bytes. Throws LatexFailed, or Interrupted when the build is stopped.
void compile_pdf(const std::filesystem::path& tex, const std::filesystem::path& pdf,
                 const std::filesystem::path& work, long long epoch);

}  // namespace samrapport::products
