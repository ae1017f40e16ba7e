// Checks on raw bytes: encoding, NUL bytes, size, flow nesting depth.
#include <gtest/gtest.h>

#include <string>

#include "content/input_checks.hpp"

namespace samrapport::content {
namespace {

std::string problem(std::string_view text) {
  const auto p = check_text_bytes(text);
  return p ? std::to_string(p->offset) + ": " + p->message : "";
}

TEST(InputChecks, AcceptsUtf8) {
  EXPECT_EQ(problem("\xC3\x85l, Fl\xC3\xA5, \xE2\x82\xAC, \xF0\x9F\x98\x80\n"), "");
  EXPECT_EQ(problem(""), "");
}

TEST(InputChecks, RefusesInvalidUtf8) {
  EXPECT_EQ(problem("ab\xE5"),
            "2: invalid UTF-8 (byte 0xE5 at byte offset 2); content files must be UTF-8");
  EXPECT_NE(problem("\xC0\x80"), "");          // overlong
  EXPECT_NE(problem("\xED\xA0\x80"), "");      // surrogate
  EXPECT_NE(problem("\xF4\x90\x80\x80"), "");  // above U+10FFFF
  EXPECT_NE(problem("\xF5\x80\x80\x80"), "");
  EXPECT_NE(problem("\xC3"), "");  // truncated
  EXPECT_NE(problem("\x80"), "");  // stray continuation byte
}

TEST(InputChecks, RefusesNulBytesAndUtf16) {
  EXPECT_EQ(problem(std::string("a\nb\0c", 5)),
            "3: NUL byte at byte offset 3; content files must be UTF-8 text");
  EXPECT_EQ(problem("\xFF\xFEt\0"), "0: file is encoded as UTF-16; save it as UTF-8");
  EXPECT_EQ(problem(std::string("\xFF\xFE\0\0", 4)),
            "0: file is encoded as UTF-32; save it as UTF-8");
}

TEST(InputChecks, RefusesLargeFiles) {
  EXPECT_NE(problem(std::string(kMaxFileBytes + 1, 'a')), "");
  EXPECT_EQ(problem(std::string(1000, 'a')), "");
}

TEST(InputChecks, LineColumnCountsCharacters) {
  const std::string text = "ab\n\xC3\x85l: x\n";
  const LineColumn lc = line_column_at(text, 8);  // the 'x'
  EXPECT_EQ(lc.line, 2);
  EXPECT_EQ(lc.column, 5);
  EXPECT_EQ(line_column_at(text, 0).column, 1);
}

std::string depth_problem(std::string_view text) {
  const auto p = check_flow_depth(text);
  return p ? std::to_string(p->offset) + ": " + p->message : "";
}

TEST(InputChecks, FlowDepthLimit) {
  EXPECT_EQ(depth_problem(std::string(256, '[')), "");
  EXPECT_EQ(depth_problem(std::string(257, '[')),
            "256: collections are nested deeper than 256 levels");
  EXPECT_EQ(depth_problem("a: " + std::string(300, '{')),
            "259: collections are nested deeper than 256 levels");
  EXPECT_EQ(depth_problem("- - " + std::string(257, '[')),
            "260: collections are nested deeper than 256 levels");
}

TEST(InputChecks, FlowDepthIgnoresTextThatIsNotFlow) {
  const std::string many(300, '[');
  EXPECT_EQ(depth_problem("a: text " + many + "\n"), "");                 // inside a plain scalar
  EXPECT_EQ(depth_problem("a: ['" + many + "', \"" + many + "\"]"), "");  // quoted in flow
  EXPECT_EQ(depth_problem("a: [x] # " + many + "\n"), "");                // comment
  EXPECT_EQ(depth_problem("a: [it's " + many.substr(0, 10) + "]"), "");
}

}  // namespace
}  // namespace samrapport::content
