// samrapport: static reports on inter-municipal cooperation, from YAML content.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "cli/commands.hpp"

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
