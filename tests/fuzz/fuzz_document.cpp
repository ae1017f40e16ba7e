// libFuzzer target: the document stage, Markdown -> parse_document -> every writer (build
// with -DSAMRAPPORT_FUZZ=ON and clang; see CMakeLists.txt here).
#include "document_fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return samrapport::fuzz::fuzz_document(data, size);
}
