// samrapport: static reports on inter-municipal cooperation, from YAML content.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "content/suggest.hpp"

#ifndef SAMRAPPORT_VERSION
#define SAMRAPPORT_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  CLI::App app{
      "samrapport: reports on inter-municipal cooperation (interkommunalt samarbeid),\n"
      "built from a directory of YAML content. Without --content, the built-in\n"
      "Buskerud 2021 content is used.",
      "samrapport"};
  app.set_version_flag("--version", std::string("samrapport ") + SAMRAPPORT_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  samrapport::cli::Action action;
  samrapport::cli::add_check(app, action);
  samrapport::cli::add_analysis(app, action);
  samrapport::cli::add_build(app, action);
  samrapport::cli::add_products(app, action);
  samrapport::cli::add_import_survey(app, action);
  samrapport::cli::add_jinja_conformance(app, action);
  samrapport::cli::add_init(app, action);
  samrapport::cli::add_templates(app, action);
  samrapport::cli::add_export_xlsx(app, action);

  // A misspelt command: name the closest one instead of CLI11's "A subcommand is required".
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  if (argc > 1 && argv[1][0] != '-' &&
      std::find(names.begin(), names.end(), argv[1]) == names.end()) {
    std::cerr << "samrapport: error: unknown command '" << argv[1] << "'"
              << samrapport::content::did_you_mean(samrapport::content::closest(argv[1], names))
              << " (samrapport --help lists the commands)\n";
    return 106;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  try {
    return action ? action() : 0;
  } catch (const std::exception& e) {
    std::cerr << "samrapport: error: " << e.what() << '\n';
    return 2;
  }
}
