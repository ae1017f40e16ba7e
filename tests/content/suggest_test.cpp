// "Did you mean": edit distance and the closest candidate.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "content/suggest.hpp"

namespace samrapport::content {
namespace {

TEST(Suggest, EditDistanceCountsCharacters) {
  EXPECT_EQ(edit_distance("kitten", "sitting", 10), 3u);
  EXPECT_EQ(edit_distance("\xC3\x85l", "Al", 10), 1u);         // Å is one character
  EXPECT_EQ(edit_distance("\xC3\x85l", "\xC3\xA5l", 10), 0u);  // case-folded
  EXPECT_EQ(edit_distance("Drammen", "drammen", 10), 0u);
  EXPECT_EQ(edit_distance("abcdef", "uvwxyz", 2), 3u);  // stops beyond the limit
  EXPECT_EQ(edit_distance("", "abc", 5), 3u);
}

TEST(Suggest, ClosestWithinTheLimit) {
  const std::vector<std::string> names = {"Drammen", "Lier", "\xC3\x98vre Eiker", "Ringerike"};
  EXPECT_EQ(closest("Drammn", names), "Drammen");
  EXPECT_EQ(closest("ovre Eiker", names), "\xC3\x98vre Eiker");
  EXPECT_EQ(closest("Bergen", names), std::nullopt);
  EXPECT_EQ(closest("lier", names), "Lier");
  const std::vector<std::string> tie = {"q1", "q2"};
  EXPECT_EQ(closest("q9", tie), "q1");  // ties go to the first
}

TEST(Suggest, Messages) {
  EXPECT_EQ(did_you_mean(std::string("x")), "; did you mean 'x'?");
  EXPECT_EQ(did_you_mean(std::nullopt), "");
  const std::string_view items[] = {"a", "b", "c"};
  EXPECT_EQ(join_list(items), "a, b, c");
}

}  // namespace
}  // namespace samrapport::content
