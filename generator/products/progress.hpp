// Progress of a build: one line per stage with its time ("  analysis      3 ms"),
// written to a stream (stderr) unless quiet. Plain lines, no bars: the same in a
// terminal and in a CI log.
#pragma once

#include <chrono>
#include <ostream>
#include <string>
#include <string_view>

namespace samrapport::products {

class Progress {
 public:
  Progress(std::ostream* out) : out_(out), start_(Clock::now()), stage_start_(start_) {}
  /// Ends the current stage: prints its name, its time and an optional detail.
  void stage(std::string_view name, std::string_view detail = {});
  /// Prints the total time.
  void done(std::string_view summary);

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream* out_;
  Clock::time_point start_;
  Clock::time_point stage_start_;
};

}  // namespace samrapport::products
