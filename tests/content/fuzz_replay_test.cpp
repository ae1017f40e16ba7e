// Replays the committed content fuzz corpus (tests/fuzz/corpus/content.b64) through
// loading, validation and analysis, so that every build (the sanitizer build included)
// exercises what the fuzzer found.
#include <gtest/gtest.h>

#include <string>

#include "content_fuzz_target.hpp"
#include "corpus_reader.hpp"

namespace {

TEST(ContentFuzzReplay, CorpusLoadsWithoutCrashing) {
  const auto inputs = samrapport::fuzz::read_corpus(SAMRAPPORT_FUZZ_CORPUS, "content");
  EXPECT_GE(inputs.size(), 8u);  // at least the seeds: one per content file
  for (const std::string& s : inputs) {
    EXPECT_EQ(samrapport::fuzz::fuzz_content(samrapport::fuzz::bytes_of(s), s.size()), 0);
  }
}

}  // namespace
