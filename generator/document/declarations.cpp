#include "document/declarations.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "document/chart_reader.hpp"
#include "document/cross_refs.hpp"
#include "document/json_input.hpp"
#include "document/labels.hpp"
#include "document/safety.hpp"
#include "locale/norwegian.hpp"

namespace samrapport::document {
namespace {

using nlohmann::json;

Inlines text_with_refs(std::string_view text, const SourcePos& pos, Document& doc,
                       Diagnostics& diags) {
  Inlines out;
  SourcePos at = pos;
  at.column = 0;  // the text's column inside the JSON is not known
  MarkerSource source;
  source.backslash_escapes = true;
  append_text_with_refs(text, at, out, doc, diags, source);
  return out;
}

// Strings that read as numbers ("93,1", "101 859", "-4", "12 %") or placeholders ("-", "–").
enum class CellShape { empty, numeric, text };

CellShape shape_of(const json& cell) {
  if (cell.is_null()) return CellShape::empty;
  if (cell.is_number()) return CellShape::numeric;
  if (!cell.is_string()) return CellShape::text;
  const std::string& s = cell.get_ref<const std::string&>();
  if (s.empty() || s == "-" || s == "\u2013" || s == "*" || s == "..") return CellShape::empty;
  bool digit = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c == ',' || c == '.' || c == ' ' || c == '%' || c == '+' || c == '-') {
      continue;
    } else if (s.compare(i, 2, "\u00a0") == 0) {
      ++i;
    } else if (s.compare(i, 3, "\u2212") == 0 || s.compare(i, 3, "\u202f") == 0) {
      i += 2;
    } else {
      return CellShape::text;
    }
  }
  return digit ? CellShape::numeric : CellShape::text;
}

// Fewest decimals (at most 3) that print `v` exactly.
int decimals_needed(double v) {
  for (int d = 0; d < 3; ++d) {
    if (std::fabs(locale::round_half_away(v, d) - v) < 1e-9) return d;
  }
  return 3;
}

struct ColumnSpec {
  Column column;
  std::optional<bool> numeric;  // explicit "kind"
  std::optional<Align> align;   // explicit "align"
  std::optional<int> decimals;
  bool thousands = false;
};

bool read_columns(const json& root, JsonInput& in, Document& doc, std::vector<ColumnSpec>& out) {
  const auto it = root.find("columns");
  if (it == root.end() || !it->is_array() || it->empty()) {
    in.error("columns", "expected a non-empty array of column labels or objects");
    return false;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& c = (*it)[i];
    const std::string path = JsonInput::index("columns", i);
    ColumnSpec spec;
    if (c.is_string()) {
      spec.column.label = text_with_refs(c.get<std::string>(), in.pos(), doc, in.diags());
      out.push_back(std::move(spec));
      continue;
    }
    if (!in.check_object(c, path, {"label", "align", "kind", "decimals", "thousands"})) {
      return false;
    }
    spec.column.label = text_with_refs(in.string(c, "label", path), in.pos(), doc, in.diags());
    const std::string align = in.string(c, "align", path);
    if (align == "left") {
      spec.align = Align::left;
    } else if (align == "center") {
      spec.align = Align::center;
    } else if (align == "right") {
      spec.align = Align::right;
    } else if (!align.empty()) {
      in.error(JsonInput::join(path, "align"), "expected left, center or right");
    }
    const std::string kind = in.string(c, "kind", path);
    if (kind == "number") {
      spec.numeric = true;
    } else if (kind == "text") {
      spec.numeric = false;
    } else if (!kind.empty()) {
      in.error(JsonInput::join(path, "kind"), "expected text or number");
    }
    if (c.contains("decimals") && !c["decimals"].is_null()) {
      spec.decimals = in.integer(c, "decimals", path, 0, 0, 6);
    }
    spec.thousands = in.boolean(c, "thousands", path, false);
    out.push_back(std::move(spec));
  }
  return true;
}

struct RawRow {
  RowStyle style = RowStyle::normal;
  const json* cells = nullptr;  // array; group rows: nullptr
  std::string group;
  std::string path;
};

bool read_rows(const json& root, JsonInput& in, std::size_t ncols, std::vector<RawRow>& out) {
  const auto it = root.find("rows");
  if (it == root.end() || !it->is_array()) {
    in.error("rows", "expected an array of rows");
    return false;
  }
  auto check_cells = [&](const json& cells, const std::string& path) {
    if (!cells.is_array()) {
      in.error(path, "expected an array of cells");
      return false;
    }
    if (cells.size() != ncols) {
      in.error(path, "has " + std::to_string(cells.size()) + " cells for " + std::to_string(ncols) +
                         " columns");
      return false;
    }
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const json& cell = cells[i];
      if (!cell.is_null() && !cell.is_string() && !cell.is_number()) {
        in.error(JsonInput::index(path, i), "expected a string, a number or null");
        return false;
      }
    }
    return true;
  };
  for (std::size_t r = 0; r < it->size(); ++r) {
    const json& row = (*it)[r];
    const std::string path = JsonInput::index("rows", r);
    RawRow raw;
    raw.path = path;
    if (row.is_array()) {
      if (!check_cells(row, path)) return false;
      raw.cells = &row;
    } else if (row.is_object()) {
      if (!in.check_object(row, path, {"cells", "style", "group"})) return false;
      if (row.contains("group")) {
        if (row.contains("cells")) {
          in.error(path, "a group row has \"group\" (its heading) and no \"cells\"");
          return false;
        }
        raw.style = RowStyle::group;
        raw.group = in.string(row, "group", path, true);
      } else {
        const std::string style = in.string(row, "style", path, false, "normal");
        if (style == "normal") {
          raw.style = RowStyle::normal;
        } else if (style == "subtotal") {
          raw.style = RowStyle::subtotal;
        } else if (style == "sum") {
          raw.style = RowStyle::sum;
        } else {
          in.error(JsonInput::join(path, "style"), "expected normal, subtotal or sum");
          return false;
        }
        const auto cells = row.find("cells");
        if (cells == row.end()) {
          in.error(JsonInput::join(path, "cells"), "missing");
          return false;
        }
        if (!check_cells(*cells, JsonInput::join(path, "cells"))) return false;
        raw.cells = &*cells;
      }
    } else {
      in.error(path, "expected an array of cells or an object");
      return false;
    }
    out.push_back(std::move(raw));
  }
  const auto sum = root.find("sum");
  if (sum != root.end() && !sum->is_null()) {
    if (!check_cells(*sum, "sum")) return false;
    RawRow row;
    row.style = RowStyle::sum;
    row.cells = &*sum;
    row.path = "sum";
    out.push_back(std::move(row));
  }
  return true;
}

// Errors name the declaration by its id as soon as there is one.
void name_declaration(const json& root, std::string_view kind, JsonInput& in) {
  if (!root.is_object()) return;
  const auto id = root.find("id");
  if (id != root.end() && id->is_string()) {
    in.set_what(std::string(kind) + " '" + id->get<std::string>() + "'");
  }
}

}  // namespace

std::optional<Table> read_table_declaration(std::string_view text, const SourcePos& pos,
                                            Document& doc, Diagnostics& diags) {
  JsonInput in(pos, "table", diags);
  json root;
  if (!in.parse(text, root)) return std::nullopt;
  in.relocate(root);
  name_declaration(root, "table", in);
  if (!in.check_object(root, "",
                       {"id", "caption", "source", "notes", "columns", "rows", "sum", "at"})) {
    return std::nullopt;
  }
  Table table;
  table.id = in.string(root, "id", "", true);
  if (!table.id.empty() && !valid_id(table.id)) {
    in.error("id", "ids may only hold a-z, 0-9, ':', '.' and '-'");
  }
  table.caption = text_with_refs(in.string(root, "caption", "", true), in.pos(), doc, diags);
  table.source = text_with_refs(in.string(root, "source", ""), in.pos(), doc, diags);
  table.notes = text_with_refs(in.string(root, "notes", ""), in.pos(), doc, diags);

  std::vector<ColumnSpec> specs;
  if (!read_columns(root, in, doc, specs)) return std::nullopt;
  std::vector<RawRow> raw;
  if (!read_rows(root, in, specs.size(), raw)) return std::nullopt;
  if (!in.ok()) return std::nullopt;

  const locale::Lang lang = locale::lang_from(doc.meta.language);
  const Labels& labels = labels_for(lang);
  for (std::size_t c = 0; c < specs.size(); ++c) {
    ColumnSpec& spec = specs[c];
    bool all_numeric = true;
    bool any_value = false;
    int decimals = 0;
    for (const RawRow& r : raw) {
      if (r.cells == nullptr || (r.style == RowStyle::sum && c == 0)) continue;
      const json& cell = (*r.cells)[c];
      const CellShape shape = shape_of(cell);
      if (shape == CellShape::text) all_numeric = false;
      if (shape == CellShape::numeric) any_value = true;
      if (cell.is_number()) decimals = std::max(decimals, decimals_needed(cell.get<double>()));
    }
    spec.column.numeric = spec.numeric.value_or(all_numeric && any_value);
    spec.column.align = spec.align.value_or(spec.column.numeric ? Align::right : Align::left);
    if (!spec.decimals) spec.decimals = decimals;
  }

  for (const RawRow& r : raw) {
    Row row;
    row.style = r.style;
    if (r.style == RowStyle::group) {
      row.cells.push_back(text_with_refs(r.group, in.pos(), doc, diags));
      table.rows.push_back(std::move(row));
      continue;
    }
    for (std::size_t c = 0; c < specs.size(); ++c) {
      const json& cell = (*r.cells)[c];
      const ColumnSpec& spec = specs[c];
      std::string text;
      if (cell.is_number()) {
        text = locale::format_number(cell.get<double>(), *spec.decimals,
                                     spec.thousands ? locale::thousands_separator(lang) : "",
                                     locale::decimal_mark(lang));
      } else if (cell.is_string()) {
        text = cell.get<std::string>();
      } else if (r.style == RowStyle::sum && c == 0) {
        text = std::string(labels.sum);
      }
      row.cells.push_back(text_with_refs(text, in.pos(), doc, diags));
    }
    table.rows.push_back(std::move(row));
  }
  for (ColumnSpec& spec : specs) table.columns.push_back(std::move(spec.column));
  return table;
}

std::optional<Figure> read_figure_declaration(std::string_view text, const SourcePos& pos,
                                              Document& doc, Diagnostics& diags) {
  JsonInput in(pos, "figure", diags);
  json root;
  if (!in.parse(text, root)) return std::nullopt;
  in.relocate(root);
  name_declaration(root, "figure", in);
  if (!in.check_object(root, "", {"id", "caption", "source", "alt", "chart", "image", "at"})) {
    return std::nullopt;
  }
  Figure figure;
  figure.id = in.string(root, "id", "", true);
  if (!figure.id.empty() && !valid_id(figure.id)) {
    in.error("id", "ids may only hold a-z, 0-9, ':', '.' and '-'");
  }
  figure.caption = text_with_refs(in.string(root, "caption", "", true), in.pos(), doc, diags);
  figure.source = text_with_refs(in.string(root, "source", ""), in.pos(), doc, diags);
  figure.alt = in.string(root, "alt", "");
  figure.image = in.string(root, "image", "");
  const auto chart = root.find("chart");
  const bool has_chart = chart != root.end() && !chart->is_null();
  if (has_chart == !figure.image.empty()) {
    in.error("", "a figure has either \"chart\" (data) or \"image\" (a file)");
    return std::nullopt;
  }
  if (!figure.image.empty()) {
    const std::string problem = image_path_problem(figure.image);
    if (!problem.empty()) {
      in.error("image", "'" + figure.image.substr(0, 80) +
                            "' is not an image file of the content: " + problem);
      return std::nullopt;
    }
  }
  if (has_chart) {
    figure.chart = read_chart(*chart, "chart", in);
    if (!figure.chart) return std::nullopt;
  }
  if (!in.ok()) return std::nullopt;
  return figure;
}

}  // namespace samrapport::document
