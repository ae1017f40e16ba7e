// A CSV reader for exports of web forms and spreadsheets (RFC 4180 and what Excel writes):
// quoted fields with embedded separators, line breaks and doubled quotes; `;`, `,` or tab
// separators (detected from the header line, or an Excel `sep=;` first line); CRLF, LF or
// CR line ends; blank lines skipped. Every field keeps the line and column it starts at.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"

namespace samrapport::survey_import {

struct CsvField {
  std::string text;  // unquoted; line breaks inside quoted fields normalised to "\n"
  int line = 0;      // 1-based line where the field starts
  int column = 0;    // 1-based column (in characters) where the field starts
  bool quoted = false;
};

struct CsvRecord {
  int line = 0;  // line where the record starts
  std::vector<CsvField> fields;
};

struct CsvTable {
  char separator = ',';
  std::vector<CsvRecord> records;  // the first is the header; blank records are left out
};

/// Parses UTF-8 `text` (already decoded, without a byte-order mark). `separator` 0 means
/// detect it. Problems (an unterminated quote, text after a closing quote) are reported
/// to `diags` as errors at `file_name:LINE:COLUMN`; parsing stops at an unterminated quote.
CsvTable read_csv(std::string_view text, const std::string& file_name, Diagnostics& diags,
                  char separator = 0);

/// The separator of a header line: the most frequent of `;`, `,` and tab outside quotes
/// (ties: `;`, then `,`, then tab); `,` when the line has none.
char detect_separator(std::string_view text);

}  // namespace samrapport::survey_import
