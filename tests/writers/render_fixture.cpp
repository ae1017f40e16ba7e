// Renders a Markdown fixture to all three formats, for the LaTeX and browser tests:
//   render_fixture <in.md> <meta.json> <out-dir>
// writes <out-dir>/report.md, report.html, report-fragment.html, report.tex and
// figurer/*.svg. Diagnostics go to stderr; exit status 1 when there are errors.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "document/parse.hpp"
#include "writers/html_writer.hpp"
#include "writers/latex_writer.hpp"
#include "writers/markdown_writer.hpp"

namespace fs = std::filesystem;
using namespace samrapport;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

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
  const auto meta_json = nlohmann::json::parse(read_file(argv[2]));
  document::DocumentMeta meta;
  meta.title = meta_json.value("title", "");
  meta.subtitle = meta_json.value("subtitle", "");
  meta.report_id = meta_json.value("report_id", "");
  meta.client = meta_json.value("client", "");
  meta.author = meta_json.value("author", "");
  meta.place_date = meta_json.value("place_date", "");
  meta.language = meta_json.value("language", "nb");
  meta.source_name = meta_json.value("source_name", "document.md");

  Diagnostics diags;
  const document::Document doc = document::parse_document(read_file(argv[1]), meta, diags);
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
