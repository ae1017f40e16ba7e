// Times the analysis after loading: analyse() and to_json() on a content directory, run
// several times. Prints one line per run and a summary with the median and the peak
// memory (for bench/analysis/run.sh).
//
//   bench_analysis DIR [--repeat N] [--threads N]
//
// Wall time is what a user waits; CPU time (all threads) is printed beside it because it
// is less disturbed by other work on the machine.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "analysis/analyse.hpp"
#include "analysis/surveys.hpp"
#include "analysis/to_json.hpp"
#include "common/diagnostics.hpp"
#include "common/source_tree.hpp"
#include "content/reader.hpp"
#include "process_clock.hpp"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// Peak resident set size of the process so far, in MiB.
double peak_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_analysis DIR [--repeat N]\n";
    return 2;
  }
  int repeat = 11;
  samrapport::analysis::Options options;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    if (arg == "--threads" && i + 1 < argc) {
      options.threads = static_cast<unsigned>(std::max(0, std::atoi(argv[++i])));
    }
  }
  const auto tree = samrapport::open_directory(argv[1]);
  samrapport::Diagnostics diags;
  const auto content = samrapport::content::load_content(*tree, diags);
  if (diags.has_errors()) {
    diags.print(std::cerr);
    return 1;
  }
  const double after_load = peak_mib();

  std::vector<double> analyse_s, json_s, total_s, cpu_s, surveys_s;
  std::size_t json_bytes = 0;
  for (int r = 0; r < repeat; ++r) {
    const double cpu_start = samrapport::bench::cpu_seconds();
    const auto start = std::chrono::steady_clock::now();
    auto results = samrapport::analysis::analyse(content, options);
    const double a = seconds_since(start);
    const auto json_start = std::chrono::steady_clock::now();
    const auto json = samrapport::analysis::to_json(std::move(results));
    const double j = seconds_since(json_start);
    cpu_s.push_back(samrapport::bench::cpu_seconds() - cpu_start);
    analyse_s.push_back(a);
    json_s.push_back(j);
    total_s.push_back(a + j);
    if (r == 0) json_bytes = json.dump().size();
    // The survey part alone (it is inside analyse(); analysis/surveys.cpp), for the split.
    const auto surveys_start = std::chrono::steady_clock::now();
    const auto surveys = samrapport::analysis::analyse_surveys(content);
    surveys_s.push_back(seconds_since(surveys_start));
    std::printf("run %d: analyse %.2f ms  to_json %.2f ms  total %.2f ms  cpu %.2f ms\n", r + 1,
                a * 1e3, j * 1e3, (a + j) * 1e3, cpu_s.back() * 1e3);
  }
  std::printf(
      "%zu municipalities  %zu arrangements  median: analyse %.1f ms  to_json %.1f ms  total "
      "%.1f ms  (cpu %.1f ms)  surveys alone %.1f ms  peak RSS %.1f MiB (%.1f MiB after "
      "loading)  JSON %.1f MiB\n",
      content.municipalities.size(), content.arrangements.size(), median(analyse_s) * 1e3,
      median(json_s) * 1e3, median(total_s) * 1e3, median(cpu_s) * 1e3, median(surveys_s) * 1e3,
      peak_mib(), after_load, static_cast<double>(json_bytes) / (1024.0 * 1024.0));
  return 0;
}
