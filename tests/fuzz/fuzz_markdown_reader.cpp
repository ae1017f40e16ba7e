// libFuzzer target: the Markdown reader, and the Markdown writer's output read back (build
// with -DSAMRAPPORT_FUZZ=ON and clang; see CMakeLists.txt here).
#include "document_fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return samrapport::fuzz::fuzz_markdown_reader(data, size);
}
