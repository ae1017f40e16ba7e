// The bodies of the libFuzzer targets, shared with the corpus replay test that runs under
// every build (tests/jinja/fuzz_replay_test.cpp).
#pragma once

#include <cstddef>
#include <cstdint>

namespace samrapport::fuzz {

/// Tokenizes the input with every combination of lexer options.
int fuzz_lexer(const std::uint8_t* data, std::size_t size);
/// Tokenizes and parses the input as a template.
int fuzz_parser(const std::uint8_t* data, std::size_t size);
/// Parses and renders the input with a small context and tight safety limits.
int fuzz_render(const std::uint8_t* data, std::size_t size);

}  // namespace samrapport::fuzz
