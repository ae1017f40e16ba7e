// Unicode data generated from Python (tools/gen_unicode_tables.py): code point property
// flags as sorted ranges, and the full case mappings of str.upper/lower/title.
#pragma once

#include <cstddef>
#include <cstdint>

namespace samrapport::jinja::unicode_data {

enum PropFlag : std::uint16_t {
  kSpace = 1 << 0,
  kAlpha = 1 << 1,
  kDecimal = 1 << 2,
  kDigit = 1 << 3,
  kNumeric = 1 << 4,
  kPrintable = 1 << 5,
  kUpper = 1 << 6,
  kLower = 1 << 7,
  kTitle = 1 << 8,
  kIdStart = 1 << 9,
  kIdContinue = 1 << 10,
};

struct CaseMapping {
  std::uint32_t cp;
  std::uint32_t to[3];  // unused slots are 0
};

extern const std::uint32_t kPropStarts[];
extern const std::uint16_t kPropValues[];
extern const std::size_t kPropCount;
extern const CaseMapping kUpperMap[];
extern const std::size_t kUpperMapCount;
extern const CaseMapping kLowerMap[];
extern const std::size_t kLowerMapCount;
extern const CaseMapping kTitleMap[];
extern const std::size_t kTitleMapCount;

}  // namespace samrapport::jinja::unicode_data
