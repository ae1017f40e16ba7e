// `samrapport import-survey FILE.csv --survey ID`: a CSV export of a web form (one row per
// respondent, one column per question, a column naming the municipality or municipalities)
// turned into a `surveys/<id>.yaml` file of the content schema.
//
// The questions come from the survey ID in the content when it exists (columns matched to
// questions by id or text), otherwise they are inferred from the columns. Every cell that
// cannot be mapped is reported as `FILE:LINE:COLUMN: error: ...`; with any error the result
// holds no YAML, so that nothing is written.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"
#include "content/model.hpp"

namespace samrapport::survey_import {

struct ImportOptions {
  /// The survey: an existing id in the content (its questions are used), or the id of a
  /// new survey. Empty: derived from the file name ("Svar skjema.csv" -> "svar-skjema").
  std::string survey_id;
  /// Title of a new survey (default: the id). Ignored for an existing survey.
  std::optional<std::string> title;
  /// Headers of the special columns, when the defaults (see docs/survey.md) do not find them.
  std::optional<std::string> municipality_column;
  std::optional<std::string> respondent_column;
  std::optional<std::string> role_column;
  /// Keep the responses the existing survey already has, before the imported ones.
  bool keep_existing_responses = false;
  /// Field separator; 0 = detect from the header line.
  char separator = 0;
};

/// What happened to one CSV column.
struct ImportedColumn {
  std::string header;
  int column = 0;  // 1-based field number
  /// "municipality", "respondent", "role", "joint", "ignored", or "question".
  std::string role;
  std::string question_id;  // for "question"
};

struct ImportResult {
  /// The survey file; empty when there were errors.
  std::string yaml;
  std::string survey_id;
  bool existing_survey = false;  // the questions came from the content
  std::size_t responses = 0;     // rows imported
  std::vector<ImportedColumn> columns;
  /// The survey as imported (also when there were errors, as far as it got).
  content::Survey survey;
};

/// Imports `csv_bytes` (UTF-8 with or without BOM; Windows-1252 is converted with a
/// warning). `file_name` is used in diagnostics. Errors and warnings go to `diags`.
ImportResult import_survey_csv(std::string_view csv_bytes, const std::string& file_name,
                               const ImportOptions& options, const content::Content& content,
                               Diagnostics& diags);

/// A survey id (a slug) from a file name: the stem, lower case, æ ø å as ae o a, runs of
/// other characters than a-z, 0-9 turned into "-" ("Svar skjema (2).csv" ->
/// "svar-skjema-2"). An id given with --survey that is not a slug is refused.
std::string survey_id_from_file_name(std::string_view file_name);

}  // namespace samrapport::survey_import
