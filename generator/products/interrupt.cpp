#include "products/interrupt.hpp"

#include <signal.h>

#include <atomic>
#include <csignal>

namespace samrapport::products {

namespace {

volatile std::sig_atomic_t g_stop = 0;
std::atomic<int> g_guards{0};
struct sigaction g_old_int, g_old_term, g_old_hup;

void on_signal(int sig) {
  if (g_stop) {
    // The second request: stop now, with the signal's default action.
    signal(sig, SIG_DFL);
    raise(sig);
    return;
  }
  g_stop = 1;
}

}  // namespace

InterruptGuard::InterruptGuard() {
  if (g_guards++ > 0) return;
  g_stop = 0;
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  // A signal the caller ignores (nohup, a background job without job control) stays ignored.
  auto install = [&sa](int sig, struct sigaction* old) {
    sigaction(sig, nullptr, old);
    if (old->sa_handler != SIG_IGN) sigaction(sig, &sa, nullptr);
  };
  install(SIGINT, &g_old_int);
  install(SIGTERM, &g_old_term);
  install(SIGHUP, &g_old_hup);
}

InterruptGuard::~InterruptGuard() {
  if (--g_guards > 0) return;
  sigaction(SIGINT, &g_old_int, nullptr);
  sigaction(SIGTERM, &g_old_term, nullptr);
  sigaction(SIGHUP, &g_old_hup, nullptr);
}

bool interrupted() {
  return g_stop != 0;
}

void throw_if_interrupted() {
  if (interrupted()) throw Interrupted();
}

}  // namespace samrapport::products
