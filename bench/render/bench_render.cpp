// Times the rendering pipeline on one Markdown document: parse_document (cmark-gfm,
// numbering, cross-references) and each writer (Markdown + SVG files, HTML, LaTeX), and
// Pandoc converting the same Markdown to HTML and LaTeX in the same run.
//
//   bench_render FILE.md [--repeat N] [--pandoc-repeat N]
//   bench_render --generate CHAPTERS OUT.md      (a synthetic report-like document)
//
// Times are medians of wall-clock seconds. samrapport is timed in-process (the input read
// once); Pandoc as a process (`pandoc -f gfm -t html5|latex -s`), so its start-up is
// included: it is measured on an empty document and printed too.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "document/parse.hpp"
#include "writers/html_writer.hpp"
#include "writers/latex_writer.hpp"
#include "writers/markdown_writer.hpp"

using namespace samrapport;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// ---------------------------------------------------------------- synthetic document

const char* const kNames[] = {
    "Ål",       "Gol",      "Hol",        "Nesbyen",    "Flå",    "Hemsedal",      "Kongsberg",
    "Notodden", "Tinn",     "Hjartdal",   "Flesberg",   "Rollag", "Nore og Uvdal", "Ringerike",
    "Hole",     "Jevnaker", "Lunner",     "Gran",       "Modum",  "Krødsherad",    "Sigdal",
    "Drammen",  "Lier",     "Øvre Eiker", "Holmestrand"};
constexpr int kNameCount = 25;

std::string generate(int chapters) {
  std::string md;
  md +=
      "# Forord {-}\n\nPå oppdrag fra Statsforvalteren har NIVI Analyse kartlagt det "
      "interkommunale samarbeidet. Hovedtallene står i {ref:tab:k1s1}.\n\n";
  md += "# Hovedpunkter {-}\n\n";
  for (int i = 0; i < 10; ++i) {
    md += "## Funn nummer " + std::to_string(i + 1) + "\n\nDet er registrert " +
          std::to_string(200 + i) +
          " ordninger, fra 22 for Tinn til 48 for Ål (jf. "
          "{ref:fig:k1s1}).\n\n";
  }
  unsigned seed = 1;
  auto next = [&seed]() {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % 1000;
  };
  for (int c = 1; c <= chapters; ++c) {
    md += "# Kapittel " + std::to_string(c) + " om samarbeid {#kap:k" + std::to_string(c) + "}\n\n";
    for (int s = 1; s <= 6; ++s) {
      const std::string id = "k" + std::to_string(c) + "s" + std::to_string(s);
      md += "## Seksjon " + std::to_string(s) + " & *emner*\n\n";
      for (int p = 0; p < 4; ++p) {
        md += "Kommunene i regionen samarbeider om **" + std::to_string(next()) +
              "** oppgaver, blant annet barnevern, PPT og legevakt. Se {ref:tab:" + id +
              "} og {Ref:fig:" + id + "} for tallene; kapittel {refnum:kap:k" + std::to_string(c) +
              "} har mer.[^f" + id + std::to_string(p) +
              "] Andelen er "
              "*38,2 prosent* i de største og ~~40~~ 28,7 prosent i de minste kommunene,\n"
              "med store variasjoner mellom regionene (se <https://www.nivi.no>).\n\n";
        md += "[^f" + id + std::to_string(p) + "]: Kilde: NIVI-kartlegging " +
              std::to_string(2000 + p) + ", egne beregninger.\n\n";
      }
      md +=
          "- Avtalebasert samarbeid\n- Administrativt vertskommunesamarbeid\n"
          "- Interkommunale selskaper (IKS) & aksjeselskaper\n\n";
      md += "```samrapport-table\n{\"id\": \"tab:" + id +
            "\", \"caption\": \"Registrerte samarbeidsordninger for kommunene, seksjon " +
            std::to_string(s) +
            "\", \"source\": \"NIVI Analyse\", \"columns\": [{\"label\": "
            "\"Nr\", \"kind\": \"number\"}, \"Samarbeidsordning\", \"Deltakere\", {\"label\": "
            "\"Årsverk\", \"decimals\": 1}], \"rows\": [";
      double sum = 0;
      for (int r = 0; r < 25; ++r) {
        const double fte = static_cast<double>(next()) / 10.0;
        sum += fte;
        md += std::string(r ? ", " : "") + "[" + std::to_string(r + 1) +
              ", \"Interkommunalt samarbeid om tjeneste " + std::to_string(r + 1) + " (IKS)\", \"" +
              kNames[r % kNameCount] + ", " + kNames[(r + 3) % kNameCount] + " og " +
              kNames[(r + 7) % kNameCount] + "\", " + std::to_string(fte) + "]";
      }
      md += "], \"sum\": [null, null, null, " + std::to_string(sum) + "]}\n```\n\n";
      md += "```samrapport-figure\n{\"id\": \"fig:" + id +
            "\", \"caption\": \"Antall samarbeidsordninger pr kommune\", \"source\": \"NIVI "
            "Analyse\", \"chart\": {\"kind\": \"bar\", \"categories\": [";
      for (int k = 0; k < kNameCount; ++k)
        md += std::string(k ? ", " : "") + "\"" + kNames[k] + "\"";
      md += "], \"values\": [";
      for (int k = 0; k < kNameCount; ++k)
        md += std::string(k ? ", " : "") + std::to_string(20 + next() % 30);
      md +=
          "], \"classes\": [{\"key\": \"k\", \"label\": \"Buskerud\"}, {\"key\": \"r\", "
          "\"label\": \"Randkommuner\"}], \"category_classes\": [";
      for (int k = 0; k < kNameCount; ++k)
        md += std::string(k ? ", " : "") + (k % 5 == 4 ? "\"r\"" : "\"k\"");
      md += "], \"value_label\": \"Antall ordninger\"}}\n```\n\n";
    }
  }
  return md;
}

// ---------------------------------------------------------------- timing

double time_command(const std::string& command, int repeat) {
  std::vector<double> t;
  for (int i = 0; i < repeat; ++i) {
    const auto start = Clock::now();
    if (std::system(command.c_str()) != 0) {
      std::cerr << "failed: " << command << "\n";
      return -1;
    }
    t.push_back(seconds_since(start));
  }
  return median(t);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 3 && args[0] == "--generate") {
    std::ofstream(args[2], std::ios::binary) << generate(std::atoi(args[1].c_str()));
    return 0;
  }
  if (args.empty()) {
    std::cerr << "usage: bench_render FILE.md [--repeat N] [--pandoc-repeat N]\n"
                 "       bench_render --generate CHAPTERS OUT.md\n";
    return 2;
  }
  const std::string path = args[0];
  int repeat = 20;
  int pandoc_repeat = 3;
  for (std::size_t i = 1; i + 1 < args.size(); i += 2) {
    if (args[i] == "--repeat") repeat = std::max(1, std::atoi(args[i + 1].c_str()));
    if (args[i] == "--pandoc-repeat") pandoc_repeat = std::max(1, std::atoi(args[i + 1].c_str()));
  }
  const std::string markdown = read_file(path);
  document::DocumentMeta meta;
  meta.title = "Interkommunalt samarbeid";
  meta.author = "NIVI Analyse";
  meta.source_name = path;

  std::vector<double> parse_t, md_t, html_t, tex_t;
  std::size_t out_bytes = 0;
  std::size_t tables = 0;
  std::size_t figures = 0;
  for (int i = 0; i < repeat; ++i) {
    auto start = Clock::now();
    Diagnostics diags;
    const document::Document doc = document::parse_document(markdown, meta, diags);
    parse_t.push_back(seconds_since(start));
    if (diags.has_errors()) {
      diags.print(std::cerr);
      return 1;
    }
    tables = doc.tables.size();
    figures = doc.figures.size();
    start = Clock::now();
    std::vector<writers::OutputFile> files;
    const std::string md = writers::write_markdown(doc, files);
    md_t.push_back(seconds_since(start));
    start = Clock::now();
    const std::string html = writers::write_html(doc);
    html_t.push_back(seconds_since(start));
    start = Clock::now();
    const std::string tex = writers::write_latex(doc);
    tex_t.push_back(seconds_since(start));
    out_bytes = md.size() + html.size() + tex.size();
    for (const auto& f : files) out_bytes += f.content.size();
  }
  const double parse = median(parse_t);
  const double ours_html = parse + median(html_t);
  const double ours_tex = parse + median(tex_t);
  const double ours_md = parse + median(md_t);

  const std::string quoted = "'" + path + "'";
  const double pandoc_html = time_command(
      "pandoc -f gfm -t html5 -s --metadata title=T -o /dev/null " + quoted, pandoc_repeat);
  const double pandoc_tex =
      time_command("pandoc -f gfm -t latex -s -o /dev/null " + quoted, pandoc_repeat);
  const std::string empty = "/tmp/samrapport-bench-empty.md";
  std::ofstream(empty) << "\n";
  const double pandoc_start =
      time_command("pandoc -f gfm -t html5 -o /dev/null " + empty, pandoc_repeat);

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("input: %s, %.0f KiB, %zu tables, %zu figures; output %.0f KiB; peak RSS %.1f MiB\n",
              path.c_str(), static_cast<double>(markdown.size()) / 1024.0, tables, figures,
              static_cast<double>(out_bytes) / 1024.0,
              static_cast<double>(usage.ru_maxrss) / 1024.0);
  std::printf(
      "samrapport (median of %d): parse %.4f s, markdown+svg %.4f s, html %.4f s, latex %.4f s\n",
      repeat, parse, median(md_t), median(html_t), median(tex_t));
  std::printf("pandoc     (median of %d): html %.4f s, latex %.4f s (start-up alone %.4f s)\n",
              pandoc_repeat, pandoc_html, pandoc_tex, pandoc_start);
  std::printf("%-10s %12s %12s %8s\n", "format", "samrapport", "pandoc", "ratio");
  std::printf("%-10s %10.4f s %10.4f s %7.1fx\n", "html", ours_html, pandoc_html,
              pandoc_html / ours_html);
  std::printf("%-10s %10.4f s %10.4f s %7.1fx\n", "latex", ours_tex, pandoc_tex,
              pandoc_tex / ours_tex);
  std::printf("%-10s %10.4f s %12s\n", "markdown", ours_md, "-");
  return 0;
}
