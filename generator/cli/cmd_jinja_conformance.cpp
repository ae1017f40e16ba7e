// `samrapport jinja-conformance FILE`: run Jinja2 conformance cases against the engine.
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "jinja/conformance.hpp"

namespace samrapport::cli {

void add_jinja_conformance(CLI::App& app, Action& action) {
  struct Args {
    std::string file;
    bool verbose = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "jinja-conformance",
      "Run Jinja2 conformance cases (JSON lines, see docs/jinja.md) against samrapport's engine");
  cmd->add_option("file", args->file, "The cases file (e.g. tests/jinja/conformance/cases.jsonl)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_flag("-v,--verbose", args->verbose,
                "Show template, expected and actual output of each failing case");
  cmd->footer(
      "Prints one line per failing case id, then `N passed, M failed`.\n"
      "Exit status 1 if any `core` case fails.");
  cmd->callback([&action, args] {
    action = [args] { return jinja::run_conformance(args->file, std::cout, args->verbose); };
  });
}

}  // namespace samrapport::cli
