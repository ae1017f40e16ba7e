// The bodies of the document-stage libFuzzer targets (fuzz_document.cpp,
// fuzz_markdown_reader.cpp), shared with the corpus replay test that runs in every build
// (tests/document/fuzz_replay_test.cpp).
#pragma once

#include <cstddef>
#include <cstdint>

namespace samrapport::fuzz {

/// The whole document stage: the input is the rendered Markdown (with samrapport's table
/// and figure blocks and reference markers); parse_document, then every writer (Markdown
/// with its SVG charts, HTML page and fragment, LaTeX). Bad input must give diagnostics,
/// never a crash, a hang or output out of proportion to the input.
int fuzz_document(const std::uint8_t* data, std::size_t size);

/// The Markdown reader (parse_document: cmark-gfm, the tree conversion with its depth
/// limit, declarations, numbering, cross-references), then the Markdown writer's output
/// read back again.
int fuzz_markdown_reader(const std::uint8_t* data, std::size_t size);

}  // namespace samrapport::fuzz
