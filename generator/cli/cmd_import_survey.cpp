// `samrapport import-survey FILE.csv --survey ID`: a web form's CSV export to survey YAML.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "cli/commands.hpp"
#include "cli/content_source.hpp"
#include "common/atomic_output.hpp"
#include "survey_import/import_survey.hpp"

namespace samrapport::cli {

void add_import_survey(CLI::App& app, Action& action) {
  struct Args {
    std::string csv;
    std::string content;
    std::string out;
    survey_import::ImportOptions options;
    std::string separator;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "import-survey", "Turn a CSV export of a web form into a survey YAML file (surveys/ID.yaml)");
  cmd->add_option("file", args->csv, "The CSV file (UTF-8, with or without BOM; ; or , separated)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--survey", args->options.survey_id,
                  "Survey id: an existing survey of the content (its questions are used), or a "
                  "new id (questions inferred from the columns)");
  cmd->add_option("--content", args->content,
                  "Content directory that municipality names are checked against (default: the "
                  "built-in content)");
  cmd->add_option("-o,--out", args->out,
                  "Write the YAML here (default: standard output); written only when there "
                  "are no errors");
  cmd->add_option("--title", args->options.title, "Title of a new survey");
  cmd->add_option("--municipality-column", args->options.municipality_column,
                  "Header of the column naming the municipality or municipalities");
  cmd->add_option("--respondent-column", args->options.respondent_column,
                  "Header of the respondent column");
  cmd->add_option("--role-column", args->options.role_column, "Header of the role column");
  cmd->add_flag("--keep-existing", args->options.keep_existing_responses,
                "Keep the responses the existing survey has, before the imported ones");
  cmd->add_option("--separator", args->separator, "Field separator (default: detected)")
      ->check(CLI::IsMember({",", ";", "\t"}));
  cmd->callback([&action, args] {
    action = [args] {
      const auto tree = open_content(args->content);
      const auto content = load_or_report(*tree);
      if (!content) return 1;
      if (!args->separator.empty()) args->options.separator = args->separator[0];
      std::ifstream in(args->csv, std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      Diagnostics diags;
      const auto result =
          survey_import::import_survey_csv(bytes.str(), args->csv, args->options, *content, diags);
      if (args->content.empty() && !result.existing_survey && !result.survey_id.empty()) {
        diags.warning(SourcePos{args->csv, 0, 0},
                      "survey '" + result.survey_id +
                          "' is not in the built-in example content, and no --content was "
                          "given: the municipalities were checked against the example "
                          "(Buskerud 2021), not your own; give --content DIR to import into "
                          "your content");
      }
      diags.sort();
      diags.print(std::cerr);
      if (diags.has_errors() || result.yaml.empty()) return 1;
      if (args->out.empty()) {
        std::cout << result.yaml;
      } else {
        write_file_atomically(args->out, result.yaml);
        std::cerr << args->out << ": " << result.responses << " responses to survey '"
                  << result.survey_id << "'\n";
      }
      return 0;
    };
  });
}

}  // namespace samrapport::cli
