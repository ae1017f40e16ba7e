// The register workbook written with libxlsxwriter.
#include "xlsx/export_workbook.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "locale/transliterate.hpp"
#include "xlsx/columns.hpp"
#include "xlsx/register_values.hpp"

namespace samrapport::xlsx {
namespace {

using content::Content;
using content::Language;
using content::MunicipalityIdx;

constexpr double kMinWidth = 8;
constexpr double kMaxWidth = 60;

/// Width in characters of the widest line of `s`.
std::size_t display_width(std::string_view s) {
  std::size_t widest = 0;
  std::size_t now = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n') {
      widest = std::max(widest, now);
      now = 0;
    } else if ((c & 0xC0) != 0x80) {
      ++now;
    }
  }
  return std::max(widest, now);
}

/// Fitted column widths: the widest cell of each column, within [kMinWidth, kMaxWidth].
class Widths {
 public:
  explicit Widths(std::size_t columns) : w_(columns, kMinWidth) {}
  void see(std::size_t col, std::string_view text) {
    if (col >= w_.size()) w_.resize(col + 1, kMinWidth);
    w_[col] = std::clamp(static_cast<double>(display_width(text)) + 2, w_[col], kMaxWidth);
  }
  [[nodiscard]] double operator[](std::size_t col) const { return w_[col]; }
  [[nodiscard]] std::size_t size() const { return w_.size(); }

 private:
  std::vector<double> w_;
};

void check(lxw_error e, std::string_view what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string(what) + ": " + lxw_strerror(e));
}

struct Formats {
  lxw_format* header = nullptr;     // bold, locked
  lxw_format* id = nullptr;         // locked and hidden
  lxw_format* editable = nullptr;   // unlocked
  lxw_format* wrap = nullptr;       // unlocked, wrapped (long texts)
  lxw_format* number = nullptr;     // unlocked, general number
  lxw_format* title = nullptr;      // bold, larger
  lxw_format* text_wrap = nullptr;  // wrapped (explanation sheet)
};

Formats make_formats(lxw_workbook* wb) {
  Formats f;
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xDDE6F0);
  format_set_bottom(f.header, LXW_BORDER_THIN);
  f.id = workbook_add_format(wb);
  format_set_hidden(f.id);
  format_set_bg_color(f.id, 0xF2F2F2);
  f.editable = workbook_add_format(wb);
  format_set_unlocked(f.editable);
  format_set_align(f.editable, LXW_ALIGN_VERTICAL_TOP);
  f.wrap = workbook_add_format(wb);
  format_set_unlocked(f.wrap);
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  f.number = workbook_add_format(wb);
  format_set_unlocked(f.number);
  format_set_align(f.number, LXW_ALIGN_VERTICAL_TOP);
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.text_wrap = workbook_add_format(wb);
  format_set_text_wrap(f.text_wrap);
  format_set_align(f.text_wrap, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

bool wrapped(Column c) {
  return c == Column::participants || c == Column::purpose || c == Column::notes ||
         c == Column::comment || c == Column::name;
}

lxw_row_t to_row(std::size_t r) {
  return static_cast<lxw_row_t>(r);
}
lxw_col_t to_col(std::size_t c) {
  return static_cast<lxw_col_t>(c);
}

/// The drop-down lists on the hidden meta sheet: one column each, header in row 1.
struct Lists {
  std::string legal_forms, sectors, tasks, yes_no;  // "=samrapport!$D$2:$D$15"
};

std::string list_range(char column, std::size_t count) {
  return "=" + std::string(kMetaSheet) + "!$" + column + "$2:$" + column + "$" +
         std::to_string(count + 1);
}

Lists list_ranges(const Content& content) {
  Lists lists;
  lists.legal_forms = list_range('D', std::size(content::kLegalForms));
  lists.sectors = list_range('E', std::max<std::size_t>(content.sectors.size(), 1));
  lists.tasks = list_range('F', std::max<std::size_t>(content.tasks.size(), 1));
  lists.yes_no = list_range('G', 2);
  return lists;
}

void write_meta_sheet(lxw_workbook* wb, const Content& content, MunicipalityIdx m, Language lang) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, std::string(kMetaSheet).c_str());
  const auto& muni = content.municipalities[m];
  check(worksheet_write_string(ws, 0, 0, "format", nullptr), "meta sheet");
  worksheet_write_string(ws, 0, 1, std::string(kFormatTag).c_str(), nullptr);
  worksheet_write_string(ws, 1, 0, "municipality", nullptr);
  worksheet_write_string(ws, 1, 1, muni.name.c_str(), nullptr);
  worksheet_write_string(ws, 2, 0, "municipality_id", nullptr);
  worksheet_write_string(ws, 2, 1, muni.id.c_str(), nullptr);
  worksheet_write_string(ws, 3, 0, "language", nullptr);
  worksheet_write_string(ws, 3, 1, std::string(content::to_string(lang)).c_str(), nullptr);
  worksheet_write_string(ws, 4, 0, "reference_date", nullptr);
  worksheet_write_string(ws, 4, 1, content::to_string(content.report.reference_date).c_str(),
                         nullptr);

  worksheet_write_string(ws, 0, 3, "legal_form", nullptr);
  std::size_t row = 1;
  for (const auto f : content::kLegalForms)
    worksheet_write_string(ws, to_row(row++), 3, std::string(content::to_string(f)).c_str(),
                           nullptr);
  worksheet_write_string(ws, 0, 4, "sector", nullptr);
  row = 1;
  for (const auto& s : content.sectors)
    worksheet_write_string(ws, to_row(row++), 4, s.id.c_str(), nullptr);
  worksheet_write_string(ws, 0, 5, "task", nullptr);
  row = 1;
  for (const auto& t : content.tasks)
    worksheet_write_string(ws, to_row(row++), 5, t.id.c_str(), nullptr);
  worksheet_write_string(ws, 0, 6, "yes_no", nullptr);
  worksheet_write_string(ws, 1, 6, std::string(yes_word(lang)).c_str(), nullptr);
  worksheet_write_string(ws, 2, 6, std::string(no_word(lang)).c_str(), nullptr);
  worksheet_hide(ws);
}

void add_list_validation(lxw_worksheet* ws, std::size_t col, std::size_t last_row,
                         const std::string& range, bool strict) {
  lxw_data_validation dv{};
  dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
  dv.value_formula = const_cast<char*>(range.c_str());
  dv.ignore_blank = LXW_VALIDATION_ON;
  // Tasks may hold several values ("a, b"): the list then only informs.
  dv.error_type = strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_INFORMATION;
  check(worksheet_data_validation_range(ws, 1, to_col(col), to_row(last_row), to_col(col), &dv),
        "data validation");
}

void write_value(lxw_worksheet* ws, std::size_t row, std::size_t col, const CellValue& v,
                 lxw_format* fmt, Widths& widths) {
  if (const auto* s = std::get_if<std::string>(&v)) {
    check(worksheet_write_string(ws, to_row(row), to_col(col), s->c_str(), fmt), "cell");
    widths.see(col, *s);
  } else if (const auto* d = std::get_if<double>(&v)) {
    check(worksheet_write_number(ws, to_row(row), to_col(col), *d, fmt), "cell");
    widths.see(col, number_text(*d));
  } else if (fmt) {
    worksheet_write_blank(ws, to_row(row), to_col(col), fmt);
  }
}

void write_arrangement_sheet(lxw_workbook* wb, const Formats& fmt, const Lists& lists,
                             const Content& content, MunicipalityIdx m, Language lang, Sheet sheet,
                             const std::vector<const content::Arrangement*>& list, int empty_rows) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, std::string(sheet_name(sheet, lang)).c_str());
  constexpr std::size_t kCount = std::size(kColumns);
  Widths widths(kCount);
  for (std::size_t c = 0; c < kCount; ++c) {
    const auto h = header(kColumns[c], lang);
    worksheet_write_string(ws, 0, to_col(c), std::string(h).c_str(), fmt.header);
    widths.see(c, h);
  }
  std::size_t row = 1;
  for (const auto* a : list) {
    for (std::size_t c = 0; c < kCount; ++c) {
      const Column col = kColumns[c];
      lxw_format* f = col == Column::id ? fmt.id : wrapped(col) ? fmt.wrap : fmt.editable;
      write_value(ws, row, c, register_value(content, *a, m, col, lang), f, widths);
    }
    ++row;
  }
  const std::size_t last_row = row - 1 + static_cast<std::size_t>(empty_rows);
  for (std::size_t c = 0; c < kCount; ++c) {
    const Column col = kColumns[c];
    lxw_format* f = col == Column::id ? fmt.id : wrapped(col) ? fmt.wrap : fmt.editable;
    check(worksheet_set_column(ws, to_col(c), to_col(c), widths[c], f), "column");
    if (col == Column::legal_form) add_list_validation(ws, c, last_row, lists.legal_forms, true);
    if (col == Column::sector) add_list_validation(ws, c, last_row, lists.sectors, true);
    if (col == Column::tasks) add_list_validation(ws, c, last_row, lists.tasks, false);
    if (col == Column::own_legal_person) add_list_validation(ws, c, last_row, lists.yes_no, true);
  }
  // The empty block: unlocked cells (the id column stays locked; import makes the ids).
  for (std::size_t r = row; r <= last_row; ++r)
    for (std::size_t c = 1; c < kCount; ++c)
      worksheet_write_blank(ws, to_row(r), to_col(c),
                            wrapped(kColumns[c]) ? fmt.wrap : fmt.editable);
  worksheet_freeze_panes(ws, 1, 1);
  check(worksheet_autofilter(ws, 0, 0, to_row(std::max<std::size_t>(last_row, 1)),
                             to_col(kCount - 1)),
        "autofilter");
  lxw_protection prot{};
  prot.format_columns = 1;
  prot.format_rows = 1;
  prot.sort = 1;
  prot.autofilter = 1;
  worksheet_protect(ws, nullptr, &prot);
  if (sheet == Sheet::current) worksheet_activate(ws);
}

std::string answer_text(const content::Question& q, const content::Answer& a) {
  std::string out;
  auto add = [&out](std::string_view s) {
    if (s.empty()) return;
    if (!out.empty()) out += "; ";
    out += s;
  };
  if (a.text) add(*a.text);
  for (const auto t : a.themes)
    if (t < q.themes.size()) add(q.themes[t].label);
  if (a.choice && *a.choice < q.options.size()) add(q.options[*a.choice]);
  for (const auto c : a.choices)
    if (c < q.options.size()) add(q.options[c]);
  if (a.value) {
    if (q.kind == content::QuestionKind::likert) {
      const auto i = static_cast<std::size_t>(*a.value);
      if (i >= 1 && i <= q.options.size()) add(q.options[i - 1]);
    } else {
      add(number_text(*a.value));
    }
  }
  return out;
}

void write_answers_sheet(lxw_workbook* wb, const Formats& fmt, const Content& content,
                         MunicipalityIdx m, Language lang) {
  lxw_worksheet* ws =
      workbook_add_worksheet(wb, std::string(sheet_name(Sheet::answers, lang)).c_str());
  const std::array<Text, 5> headers{Text::survey, Text::question, Text::question_text,
                                    Text::respondent, Text::answer};
  Widths widths(headers.size());
  for (std::size_t c = 0; c < headers.size(); ++c) {
    const auto h = text(headers[c], lang);
    worksheet_write_string(ws, 0, to_col(c), std::string(h).c_str(), fmt.header);
    widths.see(c, h);
  }
  std::size_t row = 1;
  for (const auto& survey : content.surveys) {
    for (const auto& r : survey.responses) {
      if (std::find(r.covers.begin(), r.covers.end(), m) == r.covers.end()) continue;
      for (const auto& [qi, answer] : r.answers) {
        if (qi >= survey.questions.size()) continue;
        const auto& q = survey.questions[qi];
        const std::array<std::string, 5> cells{survey.title, q.id, q.text, r.respondent,
                                               answer_text(q, answer)};
        for (std::size_t c = 0; c < cells.size(); ++c) {
          worksheet_write_string(ws, to_row(row), to_col(c), cells[c].c_str(), fmt.text_wrap);
          widths.see(c, cells[c]);
        }
        ++row;
      }
    }
  }
  if (row == 1)
    worksheet_write_string(ws, 1, 0, std::string(text(Text::no_answers, lang)).c_str(), nullptr);
  for (std::size_t c = 0; c < widths.size(); ++c)
    worksheet_set_column(ws, to_col(c), to_col(c), widths[c], nullptr);
  worksheet_freeze_panes(ws, 1, 0);
  worksheet_autofilter(ws, 0, 0, to_row(std::max<std::size_t>(row - 1, 1)),
                       to_col(headers.size() - 1));
}

void write_explanation_sheet(lxw_workbook* wb, const Formats& fmt, const Content& content,
                             MunicipalityIdx m, Language lang) {
  lxw_worksheet* ws =
      workbook_add_worksheet(wb, std::string(sheet_name(Sheet::explanation, lang)).c_str());
  const auto& muni = content.municipalities[m];
  const std::string title = std::string(text(Text::explanation_title, lang)) + ": " + muni.name;
  worksheet_write_string(ws, 0, 0, title.c_str(), fmt.title);
  worksheet_merge_range(ws, 1, 0, 1, 2, std::string(text(Text::explanation_intro, lang)).c_str(),
                        fmt.text_wrap);
  worksheet_set_row(ws, 1, 75, nullptr);
  std::size_t row = 3;
  worksheet_write_string(ws, to_row(row), 0, std::string(text(Text::column, lang)).c_str(),
                         fmt.header);
  worksheet_write_string(ws, to_row(row), 1, std::string(text(Text::meaning, lang)).c_str(),
                         fmt.header);
  ++row;
  for (const Column c : kColumns) {
    worksheet_write_string(ws, to_row(row), 0, std::string(header(c, lang)).c_str(), nullptr);
    worksheet_write_string(ws, to_row(row), 1, std::string(explanation(c, lang)).c_str(),
                           fmt.text_wrap);
    ++row;
  }
  auto section = [&](Text heading) {
    ++row;
    worksheet_write_string(ws, to_row(row), 0, std::string(text(heading, lang)).c_str(),
                           fmt.header);
    worksheet_write_string(ws, to_row(row), 1, std::string(text(Text::meaning, lang)).c_str(),
                           fmt.header);
    ++row;
  };
  section(Text::legal_forms);
  for (const auto f : content::kLegalForms) {
    worksheet_write_string(ws, to_row(row), 0, std::string(content::to_string(f)).c_str(), nullptr);
    worksheet_write_string(ws, to_row(row), 1, std::string(legal_form_label(f, lang)).c_str(),
                           nullptr);
    ++row;
  }
  section(Text::sectors);
  for (const auto& s : content.sectors) {
    worksheet_write_string(ws, to_row(row), 0, s.id.c_str(), nullptr);
    worksheet_write_string(ws, to_row(row), 1, s.name.c_str(), nullptr);
    ++row;
  }
  section(Text::tasks);
  for (const auto& t : content.tasks) {
    worksheet_write_string(ws, to_row(row), 0, t.id.c_str(), nullptr);
    const std::string label = t.name + " (" + content.sectors[t.sector].id + ")";
    worksheet_write_string(ws, to_row(row), 1, label.c_str(), nullptr);
    ++row;
  }
  worksheet_set_column(ws, 0, 0, 28, nullptr);
  worksheet_set_column(ws, 1, 1, 80, nullptr);
  worksheet_set_column(ws, 2, 2, 10, nullptr);
}

/// Midnight UTC of the reference date, as time_t (no time zone involved).
std::time_t fixed_time(const content::Date& d) {
  // Days from civil (Howard Hinnant's algorithm).
  const int y = d.year - (d.month <= 2);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = (d.month + 9) % 12;
  const int doy = (153 * mp + 2) / 5 + d.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const long long days = static_cast<long long>(era) * 146097 + doe - 719468;
  return static_cast<std::time_t>(days * 86400);
}

}  // namespace

std::string workbook_file_name(const Content& content, MunicipalityIdx m) {
  const auto ascii = locale::to_ascii(content.municipalities[m].name);
  std::string out;
  for (const char ch : ascii) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.empty()) out = "kommune-" + content.municipalities[m].id;
  return out + ".xlsx";
}

void write_register_workbook(const Content& content, MunicipalityIdx m,
                             const std::filesystem::path& path) {
  const Language lang = language_of(content, m);
  const auto parts = arrangements_of(content, m);
  auto tmp = path;
  tmp += ".tmp";
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(tmp.string().c_str(), &options);
  if (!wb) throw std::runtime_error(path.string() + ": cannot create the workbook");

  const auto& muni = content.municipalities[m];
  std::string title = std::string(text(Text::explanation_title, lang)) + ": " + muni.name;
  lxw_doc_properties props{};
  props.title = title.data();
  props.author = const_cast<char*>("samrapport");
  props.created = fixed_time(content.report.reference_date);
  workbook_set_properties(wb, &props);

  const Formats fmt = make_formats(wb);
  // Sheet order: the current arrangements first (the one that opens), the hidden meta
  // sheet with the drop-down lists last.
  const Lists lists = list_ranges(content);
  write_arrangement_sheet(wb, fmt, lists, content, m, lang, Sheet::current, parts.current,
                          kNewRows);
  write_arrangement_sheet(wb, fmt, lists, content, m, lang, Sheet::ended, parts.ended, 0);
  write_answers_sheet(wb, fmt, content, m, lang);
  write_explanation_sheet(wb, fmt, content, m, lang);
  write_meta_sheet(wb, content, m, lang);
  const lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    throw std::runtime_error(path.string() + ": " + lxw_strerror(e));
  }
  std::filesystem::rename(tmp, path);
}

}  // namespace samrapport::xlsx
