#include "locale/norwegian.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace loc = samrapport::locale;

TEST(Collation, NorwegianLettersAfterZ) {
  std::vector<std::string> names = {"Ål", "Øvre Eiker", "Ære", "Zeta", "Andebu", "åmot", "ørsta"};
  std::sort(names.begin(), names.end(), loc::collate_less);
  EXPECT_EQ(names, (std::vector<std::string>{"Andebu", "Zeta", "Ære", "ørsta", "Øvre Eiker", "Ål",
                                             "åmot"}));
}

TEST(Collation, KeyOrderEqualsCompare) {
  const std::vector<std::string> names = {"Ål", "Al", "Øl", "Zl", "al", "Ål"};
  for (const auto& a : names)
    for (const auto& b : names) {
      const int c = loc::collate(a, b);
      const int k = loc::collation_key(a).compare(loc::collation_key(b));
      EXPECT_EQ(c < 0, k < 0) << a << " vs " << b;
      EXPECT_EQ(c == 0, k == 0) << a << " vs " << b;
    }
}

TEST(Numbers, RoundHalfAwayFromZero) {
  EXPECT_EQ(loc::format_number(38.25, 1), "38,3");
  EXPECT_EQ(loc::format_number(-38.25, 1), "-38,3");
  EXPECT_EQ(loc::format_number(2.675, 2), "2,68");
  EXPECT_EQ(loc::format_number(0.5, 0), "1");
  EXPECT_EQ(loc::format_number(1.5, 0), "2");
  EXPECT_EQ(loc::format_number(2.5, 0), "3");
  EXPECT_EQ(loc::format_number(99.95, 1), "100,0");
  EXPECT_EQ(loc::format_number(-0.04, 1), "0,0");
  EXPECT_EQ(loc::format_number(0.0, 2), "0,00");
  EXPECT_DOUBLE_EQ(loc::round_half_away(38.25, 1), 38.3);
  EXPECT_DOUBLE_EQ(loc::round_half_away(1e-7, 2), 0.0);
}

TEST(Numbers, Thousands) {
  EXPECT_EQ(loc::format_number(101859, 0, " "), "101 859");
  EXPECT_EQ(loc::format_number(101859, 0), "101859");
  EXPECT_EQ(loc::format_number(20000, 0, "."), "20.000");
  EXPECT_EQ(loc::format_number(1234567.891, 2, ",", "."), "1,234,567.89");
  EXPECT_EQ(loc::format_number(999.96, 1, " "), "1 000,0");
  EXPECT_EQ(loc::format_number(1e20, 0, " "), "100 000 000 000 000 000 000");
}

TEST(Numbers, Percent) {
  EXPECT_EQ(loc::format_percent(3.85, 1, loc::Lang::nb), "3,9\u00a0%");
  EXPECT_EQ(loc::format_percent(3.85, 1, loc::Lang::nb, true), "3,9 prosent");
  EXPECT_EQ(loc::format_percent(3.85, 1, loc::Lang::en), "3.9%");
}

TEST(Dates, Norwegian) {
  EXPECT_EQ(loc::format_date(2021, 12, 16, loc::Lang::nb), "16. desember 2021");
  EXPECT_EQ(loc::format_date(2021, 1, 1, loc::Lang::en), "1 January 2021");
  int y, m, d;
  EXPECT_TRUE(loc::parse_iso_date("2021-11-01", y, m, d));
  EXPECT_EQ(y * 10000 + m * 100 + d, 20211101);
  EXPECT_FALSE(loc::parse_iso_date("2021-02-29", y, m, d));
  EXPECT_TRUE(loc::parse_iso_date("2020-02-29", y, m, d));
  EXPECT_FALSE(loc::parse_iso_date("2021-13-01", y, m, d));
  EXPECT_FALSE(loc::parse_iso_date("16.12.2021", y, m, d));
}

TEST(Words, PluralAndJoin) {
  EXPECT_EQ(loc::plural(1, "kommune", "kommuner"), "1 kommune");
  EXPECT_EQ(loc::plural(2, "kommune", "kommuner"), "2 kommuner");
  EXPECT_EQ(loc::plural(0, "kommune", "kommunar"), "0 kommunar");
  EXPECT_EQ(loc::join_list({"Hol", "Ål", "Gol"}, loc::Lang::nb), "Hol, Ål og Gol");
  EXPECT_EQ(loc::join_list({"Hol", "Ål"}, loc::Lang::en), "Hol and Ål");
  EXPECT_EQ(loc::join_list({"Hol"}, loc::Lang::nb), "Hol");
  EXPECT_EQ(loc::join_list({}, loc::Lang::nb), "");
}
