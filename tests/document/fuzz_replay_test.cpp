// Replays the committed document fuzz corpora (tests/fuzz/corpus/document.b64 and
// markdown.b64) through the document stage and the Markdown reader, so that every build
// (the sanitizer build included) exercises the seeds (size and depth) and what the fuzzers
// found.
#include <gtest/gtest.h>

#include <string>

#include "corpus_reader.hpp"
#include "document_fuzz_target.hpp"

namespace {

TEST(DocumentFuzzReplay, DocumentStageCorpus) {
  const auto inputs = samrapport::fuzz::read_corpus(SAMRAPPORT_FUZZ_CORPUS, "document");
  EXPECT_GE(inputs.size(), 20u);  // at least the seeds
  for (const std::string& s : inputs) {
    EXPECT_EQ(samrapport::fuzz::fuzz_document(samrapport::fuzz::bytes_of(s), s.size()), 0);
  }
}

TEST(DocumentFuzzReplay, MarkdownReaderCorpus) {
  const auto inputs = samrapport::fuzz::read_corpus(SAMRAPPORT_FUZZ_CORPUS, "markdown");
  EXPECT_GE(inputs.size(), 20u);
  for (const std::string& s : inputs) {
    EXPECT_EQ(samrapport::fuzz::fuzz_markdown_reader(samrapport::fuzz::bytes_of(s), s.size()), 0);
  }
}

}  // namespace
