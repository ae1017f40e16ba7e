// `samrapport analysis`: compute every table and figure of the report and print the
// result model (docs/analysis.md) as JSON.
#include <iostream>
#include <memory>
#include <string>

#include "analysis/analyse.hpp"
#include "analysis/to_json.hpp"
#include "cli/commands.hpp"
#include "cli/content_source.hpp"
#include "common/atomic_output.hpp"

namespace samrapport::cli {

void add_analysis(CLI::App& app, Action& action) {
  struct Args {
    std::string content;
    std::string out;
    bool json = false;
    int indent = 2;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "analysis",
      "Compute every table and figure of the report from the content (the `analysis` "
      "object of the templates)");
  cmd->add_option("--content", args->content,
                  "Content directory (default: the built-in Buskerud 2021 content)");
  cmd->add_flag("--json", args->json, "Write the result model as JSON (keys: docs/analysis.md)")
      ->required();
  cmd->add_option("-o,--out", args->out, "Write to this file instead of standard output");
  cmd->add_option("--indent", args->indent, "JSON indentation; -1 for one line")
      ->capture_default_str();
  cmd->callback([&action, args] {
    action = [args] {
      const auto tree = open_content(args->content);
      const auto content = load_or_report(*tree);
      if (!content) return 1;
      // The rvalue overload moves the survey part instead of copying it.
      const std::string text =
          analysis::to_json(analysis::analyse(*content)).dump(args->indent) + "\n";
      if (args->out.empty()) {
        std::cout << text;
      } else {
        write_file_atomically(args->out, text);
      }
      return 0;
    };
  });
}

}  // namespace samrapport::cli
