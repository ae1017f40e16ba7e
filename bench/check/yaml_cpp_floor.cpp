// The floor under load_content(): yaml-cpp's parser alone, events discarded, over every
// YAML file of a content directory on one thread. Prints "WALL CPU" seconds.
//
//   bench_yaml_cpp_floor DIR
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "process_clock.hpp"

namespace {

class Discard final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: bench_yaml_cpp_floor DIR\n";
    return 2;
  }
  namespace fs = std::filesystem;
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = samrapport::bench::cpu_seconds();
  for (const auto& entry : fs::recursive_directory_iterator(argv[1])) {
    if (!entry.is_regular_file() || entry.path().extension() != ".yaml") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    YAML::Parser parser(text);
    Discard discard;
    parser.HandleNextDocument(discard);
  }
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%.4f %.4f\n", wall, samrapport::bench::cpu_seconds() - cpu_start);
  return 0;
}
