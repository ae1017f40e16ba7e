#include "writers/html_writer.hpp"

#include <map>

#include "document/chart_text.hpp"
#include "document/labels.hpp"
#include "document/text.hpp"
#include "writers/html_sanitize.hpp"
#include "writers/html_style.hpp"
#include "writers/output_file.hpp"
#include "writers/xml_escape.hpp"

namespace samrapport::writers {
namespace {

using namespace document;

std::string_view align_class(const Column& c) {
  if (c.align == Align::right) return "num";
  if (c.align == Align::center) return "center";
  return {};
}

class HtmlWriter {
 public:
  HtmlWriter(const Document& doc, const HtmlOptions& options)
      : doc_(doc),
        options_(options),
        lang_(locale::lang_from(doc.meta.language)),
        labels_(labels_for(lang_)) {}

  std::string run() {
    out_.reserve(64 * 1024);
    const std::string title = doc_.meta.title;
    if (options_.standalone) {
      out_ += "<!DOCTYPE html>\n<html lang=\"" + std::string(labels_.html_lang) +
              "\">\n<head>\n<meta charset=\"utf-8\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
              "<title>";
      append_xml_escaped(out_, title.empty() ? std::string(labels_.contents) : title);
      out_ += "</title>\n";
      if (options_.stylesheet) style();
      out_ += "</head>\n<body>\n<div class=\"samrapport\">\n";
    } else {
      out_ += "<div class=\"samrapport\" lang=\"" + std::string(labels_.html_lang) + "\">\n";
      if (options_.stylesheet) style();
    }
    if (options_.title_page && !title.empty()) title_page();
    if (options_.contents) contents();
    out_ += options_.standalone ? "<main>\n" : "<article>\n";
    blocks(doc_.blocks);
    footnotes();
    out_ += options_.standalone ? "</main>\n" : "</article>\n";
    out_ += "</div>\n";
    if (options_.standalone) out_ += "</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  void esc(std::string_view s) { append_xml_escaped(out_, s); }

  /// ` name="value"`, the value escaped; nothing for an empty value when `optional`.
  void attribute(std::string_view name, std::string_view value, bool optional = false) {
    if (optional && value.empty()) return;
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    esc(value);
    out_ += '"';
  }

  /// <tag>children</tag>
  void element(std::string_view tag, const Inlines& children) {
    out_ += '<';
    out_ += tag;
    out_ += '>';
    inlines(children);
    out_ += "</";
    out_ += tag;
    out_ += '>';
  }

  void style() {
    out_ += "<style>";
    out_ += report_stylesheet();
    out_ += "</style>\n";
  }

  void title_page() {
    const DocumentMeta& m = doc_.meta;
    out_ += "<header class=\"title-page\">\n";
    if (!m.report_id.empty()) {
      out_ += "<p class=\"report-id\">";
      esc(m.report_id);
      out_ += "</p>\n";
    }
    out_ += "<h1>";
    esc(m.title);
    out_ += "</h1>\n";
    auto line = [&](std::string_view cls, std::string_view text) {
      if (text.empty()) return;
      out_ += "<p class=\"" + std::string(cls) + "\">";
      esc(text);
      out_ += "</p>\n";
    };
    line("subtitle", m.subtitle);
    if (!m.client.empty()) line("client", std::string(labels_.commissioned_by) + " " + m.client);
    line("author", m.author);
    line("date", m.place_date);
    out_ += "</header>\n";
  }

  void contents() {
    out_ += "<nav class=\"contents\" aria-labelledby=\"sr-contents\">\n<h2 id=\"sr-contents\">";
    esc(labels_.contents);
    out_ += "</h2>\n<ol>\n";
    bool open_sub = false;
    bool open_item = false;
    for (const OutlineEntry& e : doc_.outline) {
      if (e.level == 1) {
        if (open_sub) out_ += "</ol>\n";
        if (open_item) out_ += "</li>\n";
        open_sub = false;
      } else if (!open_sub) {
        if (!open_item) out_ += "<li>\n";
        out_ += "<ol>\n";
        open_sub = true;
        open_item = true;
      }
      out_ += e.level == 1 ? "<li>" : "<li>";
      out_ += "<a href=\"#";
      esc(e.anchor);
      out_ += "\">";
      if (!e.number.empty()) out_ += "<span class=\"number\">" + e.number + "</span>";
      esc(plain_text(e.title));
      out_ += "</a>";
      if (e.level == 1) {
        open_item = true;
        out_ += "\n";
      } else {
        out_ += "</li>\n";
      }
    }
    if (open_sub) out_ += "</ol>\n";
    if (open_item) out_ += "</li>\n";
    out_ += "</ol>\n";
    auto list = [&](std::string_view heading, std::string_view label, auto&& items) {
      bool any = false;
      for (const auto& item : items) any = any || !item.number.empty();
      if (!any) return;
      out_ += "<h3>";
      esc(heading);
      out_ += "</h3>\n<ol>\n";
      for (const auto& item : items) {
        if (item.number.empty()) continue;
        out_ += "<li><a href=\"#";
        esc(item.id);
        out_ += "\"><span class=\"number\">";
        esc(label);
        out_ += " " + item.number + "</span>";
        esc(plain_text(item.caption));
        out_ += "</a></li>\n";
      }
      out_ += "</ol>\n";
    };
    list(labels_.list_of_tables, labels_.table, doc_.tables);
    list(labels_.list_of_figures, labels_.figure, doc_.figures);
    out_ += "</nav>\n";
  }

  // Inlines; raw HTML left open at the end of the outermost list is closed there.
  void inlines(const Inlines& list) {
    ++inline_depth_;
    inline_list(list);
    if (--inline_depth_ == 0) sanitizer_.close_all(out_);
  }

  void inline_list(const Inlines& list) {
    for (const Inline& in : list) {
      switch (in.kind) {
        case InlineKind::text:
          esc(in.text);
          break;
        case InlineKind::code:
          out_ += "<code>";
          esc(in.text);
          out_ += "</code>";
          break;
        case InlineKind::emphasis:
          element("em", in.children);
          break;
        case InlineKind::strong:
          element("strong", in.children);
          break;
        case InlineKind::strikethrough:
          element("del", in.children);
          break;
        case InlineKind::link:
          out_ += "<a";
          attribute("href", in.url);
          attribute("title", in.title, true);
          out_ += ">";
          inlines(in.children);
          out_ += "</a>";
          break;
        case InlineKind::image:
          out_ += "<img";
          attribute("src", in.url);
          attribute("alt", plain_text(in.children));
          attribute("title", in.title, true);
          out_ += ">";
          break;
        case InlineKind::soft_break:
          out_ += "\n";
          break;
        case InlineKind::line_break:
          out_ += "<br>\n";
          break;
        case InlineKind::raw_html:
          sanitizer_.append(out_, in.text);
          break;
        case InlineKind::footnote_ref: {
          const std::string n = std::to_string(in.index);
          int& seen = footnote_refs_[in.index];
          ++seen;
          const std::string id =
              seen == 1 ? "fnref-" + n : "fnref-" + n + "-" + std::to_string(seen);
          out_ += "<sup class=\"footnote-ref\"><a href=\"#fn-" + n + "\" id=\"" + id + "\">" + n +
                  "</a></sup>";
          break;
        }
        case InlineKind::cross_ref:
          out_ += "<a class=\"ref\" href=\"#";
          esc(in.url);
          out_ += "\">";
          esc(in.text);
          out_ += "</a>";
          break;
      }
    }
  }

  void blocks(const std::vector<Block>& list, bool tight = false) {
    for (const Block& b : list) block(b, tight);
  }

  void block(const Block& b, bool tight) {
    switch (b.kind) {
      case BlockKind::paragraph:
        if (tight) {
          inlines(b.inlines);
          out_ += "\n";
        } else {
          out_ += "<p>";
          inlines(b.inlines);
          out_ += "</p>\n";
        }
        return;
      case BlockKind::heading: {
        const std::string tag = "h" + std::to_string(std::min(b.level + 1, 6));
        out_ += "<" + tag + " id=\"";
        esc(b.anchor);
        out_ += "\"";
        if (b.level == 1) out_ += " class=\"chapter\"";
        out_ += ">";
        if (!b.number.empty()) out_ += "<span class=\"number\">" + b.number + "</span>";
        inlines(b.inlines);
        out_ += "</" + tag + ">\n";
        return;
      }
      case BlockKind::block_quote:
        out_ += "<blockquote>\n";
        blocks(b.children);
        out_ += "</blockquote>\n";
        return;
      case BlockKind::bullet_list:
      case BlockKind::ordered_list: {
        const bool ordered = b.kind == BlockKind::ordered_list;
        out_ += ordered ? "<ol" : "<ul";
        if (ordered && b.start != 1) out_ += " start=\"" + std::to_string(b.start) + "\"";
        out_ += ">\n";
        for (const Block& item : b.children) {
          out_ += "<li>";
          blocks(item.children, b.tight);
          if (out_.back() == '\n') out_.pop_back();
          out_ += "</li>\n";
        }
        out_ += ordered ? "</ol>\n" : "</ul>\n";
        return;
      }
      case BlockKind::list_item:
        blocks(b.children, tight);
        return;
      case BlockKind::code_block: {
        out_ += "<pre><code";
        std::string_view info = b.info;
        const auto space = info.find(' ');
        if (space != std::string_view::npos) info = info.substr(0, space);
        if (!info.empty()) {
          out_ += " class=\"language-";
          esc(info);
          out_ += "\"";
        }
        out_ += ">";
        esc(b.literal);
        out_ += "</code></pre>\n";
        return;
      }
      case BlockKind::html_block:
        sanitizer_.append(out_, b.literal);
        sanitizer_.close_all(out_);
        if (!out_.empty() && out_.back() != '\n') out_ += "\n";
        return;
      case BlockKind::thematic_break:
        out_ += "<hr>\n";
        return;
      case BlockKind::table:
        table(doc_.tables[b.index]);
        return;
      case BlockKind::figure:
        figure(doc_.figures[b.index]);
        return;
    }
  }

  void cell(std::string_view tag, const Column& col, const Inlines& content,
            std::string_view scope = {}) {
    out_ += "<" + std::string(tag);
    if (!scope.empty()) out_ += " scope=\"" + std::string(scope) + "\"";
    const std::string_view cls = align_class(col);
    if (!cls.empty()) out_ += " class=\"" + std::string(cls) + "\"";
    out_ += ">";
    inlines(content);
    out_ += "</" + std::string(tag) + ">";
  }

  void table(const Table& t) {
    const bool numbered = !t.number.empty();
    const std::string caption_id = t.id + "-caption";
    if (numbered) {
      out_ += "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"";
      esc(caption_id);
      out_ += "\">\n<table id=\"";
      esc(t.id);
      out_ += "\">\n<caption id=\"";
      esc(caption_id);
      out_ += "\"><span class=\"label\">";
      esc(labels_.table);
      out_ += " " + t.number + "</span>";
      inlines(t.caption);
      out_ += "</caption>\n";
    } else {
      out_ += "<div class=\"table-wrap\">\n<table>\n";
    }
    out_ += "<thead>\n<tr>";
    for (const Column& c : t.columns) cell("th", c, c.label, "col");
    out_ += "</tr>\n</thead>\n<tbody>\n";
    const bool row_headers = !t.columns.empty() && !t.columns[0].numeric;
    for (const Row& r : t.rows) {
      if (r.style == RowStyle::group) {
        out_ += "<tr class=\"group\"><td colspan=\"" + std::to_string(t.columns.size()) + "\">";
        if (!r.cells.empty()) inlines(r.cells[0]);
        out_ += "</td></tr>\n";
        continue;
      }
      out_ += "<tr";
      if (r.style == RowStyle::sum) out_ += " class=\"sum\"";
      if (r.style == RowStyle::subtotal) out_ += " class=\"subtotal\"";
      out_ += ">";
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        static const Inlines kEmpty;
        const Inlines& content = c < r.cells.size() ? r.cells[c] : kEmpty;
        if (c == 0 && row_headers) {
          cell("th", t.columns[c], content, "row");
        } else {
          cell("td", t.columns[c], content);
        }
      }
      out_ += "</tr>\n";
    }
    out_ += "</tbody>\n</table>\n</div>\n";
    if (!t.source.empty()) {
      out_ += "<p class=\"source\">";
      esc(labels_.source);
      out_ += ": ";
      inlines(t.source);
      out_ += "</p>\n";
    }
    if (!t.notes.empty()) {
      out_ += "<p class=\"table-note\">";
      inlines(t.notes);
      out_ += "</p>\n";
    }
  }

  void chart_data(const Figure& f) {
    const Chart& c = *f.chart;
    out_ += "<details class=\"chart-data\">\n<summary>";
    esc(labels_.chart_data);
    out_ += " ";
    esc(labels_.figure_ref);
    out_ += " " + f.number + "</summary>\n<table>\n<thead>\n<tr><th scope=\"col\">";
    esc(c.category_label.empty() ? std::string(labels_.category) : c.category_label);
    out_ += "</th>";
    const bool classes = !c.classes.empty();
    if (classes) {
      out_ += "<th scope=\"col\">";
      esc(labels_.chart_class);
      out_ += "</th>";
    }
    for (const ChartSeries& s : c.series) {
      out_ += "<th scope=\"col\" class=\"num\">";
      if (!s.name.empty()) {
        esc(s.name);
      } else {
        esc(c.value_label.empty() ? std::string(labels_.value) : c.value_label);
      }
      out_ += "</th>";
    }
    out_ += "</tr>\n</thead>\n<tbody>\n";
    for (std::size_t i = 0; i < c.categories.size(); ++i) {
      out_ += "<tr><th scope=\"row\">";
      esc(c.categories[i]);
      out_ += "</th>";
      if (classes) {
        out_ += "<td>";
        for (const ChartClass& k : c.classes) {
          if (k.key == c.category_classes[i]) esc(k.label);
        }
        out_ += "</td>";
      }
      for (const ChartSeries& s : c.series) {
        out_ += "<td class=\"num\">";
        if (s.values[i]) esc(format_chart_value(c, *s.values[i], lang_));
        out_ += "</td>";
      }
      out_ += "</tr>\n";
    }
    out_ += "</tbody>\n</table>\n</details>\n";
  }

  void figure(const Figure& f) {
    out_ += "<figure id=\"";
    esc(f.id);
    out_ += "\">\n";
    if (f.chart) {
      if (options_.inline_charts) {
        out_ += "<div class=\"chart\">\n";
        out_ += chart_svg(doc_, f, "svg-" + f.file_stem);
        out_ += "</div>\n";
      } else {
        out_ += "<div class=\"chart\"><img src=\"";
        esc(chart_file_path(f, options_.figure_dir));
        out_ += "\" alt=\"";
        esc(f.alt);
        out_ += "\"></div>\n";
      }
      chart_data(f);
    } else {
      out_ += "<img src=\"";
      esc(f.image);
      out_ += "\" alt=\"";
      esc(f.alt.empty() ? plain_text(f.caption) : f.alt);
      out_ += "\">\n";
    }
    out_ += "<figcaption><span class=\"label\">";
    esc(labels_.figure);
    out_ += " " + f.number + "</span>";
    inlines(f.caption);
    if (!f.source.empty()) {
      const std::string caption = plain_text(f.caption);
      if (!caption.empty() && caption.back() != '.') out_ += ".";
      out_ += " ";
      esc(labels_.source);
      out_ += ": ";
      inlines(f.source);
    }
    out_ += "</figcaption>\n</figure>\n";
  }

  void footnotes() {
    if (doc_.footnotes.empty()) return;
    out_ +=
        "<section class=\"footnotes\" aria-labelledby=\"sr-footnotes\">\n<h2 id=\"sr-footnotes\">";
    esc(labels_.footnotes);
    out_ += "</h2>\n<ol>\n";
    for (const Footnote& f : doc_.footnotes) {
      const std::string n = std::to_string(f.number);
      out_ += "<li id=\"fn-" + n + "\">";
      blocks(f.blocks);
      // The back link goes inside the last paragraph when there is one.
      const std::string back = " <a href=\"#fnref-" + n +
                               "\" class=\"footnote-back\" aria-label=\"" +
                               xml_escape(labels_.back_to_text) + "\">\u21a9</a>";
      if (out_.size() >= 5 && out_.compare(out_.size() - 5, 5, "</p>\n") == 0) {
        out_.insert(out_.size() - 5, back);
      } else {
        out_ += back;
      }
      out_ += "</li>\n";
    }
    out_ += "</ol>\n</section>\n";
  }

  const Document& doc_;
  const HtmlOptions& options_;
  locale::Lang lang_;
  const Labels& labels_;
  std::string out_;
  std::map<int, int> footnote_refs_;
  HtmlSanitizer sanitizer_;
  int inline_depth_ = 0;
};

}  // namespace

std::string write_html(const Document& doc, const HtmlOptions& options) {
  return HtmlWriter(doc, options).run();
}

}  // namespace samrapport::writers
