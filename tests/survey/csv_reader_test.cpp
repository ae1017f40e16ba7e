// The CSV reader on awkward and malformed input, and the decoding of the file's bytes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "survey_import/csv_reader.hpp"
#include "survey_import/text_decoding.hpp"

namespace samrapport::survey_import {
namespace {

std::vector<std::vector<std::string>> texts(const CsvTable& t) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : t.records) {
    std::vector<std::string> row;
    for (const auto& f : r.fields) row.push_back(f.text);
    out.push_back(row);
  }
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReader, CommaSeparatedWithPositions) {
  Diagnostics d;
  const CsvTable t = read_csv("Kommune,Svar\nÅl,Ja\nHol,Nei\n", "f.csv", d);
  EXPECT_FALSE(d.has_errors());
  EXPECT_EQ(t.separator, ',');
  EXPECT_EQ(texts(t), (Rows{{"Kommune", "Svar"}, {"Ål", "Ja"}, {"Hol", "Nei"}}));
  EXPECT_EQ(t.records[1].line, 2);
  EXPECT_EQ(t.records[1].fields[1].line, 2);
  EXPECT_EQ(t.records[1].fields[1].column, 4);  // "Ål," is three characters, four bytes
  EXPECT_EQ(t.records[2].line, 3);
}

TEST(CsvReader, SemicolonDetectedFromHeaderOnly) {
  Diagnostics d;
  // The header has two semicolons and one comma (inside quotes, not counted).
  const CsvTable t = read_csv("Kommune;\"Svar, kort\";Rolle\nHol;1,5;rådmann\n", "f.csv", d);
  EXPECT_EQ(t.separator, ';');
  EXPECT_EQ(texts(t), (Rows{{"Kommune", "Svar, kort", "Rolle"}, {"Hol", "1,5", "rådmann"}}));
}

TEST(CsvReader, DetectSeparatorTiesAndDefaults) {
  EXPECT_EQ(detect_separator("a;b,c\n"), ';');
  EXPECT_EQ(detect_separator("a,b,c;d\n"), ',');
  EXPECT_EQ(detect_separator("a\tb\tc\n"), '\t');
  EXPECT_EQ(detect_separator("Kommune\n"), ',');
  EXPECT_EQ(detect_separator("\n\nx;y\n"), ';');  // leading blank lines skipped
}

TEST(CsvReader, QuotedFieldsWithSeparatorsQuotesAndLineBreaks) {
  Diagnostics d;
  const std::string csv =
      "Kommune;Svar\r\n"
      "Hol;\"Han sa \"\"ja\"\"; og så\r\nny linje\"\r\n"
      "Ål;\"\"\r\n"
      "Gol;enkel\r\n";
  const CsvTable t = read_csv(csv, "f.csv", d);
  EXPECT_FALSE(d.has_errors());
  EXPECT_EQ(texts(t), (Rows{{"Kommune", "Svar"},
                            {"Hol", "Han sa \"ja\"; og så\nny linje"},
                            {"Ål", ""},
                            {"Gol", "enkel"}}));
  EXPECT_TRUE(t.records[1].fields[1].quoted);
  // The embedded line break moves the following records down one line.
  EXPECT_EQ(t.records[2].line, 4);
  EXPECT_EQ(t.records[3].line, 5);
}

TEST(CsvReader, BlankLinesAndEmptyRowsAreSkipped) {
  Diagnostics d;
  const CsvTable t = read_csv("\n\nKommune;Svar\n\n;\nHol;Ja\n\r\n;;\n", "f.csv", d);
  EXPECT_FALSE(d.has_errors());
  EXPECT_EQ(texts(t), (Rows{{"Kommune", "Svar"}, {"Hol", "Ja"}}));
  EXPECT_EQ(t.records[0].line, 3);
  EXPECT_EQ(t.records[1].line, 6);
}

TEST(CsvReader, ExcelSepLine) {
  Diagnostics d;
  const CsvTable t = read_csv("sep=;\nKommune;Svar, med komma\nHol;x\n", "f.csv", d);
  EXPECT_EQ(t.separator, ';');
  EXPECT_EQ(texts(t), (Rows{{"Kommune", "Svar, med komma"}, {"Hol", "x"}}));
  EXPECT_EQ(t.records[0].line, 2);
}

TEST(CsvReader, OldMacLineEndsAndNoFinalLineBreak) {
  Diagnostics d;
  const CsvTable t = read_csv("a,b\rc,d\re,", "f.csv", d);
  EXPECT_EQ(texts(t), (Rows{{"a", "b"}, {"c", "d"}, {"e", ""}}));
  EXPECT_EQ(t.records[2].line, 3);
}

TEST(CsvReader, SpaceBeforeOpeningQuoteIsTolerated) {
  Diagnostics d;
  const CsvTable t = read_csv("a, \"b, c\"\n", "f.csv", d);
  EXPECT_FALSE(d.has_errors());
  EXPECT_EQ(texts(t), (Rows{{"a", "b, c"}}));
}

TEST(CsvReader, UnterminatedQuoteIsAnErrorAtTheOpeningQuote) {
  Diagnostics d;
  const CsvTable t =
      read_csv("Kommune;Svar\nHol;Ja\nÅl;\"aldri lukket\nmer tekst\n", "svar.csv", d);
  ASSERT_EQ(d.error_count(), 1u);
  const Diagnostic& e = d.items()[0];
  EXPECT_EQ(format_diagnostic(e),
            "svar.csv:3:4: error: unterminated quoted field: the quote opened here is never "
            "closed");
}

TEST(CsvReader, TextAfterClosingQuoteIsAnError) {
  Diagnostics d;
  read_csv("a;b\n\"x\"y;z\n", "f.csv", d);
  ASSERT_EQ(d.error_count(), 1u);
  EXPECT_EQ(d.items()[0].pos.line, 2);
  EXPECT_EQ(d.items()[0].pos.column, 4);
}

TEST(CsvReader, QuoteInsideUnquotedFieldIsKept) {
  Diagnostics d;
  const CsvTable t = read_csv("a;b\n5\" rør;z\n", "f.csv", d);
  EXPECT_FALSE(d.has_errors());
  EXPECT_EQ(t.records[1].fields[0].text, "5\" rør");
}

TEST(TextDecoding, BomIsRemoved) {
  std::string problem;
  const auto t = decode_text("\xEF\xBB\xBFKommune;Svar\n", problem);
  ASSERT_TRUE(t);
  EXPECT_TRUE(t->had_bom);
  EXPECT_FALSE(t->from_windows_1252);
  EXPECT_EQ(t->text, "Kommune;Svar\n");
}

TEST(TextDecoding, Windows1252IsConverted) {
  std::string problem;
  const auto t = decode_text("\xC5l;\xD8vre Eiker;\x80 \x96 \xE6\n", problem);
  ASSERT_TRUE(t);
  EXPECT_TRUE(t->from_windows_1252);
  EXPECT_EQ(t->text, "Ål;Øvre Eiker;€ – æ\n");
}

TEST(TextDecoding, Utf16AndNulAreRefused) {
  std::string problem;
  EXPECT_FALSE(decode_text("\xFF\xFEK\0", problem));
  EXPECT_NE(problem.find("UTF-16"), std::string::npos);
  EXPECT_FALSE(decode_text(std::string_view("a\0b", 3), problem));
}

}  // namespace
}  // namespace samrapport::survey_import
