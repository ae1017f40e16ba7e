#include "common/output_folder.hpp"

#include "common/atomic_output.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

namespace samrapport {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kManifestHeader = "samrapport-output 1";
constexpr const char* kLockName = ".samrapport.lock";
constexpr const char* kStagingName = ".samrapport-staging";

// SAMRAPPORT_FAULT=<point> kills the process with SIGKILL at that point of a commit, for the
// fault-injection tests of the output's atomicity (tests/cli: commit-faults).
void fault_point(const char* point) {
  const char* want = std::getenv("SAMRAPPORT_FAULT");
  if (want && std::strcmp(want, point) == 0) std::raise(SIGKILL);
}

// Whether `inner` is `outer` or lies inside it (both absolute and normalised).
bool is_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // a trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

fs::path absolute_normal(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(fs::absolute(p), ec);
  if (ec) c = fs::absolute(p).lexically_normal();
  std::string s = c.string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return fs::path(s);
}

void relative_path_check(const fs::path& rel, std::string_view shown) {
  const fs::path normal = rel.lexically_normal();
  if (rel.empty() || rel.is_absolute() || normal.empty() || *normal.begin() == "..") {
    throw std::runtime_error(std::string(shown) + ": output path leaves the output folder");
  }
}

}  // namespace

// ---------------------------------------------------------------- manifest

std::optional<OutputManifest> OutputManifest::read(const fs::path& folder) {
  const fs::path file = folder / kFileName;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(file, ec))) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  std::string line;
  if (!in || !std::getline(in, line) || line != kManifestHeader) {
    throw OutputRefused(file.string() + ": not a samrapport output manifest (expected '" +
                        std::string(kManifestHeader) + "' on its first line)");
  }
  OutputManifest m;
  while (std::getline(in, line)) {
    const std::size_t space = line.find(' ');
    if (space == std::string::npos) continue;
    const std::string key = line.substr(0, space);
    std::string value = line.substr(space + 1);
    if (key == "product")
      m.product = std::move(value);
    else
      m.files[key].insert(std::move(value));
  }
  return m;
}

std::string OutputManifest::to_text() const {
  std::string out(kManifestHeader);
  out += "\nproduct " + product + "\n";
  for (const auto& [format, paths] : files) {
    for (const auto& p : paths) out += format + " " + p + "\n";
  }
  return out;
}

// ---------------------------------------------------------------- lock

OutputLock::OutputLock(fs::path out_dir) : out_dir_(std::move(out_dir)) {
  if (out_dir_.empty()) out_dir_ = ".";
  std::error_code ec;
  const auto st = fs::status(out_dir_, ec);
  if (fs::exists(st) && !fs::is_directory(st)) {
    throw OutputRefused(out_dir_.string() + ": the output directory is not a directory");
  }
  fs::create_directories(out_dir_);
  const fs::path lock = out_dir_ / kLockName;
  fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd_ < 0) {
    throw OutputRefused(lock.string() + ": cannot open the output lock: " + std::strerror(errno));
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd_);
    fd_ = -1;
    if (err == EWOULDBLOCK) {
      throw OutputRefused("another build is writing " + out_dir_.string() + " (it holds " +
                          lock.string() + "); wait until it has finished");
    }
    throw OutputRefused(lock.string() + ": cannot lock: " + std::strerror(err));
  }
  // Holding the lock, nothing else is staging here: whatever is left is a killed build's.
  staging_root_ = out_dir_ / kStagingName;
  fs::remove_all(staging_root_, ec);
  fs::create_directories(staging_root_);
}

OutputLock::~OutputLock() {
  std::error_code ec;
  fs::remove_all(staging_root_, ec);
  if (fd_ >= 0) ::close(fd_);  // releases the flock
}

// ---------------------------------------------------------------- replace checks

void check_replaceable(const fs::path& target, std::string_view product,
                       const std::vector<fs::path>& protected_paths) {
  const fs::path t = absolute_normal(target);
  for (const auto& p : protected_paths) {
    if (p.empty()) continue;
    const fs::path q = absolute_normal(p);
    if (is_within(q, t)) {
      throw OutputRefused(target.string() + ": refusing to replace this folder: it " +
                          (q == t ? "is " : "holds ") + q.string() +
                          " (the content, a template folder or the working directory); "
                          "choose another --out");
    }
  }
  std::error_code ec;
  const auto st = fs::symlink_status(target, ec);
  if (!fs::exists(st)) return;
  if (fs::is_symlink(st)) {
    throw OutputRefused(target.string() +
                        ": refusing to replace a symbolic link; samrapport replaces only "
                        "folders it made");
  }
  if (!fs::is_directory(st)) {
    throw OutputRefused(target.string() +
                        ": exists and is not a folder samrapport made; move it away or "
                        "choose another --out");
  }
  const std::optional<OutputManifest> m = OutputManifest::read(target);
  if (!m) {
    throw OutputRefused(target.string() + ": exists but was not made by samrapport (it has no " +
                        std::string(OutputManifest::kFileName) +
                        "); samrapport replaces only folders it made: move it away or "
                        "choose another --out");
  }
  if (m->product != product) {
    throw OutputRefused(target.string() + ": holds the output of product '" + m->product +
                        "', not '" + std::string(product) + "'; choose another --out");
  }
}

// ---------------------------------------------------------------- staged folder

StagedFolder::StagedFolder(const OutputLock& lock, fs::path target, std::string product)
    : target_(std::move(target)) {
  if (target_.filename().empty()) target_ = target_.parent_path();
  manifest_.product = std::move(product);
  staging_ = lock.staging_root() /
             (target_.filename().string() + "." + std::to_string(static_cast<long>(::getpid())));
  std::error_code ec;
  fs::remove_all(staging_, ec);
  fs::create_directories(staging_);
}

StagedFolder::~StagedFolder() {
  std::error_code ec;
  fs::remove_all(staging_, ec);  // after commit() this holds the old folder
}

void StagedFolder::write(std::string_view relative, std::string_view bytes,
                         std::string_view format) {
  const fs::path rel(relative);
  relative_path_check(rel, relative);
  const fs::path path = staging_ / rel;
  fs::create_directories(path.parent_path());
  write_file_bytes(path, bytes);
  std::lock_guard lock(mutex_);
  manifest_.files[std::string(format)].insert(rel.lexically_normal().generic_string());
}

void StagedFolder::adopt(std::string_view relative, std::string_view format) {
  const fs::path rel(relative);
  relative_path_check(rel, relative);
  if (!fs::is_regular_file(staging_ / rel)) {
    throw std::runtime_error(std::string(relative) + ": expected in " + staging_.string());
  }
  std::lock_guard lock(mutex_);
  manifest_.files[std::string(format)].insert(rel.lexically_normal().generic_string());
}

void StagedFolder::carry_over(const std::set<std::string>& rebuilt) {
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(target_, ec))) return;
  const std::optional<OutputManifest> old = OutputManifest::read(target_);
  std::set<std::string> kept_listed;  // files listed by a format that is not rebuilt
  std::set<std::string> dropped;      // files only the rebuilt formats listed
  if (old) {
    for (const auto& [format, paths] : old->files) {
      if (rebuilt.count(format)) continue;
      kept_listed.insert(paths.begin(), paths.end());
      auto& mine = manifest_.files[format];
      mine.insert(paths.begin(), paths.end());
    }
    for (const auto& [format, paths] : old->files) {
      if (!rebuilt.count(format)) continue;
      for (const auto& p : paths)
        if (!kept_listed.count(p)) dropped.insert(p);
    }
  }
  for (auto it = fs::recursive_directory_iterator(target_);
       it != fs::recursive_directory_iterator(); ++it) {
    const auto st = it->symlink_status();
    if (fs::is_directory(st)) continue;
    const fs::path rel = it->path().lexically_relative(target_);
    const std::string name = rel.generic_string();
    if (name == OutputManifest::kFileName || dropped.count(name)) continue;
    const fs::path dest = staging_ / rel;
    if (fs::exists(fs::symlink_status(dest, ec))) continue;  // rebuilt now
    fs::create_directories(dest.parent_path());
    if (fs::is_symlink(st)) {
      fs::copy_symlink(it->path(), dest);
      continue;
    }
    fs::create_hard_link(it->path(), dest, ec);
    if (ec) fs::copy_file(it->path(), dest);
  }
}

void StagedFolder::commit(const std::set<std::string>& rebuilt) {
  carry_over(rebuilt);
  write_file_bytes(staging_ / OutputManifest::kFileName, manifest_.to_text());
  fault_point("before-commit");
  std::error_code ec;
  const bool had_target = fs::exists(fs::symlink_status(target_, ec));
  if (had_target) {
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0) {
      const int err = errno;
      if (err != EINVAL && err != ENOSYS) {
        throw std::runtime_error(target_.string() + ": cannot replace: " + std::strerror(err));
      }
      // A file system without RENAME_EXCHANGE: two renames, restored on failure.
      fs::path old = staging_;
      old += ".old";
      fs::rename(target_, old);
      try {
        fs::rename(staging_, target_);
      } catch (...) {
        fs::rename(old, target_, ec);
        throw;
      }
      fs::rename(old, staging_);
    }
  } else if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_NOREPLACE) !=
             0) {
    throw std::runtime_error(target_.string() +
                             ": cannot move the output into place: " + std::strerror(errno));
  }
  fault_point("after-commit");
  fs::remove_all(staging_, ec);  // the old folder, swapped out
}

}  // namespace samrapport
