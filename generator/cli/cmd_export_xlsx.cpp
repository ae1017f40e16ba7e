// `samrapport export-xlsx`: one register workbook per municipality, for the municipalities
// to check and send back (docs/xlsx.md).
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/content_source.hpp"
#include "content/suggest.hpp"
#include "xlsx/export_workbook.hpp"

namespace samrapport::cli {

void add_export_xlsx(CLI::App& app, Action& action) {
  struct Args {
    std::string content;
    std::string out = "output/xlsx";
    std::vector<std::string> municipalities;
    bool quiet = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "export-xlsx",
      "Write one Excel workbook per municipality with its registered arrangements, to check "
      "and send back (import-xlsx)");
  cmd->add_option("--content", args->content, "Content directory (default: the built-in content)");
  cmd->add_option("--out", args->out, "Folder for the workbooks (default: output/xlsx)");
  cmd->add_option("--municipality", args->municipalities,
                  "Only these municipalities (name or kommunenummer; default: every one in "
                  "scope)");
  cmd->add_flag("-q,--quiet", args->quiet, "No summary line");
  cmd->callback([&action, args] {
    action = [args] {
      const auto tree = open_content(args->content);
      const auto content = load_or_report(*tree, 0);
      if (!content) return 1;
      std::vector<content::MunicipalityIdx> chosen;
      if (args->municipalities.empty()) {
        for (content::MunicipalityIdx m = 0; m < content->municipalities.size(); ++m)
          if (content->municipalities[m].in_scope) chosen.push_back(m);
      } else {
        std::vector<std::string> names;
        for (const auto& muni : content->municipalities) names.push_back(muni.name);
        bool bad = false;
        for (const auto& ref : args->municipalities) {
          const auto* muni = content->find_municipality(ref);
          if (!muni) {
            std::cerr << "samrapport: error: unknown municipality '" << ref << "'"
                      << content::did_you_mean(content::closest(ref, names)) << '\n';
            bad = true;
            continue;
          }
          chosen.push_back(
              static_cast<content::MunicipalityIdx>(muni - content->municipalities.data()));
        }
        if (bad) return 1;
      }
      std::filesystem::create_directories(args->out);
      for (const auto m : chosen) {
        const auto path = std::filesystem::path(args->out) / xlsx::workbook_file_name(*content, m);
        xlsx::write_register_workbook(*content, m, path);
      }
      if (!args->quiet) std::cerr << args->out << ": " << chosen.size() << " workbooks\n";
      return 0;
    };
  });
}

}  // namespace samrapport::cli
