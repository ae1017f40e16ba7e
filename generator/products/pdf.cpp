#include "products/pdf.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <system_error>
#include <vector>

#include "products/child_process.hpp"

namespace samrapport::products {

namespace fs = std::filesystem;

namespace {

// Line `n` (1-based) of a file.
std::string line_of(const fs::path& file, long n) {
  std::ifstream in(file);
  std::string line;
  for (long i = 1; std::getline(in, line); ++i)
    if (i == n) return line;
  return {};
}

// The LaTeX errors of a log: lines starting with "!" or "document.tex:N:", each with the
// line after it, then the .tex lines those errors point at (each once).
std::string log_errors(const fs::path& log, const fs::path& tex) {
  std::ifstream in(log);
  std::string line, out;
  std::vector<long> lines;
  int keep = 0, found = 0;
  const std::string marker = tex.filename().string() + ":";
  while (std::getline(in, line) && found < 8) {
    const std::size_t at = line.find(marker);
    if (line.rfind("!", 0) == 0 || at != std::string::npos) {
      keep = 2;
      ++found;
    }
    if (keep > 0) {
      out += "  " + line + "\n";
      --keep;
    }
    if (at != std::string::npos) {
      const long n = std::strtol(line.c_str() + at + marker.size(), nullptr, 10);
      if (n > 0 && std::find(lines.begin(), lines.end(), n) == lines.end()) lines.push_back(n);
    }
  }
  for (long n : lines)
    out += "  the .tex line " + std::to_string(n) + ": " + line_of(tex, n) + "\n";
  return out;
}

}  // namespace

bool latexmk_available() {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::string_view rest(path);
  while (!rest.empty()) {
    const std::size_t colon = rest.find(':');
    const std::string_view dir = rest.substr(0, colon);
    std::error_code ec;
    const fs::path candidate = fs::path(dir.empty() ? "." : std::string(dir)) / "latexmk";
    if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return true;
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return false;
}

void compile_pdf(const fs::path& tex, const fs::path& pdf, const fs::path& work, long long epoch) {
  fs::create_directories(work);
  const std::string name = "document.tex";
  fs::copy_file(tex, work / name, fs::copy_options::overwrite_existing);
  ChildCommand cmd;
  cmd.argv = {"latexmk",
              "-pdf",
              "-interaction=nonstopmode",
              "-halt-on-error",
              "-file-line-error",
              "-pdflatex=pdflatex -no-shell-escape %O %S",
              name};
  // pdfTeX takes its dates and its document id from SOURCE_DATE_EPOCH when
  // FORCE_SOURCE_DATE is set: the PDF is then byte-identical for the same input.
  // kpathsea reads texmf.cnf variables from the environment: no shell escape at all, and
  // no file opened outside the working folder (paranoid).
  cmd.env = {"SOURCE_DATE_EPOCH=" + std::to_string(epoch),
             "FORCE_SOURCE_DATE=1",
             "shell_escape=f",
             "openin_any=p",
             "openout_any=p",
             "TEXMFOUTPUT=",
             "max_print_line=1000"};
  cmd.cwd = work;
  cmd.output = work / "latexmk.out";
  const int status = run_child(cmd);
  const fs::path built = work / "document.pdf";
  if (status != 0 || !fs::exists(built)) {
    std::string errors = log_errors(work / "document.log", work / name);
    if (errors.empty()) errors = "  (latexmk exited " + std::to_string(status) + ")\n";
    throw LatexFailed(errors);
  }
  fs::copy_file(built, pdf, fs::copy_options::overwrite_existing);
}

}  // namespace samrapport::products
