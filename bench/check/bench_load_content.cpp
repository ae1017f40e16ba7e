// Loads a content directory with load_content() and reports the diagnostics and the
// time taken, for bench/check/run.sh (the median of several runs is taken there).
//
//   bench_load_content DIR [--repeat N] [--threads N] [--quiet]

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "common/diagnostics.hpp"
#include "common/source_tree.hpp"
#include "content/reader.hpp"
#include "process_clock.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_load_content DIR [--repeat N] [--threads N] [--quiet]\n";
    return 2;
  }
  const std::string dir = argv[1];
  int repeat = 1;
  bool quiet = false;
  samrapport::content::LoadOptions options;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::atoi(argv[++i]);
    } else if (arg == "--threads" && i + 1 < argc) {
      options.threads = static_cast<unsigned>(std::atoi(argv[++i]));
    } else if (arg == "--quiet") {
      quiet = true;
    }
  }
  const auto tree = samrapport::open_directory(dir);
  int status = 0;
  for (int r = 0; r < repeat; ++r) {
    samrapport::Diagnostics diags;
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = samrapport::bench::cpu_seconds();
    const auto content = samrapport::content::load_content(*tree, diags, options);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu = samrapport::bench::cpu_seconds() - cpu_start;
    if (!quiet || diags.has_errors()) diags.print(std::cerr);
    std::printf(
        "%.4f %.4f s (wall, cpu)  %zu municipalities  %zu arrangements  %zu surveys  %zu errors  "
        "%zu warnings\n",
        seconds, cpu, content.municipalities.size(), content.arrangements.size(),
        content.surveys.size(), diags.error_count(), diags.warning_count());
    status = diags.has_errors() ? 1 : 0;
  }
  return status;
}
