// libFuzzer target: content loading, validation and analysis (build with
// -DSAMRAPPORT_FUZZ=ON and clang; see CMakeLists.txt here).
#include "content_fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  samrapport::fuzz::fuzz_content(data, size);
  return 0;
}
