#include "writers/markdown_writer.hpp"

#include <algorithm>

#include "common/utf8.hpp"
#include "document/labels.hpp"
#include "document/text.hpp"

namespace samrapport::writers {
namespace {

using namespace document;

enum class Context { block, table_cell, link_text };

// Pipe-table columns wider than this (in characters) are not padded.
constexpr std::size_t kMaxPaddedWidth = 500;

bool autolink_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Backslash-escapes what Markdown would otherwise read as syntax.
void append_escaped(std::string& out, std::string_view text, Context ctx, bool& line_start) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '~':
        out += '\\';
        out += c;
        break;
      case '|':
        out += ctx == Context::block ? "|" : "\\|";
        break;
      case '&': {
        const char next = i + 1 < text.size() ? text[i + 1] : '\0';
        const bool entity_like =
            next == '#' || (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
        out += entity_like ? "\\&" : "&";
        break;
      }
      case '{':
        // Keep samrapport's own markers from being read as references again.
        out += (text.compare(i, 5, "{ref:") == 0 || text.compare(i, 5, "{Ref:") == 0 ||
                text.compare(i, 8, "{refnum:") == 0)
                   ? "\\{"
                   : "{";
        break;
      case ':':
        // "https://..." would be autolinked (GFM).
        // (Not in a link's text: a link holds no further links.)
        out += ctx != Context::link_text && text.compare(i + 1, 2, "//") == 0 ? "\\:" : ":";
        break;
      case '@':
        out += ctx != Context::link_text ? "\\@" : "@";  // an e-mail autolink
        break;
      case 'w':
      case 'W':
        out += c;
        if (ctx != Context::link_text && (i == 0 || !autolink_word_char(text[i - 1])) &&
            i + 3 < text.size() && (text[i + 1] == 'w' || text[i + 1] == 'W') &&
            (text[i + 2] == 'w' || text[i + 2] == 'W') && text[i + 3] == '.') {
          out += text.substr(i + 1, 2);
          out += "\\.";  // "www.nivi.no" would be autolinked
          i += 3;
        }
        break;
      case ' ':
      case '\t':
        // Indentation at the start of a line would begin a code block.
        if (line_start && ctx == Context::block) {
          out += c == ' ' ? "&#32;" : "&#9;";
        } else {
          out += c;
        }
        break;
      case '#':
      case '>':
      case '-':
      case '+':
      case '=':
        // Block syntax at the start of a line; a closing '#' would end an ATX heading.
        if ((line_start && ctx == Context::block) || (c == '#' && i + 1 == text.size())) {
          out += '\\';
        }
        out += c;
        break;
      case '\n':
        out += ' ';
        break;
      default:
        if (line_start && ctx == Context::block && c >= '0' && c <= '9') {
          // "2021. " at the start of a line would begin an ordered list.
          std::size_t j = i;
          while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
          out.append(text.substr(i, j - i));
          if (j < text.size() && (text[j] == '.' || text[j] == ')')) {
            out += '\\';
            out += text[j];
            ++j;
          }
          i = j - 1;
        } else {
          out += c;
        }
        break;
    }
    if (c != ' ' && c != '\t') line_start = false;
  }
}

std::string backtick_fence(std::string_view code, std::size_t min) {
  std::size_t longest = 0;
  std::size_t run = 0;
  for (const char c : code) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max(min, longest + 1), '`');
}

std::string link_destination(std::string_view url) {
  bool needs_brackets = url.empty();
  for (const char c : url) {
    if (c == ' ' || c == '(' || c == ')' || c == '<' || c == '>') needs_brackets = true;
  }
  if (!needs_brackets) return std::string(url);
  std::string out = "<";
  for (const char c : url) {
    if (c == '<' || c == '>') out += '\\';
    out += c;
  }
  return out + ">";
}

std::string link_title(std::string_view title) {
  std::string out = " \"";
  for (const char c : title) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string indent_lines(std::string_view text, std::string_view first, std::string_view rest,
                         bool blank_lines_too) {
  std::string out;
  bool first_line = true;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find('\n', i);
    if (j == std::string_view::npos) j = text.size();
    const std::string_view line = text.substr(i, j - i);
    if (!line.empty() || blank_lines_too) {
      const std::string_view prefix = first_line ? first : rest;
      if (line.empty()) {
        std::string_view trimmed = prefix;
        while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
        out += trimmed;
      } else {
        out += prefix;
      }
    }
    out += line;
    out += '\n';
    first_line = false;
    i = j + 1;
  }
  return out;
}

class MarkdownWriter {
 public:
  MarkdownWriter(const Document& doc, const MarkdownOptions& options)
      : doc_(doc), options_(options), labels_(labels_for(locale::lang_from(doc.meta.language))) {}

  std::string run() {
    std::string out;
    if (options_.title_block && !doc_.meta.title.empty()) out += title_block();
    out += blocks(doc_.blocks);
    if (!doc_.footnotes.empty()) {
      for (const Footnote& f : doc_.footnotes) {
        const std::string label = "[^" + std::to_string(f.number) + "]: ";
        std::string body = blocks(f.blocks);
        while (!body.empty() && body.back() == '\n') body.pop_back();
        out += indent_lines(body, label, "    ", false);
        out += '\n';
      }
    }
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') {
      out.pop_back();
    }
    return out;
  }

 private:
  std::string text(std::string_view s, Context ctx = Context::block) {
    std::string out;
    bool line_start = false;
    append_escaped(out, s, ctx, line_start);
    return out;
  }

  std::string title_block() {
    const DocumentMeta& m = doc_.meta;
    std::string out;
    if (!m.report_id.empty()) out += "**" + text(m.report_id) + "**\n\n";
    out += "# " + text(m.title) + "\n\n";
    if (!m.subtitle.empty()) out += text(m.subtitle) + "\n\n";
    std::vector<std::string> lines;
    if (!m.client.empty())
      lines.push_back(std::string(labels_.commissioned_by) + " " + text(m.client));
    if (!m.author.empty()) lines.push_back(text(m.author));
    if (!m.place_date.empty()) lines.push_back(text(m.place_date));
    for (std::size_t i = 0; i < lines.size(); ++i) {
      out += lines[i];
      out += i + 1 < lines.size() ? "\\\n" : "\n\n";
    }
    return out;
  }

  void inlines(const Inlines& list, std::string& out, Context ctx, bool& line_start) {
    for (const Inline& in : list) {
      switch (in.kind) {
        case InlineKind::text:
        case InlineKind::cross_ref:
          append_escaped(out, in.text, ctx, line_start);
          break;
        case InlineKind::code: {
          const std::string fence = backtick_fence(in.text, 1);
          const bool pad = !in.text.empty() && (in.text.front() == '`' || in.text.back() == '`');
          out += fence + (pad ? " " : "");
          for (const char c : in.text) {
            if (c == '|' && ctx == Context::table_cell) out += '\\';
            out += c;
          }
          out += (pad ? " " : "") + fence;
          line_start = false;
          break;
        }
        case InlineKind::emphasis:
          out += '*';
          inlines(in.children, out, ctx, line_start);
          out += '*';
          break;
        case InlineKind::strong:
          out += "**";
          inlines(in.children, out, ctx, line_start);
          out += "**";
          break;
        case InlineKind::strikethrough:
          out += "~~";
          inlines(in.children, out, ctx, line_start);
          out += "~~";
          break;
        case InlineKind::link:
        case InlineKind::image: {
          out += in.kind == InlineKind::image ? "![" : "[";
          line_start = false;
          inlines(in.children, out, Context::link_text, line_start);
          out += "](" + link_destination(in.url);
          if (!in.title.empty()) out += link_title(in.title);
          out += ")";
          break;
        }
        case InlineKind::soft_break:
          if (ctx == Context::block) {
            out += '\n';
            line_start = true;
          } else {
            out += ' ';
          }
          break;
        case InlineKind::line_break:
          if (ctx == Context::block) {
            out += "\\\n";
            line_start = true;
          } else {
            out += "<br>";
          }
          break;
        case InlineKind::raw_html:
          out += in.text;
          line_start = false;
          break;
        case InlineKind::footnote_ref:
          out += "[^" + std::to_string(in.index) + "]";
          line_start = false;
          break;
      }
    }
  }

  std::string inline_text(const Inlines& list, Context ctx, bool at_line_start = true) {
    std::string out;
    bool line_start = at_line_start;
    inlines(list, out, ctx, line_start);
    return out;
  }

  std::string blocks(const std::vector<Block>& list) {
    std::string out;
    for (const Block& b : list) out += block(b);
    return out;
  }

  std::string list(const Block& b) {
    std::string out;
    int n = b.start;
    for (const Block& item : b.children) {
      std::string marker = b.kind == BlockKind::ordered_list ? std::to_string(n++) + ". " : "- ";
      std::string body = blocks(item.children);
      while (!body.empty() && body.back() == '\n') body.pop_back();
      if (body.empty()) {
        out += marker;
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += '\n';
      } else {
        out += indent_lines(body, marker, std::string(marker.size(), ' '), false);
      }
      if (!b.tight) out += '\n';
    }
    if (b.tight) out += '\n';
    return out;
  }

  std::string block(const Block& b) {
    switch (b.kind) {
      case BlockKind::paragraph:
        return inline_text(b.inlines, Context::block) + "\n\n";
      case BlockKind::heading: {
        std::string out(static_cast<std::size_t>(std::min(b.level + 1, 6)), '#');
        out += ' ';
        if (!b.number.empty()) out += b.number + " ";
        std::string title = inline_text(b.inlines, Context::block, false);
        // A trailing "{...}" would be read as the heading's attributes ("Hallingdal {-}").
        const std::size_t last = title.find_last_not_of(' ');
        const std::size_t open = title.rfind('{');
        if (last != std::string::npos && title[last] == '}' && open != std::string::npos &&
            (open == 0 || title[open - 1] != '\\')) {
          title.insert(open, 1, '\\');
        }
        out += title;
        return out + "\n\n";
      }
      case BlockKind::block_quote: {
        std::string body = blocks(b.children);
        while (!body.empty() && body.back() == '\n') body.pop_back();
        return indent_lines(body, "> ", "> ", true) + "\n";
      }
      case BlockKind::bullet_list:
      case BlockKind::ordered_list:
        return list(b);
      case BlockKind::list_item:
        return blocks(b.children);
      case BlockKind::code_block: {
        const std::string fence = backtick_fence(b.literal, 3);
        std::string out = fence + b.info + "\n" + b.literal;
        if (!b.literal.empty() && b.literal.back() != '\n') out += '\n';
        return out + fence + "\n\n";
      }
      case BlockKind::html_block: {
        std::string out = b.literal;
        if (out.empty() || out.back() != '\n') out += '\n';
        return out + "\n";
      }
      case BlockKind::thematic_break:
        return "---\n\n";
      case BlockKind::table:
        return table(doc_.tables[b.index]);
      case BlockKind::figure:
        return figure(doc_.figures[b.index]);
    }
    return {};
  }

  std::string table(const Table& t) {
    std::string out;
    if (!t.number.empty()) {
      out += "**" + std::string(labels_.table) + " " + t.number + "** " +
             inline_text(t.caption, Context::block, false) + "\n\n";
    }
    const std::size_t ncols = t.columns.size();
    std::vector<std::vector<std::string>> grid;
    std::vector<std::string> header;
    for (const Column& c : t.columns) header.push_back(inline_text(c.label, Context::table_cell));
    grid.push_back(std::move(header));
    for (const Row& r : t.rows) {
      std::vector<std::string> cells(ncols);
      if (r.style == RowStyle::group) {
        const std::string label = inline_text(r.cells.at(0), Context::table_cell);
        if (!label.empty()) cells[0] = "**" + label + "**";
      } else {
        for (std::size_t c = 0; c < ncols && c < r.cells.size(); ++c) {
          std::string cell = inline_text(r.cells[c], Context::table_cell);
          const bool bold = r.style == RowStyle::sum || r.style == RowStyle::subtotal;
          if (bold && !cell.empty()) cell = "**" + cell + "**";
          cells[c] = std::move(cell);
        }
      }
      grid.push_back(std::move(cells));
    }
    // Columns are padded to their widest cell only when every cell of the column is short:
    // one long cell would pad every other row to its width (a 10 MiB cell made an 820 MiB
    // table), so such a column is left unpadded and the output stays linear in the input.
    std::vector<std::size_t> width(ncols, 3);
    for (const auto& row : grid) {
      for (std::size_t c = 0; c < ncols; ++c)
        width[c] = std::max(width[c], common::utf8_length(row[c]));
    }
    for (std::size_t& w : width) {
      if (w > kMaxPaddedWidth) w = 0;
    }
    auto emit_row = [&](const std::vector<std::string>& row) {
      out += '|';
      for (std::size_t c = 0; c < ncols; ++c) {
        const std::size_t len = width[c] == 0 ? 0 : common::utf8_length(row[c]);
        const std::size_t pad = width[c] - std::min(width[c], len);
        out += ' ';
        if (t.columns[c].align == Align::right) out.append(pad, ' ');
        out += row[c];
        if (t.columns[c].align != Align::right) out.append(pad, ' ');
        out += " |";
      }
      out += '\n';
    };
    emit_row(grid[0]);
    out += '|';
    for (std::size_t c = 0; c < ncols; ++c) {
      const Align a = t.columns[c].align;
      out += ' ';
      out += a == Align::right ? '-' : ':';
      out.append(std::max<std::size_t>(width[c], 3) - 2, '-');
      out += a == Align::left ? '-' : ':';
      out += " |";
    }
    out += '\n';
    for (std::size_t r = 1; r < grid.size(); ++r) emit_row(grid[r]);
    out += '\n';
    if (!t.source.empty()) {
      out += std::string(labels_.source) + ": " + inline_text(t.source, Context::block, false) +
             "\n\n";
    }
    if (!t.notes.empty()) out += inline_text(t.notes, Context::block) + "\n\n";
    return out;
  }

  std::string figure(const Figure& f) {
    std::string out;
    std::string src = f.image;
    if (f.chart) src = chart_file_path(f, options_.figure_dir);
    std::string alt = text(f.alt.empty() ? plain_text(f.caption) : f.alt, Context::link_text);
    out += "![" + alt + "](" + link_destination(src) + ")\n\n";
    out += "**" + std::string(labels_.figure) + " " + f.number + "** " +
           inline_text(f.caption, Context::block, false);
    if (!f.source.empty()) {
      std::string caption_end = plain_text(f.caption);
      if (!caption_end.empty() && caption_end.back() != '.') out += '.';
      out +=
          " " + std::string(labels_.source) + ": " + inline_text(f.source, Context::block, false);
    }
    return out + "\n\n";
  }

  const Document& doc_;
  const MarkdownOptions& options_;
  const Labels& labels_;
};

}  // namespace

std::string write_markdown(const Document& doc, std::vector<OutputFile>& files,
                           const MarkdownOptions& options) {
  std::vector<OutputFile> charts = chart_files(doc, options.figure_dir);
  files.insert(files.end(), std::make_move_iterator(charts.begin()),
               std::make_move_iterator(charts.end()));
  return MarkdownWriter(doc, options).run();
}

}  // namespace samrapport::writers
