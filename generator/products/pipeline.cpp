#include "products/pipeline.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "analysis/analyse.hpp"
#include "common/atomic_output.hpp"
#include "common/diagnostics.hpp"
#include "common/output_folder.hpp"
#include "document/parse.hpp"
#include "jinja/environment.hpp"
#include "jinja/error.hpp"
#include "products/interrupt.hpp"
#include "products/pdf.hpp"
#include "products/progress.hpp"
#include "products/registry.hpp"
#include "products/renderer.hpp"
#include "products/template_context.hpp"
#include "products/template_loader.hpp"
#include "report_filters/escapers.hpp"
#include "report_filters/report_filters.hpp"
#include "writers/html_writer.hpp"
#include "writers/latex_writer.hpp"
#include "writers/markdown_writer.hpp"
#include "writers/output_file.hpp"

namespace samrapport::products {

namespace fs = std::filesystem;

namespace {

// Seconds since 1970-01-01 of a date (UTC midnight), from the civil calendar.
long long date_epoch(const content::Date& d) {
  const int y = d.month <= 2 ? d.year - 1 : d.year;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (static_cast<long long>(era) * 146097 + doe - 719468) * 86400LL;
}

std::string count_of(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// A front matter template's "key: value" lines into the title page fields.
void apply_front_matter(std::string_view text, document::DocumentMeta& meta) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view key = line.substr(0, colon);
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\r')) value.remove_suffix(1);
    const std::string v(value);
    if (key == "title")
      meta.title = v;
    else if (key == "subtitle")
      meta.subtitle = v;
    else if (key == "report_id")
      meta.report_id = v;
    else if (key == "client")
      meta.client = v;
    else if (key == "author")
      meta.author = v;
    else if (key == "place_date")
      meta.place_date = v;
  }
}

// A TeX run still to do: the staged folder's file it makes and what it needs.
struct PdfJob {
  StagedFolder* folder = nullptr;
  std::string relative_pdf;  // inside the folder
  std::string tex;
  fs::path work;
  std::string label;        // the PDF's path once committed, for messages
  std::string failed_copy;  // OUT/latex-errors/<product>/<page> (without extension)
};

// Runs the TeX jobs on every core; the first failure (or a stop) is rethrown after the
// running ones have ended, and no new one starts after it.
void run_pdf_jobs(std::vector<PdfJob>& jobs, long long epoch) {
  if (jobs.empty()) return;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t workers = std::min<std::size_t>(cores, jobs.size());
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;
  std::exception_ptr first;
  auto work = [&] {
    for (;;) {
      if (failed) return;
      const std::size_t i = next++;
      if (i >= jobs.size()) return;
      PdfJob& job = jobs[i];
      try {
        fs::create_directories(job.work);
        const fs::path tex = job.work / "input.tex";
        write_file_bytes(tex, job.tex);
        const fs::path pdf = job.folder->staging() / job.relative_pdf;
        fs::create_directories(pdf.parent_path());
        try {
          compile_pdf(tex, pdf, job.work / "run", epoch);
        } catch (const LatexFailed& e) {
          // Keep the LaTeX source and log where the user can read them.
          const fs::path keep(job.failed_copy);
          fs::create_directories(keep.parent_path());
          std::error_code ec;
          fs::copy_file(job.work / "run" / "document.tex", keep.string() + ".tex",
                        fs::copy_options::overwrite_existing, ec);
          fs::copy_file(job.work / "run" / "document.log", keep.string() + ".log",
                        fs::copy_options::overwrite_existing, ec);
          throw std::runtime_error(job.label + ": LaTeX failed; the previous output is kept.\n" +
                                   e.what() + "  The LaTeX source and log are kept as " +
                                   keep.string() + ".tex and .log");
        }
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!first) first = std::current_exception();
        failed = true;
        return;
      }
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < workers; ++i) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  if (first) std::rethrow_exception(first);
  for (auto& job : jobs) job.folder->adopt(job.relative_pdf, format_name(Format::pdf));
}

// The products a build makes: the named ones (each must be supported), or all supported.
std::vector<const Product*> products_to_build(const BuildJob& job, const ProductInput& in,
                                              std::ostream& err) {
  std::vector<const Product*> out;
  if (!job.products.empty()) {
    std::string list;
    for (const auto& p : job.products) list += (list.empty() ? "" : ",") + p;
    for (const Product* p : parse_products(list)) {
      const std::string why = p->unsupported(in);
      if (!why.empty())
        throw std::runtime_error("product '" + p->id +
                                 "' cannot be built from this content: " + why);
      out.push_back(p);
    }
    return out;
  }
  for (const auto& p : all_products()) {
    const std::string why = p.unsupported(in);
    if (why.empty())
      out.push_back(&p);
    else
      err << "samrapport: note: product '" << p.id << "' not built: " << why << '\n';
  }
  return out;
}

std::vector<fs::path> protected_paths(const BuildJob& job) {
  std::vector<fs::path> out;
  if (!job.content_dir.empty()) out.emplace_back(job.content_dir);
  for (const auto& d : job.template_dirs) out.emplace_back(d);
  if (!job.dump_markdown.empty()) out.emplace_back(job.dump_markdown);
  out.push_back(fs::current_path());
  return out;
}

// One product's pages, rendered and written into its staged folder.
struct ProductBuild {
  const Product* product = nullptr;
  std::set<Format> formats;
  std::unique_ptr<StagedFolder> folder;
};

class Build {
 public:
  Build(const BuildJob& job, const content::Content& content, std::ostream& err)
      : job_(job), content_(content), err_(err), progress_(job.progress) {}

  int run();

 private:
  int build_product(ProductBuild& pb, const ProductInput& in, OutputLock& lock);
  bool write_page(ProductBuild& pb, const Page& page, const std::string& markdown,
                  const std::string& source_name, OutputLock& lock, std::ostream& diags_out);
  /// A new template environment of `p` in `lang`, for one worker (kept to the end of the build).
  Renderer& new_renderer(const Product& p, content::Language lang);

  const BuildJob& job_;
  const content::Content& content_;
  std::ostream& err_;
  Progress progress_;
  std::mutex mutex_;  // renderers_ and pdf_jobs_ while pages are made in parallel
  std::vector<std::unique_ptr<Renderer>> renderers_;
  std::vector<PdfJob> pdf_jobs_;
  std::atomic<std::size_t> files_{0};
};

Renderer& Build::new_renderer(const Product& p, content::Language lang) {
  auto r = std::make_unique<Renderer>(make_renderer(p, lang, job_.template_dirs, content_));
  std::lock_guard guard(mutex_);
  renderers_.push_back(std::move(r));
  return *renderers_.back();
}

bool Build::write_page(ProductBuild& pb, const Page& page, const std::string& markdown,
                       const std::string& source_name, OutputLock& lock, std::ostream& diags_out) {
  document::DocumentMeta meta = page.meta;
  meta.language = std::string(content::to_string(page.language));
  meta.source_name = source_name;
  Diagnostics doc_diags;
  const document::Document doc = document::parse_document(markdown, meta, doc_diags);
  doc_diags.sort();
  doc_diags.print(diags_out);
  if (doc_diags.has_errors()) return false;

  const fs::path dir(page.folder);
  auto rel = [&](Format f) { return (dir / format_file(f, page.stem)).generic_string(); };
  auto has = [&](Format f) { return pb.formats.count(f) > 0; };
  StagedFolder& folder = *pb.folder;
  if (has(Format::md) || has(Format::html)) {
    std::vector<writers::OutputFile> figures;
    const std::string md = writers::write_markdown(doc, figures);
    if (has(Format::md)) {
      folder.write(rel(Format::md), md, format_name(Format::md));
      ++files_;
    }
    for (const auto& f : figures) {
      const std::string path = (dir / f.path).generic_string();
      for (Format owner : {Format::md, Format::html})
        if (has(owner)) folder.write(path, f.content, format_name(owner));
      ++files_;
    }
  }
  if (has(Format::html)) {
    folder.write(rel(Format::html), writers::write_html(doc), format_name(Format::html));
    ++files_;
  }
  if (has(Format::html_fragment)) {
    writers::HtmlOptions fragment;
    fragment.standalone = false;
    fragment.title_page = false;  // the CMS page has its own title
    folder.write(rel(Format::html_fragment), writers::write_html(doc, fragment),
                 format_name(Format::html_fragment));
    ++files_;
  }
  if (has(Format::tex) || has(Format::pdf)) {
    std::string tex = writers::write_latex(doc);
    if (has(Format::tex)) {
      folder.write(rel(Format::tex), tex, format_name(Format::tex));
      ++files_;
    }
    if (has(Format::pdf)) {
      PdfJob pj;
      pj.folder = &folder;
      pj.relative_pdf = rel(Format::pdf);
      pj.tex = std::move(tex);
      pj.label = (fs::path(pb.folder->target()) / pj.relative_pdf).string();
      pj.failed_copy =
          (lock.out_dir() / "latex-errors" / pb.product->id / dir / page.stem).string();
      pj.work = lock.staging_root() / "tex" / pb.product->id / dir / page.stem;
      std::lock_guard guard(mutex_);
      pdf_jobs_.push_back(std::move(pj));
    }
  }
  return true;
}

int Build::build_product(ProductBuild& pb, const ProductInput& in, OutputLock& lock) {
  const Product& product = *pb.product;
  const std::vector<Page> pages = product.pages(in);
  const std::size_t files_before = files_.load();
  // What one page left: a template error stops the build; document diagnostics and write
  // errors are printed for every page, in page order, after all have run.
  struct PageResult {
    std::string template_error;
    std::string diagnostics;
    std::vector<std::string> warnings;
    std::size_t bytes = 0;
    bool ok = false;
  };
  std::vector<PageResult> results(pages.size());

  // Every core takes pages: templates -> document -> writers. Each worker has template
  // environments of its own (a template's state is the worker's), and shares the context,
  // which rendering only reads. After a template error no page after it starts, so the
  // error reported (the first page's in page order) is the same in every run.
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> first_failed{pages.size()};
  std::mutex stop_mutex;
  std::exception_ptr stop;  // an interrupt or an unexpected failure, rethrown after the join
  auto render_page = [&](std::map<content::Language, Renderer*>& mine, std::size_t i) {
    const Page& page = pages[i];
    PageResult& result = results[i];
    Renderer*& r = mine[page.language];
    if (!r) r = &new_renderer(product, page.language);
    const std::string entry = job_.entry_template.empty() ? page.entry : job_.entry_template;
    const std::string lang(content::to_string(page.language));
    r->state->page_context = page_context(in.context, lang, page.vars);
    std::string markdown;
    Page resolved = page;
    std::string entry_name;
    try {
      jinja::TemplatePtr tpl = r->env->get_template(entry);
      entry_name = tpl->name();
      r->env->render_to(markdown, *tpl, r->state->page_context);
      if (!page.front_matter.empty()) {
        apply_front_matter(r->env->render(page.front_matter, r->state->page_context),
                           resolved.meta);
      }
    } catch (const jinja::TemplateError& e) {
      result.template_error = escape_controls(e.what());  // a value may hold any byte
      r->state->warnings.clear();
      std::size_t seen = first_failed.load();
      while (i < seen && !first_failed.compare_exchange_weak(seen, i)) {
      }
      return;
    }
    result.warnings = std::move(r->state->warnings);
    r->state->warnings.clear();
    r->state->page_context = jinja::Value();
    result.bytes = markdown.size();
    std::string source_name = entry_name;
    if (source_name.ends_with(".j2")) source_name.resize(source_name.size() - 3);
    if (!job_.dump_markdown.empty()) {
      const fs::path dump =
          fs::path(job_.dump_markdown) / product.id / page.folder / (page.stem + ".md");
      write_file_atomically(dump, markdown);
      source_name = dump.string();
    }
    std::ostringstream out;
    try {
      result.ok = write_page(pb, resolved, markdown, source_name, lock, out);
    } catch (const std::exception& e) {
      out << "samrapport: error: " << page.label << ": " << e.what() << '\n';
      result.ok = false;
    }
    result.diagnostics = out.str();
  };
  auto work = [&] {
    std::map<content::Language, Renderer*> mine;
    try {
      for (std::size_t i; (i = next++) < pages.size() && i < first_failed.load();) {
        throw_if_interrupted();
        render_page(mine, i);
      }
    } catch (...) {
      std::lock_guard guard(stop_mutex);
      if (!stop) stop = std::current_exception();
      first_failed = 0;  // no new page anywhere
    }
  };
  const std::size_t workers = std::min<std::size_t>(
      std::max(1u, std::thread::hardware_concurrency()), std::max<std::size_t>(pages.size(), 1));
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < workers; ++i) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  if (stop) std::rethrow_exception(stop);

  if (const std::size_t f = first_failed.load(); f < pages.size()) {
    err_ << results[f].template_error << '\n';
    return 1;
  }
  bool ok = true;
  std::size_t bytes = 0;
  // A warning templates raised, with the pages that raised it: said once per product.
  std::vector<std::pair<std::string, std::vector<std::string>>> warnings;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    PageResult& result = results[i];
    err_ << result.diagnostics;
    ok = ok && result.ok;
    bytes += result.bytes;
    for (auto& w : result.warnings) {
      auto it = std::find_if(warnings.begin(), warnings.end(),
                             [&](const auto& x) { return x.first == w; });
      if (it == warnings.end()) it = warnings.insert(warnings.end(), {std::move(w), {}});
      it->second.push_back(pages[i].label);
    }
  }
  if (!ok) return 1;
  for (const auto& [message, labels] : warnings) {
    err_ << "samrapport: warning: " << product.id;
    if (pages.size() > 1) {
      err_ << " ("
           << (labels.size() == pages.size() ? "every page"
                                             : count_of(labels.size(), "page", "pages"))
           << ": ";
      for (std::size_t i = 0; i < labels.size() && i < 5; ++i)
        err_ << (i ? ", " : "") << escape_controls(labels[i]);
      if (labels.size() > 5) err_ << " ...";
      err_ << ")";
    }
    err_ << ": " << escape_controls(message) << '\n';
  }
  progress_.stage(product.id, count_of(pages.size(), "page", "pages") + ", " +
                                  std::to_string(bytes / 1024) + " KiB Markdown, " +
                                  count_of(files_.load() - files_before, "file", "files"));
  return 0;
}

int Build::run() {
  // 1. Analysis and the template context, once for every product.
  const analysis::Results results = analysis::analyse(content_);
  const jinja::Value context = make_template_context(content_, results);
  progress_.stage("analysis");
  const ProductInput in{content_, results, context};

  check_template_dirs(job_.template_dirs);
  const std::vector<const Product*> products = products_to_build(job_, in, err_);

  // 2. The output directory: locked, every target checked before anything is written.
  OutputLock lock(job_.out_dir);
  const std::vector<fs::path> keep = protected_paths(job_);
  std::vector<ProductBuild> builds;
  std::map<std::string, std::string> folders;  // folder -> product
  for (const Product* p : products) {
    ProductBuild pb;
    pb.product = p;
    for (Format f : job_.formats ? *job_.formats : p->default_formats)
      if (p->formats.count(f)) pb.formats.insert(f);
    if (pb.formats.empty()) continue;
    const std::string name = p->folder(in);
    if (auto [it, fresh] = folders.emplace(name, p->id); !fresh) {
      throw OutputRefused("products '" + it->second + "' and '" + p->id + "' would both write " +
                          (lock.out_dir() / name).string());
    }
    const fs::path target = lock.out_dir() / name;
    check_replaceable(target, p->id, keep);
    pb.folder = std::make_unique<StagedFolder>(lock, target, p->id);
    builds.push_back(std::move(pb));
  }

  bool want_pdf = false;
  for (auto& pb : builds) want_pdf = want_pdf || pb.formats.count(Format::pdf);
  if (want_pdf && !latexmk_available()) {
    if (job_.pdf_explicit) {
      throw std::runtime_error(
          "PDF requested but latexmk is not installed (scripts/install-deps.sh installs TeX "
          "Live)");
    }
    err_ << "samrapport: note: latexmk not found; PDF skipped (scripts/install-deps.sh "
            "installs TeX Live)\n";
    for (auto& pb : builds) pb.formats.erase(Format::pdf);
  }

  // 3. Every product's pages: templates -> document -> writers, into staging.
  for (auto& pb : builds) {
    if (const int status = build_product(pb, in, lock); status != 0) return status;
  }
  // The order in which parallel writers queued them does not matter, but keep it fixed.
  std::sort(pdf_jobs_.begin(), pdf_jobs_.end(),
            [](const PdfJob& a, const PdfJob& b) { return a.label < b.label; });

  // 4. PDFs, in parallel. A failed run keeps its .tex and log for the user.
  throw_if_interrupted();
  if (!pdf_jobs_.empty()) {
    run_pdf_jobs(pdf_jobs_, date_epoch(content_.report.reference_date));
    progress_.stage("pdf", count_of(pdf_jobs_.size(), "PDF", "PDFs") + " (latexmk)");
  }

  // 5. Everything succeeded: swap every folder into place.
  throw_if_interrupted();
  for (auto& pb : builds) {
    std::set<std::string> rebuilt;
    for (Format f : pb.formats) rebuilt.insert(std::string(format_name(f)));
    pb.folder->commit(rebuilt);
  }
  const std::vector<std::string> unused = [&] {
    std::set<std::string> used;
    for (const auto& r : renderers_) {
      const auto u = r->loader->used_user_files();
      used.insert(u.begin(), u.end());
    }
    return unused_template_overrides(job_.template_dirs, used);
  }();
  for (const auto& u : unused) err_ << "samrapport: warning: " << u << '\n';
  std::string summary;
  for (const auto& pb : builds)
    summary += (summary.empty() ? "" : ", ") + pb.folder->target().string();
  progress_.done(summary);
  return 0;
}

}  // namespace

int run_build(const BuildJob& job, const content::Content& content) {
  std::ostream& err = job.errors ? *job.errors : std::cerr;
  InterruptGuard guard;
  try {
    Build build(job, content, err);
    return build.run();
  } catch (const Interrupted& e) {
    err << "samrapport: " << e.what() << '\n';
    return 130;
  }
}

}  // namespace samrapport::products
