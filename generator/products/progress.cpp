#include "products/progress.hpp"

#include <fmt/format.h>

namespace samrapport::products {

namespace {
std::string format_ms(std::chrono::steady_clock::duration d) {
  const double ms = std::chrono::duration<double, std::milli>(d).count();
  return ms < 10 ? fmt::format("{:.1f} ms", ms) : fmt::format("{:.0f} ms", ms);
}
}  // namespace

void Progress::stage(std::string_view name, std::string_view detail) {
  const auto now = Clock::now();
  if (out_) {
    *out_ << fmt::format("  {:<10} {:>9}", name, format_ms(now - stage_start_));
    if (!detail.empty()) *out_ << "  " << detail;
    *out_ << '\n' << std::flush;
  }
  stage_start_ = now;
}

void Progress::done(std::string_view summary) {
  if (out_) {
    *out_ << fmt::format("  {:<10} {:>9}  {}", "total", format_ms(Clock::now() - start_), summary)
          << '\n'
          << std::flush;
  }
}

}  // namespace samrapport::products
