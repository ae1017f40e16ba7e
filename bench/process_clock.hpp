// Process-wide CPU time for the benchmark drivers: user + system time of every thread.
#pragma once

#include <ctime>

namespace samrapport::bench {

inline double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace samrapport::bench
