#include "survey_import/text_decoding.hpp"

#include <array>

#include "common/utf8.hpp"

namespace samrapport::survey_import {

namespace {

// Windows-1252 bytes 0x80-0x9F; the five undefined ones map to the C1 controls, as
// Windows itself does.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

std::string from_windows_1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      out += ch;
    } else if (b < 0xA0) {
      common::append_utf8(out, kCp1252High[b - 0x80]);
    } else {
      common::append_utf8(out, b);  // 0xA0-0xFF equal U+00A0-U+00FF
    }
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::optional<DecodedText> decode_text(std::string_view bytes, std::string& problem) {
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF") ||
      starts_with(bytes, std::string_view("\x00\x00\xFE\xFF", 4))) {
    problem = "the file is UTF-16 or UTF-32 text; save it as CSV UTF-8";
    return std::nullopt;
  }
  if (bytes.find('\0') != std::string_view::npos) {
    problem = "the file contains NUL bytes and is not a text file";
    return std::nullopt;
  }
  DecodedText out;
  if (starts_with(bytes, "\xEF\xBB\xBF")) {
    out.had_bom = true;
    bytes.remove_prefix(3);
  }
  if (common::valid_utf8(bytes)) {
    out.text = std::string(bytes);
  } else {
    out.text = from_windows_1252(bytes);
    out.from_windows_1252 = true;
  }
  return out;
}

}  // namespace samrapport::survey_import
