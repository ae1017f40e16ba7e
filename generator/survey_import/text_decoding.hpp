// The bytes of a CSV file as UTF-8 text: the byte-order mark removed, and files that are
// not UTF-8 (Excel's "CSV (semikolonseparert)" writes Windows-1252) converted.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace samrapport::survey_import {

struct DecodedText {
  std::string text;                // UTF-8, without a byte-order mark
  bool had_bom = false;            // a UTF-8 byte-order mark was removed
  bool from_windows_1252 = false;  // the bytes were not UTF-8 and were read as Windows-1252
};

/// Decodes `bytes`. Returns nullopt and sets `problem` for input that cannot be text:
/// UTF-16/UTF-32 byte-order marks or NUL bytes.
std::optional<DecodedText> decode_text(std::string_view bytes, std::string& problem);

}  // namespace samrapport::survey_import
