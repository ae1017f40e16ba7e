// Checks on the raw bytes of a content file, made before any parser sees them: size,
// NUL bytes, encoding (UTF-8 only) and flow-collection nesting depth.
//
// yaml-cpp reads ahead over flow collections ([ and {) before its parser can stop a
// runaway nesting, so the flow depth is bounded here, on the text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace samrapport::content {

/// The largest content file samrapport reads (16 MiB).
inline constexpr std::size_t kMaxFileBytes = std::size_t{16} << 20;
/// The deepest nesting of YAML collections accepted.
inline constexpr int kMaxNestingDepth = 256;

/// A problem in the raw text, at a byte offset.
struct InputProblem {
  std::size_t offset = 0;
  std::string message;
};

/// 1-based line and column (in characters) of a byte offset in `text`.
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn line_column_at(std::string_view text, std::size_t offset);

/// Size, NUL bytes, UTF-16/32 byte-order marks, invalid UTF-8. Returns the first problem.
std::optional<InputProblem> check_text_bytes(std::string_view text);

/// Flow collections ([ ... ] and { ... }) nested deeper than kMaxNestingDepth. A
/// conservative scan: quoted scalars and comments are skipped; brackets inside plain
/// scalars of block context are not counted.
std::optional<InputProblem> check_flow_depth(std::string_view text);

}  // namespace samrapport::content
