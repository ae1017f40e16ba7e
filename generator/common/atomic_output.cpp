#include "common/atomic_output.hpp"

#include <unistd.h>

#include <fstream>
#include <stdexcept>
#include <system_error>

namespace samrapport {

namespace fs = std::filesystem;

namespace {

std::string pid_suffix() {
  return std::to_string(static_cast<long>(::getpid()));
}

void write_bytes(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error(path.string() + ": cannot open for writing");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw std::runtime_error(path.string() + ": write failed");
}

}  // namespace

StagedDirectory::StagedDirectory(fs::path target) : target_(std::move(target)) {
  if (target_.filename().empty()) target_ = target_.parent_path();
  staging_ = target_;
  staging_ += ".tmp-" + pid_suffix();
  std::error_code ec;
  fs::remove_all(staging_, ec);
  fs::create_directories(staging_);
}

StagedDirectory::~StagedDirectory() {
  if (!committed_) {
    std::error_code ec;
    fs::remove_all(staging_, ec);
  }
}

void StagedDirectory::write(std::string_view relative, std::string_view bytes) {
  const fs::path rel(relative);
  if (rel.is_absolute() || rel.lexically_normal().string().starts_with("..")) {
    throw std::runtime_error(std::string(relative) + ": output path leaves the output directory");
  }
  const fs::path path = staging_ / rel;
  fs::create_directories(path.parent_path());
  write_bytes(path, bytes);
}

void StagedDirectory::commit() {
  std::error_code ec;
  fs::path old = target_;
  old += ".old-" + pid_suffix();
  const bool had_target = fs::exists(target_, ec);
  if (had_target) fs::rename(target_, old);
  try {
    fs::rename(staging_, target_);
  } catch (...) {
    if (had_target) fs::rename(old, target_, ec);
    throw;
  }
  committed_ = true;
  if (had_target) fs::remove_all(old, ec);
}

void write_file_atomically(const fs::path& path, std::string_view bytes) {
  if (!path.parent_path().empty()) fs::create_directories(path.parent_path());
  fs::path tmp = path;
  tmp += ".tmp-" + pid_suffix();
  try {
    write_bytes(tmp, bytes);
    fs::rename(tmp, path);
  } catch (...) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw;
  }
}

}  // namespace samrapport
