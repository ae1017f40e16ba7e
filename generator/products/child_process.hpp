// Running a tool (latexmk) so that it can never outlive the build: the tool and every
// process it starts run in a process group of their own under a small supervisor process.
// The supervisor kills the whole group when the build asks (Ctrl-C) or when the build
// process dies in any way, SIGKILL included (it watches a pipe that only the build holds).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace samrapport::products {

struct ChildCommand {
  std::vector<std::string> argv;  // argv[0] is looked up on PATH
  std::vector<std::string> env;   // "NAME=value" added to (or replacing in) the environment
  std::filesystem::path cwd;
  std::filesystem::path output;  // stdout and stderr go here
};

/// Runs `cmd` and waits. Returns its exit status (128 + signal when killed by a signal).
/// Throws Interrupted (products/interrupt.hpp) after killing the group when a stop is asked
/// for; std::runtime_error when it cannot be started.
int run_child(const ChildCommand& cmd);

}  // namespace samrapport::products
