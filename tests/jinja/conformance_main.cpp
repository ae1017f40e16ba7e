// Runs the Jinja2 conformance corpus: conformance_main FILE [-v]
#include <cstring>
#include <iostream>

#include "jinja/conformance.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " CASES.jsonl [-v]\n";
    return 2;
  }
  bool verbose = argc > 2 && std::strcmp(argv[2], "-v") == 0;
  return samrapport::jinja::run_conformance(argv[1], std::cout, verbose);
}
