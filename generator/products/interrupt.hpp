// Ctrl-C (SIGINT), SIGTERM and SIGHUP during a build: the first one asks the build to stop
// (running TeX processes are killed, nothing is committed, the old output stays); a second
// one ends the process at once. Checked at stage boundaries and while waiting for TeX.
#pragma once

#include <stdexcept>

namespace samrapport::products {

/// Thrown where a build notices that it was asked to stop.
class Interrupted : public std::runtime_error {
 public:
  Interrupted() : std::runtime_error("interrupted; the previous output is kept") {}
};

/// Installs the handlers for the life of the object (and restores the old ones after).
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
};

/// Whether a stop was asked for.
bool interrupted();
/// Throws Interrupted when a stop was asked for.
void throw_if_interrupted();

}  // namespace samrapport::products
