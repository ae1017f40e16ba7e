#include "common/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace samrapport::common {
namespace {

TEST(Utf8, ValidText) {
  EXPECT_TRUE(valid_utf8(""));
  EXPECT_TRUE(valid_utf8("Ål Øvre Eiker € 😀"));
}

TEST(Utf8, InvalidSequences) {
  EXPECT_FALSE(valid_utf8("\xC5l"));             // truncated (Latin-1 Å)
  EXPECT_FALSE(valid_utf8("\x80"));              // stray continuation byte
  EXPECT_FALSE(valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(valid_utf8("\xE0\x80\xAF"));      // overlong, three bytes
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(valid_utf8("\xF0\x9F\x98"));      // truncated emoji
}

TEST(Utf8, SequenceLength) {
  const std::string s = "aæ€😀";
  EXPECT_EQ(utf8_sequence_length(s, 0), 1u);
  EXPECT_EQ(utf8_sequence_length(s, 1), 2u);
  EXPECT_EQ(utf8_sequence_length(s, 3), 3u);
  EXPECT_EQ(utf8_sequence_length(s, 6), 4u);
  EXPECT_EQ(utf8_sequence_length(s, 2), 0u);  // inside æ
}

TEST(Utf8, AppendEncodesEveryLength) {
  std::string out;
  for (const char32_t cp : {U'a', U'ø', U'€', U'😀'}) append_utf8(out, cp);
  EXPECT_EQ(out, "aø€😀");
}

TEST(Utf8, LengthCountsCodePoints) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("Ål og Gol"), 9u);
  EXPECT_EQ(utf8_length("😀€"), 2u);
}

}  // namespace
}  // namespace samrapport::common
