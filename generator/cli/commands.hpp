// The subcommands of the samrapport command line. Each registers itself on the CLI11
// app; main.cpp only builds the app and dispatches.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace samrapport::cli {

/// The action a subcommand runs once parsing succeeded; returns the exit status.
using Action = std::function<int()>;

void add_check(CLI::App& app, Action& action);
void add_analysis(CLI::App& app, Action& action);
void add_build(CLI::App& app, Action& action);
void add_products(CLI::App& app, Action& action);
void add_import_survey(CLI::App& app, Action& action);
void add_jinja_conformance(CLI::App& app, Action& action);
void add_init(CLI::App& app, Action& action);
void add_templates(CLI::App& app, Action& action);
void add_export_xlsx(CLI::App& app, Action& action);

}  // namespace samrapport::cli
