#include "survey_import/import_survey.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <utility>

#include "content/input_checks.hpp"
#include "content/reader_context.hpp"
#include "content/yaml_fields.hpp"
#include "locale/norwegian.hpp"
#include "survey_import/cell_values.hpp"
#include "survey_import/csv_reader.hpp"
#include "survey_import/survey_yaml_writer.hpp"
#include "survey_import/text_decoding.hpp"

namespace samrapport::survey_import {

namespace {

using content::Answer;
using content::Content;
using content::MunicipalityIdx;
using content::Question;
using content::QuestionKind;
using content::Response;
using content::Survey;

// Header names (compared after fold()) of the columns that are not questions.
const std::set<std::string, std::less<>> kMunicipalityHeaders = {
    "kommune",      "kommuner",       "kommune(r)", "kommunenavn", "kommunenummer",
    "municipality", "municipalities", "covers",     "dekker",      "svaret gjelder"};
const std::set<std::string, std::less<>> kRespondentHeaders = {
    "respondent", "navn", "name", "avsender", "svar fra", "besvart av", "full name"};
const std::set<std::string, std::less<>> kRoleHeaders = {"rolle", "role",     "stilling", "tittel",
                                                         "title", "funksjon", "job title"};
const std::set<std::string, std::less<>> kJointHeaders = {
    "joint", "felles", "felles svar", "samordnet", "samordnet svar", "fellessvar"};
const std::set<std::string, std::less<>> kIgnoredHeaders = {"id",
                                                            "tidsmerke",
                                                            "timestamp",
                                                            "tidspunkt",
                                                            "starttidspunkt",
                                                            "start time",
                                                            "fullføringstidspunkt",
                                                            "completion time",
                                                            "sist endret",
                                                            "last modified time",
                                                            "dato",
                                                            "date",
                                                            "e-post",
                                                            "epost",
                                                            "email",
                                                            "e-mail",
                                                            "e-postadresse",
                                                            "email address",
                                                            "ip-adresse",
                                                            "ip address"};

/// Distinct values at most this many, each at most kMaxOptionLength characters, with at
/// least one repeated: an inferred single-choice question.
constexpr std::size_t kMaxInferredOptions = 10;
// A CSV larger than this is refused before it is read (its survey file could not pass
// `check`'s limit of 16 MiB per content file anyway, with room for ignored columns).
constexpr std::size_t kMaxCsvBytes = std::size_t{64} << 20;
constexpr std::size_t kMaxOptionLength = 60;

std::size_t char_count(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// "1. Hva ..." / "3) Hva ..." -> "Hva ...".
std::string_view strip_numbering(std::string_view h) {
  std::size_t i = 0;
  while (i < h.size() && h[i] >= '0' && h[i] <= '9') ++i;
  if (i > 0 && i + 1 < h.size() && (h[i] == '.' || h[i] == ')') && h[i + 1] == ' ') {
    return h.substr(i + 2);
  }
  return h;
}

/// Whether a header names question `q`: its id, its id followed by `.`, `:` or `)`, or its
/// text (ignoring case, spacing and a leading "1." numbering).
bool header_names_question(std::string_view header, const Question& q) {
  const std::string h = fold(header);
  const std::string id = fold(q.id);
  if (h == id) return true;
  if (h.size() > id.size() && h.compare(0, id.size(), id) == 0) {
    const char next = h[id.size()];
    if (next == '.' || next == ':' || next == ')') return true;
  }
  return fold(strip_numbering(normalize_space(header))) == fold(q.text);
}

std::string option_list(const std::vector<std::string>& options) {
  std::string out;
  for (std::size_t i = 0; i < options.size(); ++i) {
    if (i > 0) out += ", ";
    out += "\"" + options[i] + "\"";
  }
  return out;
}

class Importer {
 public:
  Importer(const std::string& file, const ImportOptions& opt, const Content& c, Diagnostics& d)
      : file_(file), opt_(opt), c_(c), diags_(d), matcher_(c) {}

  ImportResult run(std::string_view bytes);

 private:
  SourcePos at(int line, int column) const { return {file_, line, column}; }
  SourcePos at(const CsvField& f) const { return {file_, f.line, f.column}; }

  void classify_columns(const CsvRecord& header);
  void infer_questions(const std::vector<const CsvRecord*>& rows);
  void import_row(const CsvRecord& row);
  void check_cells(const CsvTable& table);
  std::optional<Answer> read_answer(const Question& q, const CsvField& f);

  const std::string& file_;
  const ImportOptions& opt_;
  const Content& c_;
  Diagnostics& diags_;
  MunicipalityMatcher matcher_;

  ImportResult res_;
  const Survey* existing_ = nullptr;
  std::optional<std::size_t> municipality_col_, respondent_col_, role_col_, joint_col_;
  std::vector<std::pair<std::size_t, std::size_t>> question_cols_;  // (column, question)
  std::map<MunicipalityIdx, std::string> covered_by_;               // municipality -> where
  std::vector<bool> in_population_;
};

void Importer::classify_columns(const CsvRecord& header) {
  const auto& fields = header.fields;
  const auto find_named = [&](const std::optional<std::string>& name,
                              const char* what) -> std::optional<std::size_t> {
    if (!name) return std::nullopt;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (fold(fields[i].text) == fold(*name)) return i;
    }
    diags_.error(at(header.line, 1),
                 std::string("no column \"") + *name + "\" for the " + what + " in the header");
    return std::nullopt;
  };
  municipality_col_ = find_named(opt_.municipality_column, "municipalities");
  respondent_col_ = find_named(opt_.respondent_column, "respondent");
  role_col_ = find_named(opt_.role_column, "role");

  std::vector<bool> question_taken(existing_ ? existing_->questions.size() : 0, false);
  for (std::size_t col = 0; col < fields.size(); ++col) {
    const CsvField& f = fields[col];
    ImportedColumn ic;
    ic.header = normalize_space(f.text);
    ic.column = static_cast<int>(col + 1);
    const std::string h = fold(f.text);
    // A special column: the first column with a known header takes the role.
    const auto claim = [&](const std::set<std::string, std::less<>>& headers,
                           std::optional<std::size_t>& slot, const char* role) {
      if (slot || !headers.contains(h)) return false;
      slot = col;
      ic.role = role;
      return true;
    };
    if (municipality_col_ == col) {
      ic.role = "municipality";
    } else if (respondent_col_ == col) {
      ic.role = "respondent";
    } else if (role_col_ == col) {
      ic.role = "role";
    } else if (existing_) {
      std::optional<std::size_t> qi;
      for (std::size_t q = 0; q < existing_->questions.size(); ++q) {
        if (header_names_question(f.text, existing_->questions[q])) {
          qi = q;
          break;
        }
      }
      if (qi) {
        if (question_taken[*qi]) {
          diags_.error(at(f), "a second column for question " + existing_->questions[*qi].id +
                                  " (\"" + ic.header + "\")");
        }
        question_taken[*qi] = true;
        question_cols_.emplace_back(col, *qi);
        ic.role = "question";
        ic.question_id = existing_->questions[*qi].id;
      }
    }
    if (ic.role.empty()) {
      if (claim(kMunicipalityHeaders, municipality_col_, "municipality") ||
          claim(kRespondentHeaders, respondent_col_, "respondent") ||
          claim(kRoleHeaders, role_col_, "role") || claim(kJointHeaders, joint_col_, "joint")) {
        // taken by claim()
      } else if (kIgnoredHeaders.contains(h)) {
        ic.role = "ignored";
      } else if (existing_) {
        ic.role = "ignored";
        diags_.warning(at(f), "column \"" + ic.header + "\" is not a question of survey " +
                                  existing_->id + "; it is ignored");
      } else {
        ic.role = "question";
        question_cols_.emplace_back(col, res_.survey.questions.size());
        Question q;
        q.id = "q" + std::to_string(res_.survey.questions.size() + 1);
        q.text = ic.header.empty() ? q.id : ic.header;
        q.pos = at(f);
        ic.question_id = q.id;
        res_.survey.questions.push_back(std::move(q));
      }
    }
    res_.columns.push_back(std::move(ic));
  }
  if (!municipality_col_) {
    diags_.error(at(header.line, 1),
                 "no column naming the municipality: call it \"Kommune\" (or name it with the "
                 "municipality column option)");
  }
  if (existing_) {
    for (std::size_t q = 0; q < question_taken.size(); ++q) {
      if (!question_taken[q]) {
        diags_.warning(at(header.line, 1), "no column for question " + existing_->questions[q].id +
                                               "; it gets no answers");
      }
    }
  }
}

/// Kinds of new questions from their values: number when every value is a number; single
/// when there are few, short, repeated values (options in order of first appearance);
/// text otherwise.
void Importer::infer_questions(const std::vector<const CsvRecord*>& rows) {
  for (const auto& [col, qi] : question_cols_) {
    Question& q = res_.survey.questions[qi];
    std::vector<std::string> values;
    for (const CsvRecord* r : rows) {
      std::string v = normalize_space(r->fields[col].text);
      if (!v.empty()) values.push_back(std::move(v));
    }
    if (values.empty()) continue;
    const bool numbers = std::all_of(values.begin(), values.end(), [](const std::string& v) {
      return parse_number(v).has_value();
    });
    if (numbers) {
      q.kind = QuestionKind::number;
      continue;
    }
    std::vector<std::string> distinct;
    bool repeated = false;
    bool short_values = true;
    for (const std::string& v : values) {
      if (std::find(distinct.begin(), distinct.end(), v) != distinct.end()) {
        repeated = true;
      } else {
        distinct.push_back(v);
      }
      if (char_count(v) > kMaxOptionLength) short_values = false;
    }
    if (repeated && short_values && distinct.size() <= kMaxInferredOptions) {
      q.kind = QuestionKind::single;
      q.options = std::move(distinct);
    }
  }
}

std::optional<Answer> Importer::read_answer(const Question& q, const CsvField& f) {
  Answer a;
  a.pos = at(f);
  const std::string norm = normalize_space(f.text);
  if (norm.empty()) return std::nullopt;
  switch (q.kind) {
    case QuestionKind::text:
      a.text = trim(f.text);
      return a;
    case QuestionKind::single:
      if (auto o = match_option(q.options, norm)) {
        a.choice = *o;
        return a;
      }
      diags_.error(at(f), "\"" + norm + "\" is not an option of question " + q.id +
                              " (options: " + option_list(q.options) + ")");
      return std::nullopt;
    case QuestionKind::multi: {
      std::string bad;
      if (auto os = match_options(q.options, f.text, bad)) {
        for (std::size_t o : *os) {
          if (std::find(a.choices.begin(), a.choices.end(), o) == a.choices.end()) {
            a.choices.push_back(o);
          }
        }
        return a;
      }
      diags_.error(at(f), "\"" + bad + "\" is not an option of question " + q.id +
                              " (options: " + option_list(q.options) + ")");
      return std::nullopt;
    }
    case QuestionKind::likert: {
      if (auto v = parse_number(norm)) {
        if (*v == std::floor(*v) && *v >= 1 && *v <= static_cast<double>(q.options.size())) {
          a.value = *v;
          return a;
        }
      } else if (auto o = match_option(q.options, norm)) {
        a.value = static_cast<double>(*o + 1);
        return a;
      }
      diags_.error(at(f), "Likert value \"" + norm + "\" of question " + q.id + " is outside 1-" +
                              std::to_string(q.options.size()) + " and is not one of its options");
      return std::nullopt;
    }
    case QuestionKind::number:
      if (auto v = parse_number(norm)) {
        a.value = *v;
        return a;
      }
      diags_.error(at(f), "\"" + norm + "\" is not a number (question " + q.id + ")");
      return std::nullopt;
  }
  return std::nullopt;
}

void Importer::import_row(const CsvRecord& row) {
  Response r;
  r.pos = at(row.line, 1);
  const CsvField& mf = row.fields[*municipality_col_];
  std::string bad;
  const auto covers = matcher_.find_list(mf.text, bad);
  bool ok = true;
  if (normalize_space(mf.text).empty()) {
    diags_.error(at(mf), "no municipality named in column \"" +
                             res_.columns[*municipality_col_].header + "\"");
    ok = false;
  } else if (!covers) {
    diags_.error(at(mf), "unknown municipality \"" + bad + "\" (not in municipalities.yaml)");
    ok = false;
  } else {
    for (MunicipalityIdx m : *covers) {
      const std::string& name = c_.municipalities[m].name;
      if (std::find(r.covers.begin(), r.covers.end(), m) != r.covers.end()) {
        diags_.warning(at(mf), name + " is named twice in the same row");
        continue;
      }
      r.covers.push_back(m);
      if (!in_population_[m]) {
        diags_.warning(at(mf), name + " is not in the population of survey " + res_.survey_id);
      }
      if (auto it = covered_by_.find(m); it != covered_by_.end()) {
        diags_.error(at(mf), name + " is already covered by " + it->second +
                                 "; a municipality may answer once per survey");
        ok = false;
      } else {
        covered_by_[m] = "the row on line " + std::to_string(row.line);
      }
    }
  }

  std::vector<std::string> names;
  for (MunicipalityIdx m : r.covers) names.push_back(c_.municipalities[m].name);
  if (respondent_col_ && !normalize_space(row.fields[*respondent_col_].text).empty()) {
    r.respondent = normalize_space(row.fields[*respondent_col_].text);
  } else {
    const locale::Lang lang = locale::lang_from(content::to_string(c_.report.language));
    if (names.size() == 1) {
      r.respondent = names.front() + (lang == locale::Lang::en ? " municipality" : " kommune");
    } else {
      r.respondent = locale::join_list(names, lang);
    }
  }
  if (role_col_) {
    const std::string role = normalize_space(row.fields[*role_col_].text);
    if (!role.empty()) r.role = role;
  }
  if (joint_col_) {
    const CsvField& jf = row.fields[*joint_col_];
    if (auto flag = parse_flag(jf.text)) {
      r.joint = *flag;
    } else {
      diags_.error(at(jf), "\"" + normalize_space(jf.text) +
                               "\" is not a yes/no value (ja, nei, yes, no, x or empty)");
      ok = false;
    }
  } else {
    r.joint = r.covers.size() > 1;
  }

  std::vector<std::pair<std::size_t, const CsvField*>> cells;
  for (const auto& [col, qi] : question_cols_) cells.emplace_back(qi, &row.fields[col]);
  std::sort(cells.begin(), cells.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [qi, f] : cells) {
    const std::size_t before = diags_.error_count();
    if (auto a = read_answer(res_.survey.questions[qi], *f)) {
      r.answers.emplace_back(qi, std::move(*a));
    }
    if (diags_.error_count() != before) ok = false;
  }
  if (ok) ++res_.responses;
  res_.survey.responses.push_back(std::move(r));
}

ImportResult Importer::run(std::string_view bytes) {
  const std::size_t errors_before = diags_.error_count();
  res_.survey_id = opt_.survey_id.empty() ? survey_id_from_file_name(file_) : opt_.survey_id;
  if (!content::is_slug(res_.survey_id)) {
    // The id names the file (surveys/<id>.yaml) and must pass `check`.
    diags_.error(at(0, 0), "survey id '" + res_.survey_id.substr(0, 80) +
                               "' is not a slug (use lower-case letters a-z, digits, '-' and "
                               "'_', starting with a letter or digit); give one with --survey");
    return std::move(res_);
  }
  if (bytes.size() > kMaxCsvBytes) {
    diags_.error(at(0, 0), "the file is " + std::to_string(bytes.size()) +
                               " bytes; import-survey reads at most " +
                               std::to_string(kMaxCsvBytes) + " bytes");
    return std::move(res_);
  }
  for (const Survey& s : c_.surveys) {
    if (s.id == res_.survey_id) existing_ = &s;
  }
  res_.existing_survey = existing_ != nullptr;
  Survey& out = res_.survey;
  if (existing_) {
    out.id = existing_->id;
    out.title = existing_->title;
    out.sent = existing_->sent;
    out.deadline = existing_->deadline;
    out.population = existing_->population;
    out.questions = existing_->questions;
    out.file = existing_->file;
  } else {
    out.id = res_.survey_id;
    out.title = opt_.title ? *opt_.title : res_.survey_id;
  }
  in_population_.assign(c_.municipalities.size(), out.population.empty());
  if (out.population.empty()) {
    for (MunicipalityIdx m = 0; m < c_.municipalities.size(); ++m) {
      in_population_[m] = c_.municipalities[m].in_scope;
    }
  } else {
    for (MunicipalityIdx m : out.population) in_population_[m] = true;
  }
  if (existing_ && opt_.keep_existing_responses) {
    out.responses = existing_->responses;
    for (const Response& r : existing_->responses) {
      if (r.summary) continue;
      for (MunicipalityIdx m : r.covers) {
        covered_by_.emplace(m, "the existing response of \"" + r.respondent + "\"");
      }
    }
  }

  std::string problem;
  const auto decoded = decode_text(bytes, problem);
  if (!decoded) {
    diags_.error(at(0, 0), problem);
    return std::move(res_);
  }
  if (decoded->from_windows_1252) {
    diags_.warning(at(0, 0),
                   "the file is not UTF-8; it was read as Windows-1252 (Excel's \"CSV "
                   "(semikolonseparert)\"). Check the letters æ, ø and å in the result");
  }
  const CsvTable table = read_csv(decoded->text, file_, diags_, opt_.separator);
  if (diags_.error_count() != errors_before) return std::move(res_);
  if (table.records.empty()) {
    diags_.error(at(0, 0), "the file has no header line");
    return std::move(res_);
  }
  check_cells(table);
  if (diags_.error_count() != errors_before) return std::move(res_);
  const CsvRecord& header = table.records.front();
  classify_columns(header);
  if (diags_.error_count() != errors_before) return std::move(res_);

  std::vector<const CsvRecord*> rows;
  for (std::size_t i = 1; i < table.records.size(); ++i) {
    const CsvRecord& row = table.records[i];
    if (row.fields.size() != header.fields.size()) {
      diags_.error(at(row.line, 1), "the row has " + std::to_string(row.fields.size()) +
                                        " fields but the header has " +
                                        std::to_string(header.fields.size()) +
                                        " (an unquoted separator or line break in a cell?)");
      continue;
    }
    rows.push_back(&row);
  }
  if (!existing_) infer_questions(rows);
  for (const CsvRecord* row : rows) import_row(*row);

  if (diags_.error_count() == errors_before) {
    std::string base = file_;
    if (const auto slash = base.find_last_of('/'); slash != std::string::npos) {
      base.erase(0, slash + 1);
    }
    res_.yaml = write_survey_yaml(c_, out,
                                  "Imported by samrapport import-survey from " + base + " (" +
                                      std::to_string(res_.responses) + " responses).");
    if (res_.yaml.size() > content::kMaxFileBytes) {
      diags_.error(at(0, 0), "the survey file would be " + std::to_string(res_.yaml.size()) +
                                 " bytes; content files are limited to " +
                                 std::to_string(content::kMaxFileBytes) +
                                 " bytes (16 MiB), so check would refuse it");
      res_.yaml.clear();
    }
  }
  return std::move(res_);
}

// What `check` would refuse in the survey file, refused here at the cell: a cell larger
// than a content file may be, control characters (other than tab and newline).
void Importer::check_cells(const CsvTable& table) {
  for (const CsvRecord& r : table.records) {
    for (const CsvField& f : r.fields) {
      if (f.text.size() > content::kMaxFileBytes) {
        diags_.error(at(f), "the cell is " + std::to_string(f.text.size()) +
                                " bytes; a content file is limited to " +
                                std::to_string(content::kMaxFileBytes) + " bytes (16 MiB)");
        continue;
      }
      for (std::size_t i = 0; i < f.text.size(); ++i) {
        const auto c = static_cast<unsigned char>(f.text[i]);
        const bool c1 = c == 0xC2 && i + 1 < f.text.size() &&
                        static_cast<unsigned char>(f.text[i + 1]) >= 0x80 &&
                        static_cast<unsigned char>(f.text[i + 1]) <= 0x9f;
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f || c1) {
          char hex[16];
          std::snprintf(hex, sizeof hex, "%04X",
                        c1 ? static_cast<unsigned char>(f.text[i + 1]) : c);
          diags_.error(at(f), std::string("control character U+") + hex +
                                  " in the cell; content values may hold tab and newline but "
                                  "no other control characters");
          break;
        }
      }
    }
  }
}

}  // namespace

std::string survey_id_from_file_name(std::string_view file_name) {
  if (const auto slash = file_name.find_last_of("/\\"); slash != std::string_view::npos) {
    file_name.remove_prefix(slash + 1);
  }
  if (const auto dot = file_name.rfind('.'); dot != std::string_view::npos && dot > 0) {
    file_name = file_name.substr(0, dot);
  }
  const std::string folded = fold(file_name);
  std::string out;
  bool dash = false;
  for (std::size_t i = 0; i < folded.size();) {
    const char c = folded[i];
    std::size_t len = 1;
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    std::string_view as(&folded[i], 1);
    // The id must be a slug (a-z, 0-9, '-'): æ ø å are written ae o a.
    for (const auto& [letter, ascii] :
         {std::pair<std::string_view, std::string_view>{"æ", "ae"}, {"ø", "o"}, {"å", "a"}}) {
      if (folded.compare(i, letter.size(), letter) == 0) {
        keep = true;
        len = letter.size();
        as = ascii;
      }
    }
    if (keep) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += as;
    } else {
      dash = true;
      // Skip a whole UTF-8 sequence.
      while (i + len < folded.size() &&
             (static_cast<unsigned char>(folded[i + len]) & 0xC0) == 0x80) {
        ++len;
      }
    }
    i += len;
  }
  return out.empty() ? "survey" : out;
}

ImportResult import_survey_csv(std::string_view csv_bytes, const std::string& file_name,
                               const ImportOptions& options, const content::Content& content,
                               Diagnostics& diags) {
  // As `check` does per content file: the first kMaxDiagnosticsPerFile problems (in file
  // order), then one line counting the rest, so that a broken export cannot flood the
  // terminal with 200 000 lines.
  Diagnostics all;
  ImportResult result = Importer(file_name, options, content, all).run(csv_bytes);
  all.sort();
  std::size_t hidden_errors = 0;
  std::size_t hidden_warnings = 0;
  std::size_t shown = 0;
  for (const Diagnostic& d : all.items()) {
    if (shown < content::kMaxDiagnosticsPerFile) {
      diags.add(d);
      ++shown;
    } else if (d.severity == Severity::error) {
      ++hidden_errors;
    } else {
      ++hidden_warnings;
    }
  }
  if (hidden_errors + hidden_warnings > 0) {
    const auto count = [](std::size_t k, const char* one, const char* many) {
      return std::to_string(k) + " " + (k == 1 ? one : many);
    };
    std::string message = "further problems in this file are not shown: ";
    if (hidden_errors > 0) message += count(hidden_errors, "error", "errors");
    if (hidden_errors > 0 && hidden_warnings > 0) message += " and ";
    if (hidden_warnings > 0) message += count(hidden_warnings, "warning", "warnings");
    diags.add(Diagnostic{hidden_errors > 0 ? Severity::error : Severity::warning,
                         SourcePos{file_name, 0, 0}, std::move(message)});
  }
  return result;
}

}  // namespace samrapport::survey_import
