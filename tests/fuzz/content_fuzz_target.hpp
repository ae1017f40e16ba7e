// The body of the content libFuzzer target (fuzz_content.cpp), shared with the corpus
// replay test that runs in every build (tests/content/fuzz_replay_test.cpp).
#pragma once

#include <cstddef>
#include <cstdint>

namespace samrapport::fuzz {

/// The first byte picks one file of a small valid content directory
/// (tests/bad-content/_base); the rest of the input replaces that file. The content is
/// loaded and validated on one thread; when it has no errors, it is also analysed and the
/// results exported as JSON. Bad input must give diagnostics, never a crash or a hang.
int fuzz_content(const std::uint8_t* data, std::size_t size);

}  // namespace samrapport::fuzz
