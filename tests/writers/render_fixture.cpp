// Renders a Markdown fixture to all three formats, for the LaTeX and browser tests:
//   render_fixture <in.md> <meta.json> <out-dir>
// writes <out-dir>/report.md, report.html, report-fragment.html, report.tex and
// figurer/*.svg. Diagnostics go to stderr; exit status 1 when there are errors.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "document/parse.hpp"
#include "fixture_meta.hpp"
#include "writers/html_writer.hpp"
#include "writers/latex_writer.hpp"
#include "writers/markdown_writer.hpp"

namespace fs = std::filesystem;
using namespace samrapport;

namespace {

void write_file(const fs::path& p, const std::string& content) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << content;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: render_fixture <in.md> <meta.json> <out-dir>\n";
    return 2;
  }
  const document::DocumentMeta meta = writers::testing::read_meta(argv[2]);

  Diagnostics diags;
  const document::Document doc =
      document::parse_document(writers::testing::read_text(argv[1]), meta, diags);
  diags.print(std::cerr);
  if (diags.has_errors()) return 1;

  const fs::path out = argv[3];
  std::vector<writers::OutputFile> files;
  write_file(out / "report.md", writers::write_markdown(doc, files));
  for (const auto& f : files) write_file(out / f.path, f.content);
  write_file(out / "report.html", writers::write_html(doc));
  writers::HtmlOptions fragment;
  fragment.standalone = false;
  write_file(out / "report-fragment.html", writers::write_html(doc, fragment));
  write_file(out / "report.tex", writers::write_latex(doc));
  return 0;
}
