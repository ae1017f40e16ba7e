// Files compiled into the binary (the default content/ and templates/), generated at
// build time by cmake/embed_files.cmake.
#pragma once

#include <cstddef>
#include <span>

namespace samrapport::embedded {

struct File {
  const char* path;  // "content/report.yaml", "templates/report/main.md.j2"
  const char* data;
  std::size_t size;
};

std::span<const File> files();

}  // namespace samrapport::embedded
