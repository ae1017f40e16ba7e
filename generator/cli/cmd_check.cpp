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
