// libFuzzer target: render (build with -DSAMRAPPORT_FUZZ=ON and clang).
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return samrapport::fuzz::fuzz_render(data, size);
}
