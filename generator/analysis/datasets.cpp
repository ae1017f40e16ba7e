// Datasets (Tabell 3.3-3.5): the tables of datasets/*.yaml with their computed cells.
// A ratio cell is 100 * numerator / denominator of its row (a percentage; unset when
// either is missing or the denominator is 0). The total row exists when a column has
// `total: sum`: those columns hold their sums, ratio columns the ratio of the sums of
// their two columns (sum of numerators / sum of denominators), other cells are unset.
#include "analysis/families.hpp"

namespace samrapport::analysis {

namespace {

std::optional<double> number(const content::DatasetCell& cell) {
  if (const auto* value = std::get_if<double>(&cell)) return *value;
  return std::nullopt;
}

DatasetValue ratio(std::optional<double> numerator, std::optional<double> denominator) {
  if (!numerator || !denominator || *denominator == 0) return std::monostate{};
  return 100.0 * *numerator / *denominator;
}

}  // namespace

void compute_datasets(const Index& index, Results& results) {
  const auto& content = index.content;
  for (const auto& dataset : content.datasets) {
    DatasetResult out;
    out.id = dataset.id;
    out.title = dataset.title;
    out.source = dataset.source;
    const std::size_t n_columns = dataset.columns.size();
    bool has_total = false;
    for (const auto& column : dataset.columns) {
      DatasetColumnInfo info;
      info.id = column.id;
      info.label = column.label;
      info.kind = std::string(to_string(column.kind));
      info.decimals = column.decimals;
      info.total = column.total_sum;
      if (column.ratio_of && column.ratio_of->first < n_columns &&
          column.ratio_of->second < n_columns) {
        info.ratio_of = std::make_pair(dataset.columns[column.ratio_of->first].id,
                                       dataset.columns[column.ratio_of->second].id);
      }
      has_total = has_total || column.total_sum;
      out.columns.push_back(std::move(info));
    }

    std::vector<double> sums(n_columns, 0.0);
    for (const auto& row : dataset.rows) {
      std::vector<DatasetValue> cells(n_columns);
      for (std::size_t c = 0; c < n_columns && c < row.size(); ++c) {
        const auto& cell = row[c];
        if (const auto* text = std::get_if<std::string>(&cell)) {
          cells[c] = *text;
        } else if (const auto* refs = std::get_if<std::vector<content::MunicipalityIdx>>(&cell)) {
          std::vector<std::string> names;
          for (auto m : *refs) {
            if (m < content.municipalities.size()) names.push_back(content.municipalities[m].name);
          }
          cells[c] = std::move(names);
        } else if (const auto* value = std::get_if<double>(&cell)) {
          cells[c] = *value;
          sums[c] += *value;
        }
      }
      for (std::size_t c = 0; c < n_columns; ++c) {
        const auto& column = dataset.columns[c];
        if (column.kind != content::ColumnKind::ratio || !column.ratio_of) continue;
        const auto [num, den] = *column.ratio_of;
        if (num >= row.size() || den >= row.size()) continue;
        cells[c] = ratio(number(row[num]), number(row[den]));
      }
      out.rows.push_back(std::move(cells));
    }

    if (has_total) {
      std::vector<DatasetValue> total(n_columns);
      for (std::size_t c = 0; c < n_columns; ++c) {
        const auto& column = dataset.columns[c];
        if (column.kind == content::ColumnKind::ratio && column.ratio_of &&
            column.ratio_of->first < n_columns && column.ratio_of->second < n_columns) {
          total[c] = ratio(sums[column.ratio_of->first], sums[column.ratio_of->second]);
        } else if (column.total_sum && column.kind == content::ColumnKind::number) {
          total[c] = sums[c];
        }
      }
      out.total = std::move(total);
    }
    results.datasets.push_back(std::move(out));
  }
}

}  // namespace samrapport::analysis
