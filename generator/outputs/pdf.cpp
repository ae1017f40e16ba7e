#include "outputs/pdf.hpp"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace samrapport::outputs {

namespace fs = std::filesystem;

namespace {

std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'')
      q += "'\\''";
    else
      q += c;
  }
  return q + "'";
}

// The LaTeX errors of a log: lines starting with "!" or "file:line:", with the line after.
std::string log_errors(const fs::path& log) {
  std::ifstream in(log);
  std::string line, out;
  int keep = 0, found = 0;
  while (std::getline(in, line) && found < 8) {
    const bool error = line.rfind("!", 0) == 0 || line.find(".tex:") != std::string::npos;
    if (error) {
      keep = 2;
      ++found;
    }
    if (keep > 0) {
      out += "  " + line + "\n";
      --keep;
    }
  }
  return out;
}

}  // namespace

bool latexmk_available() {
  return std::system("command -v latexmk >/dev/null 2>&1") == 0;
}

void compile_pdf(const fs::path& dir, const std::string& tex_file, long long epoch) {
  const std::string base = fs::path(tex_file).stem().string();
  // pdfTeX takes its dates and its document id from SOURCE_DATE_EPOCH when
  // FORCE_SOURCE_DATE is set: the PDF is then byte-identical for the same input.
  const std::string cmd = "cd " + shell_quote(dir.string()) +
                          " && SOURCE_DATE_EPOCH=" + std::to_string(epoch) +
                          " FORCE_SOURCE_DATE=1" +
                          " latexmk -pdf -interaction=nonstopmode -halt-on-error "
                          "-file-line-error " +
                          shell_quote(tex_file) + " >latexmk.out 2>&1";
  const int status = std::system(cmd.c_str());
  const bool ok = status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
                  fs::exists(dir / (base + ".pdf"));
  if (!ok) {
    std::string errors = log_errors(dir / (base + ".log"));
    if (errors.empty()) errors = "  (see " + (dir / "latexmk.out").string() + ")\n";
    throw std::runtime_error(tex_file + ": LaTeX failed:\n" + errors);
  }
  std::error_code ec;
  for (const char* ext : {".aux", ".log", ".out", ".toc", ".lof", ".lot", ".fls", ".fdb_latexmk"}) {
    fs::remove(dir / (base + ext), ec);
  }
  fs::remove(dir / "latexmk.out", ec);
}

}  // namespace samrapport::outputs
