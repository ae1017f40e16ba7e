// `samrapport check`: load and validate a content directory, report every problem.
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/content_source.hpp"

namespace samrapport::cli {

void add_check(CLI::App& app, Action& action) {
  auto* cmd = app.add_subcommand("check", "Validate a content directory and report every problem");
  auto dir = std::make_shared<std::string>();
  cmd->add_option("--content", *dir,
                  "Content directory (default: the built-in Buskerud 2021 content)");
  cmd->footer(
      "Prints each problem as FILE:LINE:COLUMN: error|warning: MESSAGE, sorted by file and\n"
      "line, then a count. Exit status 1 when there is any error; nothing is written.");
  cmd->callback([&action, dir] {
    action = [dir] {
      const auto tree = open_content(*dir);
      const auto content = load_or_report(*tree);
      if (!content) return 1;
      std::size_t in_scope = 0;
      for (const auto& m : content->municipalities) in_scope += m.in_scope ? 1 : 0;
      std::cout << tree->display_root() << ": ok: " << content->municipalities.size()
                << " municipalities (" << in_scope << " in scope), " << content->arrangements.size()
                << " arrangements, " << content->surveys.size() << " surveys, "
                << content->datasets.size() << " datasets\n";
      return 0;
    };
  });
}

}  // namespace samrapport::cli
