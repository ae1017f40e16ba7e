// The conformance runner: renders every case of a file in the jinja-conformance
// cases.jsonl format and compares with what Jinja2 produced.
#pragma once

#include <ostream>
#include <string>

namespace samrapport::jinja {

struct ConformanceSummary {
  int passed = 0;
  int failed = 0;
  int core_failed = 0;
  int extended_failed = 0;
  int core_total = 0;
  int extended_total = 0;
};

/// Runs every case of `jsonl_path`; prints one line per failing case (`ID: reason`), then
/// `N passed, M failed`. Returns 1 if a `core` case failed (or the file cannot be read),
/// else 0. With `verbose`, failures also show the template, expected and actual output.
int run_conformance(const std::string& jsonl_path, std::ostream& out, bool verbose = false);

/// The same, returning the counts (for tests and tooling).
ConformanceSummary run_conformance_summary(const std::string& jsonl_path, std::ostream& out,
                                           bool verbose = false);

}  // namespace samrapport::jinja
