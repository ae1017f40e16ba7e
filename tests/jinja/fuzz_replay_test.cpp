// Replays the committed libFuzzer corpus (tests/fuzz/corpus) through the lexer, parser and
// renderer, so that every build exercises what the fuzzer found.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fuzz_targets.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> corpus(const std::string& sub) {
  std::vector<std::string> out;
  fs::path dir = fs::path(SAMRAPPORT_FUZZ_CORPUS) / sub;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    out.push_back(ss.str());
  }
  return out;
}

const auto* bytes(const std::string& s) {
  return reinterpret_cast<const std::uint8_t*>(s.data());
}

}  // namespace

TEST(FuzzReplay, LexerCorpus) {
  auto inputs = corpus("lexer");
  EXPECT_FALSE(inputs.empty());
  for (const auto& s : inputs) samrapport::fuzz::fuzz_lexer(bytes(s), s.size());
}

TEST(FuzzReplay, ParserCorpus) {
  auto inputs = corpus("parser");
  EXPECT_FALSE(inputs.empty());
  for (const auto& s : inputs) {
    samrapport::fuzz::fuzz_lexer(bytes(s), s.size());
    samrapport::fuzz::fuzz_parser(bytes(s), s.size());
  }
}

TEST(FuzzReplay, RenderCorpus) {
  auto inputs = corpus("render");
  EXPECT_FALSE(inputs.empty());
  for (const auto& s : inputs) samrapport::fuzz::fuzz_render(bytes(s), s.size());
}
