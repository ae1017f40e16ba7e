// `samrapport init DIR [--language nb|nn|en]`: a small, valid, commented content directory
// to start from (two municipalities, three arrangements, one survey question), written in
// the chosen language. The files are resources/init/<lang>/, compiled into the binary.
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

#include "cli/commands.hpp"
#include "common/atomic_output.hpp"
#include "common/embedded_files.hpp"

namespace samrapport::cli {

namespace fs = std::filesystem;

namespace {

std::string_view language_name(std::string_view lang) {
  if (lang == "nn") return "nynorsk";
  if (lang == "en") return "English";
  return "bokmål";
}

// Writes the starter files of `lang` into `dir`: first into a hidden folder beside it, then
// renamed into place, so that an interrupted init leaves no half-written content directory.
std::size_t write_starter(const fs::path& dir, std::string_view lang) {
  const std::string prefix = "resources/init/" + std::string(lang) + "/";
  const fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
  const fs::path staging =
      parent / ("." + dir.filename().string() + ".init-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(staging, ec);
  std::size_t n = 0;
  try {
    fs::create_directories(staging);
    for (const auto& f : embedded::files()) {
      const std::string_view path(f.path);
      if (!path.starts_with(prefix)) continue;
      const fs::path target = staging / std::string(path.substr(prefix.size()));
      fs::create_directories(target.parent_path());
      write_file_bytes(target, std::string_view(f.data, f.size));
      ++n;
    }
    if (n == 0) throw std::runtime_error("this samrapport was built without the init files");
    // rename(2) replaces an empty directory, and refuses one that is not empty.
    fs::rename(staging, dir);
  } catch (...) {
    fs::remove_all(staging, ec);
    throw;
  }
  return n;
}

}  // namespace

void add_init(CLI::App& app, Action& action) {
  struct Args {
    std::string dir;
    std::string language = "nb";
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "init", "Create a small, commented content directory to start a report of your own from");
  cmd->add_option("dir", args->dir, "The new content directory (must not exist, or be empty)")
      ->required();
  cmd->add_option("--language", args->language,
                  "The language of the report and of the comments: nb (bokmål), nn (nynorsk) "
                  "or en (English)")
      ->check(CLI::IsMember({"nb", "nn", "en"}))
      ->capture_default_str();
  cmd->footer(
      "Writes report.yaml, municipalities.yaml, tasks.yaml, arrangements/, surveys/ and\n"
      "text/ for two example municipalities, each field explained in a comment. Then:\n"
      "  samrapport check --content DIR\n"
      "  samrapport build --content DIR");
  cmd->callback([&action, args] {
    action = [args] {
      fs::path dir = fs::path(args->dir).lexically_normal();
      if (dir.filename().empty()) dir = dir.parent_path();  // "new/" is "new"
      std::error_code ec;
      const auto st = fs::symlink_status(dir, ec);
      if (fs::exists(st)) {
        if (!fs::is_directory(st)) {
          std::cerr << "samrapport: error: " << args->dir
                    << ": exists and is not a folder; init writes a new content folder\n";
          return 1;
        }
        if (!fs::is_empty(dir, ec) || ec) {
          std::cerr << "samrapport: error: " << args->dir
                    << ": folder is not empty; init writes only into a new or empty folder, "
                       "so that no file of yours is replaced (choose another name)\n";
          return 1;
        }
      }
      const std::size_t n = write_starter(dir, args->language);
      std::cerr << args->dir << ": wrote " << n << " files (example content in "
                << language_name(args->language) << "). Next:\n"
                << "  samrapport check --content " << args->dir << "\n"
                << "  samrapport build --content " << args->dir << "\n";
      return 0;
    };
  });
}

}  // namespace samrapport::cli
