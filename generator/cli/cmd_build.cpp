// `samrapport build`: the county survey report in Markdown, HTML, LaTeX and PDF.
#include <unistd.h>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "outputs/report_job.hpp"

namespace samrapport::cli {

void add_build(CLI::App& app, Action& action) {
  struct Args {
    outputs::ReportJob job;
    std::string formats = "md,html,tex,pdf";
    bool quiet = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "build", "Build the report: output/<report id or title>/rapport.{md,html,tex,pdf}");
  cmd->add_option("--content", args->job.content_dir,
                  "Content directory (default: the built-in Buskerud 2021 content)");
  cmd->add_option("--templates", args->job.template_dirs,
                  "Template directory searched before the built-in templates (repeatable); a "
                  "file there overrides the built-in one with the same name");
  cmd->add_option("--out", args->job.out_dir, "Output directory")->capture_default_str();
  auto* formats =
      cmd->add_option("--formats", args->formats,
                      "Comma-separated formats: md, html, tex, pdf (pdf needs TeX Live), and "
                      "html-fragment (rapport.fragment.html, to paste into a website's CMS)")
          ->capture_default_str();
  cmd->add_option("--template", args->job.main_template, "The main template")
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", args->quiet, "No progress lines");
  cmd->add_option("--dump-markdown", args->job.dump_markdown,
                  "Also write the Markdown the templates produced to this file (document "
                  "errors then refer to its lines)");
  cmd->callback([&action, args, formats] {
    action = [args, formats] {
      args->job.formats = outputs::parse_formats(args->formats);
      args->job.pdf_explicit =
          formats->count() > 0 && args->job.formats.count(outputs::Format::pdf);
      args->job.progress = args->quiet ? nullptr : &std::cerr;
      args->job.errors = &std::cerr;
      return outputs::run_report_job(args->job);
    };
  });
}

}  // namespace samrapport::cli
