// Replays the committed libFuzzer corpus (tests/fuzz/corpus) through the lexer, parser and
// renderer, so that every build exercises what the fuzzer found.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "fuzz_targets.hpp"

namespace fs = std::filesystem;

namespace {

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

std::string base64_decode(const std::string& line) {
  std::string out;
  int bits = 0;
  unsigned value = 0;
  for (char c : line) {
    int v = base64_value(c);
    if (v < 0) continue;  // '=' padding, line ends
    value = (value << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((value >> bits) & 0xFF);
    }
  }
  return out;
}

// tests/fuzz/corpus/<target>.b64: one base64-encoded input per line (see corpus.py).
std::vector<std::string> corpus(const std::string& target) {
  std::vector<std::string> out;
  std::ifstream in(fs::path(SAMRAPPORT_FUZZ_CORPUS) / (target + ".b64"));
  std::string line;
  while (std::getline(in, line)) out.push_back(base64_decode(line));
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
