// Folder names from titles and names: ASCII, short enough for any file system.
#include "products/slug.hpp"

#include <gtest/gtest.h>

#include <string>

using samrapport::products::slugify;

TEST(Slugify, NorwegianLetters) {
  EXPECT_EQ(slugify("NIVI Rapport 2021:4"), "nivi-rapport-2021-4");
  EXPECT_EQ(slugify("Ål og Hol"), "al-og-hol");
  EXPECT_EQ(slugify("Bærum"), "baerum");
  EXPECT_EQ(slugify("Øvre Eiker"), "ovre-eiker");
}

TEST(Slugify, SamiAndOtherScripts) {
  EXPECT_EQ(slugify("Guovdageaidnu ŧ Kárášjohka"), "guovdageaidnu-t-karasjohka");
  EXPECT_EQ(slugify("Ωmega"), "omega");
  EXPECT_EQ(slugify("!!!"), "rapport");
  EXPECT_EQ(slugify("", 64, "kommune"), "kommune");
}

TEST(Slugify, LongTitlesAreCutAtAWord) {
  std::string title;
  for (int i = 0; i < 30; ++i) title += "Interkommunalt samarbeid ";  // 750 characters
  const std::string s = slugify(title);
  EXPECT_LE(s.size(), 64u);
  EXPECT_GT(s.size(), 32u);
  EXPECT_NE(s.back(), '-');
  EXPECT_TRUE(s.starts_with("interkommunalt-samarbeid-"));
  EXPECT_EQ(slugify(std::string(300, 'x')).size(), 64u);
}
