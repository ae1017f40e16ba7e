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

}  // namespace

void write_file_bytes(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error(path.string() + ": cannot open for writing");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw std::runtime_error(path.string() + ": write failed");
}

void write_file_atomically(const fs::path& path, std::string_view bytes) {
  if (!path.parent_path().empty()) fs::create_directories(path.parent_path());
  fs::path tmp = path;
  tmp += ".tmp-" + pid_suffix();
  try {
    write_file_bytes(tmp, bytes);
    fs::rename(tmp, path);
  } catch (...) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw;
  }
}

}  // namespace samrapport
