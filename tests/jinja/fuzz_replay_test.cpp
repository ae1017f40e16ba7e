// Replays the committed libFuzzer corpus (tests/fuzz/corpus) through the lexer, parser and
// renderer, so that every build exercises what the fuzzer found.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus_reader.hpp"
#include "fuzz_targets.hpp"

namespace {

std::vector<std::string> corpus(const std::string& target) {
  return samrapport::fuzz::read_corpus(SAMRAPPORT_FUZZ_CORPUS, target);
}

using samrapport::fuzz::bytes_of;

}  // namespace

TEST(FuzzReplay, LexerCorpus) {
  auto inputs = corpus("lexer");
  EXPECT_FALSE(inputs.empty());
  for (const auto& s : inputs) samrapport::fuzz::fuzz_lexer(bytes_of(s), s.size());
}

TEST(FuzzReplay, ParserCorpus) {
  auto inputs = corpus("parser");
  EXPECT_FALSE(inputs.empty());
  for (const auto& s : inputs) {
    samrapport::fuzz::fuzz_lexer(bytes_of(s), s.size());
    samrapport::fuzz::fuzz_parser(bytes_of(s), s.size());
  }
}

TEST(FuzzReplay, RenderCorpus) {
  auto inputs = corpus("render");
  EXPECT_FALSE(inputs.empty());
  for (const auto& s : inputs) samrapport::fuzz::fuzz_render(bytes_of(s), s.size());
}
