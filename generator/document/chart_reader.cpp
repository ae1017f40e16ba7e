#include "document/chart_reader.hpp"

#include <cmath>
#include <set>

#include "document/palette.hpp"

namespace samrapport::document {
namespace {

using nlohmann::json;

std::optional<ChartKind> kind_from(std::string_view s) {
  if (s == "bar") return ChartKind::bar;
  if (s == "hbar") return ChartKind::hbar;
  if (s == "grouped") return ChartKind::grouped;
  if (s == "stacked") return ChartKind::stacked;
  return std::nullopt;
}

std::string read_color(const json& object, std::string_view path, JsonInput& in) {
  const std::string name = in.string(object, "color", path);
  if (name.empty()) return {};
  std::string hex = palette::resolve(name);
  if (hex.empty()) {
    in.error(JsonInput::join(path, "color"),
             "expected #RRGGBB or one of blue, orange, green, vermillion, skyblue, purple, "
             "yellow, black, grey");
  }
  return hex;
}

bool read_values(const json& array, std::string_view path, std::size_t expected,
                 std::vector<std::optional<double>>& out, JsonInput& in) {
  if (!array.is_array()) {
    in.error(path, "expected an array of numbers");
    return false;
  }
  if (array.size() != expected) {
    in.error(path, "has " + std::to_string(array.size()) + " values for " +
                       std::to_string(expected) + " categories");
    return false;
  }
  for (std::size_t i = 0; i < array.size(); ++i) {
    const json& v = array[i];
    if (v.is_null()) {
      out.emplace_back();
    } else if (v.is_number() && std::isfinite(v.get<double>())) {
      out.emplace_back(v.get<double>());
    } else {
      in.error(JsonInput::index(path, i), "expected a number or null");
      return false;
    }
  }
  return true;
}

bool read_series(const json& object, std::string_view path, Chart& chart, JsonInput& in) {
  const auto it = object.find("series");
  const auto values = object.find("values");
  if (values != object.end()) {
    if (it != object.end()) {
      in.error(path, "give either \"values\" (one series) or \"series\", not both");
      return false;
    }
    ChartSeries s;
    s.name = in.string(object, "name", path);
    if (!read_values(*values, JsonInput::join(path, "values"), chart.categories.size(), s.values,
                     in)) {
      return false;
    }
    chart.series.push_back(std::move(s));
    return true;
  }
  if (it == object.end() || !it->is_array() || it->empty()) {
    in.error(JsonInput::join(path, "series"), "expected a non-empty array of series");
    return false;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    const std::string sp = JsonInput::index(JsonInput::join(path, "series"), i);
    const json& so = (*it)[i];
    if (!in.check_object(so, sp, {"name", "values", "reference", "color"})) return false;
    ChartSeries s;
    s.name = in.string(so, "name", sp, true);
    s.reference = in.boolean(so, "reference", sp, false);
    s.color = read_color(so, sp, in);
    const auto v = so.find("values");
    if (v == so.end()) {
      in.error(JsonInput::join(sp, "values"), "missing");
      return false;
    }
    if (!read_values(*v, JsonInput::join(sp, "values"), chart.categories.size(), s.values, in)) {
      return false;
    }
    chart.series.push_back(std::move(s));
  }
  return true;
}

bool read_classes(const json& object, std::string_view path, Chart& chart, JsonInput& in) {
  const auto classes = object.find("classes");
  const auto of = object.find("category_classes");
  const bool has_classes = classes != object.end() && !classes->is_null();
  const bool has_of = of != object.end() && !of->is_null();
  if (!has_classes && !has_of) return true;
  if (has_classes != has_of) {
    in.error(path, "\"classes\" and \"category_classes\" go together");
    return false;
  }
  if (!classes->is_array()) {
    in.error(JsonInput::join(path, "classes"), "expected an array of {key, label}");
    return false;
  }
  std::set<std::string> keys;
  for (std::size_t i = 0; i < classes->size(); ++i) {
    const std::string cp = JsonInput::index(JsonInput::join(path, "classes"), i);
    const json& co = (*classes)[i];
    if (!in.check_object(co, cp, {"key", "label", "color"})) return false;
    ChartClass c;
    c.key = in.string(co, "key", cp, true);
    c.label = in.string(co, "label", cp, true, c.key);
    c.color = read_color(co, cp, in);
    if (c.color.empty()) c.color = std::string(palette::categorical(i));
    if (!keys.insert(c.key).second) in.error(cp, "duplicate class key '" + c.key + "'");
    chart.classes.push_back(std::move(c));
  }
  if (!of->is_array() || of->size() != chart.categories.size()) {
    in.error(JsonInput::join(path, "category_classes"),
             "expected one class key (or null) per category");
    return false;
  }
  for (std::size_t i = 0; i < of->size(); ++i) {
    const json& k = (*of)[i];
    if (k.is_null()) {
      chart.category_classes.emplace_back();
      continue;
    }
    const std::string key = JsonInput::scalar_text(k);
    if (!keys.contains(key)) {
      in.error(JsonInput::index(JsonInput::join(path, "category_classes"), i),
               "unknown class '" + key + "'");
      return false;
    }
    chart.category_classes.push_back(key);
  }
  return true;
}

void assign_colors(Chart& chart) {
  std::size_t main = 0;
  std::size_t ref = 0;
  const std::size_t n = chart.series.size();
  for (std::size_t i = 0; i < n; ++i) {
    ChartSeries& s = chart.series[i];
    if (!s.color.empty()) continue;
    if (chart.palette == Palette::diverging) {
      s.color = std::string(palette::diverging(i, n));
    } else if (s.reference) {
      s.color = std::string(palette::reference(ref++));
    } else {
      s.color = std::string(palette::categorical(main++));
    }
  }
}

}  // namespace

std::optional<Chart> read_chart(const json& object, std::string_view path, JsonInput& in) {
  if (!in.check_object(object, path,
                       {"kind", "horizontal", "categories", "series", "values", "name", "classes",
                        "category_classes", "unit", "decimals", "category_label", "value_label",
                        "max", "value_labels", "normalize", "palette"})) {
    return std::nullopt;
  }
  Chart chart;
  const std::string kind = in.string(object, "kind", path, false, "bar");
  const auto k = kind_from(kind);
  if (!k) {
    in.error(JsonInput::join(path, "kind"), "expected bar, hbar, grouped or stacked");
    return std::nullopt;
  }
  chart.kind = *k;
  const bool default_horizontal = chart.kind == ChartKind::hbar || chart.kind == ChartKind::stacked;
  chart.horizontal = in.boolean(object, "horizontal", path, default_horizontal);
  if (chart.kind == ChartKind::bar && chart.horizontal) chart.kind = ChartKind::hbar;
  if (chart.kind == ChartKind::hbar) chart.horizontal = true;

  const auto cats = object.find("categories");
  if (cats == object.end() || !cats->is_array() || cats->empty()) {
    in.error(JsonInput::join(path, "categories"), "expected a non-empty array");
    return std::nullopt;
  }
  for (std::size_t i = 0; i < cats->size(); ++i) {
    const json& c = (*cats)[i];
    if (!c.is_string() && !c.is_number()) {
      in.error(JsonInput::index(JsonInput::join(path, "categories"), i), "expected a string");
      return std::nullopt;
    }
    chart.categories.push_back(JsonInput::scalar_text(c));
  }
  if (!read_series(object, path, chart, in)) return std::nullopt;
  if (!read_classes(object, path, chart, in)) return std::nullopt;

  chart.unit = in.string(object, "unit", path);
  chart.decimals = in.integer(object, "decimals", path, 0, 0, 6);
  chart.category_label = in.string(object, "category_label", path);
  chart.value_label = in.string(object, "value_label", path);
  chart.value_labels = in.boolean(object, "value_labels", path, true);
  chart.normalize = in.boolean(object, "normalize", path, false);
  const auto max = object.find("max");
  if (max != object.end() && !max->is_null()) {
    if (max->is_number() && max->get<double>() > 0) {
      chart.max = max->get<double>();
    } else {
      in.error(JsonInput::join(path, "max"), "expected a positive number");
    }
  }
  const std::string pal = in.string(object, "palette", path, false,
                                    chart.kind == ChartKind::stacked ? "diverging" : "categorical");
  if (pal == "categorical") {
    chart.palette = Palette::categorical;
  } else if (pal == "diverging") {
    chart.palette = Palette::diverging;
  } else {
    in.error(JsonInput::join(path, "palette"), "expected categorical or diverging");
  }

  const bool single = chart.kind == ChartKind::bar || chart.kind == ChartKind::hbar;
  if (single && chart.series.size() != 1) {
    in.error(path, "a \"" + kind + "\" chart has one series; use \"grouped\" or \"stacked\"");
    return std::nullopt;
  }
  if (!chart.classes.empty() && !single) {
    in.error(path, "category classes colour the bars of a single-series chart (bar or hbar)");
    return std::nullopt;
  }
  if (chart.normalize && chart.kind != ChartKind::stacked) {
    in.error(JsonInput::join(path, "normalize"), "only stacked charts are normalised");
  }
  if (chart.kind == ChartKind::stacked) {
    for (const ChartSeries& s : chart.series) {
      for (const auto& v : s.values) {
        if (v && *v < 0) {
          in.error(path, "stacked charts take no negative values (series '" + s.name + "')");
          return std::nullopt;
        }
      }
    }
  }
  if (chart.normalize) {
    for (std::size_t c = 0; c < chart.categories.size(); ++c) {
      double sum = 0;
      for (const ChartSeries& s : chart.series) sum += s.values[c].value_or(0);
      if (sum <= 0) continue;
      for (ChartSeries& s : chart.series) {
        if (s.values[c]) s.values[c] = *s.values[c] * 100.0 / sum;
      }
    }
    if (chart.unit.empty()) chart.unit = "%";
  }
  assign_colors(chart);
  if (!in.ok()) return std::nullopt;
  return chart;
}

}  // namespace samrapport::document
