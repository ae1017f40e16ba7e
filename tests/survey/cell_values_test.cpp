// Reading single cells: numbers, flags, options and municipality lists.
#include <gtest/gtest.h>

#include "survey_fixture.hpp"
#include "survey_import/cell_values.hpp"

namespace samrapport::survey_import {
namespace {

TEST(CellValues, NormalizeAndTrim) {
  EXPECT_EQ(normalize_space("  Hol \n og\u00a0 Ål  "), "Hol og Ål");
  EXPECT_EQ(trim("  linje 1\n  linje 2 \n"), "linje 1\n  linje 2");
  EXPECT_EQ(trim("\u00a0x\u202f"), "x");
  EXPECT_EQ(fold("ÆRE Øl"), "ære øl");
}

TEST(CellValues, Numbers) {
  EXPECT_EQ(parse_number("12"), 12.0);
  EXPECT_EQ(parse_number("-3,5"), -3.5);
  EXPECT_EQ(parse_number("\u2212"
                         "3,5"),
            -3.5);
  EXPECT_EQ(parse_number("1 234,5"), 1234.5);
  EXPECT_EQ(parse_number("1\u00a0234"), 1234.0);
  EXPECT_EQ(parse_number("1.234,5"), 1234.5);
  EXPECT_EQ(parse_number("1,234.5"), 1234.5);
  EXPECT_EQ(parse_number("1.234.567"), 1234567.0);
  EXPECT_EQ(parse_number("3.5"), 3.5);
  EXPECT_EQ(parse_number("+4"), 4.0);
  EXPECT_EQ(parse_number(",5"), 0.5);
  EXPECT_FALSE(parse_number(""));
  EXPECT_FALSE(parse_number("ja"));
  EXPECT_FALSE(parse_number("4 stk"));
  EXPECT_FALSE(parse_number("1.2.3,4,5"));
  EXPECT_FALSE(parse_number("+-4"));
  EXPECT_FALSE(parse_number("."));
  EXPECT_FALSE(parse_number("1e5"));
}

TEST(CellValues, Flags) {
  EXPECT_EQ(parse_flag("Ja"), true);
  EXPECT_EQ(parse_flag(" x "), true);
  EXPECT_EQ(parse_flag("NEI"), false);
  EXPECT_EQ(parse_flag(""), false);
  EXPECT_FALSE(parse_flag("kanskje"));
}

TEST(CellValues, SingleOption) {
  const std::vector<std::string> opts = {"Ja, aktuelt", "Nei", "Vet ikke"};
  EXPECT_EQ(match_option(opts, "  Ja,  aktuelt "), 0u);
  EXPECT_EQ(match_option(opts, "vet IKKE"), 2u);
  EXPECT_FALSE(match_option(opts, "Kanskje"));
  // Equal without case: ambiguous, so neither.
  EXPECT_FALSE(match_option({"ja", "JA"}, "Ja"));
  EXPECT_EQ(match_option({"ja", "JA"}, "JA"), 1u);
}

TEST(CellValues, MultiOptionsWithCommasInLabels) {
  const std::vector<std::string> opts = {"Helse, omsorg", "Skole", "Plan; bygg", "IKT"};
  std::string bad;
  auto r = match_options(opts, "Helse, omsorg, IKT;Skole", bad);
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, (std::vector<std::size_t>{0, 3, 1}));
  r = match_options(opts, "Plan; bygg\nIKT;", bad);
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, (std::vector<std::size_t>{2, 3}));
  EXPECT_FALSE(match_options(opts, "Skole, Kultur", bad));
  EXPECT_EQ(bad, "Kultur");
}

TEST(CellValues, MunicipalityLists) {
  content::Content c = survey_test::make_fixture();
  survey_test::add_municipality(c, "3052", "Nore og Uvdal", 2412, "sor", true);
  survey_test::add_municipality(c, "3051", "Rollag", 1386, "sor", true);
  const MunicipalityMatcher m(c);
  const auto idx = [&](const char* n) { return c.municipality_by_ref.at(n); };
  EXPECT_EQ(m.find("alfa"), idx("Alfa"));
  EXPECT_EQ(m.find("ÆBELTOFT KOMMUNE"), idx("Æbeltoft"));
  EXPECT_EQ(m.find("0003"), idx("Charlie"));
  EXPECT_FALSE(m.find("Oslo"));

  std::string bad;
  auto r = m.find_list("Alfa, Rollag og Nore og Uvdal;Bravo kommune", bad);
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, (std::vector<std::size_t>{idx("Alfa"), idx("Rollag"), idx("Nore og Uvdal"),
                                          idx("Bravo")}));
  r = m.find_list("Nore og Uvdal", bad);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->size(), 1u);
  r = m.find_list("Alfa og Bravo\nCharlie", bad);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->size(), 3u);
  EXPECT_FALSE(m.find_list("Alfa, Oslo og Bravo", bad));
  EXPECT_EQ(bad, "Oslo");
}

}  // namespace
}  // namespace samrapport::survey_import
