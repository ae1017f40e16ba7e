// `samrapport build`: every product the content supports (or the ones named), in
// Markdown, HTML, LaTeX and PDF, into OUT/.
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/content_source.hpp"
#include "products/pipeline.hpp"

namespace samrapport::cli {

void add_build(CLI::App& app, Action& action) {
  struct Args {
    products::BuildJob job;
    std::string formats;
    std::string products;
    bool quiet = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "build", "Build the products (survey report, eierskapsmeldinger ...) into OUT/");
  cmd->add_option("--content", args->job.content_dir,
                  "Content directory (default: the built-in Buskerud 2021 content)");
  cmd->add_option("--product", args->products,
                  "Comma-separated product ids (samrapport products lists them); default: "
                  "every product the content supports");
  cmd->add_option("--templates", args->job.template_dirs,
                  "Template folder searched before the built-in templates (repeatable); a "
                  "file there overrides the built-in one with the same name");
  cmd->add_option("--out", args->job.out_dir, "Output directory")->capture_default_str();
  auto* formats = cmd->add_option(
      "--formats", args->formats,
      "Comma-separated formats: md, html, tex, pdf (pdf needs TeX Live), and html-fragment "
      "(one <div> to paste into a website's CMS); default: each product's own");
  cmd->add_option("--template", args->job.entry_template,
                  "Use this entry template for every page (for trying a template)");
  cmd->add_flag("-q,--quiet", args->quiet, "No progress lines");
  cmd->add_option("--dump-markdown", args->job.dump_markdown,
                  "Also write the Markdown the templates produced below this folder, one file "
                  "per page (document errors then refer to its lines)");
  cmd->footer(
      "Each product is written to its own folder in OUT (samrapport products lists them). A\n"
      "build replaces only the files of the formats it makes, all at once, and only in\n"
      "folders samrapport made; on any error, or Ctrl-C, the previous output stays.");
  cmd->callback([&action, args, formats] {
    action = [args, formats] {
      auto& job = args->job;
      if (formats->count() > 0) {
        job.formats = products::parse_formats(args->formats);
        job.pdf_explicit = job.formats->count(products::Format::pdf) > 0;
      }
      if (!args->products.empty()) {
        job.products.clear();
        std::string item;
        for (char c : args->products + ",") {
          if (c == ',') {
            if (!item.empty()) job.products.push_back(item);
            item.clear();
          } else {
            item += c;
          }
        }
      }
      job.progress = args->quiet ? nullptr : &std::cerr;
      job.errors = &std::cerr;
      // The first progress line says where the content comes from (before its warnings).
      const auto tree = open_content(job.content_dir, false);
      if (job.progress)
        *job.progress << "  content       "
                      << (job.content_dir.empty() ? kBuiltinContentNote : tree->display_root())
                      << '\n';
      const auto content = load_or_report(*tree, 10);
      if (!content) return 1;
      return products::run_build(job, *content);
    };
  });
}

}  // namespace samrapport::cli
