#include "products/child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "products/interrupt.hpp"

extern char** environ;

namespace samrapport::products {

namespace {

// The environment of the child: ours with `extra` added or replaced.
std::vector<std::string> child_environment(const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    const std::string_view entry(*e);
    bool replaced = false;
    for (const auto& x : extra) {
      const std::size_t eq = x.find('=');
      if (entry.substr(0, entry.find('=')) == std::string_view(x).substr(0, eq)) replaced = true;
    }
    if (!replaced) env.emplace_back(entry);
  }
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// The supervisor, after fork(): only async-signal-safe calls from here on.
[[noreturn]] void supervise(int watch_fd, int out_fd, const char* cwd, char** argv, char** envp) {
  ::setpgid(0, 0);  // a group of its own: Ctrl-C at the terminal does not reach it directly
  const pid_t tool = ::fork();
  if (tool < 0) ::_exit(126);
  if (tool == 0) {
    ::dup2(out_fd, 1);
    ::dup2(out_fd, 2);
    int devnull = ::open("/dev/null", O_RDONLY);
    if (devnull >= 0) ::dup2(devnull, 0);
    if (::chdir(cwd) != 0) ::_exit(126);
    ::execvpe(argv[0], argv, envp);
    ::_exit(127);
  }
  for (;;) {
    struct pollfd p {};
    p.fd = watch_fd;
    p.events = POLLIN;
    const int r = ::poll(&p, 1, 100);
    if (r > 0 && (p.revents & (POLLIN | POLLHUP | POLLERR))) {
      // The build closed its end or died: nobody wants the result.
      ::kill(-::getpid(), SIGKILL);
      ::_exit(125);
    }
    int status = 0;
    const pid_t done = ::waitpid(tool, &status, WNOHANG);
    if (done == tool) {
      // Whatever the tool left running in the group goes with it.
      ::signal(SIGTERM, SIG_IGN);
      ::kill(-::getpid(), SIGTERM);
      if (WIFEXITED(status)) ::_exit(WEXITSTATUS(status));
      ::_exit(128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0));
    }
  }
}

}  // namespace

int run_child(const ChildCommand& cmd) {
  if (cmd.argv.empty()) throw std::runtime_error("run_child: no command");
  std::vector<std::string> args = cmd.argv;
  std::vector<std::string> env = child_environment(cmd.env);
  std::vector<char*> argv = c_strings(args);
  std::vector<char*> envp = c_strings(env);
  const std::string cwd = cmd.cwd.string();

  const int out_fd = ::open(cmd.output.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (out_fd < 0) {
    throw std::runtime_error(cmd.output.string() + ": cannot open: " + std::strerror(errno));
  }
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    ::close(out_fd);
    throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  }
  const pid_t supervisor = ::fork();
  if (supervisor < 0) {
    ::close(out_fd);
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  }
  if (supervisor == 0) {
    // Keep only what the supervisor needs: other builds' pipes must not stay open here.
    const int watch = ::fcntl(pipe_fds[0], F_DUPFD, 1000);
    const int out = ::fcntl(out_fd, F_DUPFD, 1000);
    if (watch < 0 || out < 0) ::_exit(126);
    ::dup2(watch, 3);
    ::dup2(out, 4);
    ::close_range(5, ~0U, 0);
    ::fcntl(3, F_SETFD, FD_CLOEXEC);
    ::fcntl(4, F_SETFD, FD_CLOEXEC);
    // The default dispositions: the build's own handlers must not run here.
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    ::signal(SIGHUP, SIG_DFL);
    supervise(3, 4, cwd.c_str(), argv.data(), envp.data());
  }
  ::close(out_fd);
  ::close(pipe_fds[0]);
  ::setpgid(supervisor, supervisor);  // also done by the child; whichever runs first
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(supervisor, &status, WNOHANG);
    if (done == supervisor) break;
    if (done < 0 && errno != EINTR) break;
    if (interrupted()) {
      ::kill(-supervisor, SIGKILL);
      ::close(pipe_fds[1]);
      ::waitpid(supervisor, &status, 0);
      throw Interrupted();
    }
    ::usleep(20'000);
  }
  ::close(pipe_fds[1]);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

}  // namespace samrapport::products
