// `samrapport templates list` and `samrapport templates export DIR [NAME...]`: the
// templates compiled into samrapport, and copies of them to edit. A build given
// `--templates DIR` looks in DIR before the built-in templates, so a user keeps there only
// the files they change (docs/templates.md).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "common/atomic_output.hpp"
#include "common/embedded_files.hpp"
#include "content/suggest.hpp"

namespace samrapport::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kPrefix = "templates/";

struct Template {
  std::string name;  // "report/nb/kap3.md.j2"
  std::string_view bytes;
};

std::vector<Template> builtin_templates() {
  std::vector<Template> out;
  for (const auto& f : embedded::files()) {
    const std::string_view p(f.path);
    if (p.starts_with(kPrefix))
      out.push_back({std::string(p.substr(kPrefix.size())), std::string_view(f.data, f.size)});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

// Does `name` (as the user wrote it) select template `t`? A full name, a folder
// ("report/nb", "lib/"), or a file name in any folder ("kap3.md.j2": every language's).
bool selects(std::string_view name, const std::string& t) {
  while (name.ends_with('/')) name.remove_suffix(1);
  if (name.empty()) return false;
  if (t == name) return true;
  if (t.size() > name.size() && t.starts_with(name) && t[name.size()] == '/') return true;
  if (name.find('/') == std::string_view::npos) {
    const auto slash = t.rfind('/');
    return t.substr(slash == std::string::npos ? 0 : slash + 1) == name;
  }
  return false;
}

std::optional<std::string> read_existing(const fs::path& p) {
  std::error_code ec;
  if (!fs::exists(p, ec)) return std::nullopt;
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int export_templates(const std::string& dir, const std::vector<std::string>& names, bool force) {
  const auto all = builtin_templates();
  std::vector<const Template*> chosen;
  std::vector<std::string> known;
  for (const auto& t : all) {
    known.push_back(t.name);
    const std::string base = fs::path(t.name).filename().string();
    if (std::find(known.begin(), known.end(), base) == known.end()) known.push_back(base);
  }
  bool unknown = false;
  for (const auto& n : names) {
    bool any = false;
    for (const auto& t : all) {
      if (!selects(n, t.name)) continue;
      any = true;
      if (std::find(chosen.begin(), chosen.end(), &t) == chosen.end()) chosen.push_back(&t);
    }
    if (!any) {
      std::cerr << "samrapport: error: no built-in template '" << n << "'"
                << content::did_you_mean(content::closest(n, known))
                << " (samrapport templates list shows them)\n";
      unknown = true;
    }
  }
  if (unknown) return 1;
  if (names.empty())
    for (const auto& t : all) chosen.push_back(&t);
  std::sort(chosen.begin(), chosen.end(),
            [](const Template* a, const Template* b) { return a->name < b->name; });

  // Every file is checked before any is written: an edited copy is never replaced unasked.
  std::vector<std::string> edited;
  for (const Template* t : chosen) {
    const auto existing = read_existing(fs::path(dir) / t->name);
    if (existing && *existing != t->bytes) edited.push_back(t->name);
  }
  if (!edited.empty() && !force) {
    for (const auto& e : edited)
      std::cerr << (fs::path(dir) / e).string()
                << ": exists and differs from the built-in template\n";
    std::cerr << "samrapport: error: nothing written; --force replaces "
              << (edited.size() == 1 ? "this file" : "these files") << " with the built-in "
              << (edited.size() == 1 ? "template" : "templates") << "\n";
    return 1;
  }
  for (const Template* t : chosen) {
    const fs::path target = fs::path(dir) / t->name;
    fs::create_directories(target.parent_path());
    write_file_atomically(target, t->bytes);
  }
  std::cerr << dir << ": wrote " << chosen.size()
            << (chosen.size() == 1 ? " template" : " templates") << ". Use them with\n"
            << "  samrapport build --templates " << dir << " ...\n"
            << "A file there replaces the built-in one of the same name; delete the ones you "
               "do not change, so that they keep following samrapport's own.\n";
  return 0;
}

}  // namespace

void add_templates(CLI::App& app, Action& action) {
  auto* cmd = app.add_subcommand(
      "templates", "List the built-in templates, or export them to a folder for editing");
  cmd->require_subcommand(1);
  cmd->footer(
      "A build given --templates DIR looks up each template in DIR first, then among the\n"
      "built-in ones: to change one part of a report, export that one file and edit it\n"
      "(docs/templates.md).");

  auto* list = cmd->add_subcommand("list", "Print the name of every built-in template");
  list->callback([&action] {
    action = [] {
      for (const auto& t : builtin_templates()) std::cout << t.name << '\n';
      return 0;
    };
  });

  struct ExportArgs {
    std::string dir;
    std::vector<std::string> names;
    bool force = false;
  };
  auto args = std::make_shared<ExportArgs>();
  auto* exp = cmd->add_subcommand(
      "export", "Write built-in templates into DIR, with their folders (report/nb/kap3.md.j2)");
  exp->add_option("dir", args->dir, "The folder to write into (created when missing)")->required();
  exp->add_option("name", args->names,
                  "Templates to write: a name (report/nb/kap3.md.j2), a folder (report/nb, "
                  "lib) or a file name in every folder (kap3.md.j2); default: all");
  exp->add_flag("--force", args->force, "Replace files in DIR that differ from the built-in ones");
  exp->callback([&action, args] {
    action = [args] { return export_templates(args->dir, args->names, args->force); };
  });
}

}  // namespace samrapport::cli
