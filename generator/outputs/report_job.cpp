#include "outputs/report_job.hpp"

#include <filesystem>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "analysis/analyse.hpp"
#include "common/atomic_output.hpp"
#include "common/diagnostics.hpp"
#include "common/source_tree.hpp"
#include "content/reader.hpp"
#include "document/parse.hpp"
#include "jinja/environment.hpp"
#include "jinja/error.hpp"
#include "outputs/pdf.hpp"
#include "outputs/progress.hpp"
#include "outputs/template_context.hpp"
#include "outputs/template_loader.hpp"
#include "report_filters/escapers.hpp"
#include "report_filters/report_filters.hpp"
#include "writers/html_writer.hpp"
#include "writers/latex_writer.hpp"
#include "writers/markdown_writer.hpp"
#include "writers/output_file.hpp"

namespace samrapport::outputs {

namespace fs = std::filesystem;

std::set<Format> parse_formats(const std::string& list) {
  std::set<Format> out;
  std::stringstream ss(list);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (item == "md")
      out.insert(Format::md);
    else if (item == "html")
      out.insert(Format::html);
    else if (item == "html-fragment")
      out.insert(Format::html_fragment);
    else if (item == "tex")
      out.insert(Format::tex);
    else if (item == "pdf")
      out.insert(Format::pdf);
    else if (!item.empty())
      throw std::invalid_argument("unknown format '" + item +
                                  "' (expected md, html, html-fragment, tex, pdf)");
  }
  if (out.empty())
    throw std::invalid_argument("no format given (expected md, html, html-fragment, tex, pdf)");
  return out;
}

std::string slugify(std::string_view text) {
  std::string out;
  bool dash = false;
  auto put = [&](std::string_view s) {
    if (dash && !out.empty()) out += '-';
    dash = false;
    out += s;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isalnum(c)) {
      const char lower = static_cast<char>(std::tolower(c));
      put(std::string_view(&lower, 1));
      continue;
    }
    const std::string_view rest = text.substr(i);
    if (rest.starts_with("Æ") || rest.starts_with("æ")) {
      put("ae");
      ++i;
    } else if (rest.starts_with("Ø") || rest.starts_with("ø")) {
      put("o");
      ++i;
    } else if (rest.starts_with("Å") || rest.starts_with("å")) {
      put("a");
      ++i;
    } else {
      dash = true;
    }
  }
  return out.empty() ? std::string("rapport") : out;
}

namespace {

document::DocumentMeta document_meta(const content::Content& c, const ReportJob& job) {
  document::DocumentMeta meta;
  const auto& r = c.report;
  meta.title = r.title;
  meta.subtitle = r.subtitle.value_or("");
  meta.report_id = r.report_id.value_or("");
  meta.client = r.client.value_or("");
  meta.author = r.author;
  meta.place_date = r.place_date.value_or("");
  meta.language = std::string(content::to_string(r.language));
  meta.source_name = job.dump_markdown.empty() ? "report/rapport.md" : job.dump_markdown;
  return meta;
}

// Seconds since 1970-01-01 of a date (UTC midnight), from the civil calendar.
long long date_epoch(const content::Date& d) {
  const int y = d.month <= 2 ? d.year - 1 : d.year;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (static_cast<long long>(era) * 146097 + doe - 719468) * 86400LL;
}

// A build shows the first `limit` content warnings; `samrapport check` lists them all.
void print_warnings(const Diagnostics& diags, std::ostream& err, std::size_t limit) {
  std::size_t shown = 0;
  for (const auto& d : diags.items()) {
    if (shown == limit) break;
    err << format_diagnostic(d) << '\n';
    ++shown;
  }
  if (diags.items().size() > shown) {
    err << "samrapport: " << diags.items().size() - shown
        << " more warnings (samrapport check lists them all)\n";
  }
}

std::string count_files(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " file" : " files");
}

}  // namespace

int run_report_job(const ReportJob& job) {
  std::ostream& err = job.errors ? *job.errors : std::cerr;
  Progress progress(job.progress);

  // 1. Content.
  const std::unique_ptr<SourceTree> tree =
      job.content_dir.empty() ? open_embedded("content") : open_directory(job.content_dir);
  if (!tree) throw std::runtime_error("this samrapport was built without default content");
  Diagnostics diags;
  const content::Content content = content::load_content(*tree, diags);
  diags.sort();
  if (diags.has_errors()) {
    diags.print(err);
    return 1;
  }
  print_warnings(diags, err, 10);
  progress.stage("content", tree->display_root());

  // 2. Analysis.
  const analysis::Results results = analysis::analyse(content);
  progress.stage("analysis");

  // 3. Templates -> Markdown.
  const locale::Lang lang = locale::lang_from(content::to_string(content.report.language));
  jinja::Options options;
  options.undefined = jinja::UndefinedMode::Strict;
  options.trim_blocks = true;
  options.lstrip_blocks = true;
  options.keep_trailing_newline = true;
  // The report is Markdown: templates named for a format escape for it, and templates
  // without one (macro libraries such as lib/report.j2) escape for Markdown too, so that
  // their macros return safe Markdown rather than text the caller would escape again.
  options.autoescape = [](std::string_view name) {
    jinja::EscaperPtr e = report_filters::autoescape_for(name);
    return e ? e : report_filters::markdown_escaper();
  };
  jinja::Environment env(options);
  env.set_loader(make_template_loader(job.template_dirs));
  report_filters::register_report_filters(env, lang);
  const jinja::Value context = make_template_context(content, results);
  register_text_function(env, content, context);
  std::string markdown;
  try {
    markdown = env.render(job.main_template, context);
  } catch (const jinja::TemplateError& e) {
    err << e.what() << '\n';
    return 1;
  }
  progress.stage("templates", std::to_string(markdown.size() / 1024) + " KiB Markdown");
  if (!job.dump_markdown.empty()) write_file_atomically(job.dump_markdown, markdown);

  // 4. Document tree: numbering and cross-references, once, for every format.
  Diagnostics doc_diags;
  const document::Document doc =
      document::parse_document(markdown, document_meta(content, job), doc_diags);
  doc_diags.sort();
  doc_diags.print(err);
  if (doc_diags.has_errors()) return 1;
  progress.stage("document", std::to_string(doc.tables.size()) + " tables, " +
                                 std::to_string(doc.figures.size()) + " figures");

  // 5. Writers, into a staging directory beside the target.
  const std::string slug =
      slugify(content.report.report_id ? *content.report.report_id : content.report.title);
  const fs::path target = fs::path(job.out_dir) / slug;
  fs::create_directories(job.out_dir);
  StagedDirectory staged(target);
  std::size_t files = 0;
  auto has = [&](Format f) { return job.formats.count(f) > 0; };
  if (has(Format::md) || has(Format::html)) {
    std::vector<writers::OutputFile> figures;
    const std::string md = writers::write_markdown(doc, figures);
    if (has(Format::md)) {
      staged.write("rapport.md", md);
      ++files;
    }
    for (const auto& f : figures) {
      staged.write(f.path, f.content);
      ++files;
    }
  }
  if (has(Format::html)) {
    staged.write("rapport.html", writers::write_html(doc));
    ++files;
  }
  if (has(Format::html_fragment)) {
    writers::HtmlOptions fragment;
    fragment.standalone = false;
    fragment.title_page = false;  // the CMS page has its own title
    staged.write("rapport.fragment.html", writers::write_html(doc, fragment));
    ++files;
  }
  const bool want_pdf = has(Format::pdf);
  if (has(Format::tex) || want_pdf) {
    staged.write("rapport.tex", writers::write_latex(doc));
    ++files;
  }
  progress.stage("writers", count_files(files));

  // 6. PDF (TeX's part; skipped with a note when TeX Live is missing and pdf was implied).
  if (want_pdf) {
    if (latexmk_available()) {
      compile_pdf(staged.staging(), "rapport.tex", date_epoch(content.report.reference_date));
      if (!has(Format::tex)) fs::remove(staged.staging() / "rapport.tex");
      progress.stage("pdf", "latexmk");
    } else if (job.pdf_explicit) {
      throw std::runtime_error(
          "PDF requested but latexmk is not installed "
          "(scripts/install-deps.sh installs TeX Live)");
    } else {
      err << "samrapport: note: latexmk not found; PDF skipped (scripts/install-deps.sh "
             "installs TeX Live)\n";
    }
  }

  staged.commit();
  progress.done(target.string());
  return 0;
}

}  // namespace samrapport::outputs
