// datasets/*.yaml: one statistics table per file, shown as-is with computed sums and
// shares. Every row gives every column except the computed ratio columns.
#include <algorithm>
#include <functional>
#include <unordered_map>

#include "content/readers.hpp"
#include "content/suggest.hpp"
#include "content/yaml_fields.hpp"

namespace samrapport::content {

namespace {

constexpr std::string_view kDatasetKeys[] = {"id", "title", "source", "columns", "rows"};
constexpr std::string_view kColumnKeys[] = {"id", "label", "kind", "decimals", "total", "of"};
constexpr std::string_view kColumnKinds[] = {"text", "refs", "number", "ratio"};
constexpr std::string_view kTotals[] = {"sum"};
constexpr int kMaxDecimals = 10;

struct ColumnSource {
  yaml::NodeRef of;
};

void read_column(ReadContext& ctx, yaml::NodeRef item, Dataset& d,
                 std::unordered_map<std::string, std::size_t>& by_id,
                 std::vector<ColumnSource>& sources) {
  static const std::function<std::optional<ColumnKind>(std::string_view)> kParse = column_kind_from;
  MapReader m(ctx, item, describe("column", item), kColumnKeys);
  if (!m.ok()) return;
  DatasetColumn col;
  auto id = m.text("id", true);
  auto label = m.text("label", true);
  const yaml::NodeRef kind_node = m.require("kind");
  const auto parsed = kind_node.present()
                          ? as_enum<ColumnKind>(ctx, kind_node, "kind", kColumnKinds, kParse)
                          : std::nullopt;
  const bool has_kind = parsed.has_value();
  const ColumnKind kind = parsed.value_or(ColumnKind::text);
  if (auto decimals = m.int_value("decimals")) {
    if (*decimals < 0 || *decimals > kMaxDecimals) {
      ctx.error(m.get("decimals"), "'decimals' must be from 0 to " + std::to_string(kMaxDecimals));
    } else {
      col.decimals = *decimals;
    }
  }
  if (const yaml::NodeRef total = m.get("total"); total.present()) {
    const std::function<std::optional<bool>(std::string_view)> parse =
        [](std::string_view s) -> std::optional<bool> {
      if (s == "sum") return true;
      return std::nullopt;
    };
    col.total_sum = as_enum<bool>(ctx, total, "total", kTotals, parse).value_or(false);
    if (has_kind && kind != ColumnKind::number && kind != ColumnKind::ratio) {
      ctx.error(total, "'total' is only used by number and ratio columns");
    }
  }
  const yaml::NodeRef of = m.get("of");
  if (has_kind && kind == ColumnKind::ratio && !of.present()) {
    ctx.error(item, "ratio column needs 'of: [numerator, denominator]'");
  } else if (has_kind && kind != ColumnKind::ratio && of.present()) {
    ctx.error(of, "'of' is only used by ratio columns");
  }
  if (!id || !label || !has_kind) return;
  col.id = std::move(*id);
  col.label = std::move(*label);
  col.kind = kind;
  if (const auto [it, inserted] = by_id.emplace(col.id, d.columns.size()); !inserted) {
    ctx.error(m.get("id"), "duplicate column id '" + col.id + "'");
    return;
  }
  d.columns.push_back(std::move(col));
  sources.push_back(ColumnSource{kind == ColumnKind::ratio ? of : yaml::NodeRef()});
}

/// Resolves the `of` of each ratio column, once all columns are known.
void resolve_ratios(ReadContext& ctx, Dataset& d,
                    const std::unordered_map<std::string, std::size_t>& by_id,
                    const std::vector<ColumnSource>& sources) {
  std::vector<std::string> ids;
  for (const auto& c : d.columns) ids.push_back(c.id);
  for (std::size_t c = 0; c < d.columns.size(); ++c) {
    const yaml::NodeRef of = sources[c].of;
    if (!of.present()) continue;
    if (!of.is_sequence() || of.size() != 2) {
      ctx.error(of, "'of' must be a list of two column ids [numerator, denominator]");
      continue;
    }
    std::size_t idx[2] = {0, 0};
    bool ok = true;
    for (std::size_t k = 0; k < 2; ++k) {
      const auto ref = as_text(ctx, of.item(k), "of");
      if (!ref) {
        ok = false;
        continue;
      }
      const auto it = by_id.find(*ref);
      if (it == by_id.end()) {
        ctx.error(of.item(k), "ratio column '" + d.columns[c].id +
                                  "': 'of' names unknown column '" + *ref + "'" +
                                  did_you_mean(closest(*ref, ids)));
        ok = false;
        continue;
      }
      if (d.columns[it->second].kind != ColumnKind::number) {
        ctx.error(of.item(k), "ratio column '" + d.columns[c].id +
                                  "': 'of' must name number columns; '" + *ref + "' is a " +
                                  std::string(to_string(d.columns[it->second].kind)) + " column");
        ok = false;
        continue;
      }
      idx[k] = it->second;
    }
    if (ok) d.columns[c].ratio_of = std::pair{idx[0], idx[1]};
  }
}

void read_row(ReadContext& ctx, yaml::NodeRef row, Dataset& d,
              const std::unordered_map<std::string, std::size_t>& by_id) {
  if (!expect_mapping(ctx, row, "a dataset row")) return;
  std::vector<DatasetCell> cells(d.columns.size());
  std::vector<bool> given(d.columns.size(), false);
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < row.size(); ++i) {
    const yaml::NodeRef key = row.key(i);
    const auto col_id = as_text(ctx, key, "row");
    if (!col_id) continue;
    const auto it = by_id.find(*col_id);
    if (it == by_id.end()) {
      if (ctx.error_over_limit(key)) continue;
      if (ids.empty()) {
        for (const auto& c : d.columns) ids.push_back(c.id);
      }
      ctx.error(key,
                "unknown column '" + *col_id + "' in row" + did_you_mean(closest(*col_id, ids)));
      continue;
    }
    const std::size_t c = it->second;
    const DatasetColumn& col = d.columns[c];
    const yaml::NodeRef value = row.value(i);
    given[c] = true;
    if (col.kind == ColumnKind::ratio) {
      ctx.error(key, "column '" + col.id +
                         "' is a ratio computed by samrapport; leave it out of the rows");
      continue;
    }
    if (value.is_null()) continue;  // an explicit null: the value is not known
    switch (col.kind) {
      case ColumnKind::text:
        if (auto t = as_text(ctx, value, col.id)) cells[c] = std::move(*t);
        break;
      case ColumnKind::number:
        if (auto n = as_number(ctx, value, col.id)) cells[c] = *n;
        break;
      case ColumnKind::refs: {
        if (!expect_list(ctx, value, col.id)) break;
        cells[c] = ctx.municipality_list(value, "in '" + col.id + "'");
        break;
      }
      case ColumnKind::ratio:
        break;
    }
  }
  std::string missing;
  std::size_t missing_count = 0;
  for (std::size_t c = 0; c < d.columns.size(); ++c) {
    if (given[c] || d.columns[c].kind == ColumnKind::ratio) continue;
    missing += (missing.empty() ? "'" : ", '") + d.columns[c].id + "'";
    ++missing_count;
  }
  if (missing_count > 0) {
    ctx.error(row, std::string(missing_count == 1 ? "row lacks column " : "row lacks columns ") +
                       missing + " (write null for a value that is not known)");
  }
  d.rows.push_back(std::move(cells));
}

}  // namespace

void read_dataset(ReadContext& ctx, yaml::NodeRef root, const std::string& file) {
  MapReader m(ctx, root, describe("dataset", root), kDatasetKeys);
  if (!m.ok()) return;
  Dataset d;
  d.file = file;
  auto id = m.text("id", true);
  if (id) check_slug(ctx, m.get("id"), *id, "dataset");
  if (auto title = m.text("title", true)) d.title = std::move(*title);
  d.source = m.text("source");
  std::unordered_map<std::string, std::size_t> by_id;
  if (const yaml::NodeRef columns = m.list("columns", true); columns.present()) {
    std::vector<ColumnSource> sources;
    d.columns.reserve(columns.size());
    for (std::size_t i = 0; i < columns.size(); ++i) {
      read_column(ctx, columns.item(i), d, by_id, sources);
    }
    resolve_ratios(ctx, d, by_id, sources);
  }
  if (const yaml::NodeRef rows = m.list("rows", true); rows.present()) {
    d.rows.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) read_row(ctx, rows.item(i), d, by_id);
  }
  if (!id) return;
  d.id = std::move(*id);
  ctx.content.datasets.push_back(std::move(d));
  ctx.dataset_roots.push_back(root);
}

}  // namespace samrapport::content
