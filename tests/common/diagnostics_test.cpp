#include "common/diagnostics.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace samrapport {
namespace {

// A value quoted in a message cannot drive the terminal: control characters are shown as
// \u001b (an escape sequence in a municipality name once set the terminal title).
TEST(Diagnostics, ControlCharactersInMessagesAreEscaped) {
  Diagnostics d;
  d.error(SourcePos{"content/a\x1b.yaml", 3, 4},
          "unknown municipality 'Hol\x1b]0;pwned\x07' \x7f \xc2\x9b and \xc3\x86\xc3\x98 \ttab");
  std::ostringstream out;
  d.print(out);
  EXPECT_EQ(out.str(),
            "content/a\\u001b.yaml:3:4: error: unknown municipality 'Hol\\u001b]0;pwned\\u0007' "
            "\\u007f \\u009b and \xc3\x86\xc3\x98 \ttab\n1 error, 0 warnings\n");
  EXPECT_EQ(escape_controls("a\nb\0c"), "a\nb");
  EXPECT_EQ(escape_controls(std::string_view("a\0c", 3)), "a\\u0000c");
}

}  // namespace
}  // namespace samrapport
