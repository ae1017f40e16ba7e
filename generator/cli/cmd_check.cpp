// `samrapport check`: load and validate a content directory, render its templates and
// texts to memory, and report every problem.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/content_source.hpp"
#include "products/render_check.hpp"

namespace samrapport::cli {

void add_check(CLI::App& app, Action& action) {
  struct Args {
    std::string dir;
    std::vector<std::string> templates;
    bool strict = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("check", "Validate a content directory and report every problem");
  cmd->add_option("--content", args->dir,
                  "Content directory (default: the built-in Buskerud 2021 content)");
  cmd->add_option("--templates", args->templates,
                  "Template folder searched before the built-in templates (repeatable), as for "
                  "build");
  cmd->add_flag("--strict", args->strict, "Fail (exit status 1) on warnings too");
  cmd->footer(
      "Prints each problem as FILE:LINE:COLUMN: error|warning: MESSAGE, sorted by file and\n"
      "line, then a count. Besides the content, every page the build would make is rendered\n"
      "through its templates (to memory), every text/*.md too, and a text no template reads\n"
      "is a warning. Exit status 1 when there is any error (with --strict: any warning);\n"
      "nothing is written.");
  cmd->callback([&action, args] {
    action = [args] {
      const auto tree = open_content(args->dir);
      Diagnostics diags;
      const auto content = load_or_report(*tree, SIZE_MAX, &diags);
      if (content) products::check_rendering(*content, args->templates, diags);
      diags.sort();
      diags.print(std::cerr);
      if (!content || diags.has_errors()) return 1;
      if (args->strict && !diags.items().empty()) {
        std::cerr << "samrapport: error: --strict: the warnings above fail the check\n";
        return 1;
      }
      std::size_t in_scope = 0;
      for (const auto& m : content->municipalities) in_scope += m.in_scope ? 1 : 0;
      const auto n = [](std::size_t k, const char* one, const char* many) {
        return std::to_string(k) + " " + (k == 1 ? one : many);
      };
      std::cout << tree->display_root()
                << ": ok: " << n(content->municipalities.size(), "municipality", "municipalities")
                << " (" << in_scope << " in scope), "
                << n(content->arrangements.size(), "arrangement", "arrangements") << ", "
                << n(content->surveys.size(), "survey", "surveys") << ", "
                << n(content->datasets.size(), "dataset", "datasets") << "\n";
      return 0;
    };
  });
}

}  // namespace samrapport::cli
