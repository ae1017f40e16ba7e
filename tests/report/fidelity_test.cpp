// docs/fidelity.md against the generated default report: `samrapport build` writes the HTML of
// the Buskerud 2021 report, and every caption, every checked published figure and every exact
// phrase that the fidelity page lists must be in it; every numbered table and figure of the
// report must be listed there.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "common/utf8.hpp"

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

/// The visible text of an HTML fragment: tags dropped (each as a space), entities decoded,
/// no-break and thin spaces made plain, runs of white space collapsed to one space.
std::string visible_text(std::string_view html) {
  static const std::map<std::string, std::string> named = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
  std::string raw;
  raw.reserve(html.size());
  for (std::size_t i = 0; i < html.size(); ++i) {
    const char c = html[i];
    if (c == '<') {
      const auto end = html.find('>', i);
      if (end == std::string_view::npos) break;
      raw += ' ';
      i = end;
    } else if (c == '&') {
      const auto end = html.find(';', i);
      if (end == std::string_view::npos || end - i > 10) {
        raw += c;
        continue;
      }
      const std::string name(html.substr(i + 1, end - i - 1));
      if (!name.empty() && name[0] == '#') {
        const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        samrapport::common::append_utf8(
            raw,
            static_cast<char32_t>(std::stoul(name.substr(hex ? 2 : 1), nullptr, hex ? 16 : 10)));
      } else if (const auto it = named.find(name); it != named.end()) {
        raw += it->second;
      } else {
        raw += html.substr(i, end - i + 1);
      }
      i = end;
    } else {
      raw += c;
    }
  }
  std::string out;
  bool space = true;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const std::string_view rest(raw.data() + i, raw.size() - i);
    std::size_t width = 0;
    if (rest.starts_with("\u00a0")) width = 2;
    if (rest.starts_with("\u202f") || rest.starts_with("\u2009")) width = 3;
    const bool is_space =
        width > 0 || raw[i] == ' ' || raw[i] == '\n' || raw[i] == '\t' || raw[i] == '\r';
    if (is_space) {
      if (!space) out += ' ';
      space = true;
      if (width > 0) i += width - 1;
    } else {
      out += raw[i];
      space = false;
    }
  }
  return trim(out);
}

/// The contents of the first element `tag` in `html` (between its start and end tags).
std::optional<std::string> inner(std::string_view html, std::string_view tag) {
  const auto open = html.find("<" + std::string(tag));
  if (open == std::string_view::npos) return std::nullopt;
  const auto start = html.find('>', open);
  const auto close = html.find("</" + std::string(tag) + ">", start);
  if (start == std::string_view::npos || close == std::string_view::npos) return std::nullopt;
  return std::string(html.substr(start + 1, close - start - 1));
}

struct Row {
  std::string cls;                 // class attribute of the <tr>
  std::vector<std::string> cells;  // visible text of every <th>/<td>
};

std::vector<Row> rows_of(std::string_view html) {
  std::vector<Row> rows;
  std::size_t pos = 0;
  while ((pos = html.find("<tr", pos)) != std::string_view::npos) {
    const auto start = html.find('>', pos);
    const auto end = html.find("</tr>", start);
    if (start == std::string_view::npos || end == std::string_view::npos) break;
    Row row;
    const std::string_view tag = html.substr(pos, start - pos);
    if (const auto c = tag.find("class=\""); c != std::string_view::npos) {
      row.cls = std::string(tag.substr(c + 7, tag.find('"', c + 7) - c - 7));
    }
    const std::string_view body = html.substr(start + 1, end - start - 1);
    std::size_t cell = 0;
    while (true) {
      const auto td = body.find("<td", cell);
      const auto th = body.find("<th", cell);
      const auto open = std::min(td, th);
      if (open == std::string_view::npos) break;
      const std::string close = open == td ? "</td>" : "</th>";
      const auto cstart = body.find('>', open);
      const auto cend = body.find(close, cstart);
      if (cstart == std::string_view::npos || cend == std::string_view::npos) break;
      row.cells.push_back(visible_text(body.substr(cstart + 1, cend - cstart - 1)));
      cell = cend + close.size();
    }
    rows.push_back(std::move(row));
    pos = end + 5;
  }
  return rows;
}

/// A numbered table or figure of the generated HTML.
struct Element {
  std::string label;    // "Tabell 2.1", "Figur 3.1"
  std::string caption;  // the caption after the label (figures: with ". Kilde: ...")
  std::string html;     // the whole element
  bool figure = false;
};

std::vector<Element> elements_of(const std::string& html) {
  std::vector<Element> out;
  for (const bool figure : {false, true}) {
    const std::string open = figure ? "<figure id=\"" : "<table id=\"";
    const std::string close = figure ? "</figure>" : "</table>";
    std::size_t pos = 0;
    while ((pos = html.find(open, pos)) != std::string::npos) {
      const auto end = html.find(close, pos);
      if (end == std::string::npos) break;
      Element e;
      e.figure = figure;
      e.html = html.substr(pos, end + close.size() - pos);
      const auto cap = inner(e.html, figure ? "figcaption" : "caption");
      if (cap) {
        const auto label = inner(*cap, "span");
        e.label = label ? visible_text(*label) : "";
        std::string text = visible_text(*cap);
        if (!e.label.empty() && text.starts_with(e.label)) text = trim(text.substr(e.label.size()));
        e.caption = text;
      }
      out.push_back(std::move(e));
      pos = end + close.size();
    }
  }
  return out;
}

/// Every `...` span of a Markdown table cell.
std::vector<std::string> backticked(std::string_view cell) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while ((pos = cell.find('`', pos)) != std::string_view::npos) {
    const auto end = cell.find('`', pos + 1);
    if (end == std::string_view::npos) break;
    out.emplace_back(cell.substr(pos + 1, end - pos - 1));
    pos = end + 1;
  }
  return out;
}

/// The body rows of the Markdown table under the heading `section` of the fidelity page:
/// (line number, cells).
std::vector<std::pair<int, std::vector<std::string>>> markdown_table(const std::string& page,
                                                                     std::string_view section) {
  std::vector<std::pair<int, std::vector<std::string>>> rows;
  std::istringstream in(page);
  std::string line;
  int number = 0;
  bool inside = false;
  int seen = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.starts_with("## ")) {
      inside = trim(line.substr(3)) == section;
      seen = 0;
      continue;
    }
    if (!inside || !line.starts_with("|")) continue;
    if (++seen <= 2) continue;  // header and delimiter rows
    std::vector<std::string> cells;
    std::size_t pos = 1;
    while (pos < line.size()) {
      const auto bar = line.find('|', pos);
      if (bar == std::string::npos) break;
      cells.push_back(trim(std::string_view(line).substr(pos, bar - pos)));
      pos = bar + 1;
    }
    rows.emplace_back(number, std::move(cells));
  }
  return rows;
}

std::vector<std::string> split(const std::string& s, std::string_view sep) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (true) {
    const auto next = s.find(sep, pos);
    out.push_back(trim(std::string_view(s).substr(pos, next - pos)));
    if (next == std::string::npos) break;
    pos = next + sep.size();
  }
  return out;
}

/// `value` is in `text` as a whole: not inside a longer number or word.
bool contains_token(const std::string& text, const std::string& value) {
  const auto word = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  std::size_t pos = 0;
  while ((pos = text.find(value, pos)) != std::string::npos) {
    const bool left = pos == 0 || !word(text[pos - 1]);
    const std::size_t after = pos + value.size();
    const bool right = after >= text.size() || !word(text[after]);
    if (left && right) return true;
    ++pos;
  }
  return false;
}

/// Checks one figure of the "Checked" column against an element; empty when it holds.
std::string check_figure(const Element& e, const std::string& check) {
  const std::vector<Row> rows = rows_of(e.html);
  if (check.starts_with("rows = ")) {
    const int expected = std::stoi(check.substr(7));
    std::string body = e.html;
    if (const auto b = inner(e.html, "tbody")) body = *b;
    int n = 0;
    for (const Row& r : rows_of(body)) {
      if (r.cls != "sum" && r.cls != "subtotal" && r.cls != "group") ++n;
    }
    return n == expected ? "" : "has " + std::to_string(n) + " body rows";
  }
  const std::vector<std::string> parts = split(check, " = ");
  if (parts.size() == 1) {
    return contains_token(visible_text(e.html), check) ? "" : "does not contain it";
  }
  for (const Row& r : rows) {
    const auto has = [&](const std::string& v) {
      return std::find(r.cells.begin(), r.cells.end(), v) != r.cells.end();
    };
    if (std::all_of(parts.begin(), parts.end(), has)) return "";
  }
  return "has no row with all of these cells";
}

class FidelityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const fs::path source = SAMRAPPORT_SOURCE_DIR;
    page_ = new std::string(read_file(source / "docs" / "fidelity.md"));
    std::string pattern = (fs::temp_directory_path() / "samrapport-fidelity-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      error_ = new std::string("cannot create a temporary directory");
      return;
    }
    out_ = new fs::path(pattern);
    const fs::path log = *out_ / "build.log";
    const std::string command = std::string("\"") + SAMRAPPORT_BINARY + "\" build --content \"" +
                                (source / "content").string() + "\" --templates \"" +
                                (source / "templates").string() + "\" --out \"" +
                                (*out_ / "output").string() + "\" --formats html -q > \"" +
                                log.string() + "\" 2>&1";
    const int status = std::system(command.c_str());
    if (status != 0) {
      error_ = new std::string("`" + command + "` failed:\n" + read_file(log));
      return;
    }
    for (const auto& entry : fs::recursive_directory_iterator(*out_ / "output")) {
      if (entry.path().filename() == "rapport.html") {
        html_ = new std::string(read_file(entry.path()));
        break;
      }
    }
    if (html_ == nullptr) {
      error_ = new std::string("no rapport.html under " + (*out_ / "output").string());
      return;
    }
    elements_ = new std::vector<Element>(elements_of(*html_));
    const auto body = inner(*html_, "body");
    text_ = new std::string(visible_text(body ? *body : *html_));
  }

  static void TearDownTestSuite() {
    if (out_ != nullptr) {
      std::error_code ignored;
      fs::remove_all(*out_, ignored);
    }
    delete page_;
    delete out_;
    delete html_;
    delete text_;
    delete elements_;
    delete error_;
  }

  void SetUp() override {
    if (error_ != nullptr) FAIL() << *error_;
  }

  static const Element* find(const std::string& label) {
    for (const Element& e : *elements_) {
      if (e.label == label) return &e;
    }
    return nullptr;
  }

  static std::string* page_;
  static fs::path* out_;
  static std::string* html_;
  static std::string* text_;
  static std::vector<Element>* elements_;
  static std::string* error_;
};

std::string* FidelityTest::page_ = nullptr;
fs::path* FidelityTest::out_ = nullptr;
std::string* FidelityTest::html_ = nullptr;
std::string* FidelityTest::text_ = nullptr;
std::vector<Element>* FidelityTest::elements_ = nullptr;
std::string* FidelityTest::error_ = nullptr;

// Columns of "Tables and figures": model, model caption, generated caption, generated,
// checked, match, reason.
constexpr std::size_t kCaption = 2;
constexpr std::size_t kGenerated = 3;
constexpr std::size_t kChecked = 4;

TEST_F(FidelityTest, EveryListedCaptionIsInTheReport) {
  const auto rows = markdown_table(*page_, "Tables and figures");
  ASSERT_GT(rows.size(), 40u) << "docs/fidelity.md: the table of tables and figures is missing";
  for (const auto& [line, cells] : rows) {
    ASSERT_GE(cells.size(), 7u) << "docs/fidelity.md:" << line << ": expected 7 columns";
    if (cells[kGenerated] == "—") continue;
    const auto captions = backticked(cells[kCaption]);
    ASSERT_EQ(captions.size(), 1u) << "docs/fidelity.md:" << line << ": no caption in backticks";
    const Element* e = find(cells[kGenerated]);
    if (e == nullptr) {
      ADD_FAILURE() << "docs/fidelity.md:" << line << ": " << cells[kGenerated]
                    << " is not in the generated report";
      continue;
    }
    EXPECT_TRUE(e->caption.starts_with(captions[0]))
        << "docs/fidelity.md:" << line << ": " << cells[kGenerated] << " has the caption «"
        << e->caption << "», not «" << captions[0] << "»";
  }
}

TEST_F(FidelityTest, EveryCheckedPublishedFigureIsInItsTableOrFigure) {
  int checked = 0;
  for (const auto& [line, cells] : markdown_table(*page_, "Tables and figures")) {
    if (cells.size() < 7 || cells[kGenerated] == "—") continue;
    const Element* e = find(cells[kGenerated]);
    if (e == nullptr) continue;  // reported by EveryListedCaptionIsInTheReport
    for (const std::string& check : backticked(cells[kChecked])) {
      ++checked;
      const std::string problem = check_figure(*e, check);
      EXPECT_EQ(problem, "") << "docs/fidelity.md:" << line << ": " << cells[kGenerated] << ": «"
                             << check << "»: " << problem;
    }
  }
  EXPECT_GT(checked, 100) << "docs/fidelity.md checks too few figures";
  std::cout << "[ fidelity ] " << checked << " published figures checked in tables and figures\n";
}

TEST_F(FidelityTest, EveryExactFigureInTheTextIsInTheReport) {
  int checked = 0;
  for (const auto& [line, cells] : markdown_table(*page_, "Figures in the text")) {
    ASSERT_GE(cells.size(), 5u) << "docs/fidelity.md:" << line << ": expected 5 columns";
    if (cells[3] != "exact") continue;
    for (const std::string& phrase : backticked(cells[2])) {
      ++checked;
      EXPECT_TRUE(text_->find(phrase) != std::string::npos)
          << "docs/fidelity.md:" << line << ": «" << phrase << "» is not in the report's text";
    }
  }
  EXPECT_GT(checked, 20) << "docs/fidelity.md checks too few figures in the text";
  std::cout << "[ fidelity ] " << checked << " exact figures checked in the text\n";
}

TEST_F(FidelityTest, NumbersInTheTextUseTheDecimalComma) {
  // A value printed without the report's number filters shows Python's form ("70.0
  // prosent"); in a Norwegian report every measure has a decimal comma ("70,5 prosent").
  const std::regex english(R"((\d+\.\d+)\s(prosent|%|årsverk|innbyggere|ordning|kommune))");
  std::vector<std::string> found;
  for (auto it = std::sregex_iterator(text_->begin(), text_->end(), english);
       it != std::sregex_iterator(); ++it) {
    found.push_back(it->str());
  }
  EXPECT_TRUE(found.empty()) << "numbers with a decimal point in the text, e.g. «" << found[0]
                             << "» (" << found.size() << " in all)";
}

TEST_F(FidelityTest, EveryTableAndFigureOfTheReportIsListed) {
  std::vector<std::string> listed;
  for (const auto& [line, cells] : markdown_table(*page_, "Tables and figures")) {
    if (cells.size() > kGenerated) listed.push_back(cells[kGenerated]);
  }
  for (const Element& e : *elements_) {
    if (e.label.empty()) continue;
    EXPECT_NE(std::find(listed.begin(), listed.end(), e.label), listed.end())
        << e.label << " («" << e.caption << "») is not listed in docs/fidelity.md";
  }
}

}  // namespace
