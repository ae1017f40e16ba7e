#include "writers/svg_chart.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "common/utf8.hpp"
#include "document/chart_text.hpp"
#include "document/text.hpp"
#include "writers/chart_scale.hpp"
#include "writers/xml_escape.hpp"

namespace samrapport::writers {
namespace {

using document::Chart;
using document::ChartKind;

constexpr double kWidth = 680;
constexpr double kFont = 12;       // category and tick labels
constexpr double kValueFont = 11;  // value labels
constexpr std::string_view kText = "#222222";
constexpr std::string_view kGrid = "#DDDDDD";
constexpr std::string_view kAxis = "#555555";

// Estimated width of a text in the sans-serif font (no font metrics at hand).
double text_width(std::string_view s, double size) {
  return static_cast<double>(common::utf8_length(s)) * size * 0.56;
}

// A coordinate with at most one decimal ("12.5", "40").
std::string num(double v) {
  const double r = std::round(v * 10) / 10;
  char buf[32];
  const auto [ptr, ec] =
      std::to_chars(buf, buf + sizeof buf, r == 0 ? 0.0 : r, std::chars_format::fixed, 1);
  std::string s = ec == std::errc() ? std::string(buf, ptr) : std::string("0");
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

class SvgChart {
 public:
  SvgChart(const Chart& chart, locale::Lang lang)
      : c_(chart), lang_(lang), scale_(value_scale(chart)) {}

  std::string draw(const SvgChartText& text) {
    layout_legend();
    if (c_.horizontal) {
      draw_horizontal();
    } else {
      draw_vertical();
    }
    std::string out;
    out.reserve(body_.size() + 1024);
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ";
    out += num(kWidth) + " " + num(height_) + "\" width=\"" + num(kWidth) + "\" height=\"" +
           num(height_) + "\" role=\"img\" aria-labelledby=\"";
    append_xml_escaped(out, text.id_prefix + "-title " + text.id_prefix + "-desc");
    out += "\" font-family=\"Helvetica, Arial, 'Liberation Sans', sans-serif\" font-size=\"" +
           num(kFont) + "\">\n<title id=\"";
    append_xml_escaped(out, text.id_prefix + "-title");
    out += "\">";
    append_xml_escaped(out, text.title);
    out += "</title>\n<desc id=\"";
    append_xml_escaped(out, text.id_prefix + "-desc");
    out += "\">";
    append_xml_escaped(out, text.description);
    out += "</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n";
    out += body_;
    out += legend_;
    out += "</svg>\n";
    return out;
  }

 private:
  // ------------------------------------------------------------ pieces

  void text_at(double x, double y, std::string_view anchor, std::string_view s, double size,
               std::string_view fill, std::string_view extra = {}) {
    body_ += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"";
    if (anchor != "start") body_ += " text-anchor=\"" + std::string(anchor) + "\"";
    if (size != kFont) body_ += " font-size=\"" + num(size) + "\"";
    body_ += " fill=\"" + std::string(fill) + "\"";
    body_ += extra;
    body_ += ">";
    append_xml_escaped(body_, s);
    body_ += "</text>\n";
  }

  void rect(double x, double y, double w, double h, std::string_view fill) {
    if (w < 0) {
      x += w;
      w = -w;
    }
    if (h < 0) {
      y += h;
      h = -h;
    }
    body_ += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" +
             num(h) + "\" fill=\"" + std::string(fill) + "\"/>\n";
  }

  void line(double x1, double y1, double x2, double y2, std::string_view stroke) {
    body_ += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" +
             num(y2) + "\" stroke=\"" + std::string(stroke) + "\"/>\n";
  }

  std::string tick_label(double t) const {
    return locale::format_number(t, scale_.decimals, "", locale::decimal_mark(lang_));
  }
  std::string value_label(double v) const { return document::format_chart_number(c_, v, lang_); }

  double max_tick_width() const {
    double w = 0;
    for (double t : scale_.ticks) w = std::max(w, text_width(tick_label(t), kFont));
    return w;
  }

  // Legend rows across the top; body coordinates start below it.
  void layout_legend() {
    const auto entries = legend_entries(c_);
    if (entries.empty()) return;
    double x = 8;
    double y = 8;
    for (const LegendEntry& e : entries) {
      const double w = 12 + 6 + text_width(e.label, kFont) + 18;
      if (x > 8 && x + w > kWidth - 8) {
        x = 8;
        y += 18;
      }
      legend_ += "<rect x=\"" + num(x) + "\" y=\"" + num(y) +
                 "\" width=\"12\" height=\"12\" fill=\"" + e.color +
                 "\" stroke=\"#555555\" stroke-width=\"0.5\"/>\n";
      legend_ += "<text x=\"" + num(x + 18) + "\" y=\"" + num(y + 10) + "\" fill=\"" +
                 std::string(kText) + "\">";
      append_xml_escaped(legend_, e.label);
      legend_ += "</text>\n";
      x += w;
    }
    legend_height_ = y + 18 - 8 + 6;
    legend_ = "<g class=\"legend\">\n" + legend_ + "</g>\n";
  }

  // ------------------------------------------------------------ vertical bars

  void draw_vertical() {
    const std::size_t n = c_.categories.size();
    const std::size_t m = c_.series.size();
    const bool grouped = c_.kind == ChartKind::grouped;
    const bool stacked = c_.kind == ChartKind::stacked;
    const double left = 8 + (c_.value_label.empty() ? 0 : 20) + max_tick_width() + 6;
    const double right = 12;
    const double plot_w = kWidth - left - right;
    const double band = plot_w / static_cast<double>(n);
    const double group_w = grouped ? band * 0.8 : band * 0.64;
    const double bar_w = grouped ? group_w / static_cast<double>(m) : group_w;

    double max_cat = 0;
    for (const auto& cat : c_.categories) {
      max_cat = std::max(max_cat, text_width(truncate_label(cat, kMaxLabelChars), kFont));
    }
    const bool rotate = max_cat > band - 6;
    double bottom = rotate ? std::min(max_cat, 200.0) * 0.72 + 16 : 22;
    if (!c_.category_label.empty()) bottom += 20;

    // Value labels that do not fit across a bar stand upright above it.
    bool upright = false;
    double upright_len = 0;
    if (c_.value_labels && !stacked) {
      for (const auto& s : c_.series) {
        for (const auto& v : s.values) {
          if (!v) continue;
          const double w = text_width(value_label(*v), kValueFont);
          upright_len = std::max(upright_len, w);
          if (w > bar_w + 8) upright = true;
        }
      }
    }
    const double top = 8 + legend_height_ + (upright ? upright_len + 6 : 16);
    const double plot_h = 260;
    height_ = top + plot_h + bottom + 4;
    const double span = scale_.max - scale_.min;
    auto y_of = [&](double v) { return top + plot_h * (scale_.max - v) / span; };

    body_ += "<g class=\"grid\">\n";
    for (double t : scale_.ticks) {
      line(left, y_of(t), left + plot_w, y_of(t), kGrid);
      text_at(left - 6, y_of(t) + 4, "end", tick_label(t), kFont, kText);
    }
    body_ += "</g>\n<g class=\"bars\">\n";
    for (std::size_t i = 0; i < n; ++i) {
      const double x0 = left + band * static_cast<double>(i) + (band - group_w) / 2;
      if (stacked) {
        double acc = 0;
        for (std::size_t s = 0; s < m; ++s) {
          const auto& v = c_.series[s].values[i];
          if (!v || *v == 0) continue;
          const std::string color = c_.series[s].color;
          rect(x0, y_of(acc + *v), bar_w, y_of(acc) - y_of(acc + *v), color);
          const std::string label = value_label(*v);
          if (c_.value_labels && y_of(acc) - y_of(acc + *v) >= 14 &&
              text_width(label, kValueFont) <= bar_w - 2) {
            text_at(x0 + bar_w / 2, (y_of(acc) + y_of(acc + *v)) / 2 + 4, "middle", label,
                    kValueFont, text_color_on(color));
          }
          acc += *v;
        }
        continue;
      }
      for (std::size_t s = 0; s < m; ++s) {
        const auto& v = c_.series[s].values[i];
        if (!v) continue;
        const double x = x0 + (grouped ? bar_w * static_cast<double>(s) : 0);
        const double w = grouped && m > 1 ? bar_w - 1 : bar_w;
        rect(x, y_of(std::max(*v, 0.0)), w, std::fabs(y_of(*v) - y_of(0)), bar_color(c_, s, i));
        if (!c_.value_labels) continue;
        const std::string label = value_label(*v);
        const double cx = x + w / 2;
        if (upright) {
          const double y = *v >= 0 ? y_of(*v) - 4 : y_of(0) - 4;
          text_at(cx + 4, y, "start", label, kValueFont, kText,
                  " transform=\"rotate(-90 " + num(cx + 4) + " " + num(y) + ")\"");
        } else if (*v >= 0) {
          text_at(cx, y_of(*v) - 4, "middle", label, kValueFont, kText);
        } else {
          text_at(cx, y_of(*v) + 12, "middle", label, kValueFont, kText);
        }
      }
    }
    body_ += "</g>\n<g class=\"axis\">\n";
    line(left, y_of(0), left + plot_w, y_of(0), kAxis);
    for (std::size_t i = 0; i < n; ++i) {
      const double cx = left + band * (static_cast<double>(i) + 0.5);
      const double y = top + plot_h + 14;
      if (rotate) {
        text_at(cx + 4, y - 4, "end", truncate_label(c_.categories[i], kMaxLabelChars), kFont,
                kText, " transform=\"rotate(-45 " + num(cx + 4) + " " + num(y - 4) + ")\"");
      } else {
        text_at(cx, y, "middle", c_.categories[i], kFont, kText);
      }
    }
    if (!c_.category_label.empty()) {
      text_at(left + plot_w / 2, height_ - 8, "middle", c_.category_label, kFont, kText);
    }
    if (!c_.value_label.empty()) {
      const double x = 8 + 10;
      const double y = top + plot_h / 2;
      text_at(x, y, "middle", c_.value_label, kFont, kText,
              " transform=\"rotate(-90 " + num(x) + " " + num(y) + ")\"");
    }
    body_ += "</g>\n";
  }

  // ------------------------------------------------------------ horizontal bars

  void draw_horizontal() {
    const std::size_t n = c_.categories.size();
    const std::size_t m = c_.series.size();
    const bool grouped = c_.kind == ChartKind::grouped;
    const bool stacked = c_.kind == ChartKind::stacked;

    std::vector<std::vector<std::string>> lines(n);
    double label_w = 0;
    for (std::size_t i = 0; i < n; ++i) {
      lines[i] = wrap_words(c_.categories[i], 34, 3);
      for (const auto& l : lines[i]) label_w = std::max(label_w, text_width(l, kFont));
    }
    double value_w = 0;
    if (c_.value_labels && !stacked) {
      for (const auto& s : c_.series) {
        for (const auto& v : s.values) {
          if (v) value_w = std::max(value_w, text_width(value_label(*v), kValueFont));
        }
      }
    }
    const double left = 8 + label_w + 8;
    const double right = std::max(16.0, value_w + 10);
    const double plot_w = kWidth - left - right;
    const double top = 8 + legend_height_ + 4 + (c_.category_label.empty() ? 0 : 18);

    std::vector<double> band(n);
    double plot_h = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double text_h = static_cast<double>(lines[i].size()) * 14 + 8;
      const double bars_h = grouped ? static_cast<double>(m) * 13 + 10 : 24;
      band[i] = std::max(text_h, bars_h);
      plot_h += band[i];
    }
    double bottom = 24;
    if (!c_.value_label.empty()) bottom += 20;
    height_ = top + plot_h + bottom + 4;
    const double span = scale_.max - scale_.min;
    auto x_of = [&](double v) { return left + plot_w * (v - scale_.min) / span; };

    body_ += "<g class=\"grid\">\n";
    for (double t : scale_.ticks) {
      line(x_of(t), top, x_of(t), top + plot_h, kGrid);
      text_at(x_of(t), top + plot_h + 16, "middle", tick_label(t), kFont, kText);
    }
    body_ += "</g>\n<g class=\"bars\">\n";
    double y0 = top;
    for (std::size_t i = 0; i < n; ++i) {
      const double group_h = grouped ? band[i] - 10 : std::min(band[i] * 0.64, 18.0);
      const double bar_h = grouped ? group_h / static_cast<double>(m) : group_h;
      const double gy = y0 + (band[i] - group_h) / 2;
      if (stacked) {
        double acc = 0;
        for (std::size_t s = 0; s < m; ++s) {
          const auto& v = c_.series[s].values[i];
          if (!v || *v == 0) continue;
          const std::string& color = c_.series[s].color;
          rect(x_of(acc), gy, x_of(acc + *v) - x_of(acc), bar_h, color);
          const std::string label = value_label(*v);
          if (c_.value_labels && text_width(label, kValueFont) + 6 <= x_of(acc + *v) - x_of(acc)) {
            text_at((x_of(acc) + x_of(acc + *v)) / 2, gy + bar_h / 2 + 4, "middle", label,
                    kValueFont, text_color_on(color));
          }
          acc += *v;
        }
      } else {
        for (std::size_t s = 0; s < m; ++s) {
          const auto& v = c_.series[s].values[i];
          if (!v) continue;
          const double y = gy + (grouped ? bar_h * static_cast<double>(s) : 0);
          const double h = grouped && m > 1 ? bar_h - 1 : bar_h;
          rect(x_of(std::min(*v, 0.0)), y, std::fabs(x_of(*v) - x_of(0)), h, bar_color(c_, s, i));
          if (!c_.value_labels) continue;
          const std::string label = value_label(*v);
          if (*v >= 0) {
            text_at(x_of(*v) + 4, y + h / 2 + 4, "start", label, kValueFont, kText);
          } else {
            text_at(x_of(*v) - 4, y + h / 2 + 4, "end", label, kValueFont, kText);
          }
        }
      }
      // The category label, one tspan per line, centred on the band.
      const double first = y0 + band[i] / 2 - (static_cast<double>(lines[i].size()) - 1) * 7 + 4;
      body_ += "<text x=\"" + num(left - 8) + "\" y=\"" + num(first) +
               "\" text-anchor=\"end\" fill=\"" + std::string(kText) + "\">";
      for (std::size_t l = 0; l < lines[i].size(); ++l) {
        body_ += "<tspan x=\"" + num(left - 8) + "\"";
        if (l > 0) body_ += " dy=\"14\"";
        body_ += ">";
        append_xml_escaped(body_, lines[i][l]);
        body_ += "</tspan>";
      }
      body_ += "</text>\n";
      y0 += band[i];
    }
    body_ += "</g>\n<g class=\"axis\">\n";
    line(x_of(0), top, x_of(0), top + plot_h, kAxis);
    if (!c_.value_label.empty()) {
      text_at(left + plot_w / 2, height_ - 8, "middle", c_.value_label, kFont, kText);
    }
    if (!c_.category_label.empty()) {
      text_at(8, top - 8, "start", c_.category_label, kFont, kText);
    }
    body_ += "</g>\n";
  }

  const Chart& c_;
  locale::Lang lang_;
  ValueScale scale_;
  std::string body_;
  std::string legend_;
  double legend_height_ = 0;
  double height_ = 0;
};

}  // namespace

std::string write_svg_chart(const Chart& chart, const SvgChartText& text, locale::Lang lang) {
  return SvgChart(chart, lang).draw(text);
}

}  // namespace samrapport::writers
