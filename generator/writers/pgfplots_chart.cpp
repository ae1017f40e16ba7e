#include "writers/pgfplots_chart.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "common/utf8.hpp"
#include "document/chart_text.hpp"
#include "document/palette.hpp"
#include "document/text.hpp"
#include "writers/chart_scale.hpp"
#include "writers/latex_escape.hpp"

namespace samrapport::writers {
namespace {

using document::Chart;
using document::ChartKind;

// A number for pgfplots (C locale, shortest form).
std::string num(double v) {
  if (std::fabs(v) < 1e-12) return "0";
  char buf[32];
  const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, ptr) : std::string("0");
}

// "#0072B2" -> "{rgb,255:red,0;green,114;blue,178}"
std::string color(std::string_view hex) {
  auto byte = [&](std::size_t at) {
    int v = 0;
    std::from_chars(hex.data() + at, hex.data() + at + 2, v, 16);
    return v;
  };
  if (hex.size() != 7) return "black";
  return "{rgb,255:red," + std::to_string(byte(1)) + ";green," + std::to_string(byte(3)) +
         ";blue," + std::to_string(byte(5)) + "}";
}

class PgfChart {
 public:
  PgfChart(const Chart& chart, locale::Lang lang)
      : c_(chart), lang_(lang), scale_(value_scale(chart)) {}

  std::string draw() {
    const std::size_t n = c_.categories.size();
    const std::size_t m = c_.series.size();
    const bool h = c_.horizontal;
    const bool grouped = c_.kind == ChartKind::grouped;
    const bool stacked = c_.kind == ChartKind::stacked;
    const double group = grouped ? 0.8 : 0.64;
    const double bar = grouped ? group / static_cast<double>(m) : group;

    std::string cat_axis = h ? "y" : "x";
    std::string val_axis = h ? "x" : "y";
    // Sizes in cm on a 16 cm text width; the axis itself is scaled (scale only axis), so
    // the labels beside it are estimated: about 0.16 cm per character in \footnotesize.
    constexpr double kTextWidth = 16.0;
    constexpr double kCharCm = 0.16;
    std::size_t label_chars = 0;
    for (const auto& cat : c_.categories) {
      for (const auto& line : wrap_words(cat, 34, 3)) {
        label_chars = std::max(label_chars, common::utf8_length(line));
      }
    }
    std::size_t tick_chars = 0;
    for (double t : scale_.ticks) {
      tick_chars = std::max(
          tick_chars,
          locale::format_number(t, scale_.decimals, "", locale::decimal_mark(lang_)).size());
    }
    std::size_t value_chars = 0;
    if (c_.value_labels && !stacked) {
      for (const auto& s : c_.series) {
        for (const auto& v : s.values) {
          if (v) value_chars = std::max(value_chars, value(*v).size());
        }
      }
    }
    out_ += "\\begin{tikzpicture}\n\\begin{axis}[\n";
    opt("scale only axis");
    if (h) {
      const double labels_cm = static_cast<double>(label_chars) * kCharCm + 0.4;
      const double values_cm = static_cast<double>(value_chars) * 0.14 + 0.3;
      opt("width=" + num(std::round((kTextWidth - labels_cm - values_cm) * 10) / 10) + "cm");
      double height = 0;
      for (const auto& cat : c_.categories) {
        const auto lines = wrap_words(cat, 34, 3);
        const double per = grouped ? 0.42 * static_cast<double>(m) + 0.3 : 0.7;
        height += std::max(per, 0.42 * static_cast<double>(lines.size()) + 0.2);
      }
      opt("height=" + num(std::round(height * 10) / 10) + "cm");
      opt(stacked ? "xbar stacked" : "xbar");
      opt("y dir=reverse");
    } else {
      const double ticks_cm = static_cast<double>(tick_chars) * kCharCm + 0.3;
      const double title_cm = c_.value_label.empty() ? 0 : 0.7;
      opt("width=" + num(std::round((kTextWidth - ticks_cm - title_cm) * 10) / 10) + "cm");
      opt("height=6cm");
      opt(stacked ? "ybar stacked" : "ybar");
    }
    opt("bar width=" + num(bar));
    opt(cat_axis + "min=-0.5");
    opt(cat_axis + "max=" + num(static_cast<double>(n) - 0.5));
    opt(val_axis + "min=" + num(scale_.min));
    opt(val_axis + "max=" + num(scale_.max));
    // Category ticks and labels.
    std::string ticks;
    std::string labels;
    std::size_t longest = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (i > 0) {
        ticks += ",";
        labels += ",";
      }
      ticks += std::to_string(i);
      longest = std::max(longest, std::min(common::utf8_length(c_.categories[i]), kMaxLabelChars));
      if (h) {
        const auto lines = wrap_words(c_.categories[i], 34, 3);
        labels += "{";
        for (std::size_t l = 0; l < lines.size(); ++l) {
          if (l > 0) labels += "\\\\";
          append_latex_escaped(labels, lines[l]);
        }
        labels += "}";
      } else {
        labels += "{" + latex_escape(truncate_label(c_.categories[i], kMaxLabelChars)) + "}";
      }
    }
    opt(cat_axis + "tick={" + ticks + "}");
    opt(cat_axis + "ticklabels={" + labels + "}");
    opt(cat_axis + "tick style={draw=none}");
    // Value ticks, formatted like the SVG's (decimal comma).
    std::string vt;
    std::string vl;
    for (std::size_t i = 0; i < scale_.ticks.size(); ++i) {
      if (i > 0) {
        vt += ",";
        vl += ",";
      }
      vt += num(scale_.ticks[i]);
      vl += "{" +
            latex_escape(locale::format_number(scale_.ticks[i], scale_.decimals, "",
                                               locale::decimal_mark(lang_))) +
            "}";
    }
    opt(val_axis + "tick={" + vt + "}");
    opt(val_axis + "ticklabels={" + vl + "}");
    opt(val_axis + "majorgrids");
    opt("grid style={draw=black!15}");
    opt("axis " + cat_axis + " line*=" + (h ? "left" : "bottom"));
    opt(val_axis + " axis line style={draw=none}");
    opt(val_axis + "tick style={draw=none}");
    opt("tick label style={font=\\footnotesize}");
    const double band_cm = 15.0 / static_cast<double>(n);
    const bool rotate_cats = !h && static_cast<double>(longest) * 0.17 > band_cm;
    if (rotate_cats) opt("x tick label style={rotate=45,anchor=north east,inner sep=1pt}");
    if (h) opt("y tick label style={align=right}");
    if (!c_.value_label.empty()) opt(val_axis + "label={" + latex_escape(c_.value_label) + "}");
    if (!c_.category_label.empty()) {
      opt(cat_axis + "label={" + latex_escape(c_.category_label) + "}");
    }
    opt("label style={font=\\small}");
    opt("clip=false");
    const auto legend = legend_entries(c_);
    if (!legend.empty()) {
      opt("legend style={at={(0,1.02)},anchor=south west,draw=none,font=\\small,"
          "legend columns=" +
          std::to_string(std::min<std::size_t>(legend.size(), 3)) +
          ",/tikz/every even column/.append style={column sep=0.8em}}");
      opt("legend cell align=left");
      opt("legend image code/.code={\\fill[#1] (0cm,-0.12cm) rectangle (0.3cm,0.18cm);}");
    }
    // Upright value labels when they do not fit across a vertical bar.
    const double bar_cm = band_cm * bar;
    bool upright = false;
    if (!h && !stacked && c_.value_labels) {
      for (const auto& s : c_.series) {
        for (const auto& v : s.values) {
          if (v && static_cast<double>(value(*v).size()) * 0.14 > bar_cm + 0.2) upright = true;
        }
      }
    }

    // Value labels go on top of everything (stacked bars are drawn at the end of the axis).
    if (c_.value_labels) {
      value_nodes(bar, upright);
      if (!nodes_.empty()) opt("after end axis/.append code={\n" + nodes_ + "  }");
    }
    out_ += "]\n";

    if (!c_.classes.empty()) {
      plots_by_class();
    } else {
      for (std::size_t s = 0; s < m; ++s) {
        const double shift =
            grouped ? (static_cast<double>(s) - (static_cast<double>(m) - 1) / 2) * bar : 0;
        out_ += "\\addplot[fill=" + color(c_.series[s].color) + ",draw=none";
        if (!stacked) out_ += ",bar shift=" + num(shift);
        out_ += "] coordinates {";
        for (std::size_t i = 0; i < n; ++i) {
          const auto& v = c_.series[s].values[i];
          if (!v && !stacked) continue;
          out_ += coordinate(static_cast<double>(i), v.value_or(0));
        }
        out_ += "};\n";
        if (m > 1) out_ += "\\addlegendentry{" + latex_escape(c_.series[s].name) + "}\n";
      }
    }

    out_ += "\\end{axis}\n\\end{tikzpicture}\n";
    return std::move(out_);
  }

 private:
  void opt(const std::string& o) { out_ += "  " + o + ",\n"; }

  std::string value(double v) const { return document::format_chart_number(c_, v, lang_); }

  std::string coordinate(double cat, double val) const {
    return c_.horizontal ? "(" + num(val) + "," + num(cat) + ")"
                         : "(" + num(cat) + "," + num(val) + ")";
  }

  // One plot per class (so that the legend names the classes), bars in their category.
  void plots_by_class() {
    const std::size_t n = c_.categories.size();
    auto plot = [&](std::string_view key, const std::string& fill, const std::string& label) {
      std::string coords;
      for (std::size_t i = 0; i < n; ++i) {
        const auto& v = c_.series[0].values[i];
        if (v && c_.category_classes[i] == key) coords += coordinate(static_cast<double>(i), *v);
      }
      if (coords.empty()) return;
      out_ += "\\addplot[fill=" + color(fill) + ",draw=none,bar shift=0] coordinates {" + coords +
              "};\n";
      if (!label.empty()) out_ += "\\addlegendentry{" + latex_escape(label) + "}\n";
    };
    for (const auto& k : c_.classes) plot(k.key, k.color, k.label);
    plot("", std::string(document::palette::kUnclassified), "");
  }

  void node(double cat, double val, std::string_view anchor, const std::string& text,
            std::string_view fill, std::string_view extra = {}) {
    nodes_ += "    \\node[font=\\scriptsize,anchor=" + std::string(anchor) + ",inner sep=2pt";
    if (fill != "#000000" && fill != "#222222") nodes_ += ",text=" + color(fill);
    nodes_ += extra;
    nodes_ +=
        "] at (axis cs:" + (c_.horizontal ? num(val) + "," + num(cat) : num(cat) + "," + num(val)) +
        ") {" + latex_escape(text) + "};\n";
  }

  void value_nodes(double bar, bool upright) {
    const std::size_t n = c_.categories.size();
    const std::size_t m = c_.series.size();
    const bool h = c_.horizontal;
    const double span = scale_.max - scale_.min;
    if (c_.kind == ChartKind::stacked) {
      for (std::size_t i = 0; i < n; ++i) {
        double acc = 0;
        for (std::size_t s = 0; s < m; ++s) {
          const auto& v = c_.series[s].values[i];
          if (!v || *v == 0) continue;
          const std::string text = value(*v);
          // Inside the segment when it is wide enough (about 15 cm of axis).
          const double seg_cm = *v / span * (h ? 11.0 : 6.0);
          if (seg_cm >= static_cast<double>(text.size()) * 0.14 + 0.15) {
            node(static_cast<double>(i), acc + *v / 2, "center", text,
                 text_color_on(c_.series[s].color));
          }
          acc += *v;
        }
      }
      return;
    }
    const bool grouped = c_.kind == ChartKind::grouped;
    for (std::size_t s = 0; s < m; ++s) {
      const double shift =
          grouped ? (static_cast<double>(s) - (static_cast<double>(m) - 1) / 2) * bar : 0;
      for (std::size_t i = 0; i < n; ++i) {
        const auto& v = c_.series[s].values[i];
        if (!v) continue;
        const double cat = static_cast<double>(i) + shift;
        const bool neg = *v < 0;
        if (h) {
          node(cat, *v, neg ? "east" : "west", value(*v), "#222222");
        } else if (upright) {
          node(cat, neg ? 0 : *v, "west", value(*v), "#222222", ",rotate=90");
        } else {
          node(cat, *v, neg ? "north" : "south", value(*v), "#222222");
        }
      }
    }
  }

  const Chart& c_;
  locale::Lang lang_;
  ValueScale scale_;
  std::string out_;
  std::string nodes_;
};

}  // namespace

std::string write_pgfplots_chart(const Chart& chart, locale::Lang lang) {
  return PgfChart(chart, lang).draw();
}

}  // namespace samrapport::writers
