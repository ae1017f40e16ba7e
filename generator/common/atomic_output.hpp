// One file written atomically (a temporary file beside it, then rename()): a reader sees
// the old file or the new one, never half of it. Folders: common/output_folder.hpp.
#pragma once

#include <filesystem>
#include <string_view>

namespace samrapport {

/// Writes `bytes` to `path` (created or truncated); throws std::runtime_error on failure.
void write_file_bytes(const std::filesystem::path& path, std::string_view bytes);

/// Writes one file atomically: a temporary file in the same directory, then rename().
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace samrapport
