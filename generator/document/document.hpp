// The document tree: what the rendered Markdown means, with samrapport's own table and
// figure nodes. Numbers (chapters, sections, tables, figures, footnotes) and
// cross-references are resolved once on this tree by parse_document(); the writers
// (Markdown, HTML, LaTeX) only print it, so they cannot disagree about "Tabell 3.1".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "document/chart.hpp"

namespace samrapport::document {

enum class InlineKind {
  text,
  code,           // `code`
  emphasis,       // *x*
  strong,         // **x**
  strikethrough,  // ~~x~~
  link,           // [children](url "title")
  image,          // ![children](url "title")
  soft_break,
  line_break,
  raw_html,      // inline HTML, kept by the HTML and Markdown writers only
  footnote_ref,  // [^label], renumbered through the document
  cross_ref,     // {ref:id}: resolved words ("tabell 3.1") and the target's anchor
};

struct Inline {
  InlineKind kind = InlineKind::text;
  /// text, code, raw_html: the literal text. cross_ref: the resolved words.
  std::string text;
  /// link, image: the destination. cross_ref: the target's anchor (its id).
  std::string url;
  std::string title;  // link, image
  /// footnote_ref: the footnote's number (1-based). cross_ref: index in Document::cross_refs.
  int index = 0;
  std::vector<Inline> children;  // emphasis, strong, strikethrough, link, image (alt text)
};

using Inlines = std::vector<Inline>;

inline Inline make_inline(InlineKind kind, std::string text = {}) {
  Inline in;
  in.kind = kind;
  in.text = std::move(text);
  return in;
}

enum class BlockKind {
  paragraph,
  heading,
  block_quote,
  bullet_list,
  ordered_list,
  list_item,
  code_block,
  html_block,  // kept by the HTML and Markdown writers only
  thematic_break,
  table,   // Document::tables[index]
  figure,  // Document::figures[index]
};

struct Block;
Block make_block(BlockKind kind);

struct Block {
  BlockKind kind = BlockKind::paragraph;
  Inlines inlines;              // paragraph, heading
  std::vector<Block> children;  // block_quote, lists (their items), list_item
  // heading
  int level = 0;            // 1 = chapter, 2 = section, 3.. = subsections (never numbered)
  std::string number;       // "2", "2.3"; empty when unnumbered
  std::string anchor;       // unique id: {#id} from the heading, else "kap-2", "kap-2-3", slug
  bool unnumbered = false;  // {.unnumbered} or {-} on the heading
  // ordered_list
  int start = 1;
  bool tight = true;  // lists
  // code_block
  std::string info;
  std::string literal;  // code_block, html_block
  // table, figure
  std::size_t index = 0;
};

inline Block make_block(BlockKind kind) {
  Block b;
  b.kind = kind;
  return b;
}

enum class Align { left, center, right };

enum class RowStyle {
  normal,
  subtotal,  // bold (a subtotal per region)
  sum,       // bold, with a rule above (the "Sum" row)
  group,     // one cell spanning all columns: a group heading inside the table
};

struct Column {
  Inlines label;
  Align align = Align::left;
  bool numeric = false;  // numbers: right-aligned, formatted with `decimals`
};

struct Row {
  RowStyle style = RowStyle::normal;
  std::vector<Inlines> cells;  // group rows: one cell
};

struct Table {
  std::string id;      // "tab:oppgaver"; empty for a plain GFM pipe table
  std::string number;  // "3.1"; empty when unnumbered (plain GFM tables)
  Inlines caption;
  Inlines source;  // "NIVI Analyse" (the writer prints "Kilde: ")
  Inlines notes;   // a line below the source (e.g. "* Samordnet med PPT ...")
  std::vector<Column> columns;
  std::vector<Row> rows;  // without the header
};

struct Figure {
  std::string id;      // "fig:nivaa"
  std::string number;  // "2.1"
  Inlines caption;
  Inlines source;
  std::string alt;             // text alternative (generated from the data when empty)
  std::optional<Chart> chart;  // a chart drawn from data, or
  std::string image;           // an image file (path as written in the Markdown)
  std::string file_stem;       // "fig-2-1": the SVG file name beside .md/.html
};

struct Footnote {
  int number = 0;
  std::vector<Block> blocks;
};

/// One entry of the table of contents (chapters and sections).
struct OutlineEntry {
  int level = 1;
  std::string number;  // empty when unnumbered
  std::string anchor;
  Inlines title;
};

enum class RefStyle {
  word,         // {ref:id}    -> "tabell 3.1"
  capitalized,  // {Ref:id}    -> "Tabell 3.1" (at the start of a sentence)
  number,       // {refnum:id} -> "3.1"
};

/// A cross-reference as written, and what it resolved to.
struct CrossRef {
  std::string target;  // the id
  RefStyle style = RefStyle::word;
  SourcePos pos;     // the template line when known, else the Markdown line
  std::string text;  // resolved words; empty when unresolved
};

struct DocumentMeta {
  std::string title;
  std::string subtitle;
  std::string report_id;   // series number, "NIVI-rapport 2021:4"
  std::string client;      // "Statsforvalteren i Oslo og Viken" (printed after "På oppdrag fra")
  std::string author;      // author organisation, "NIVI Analyse"
  std::string place_date;  // "Sandefjord, 16. desember 2021"
  std::string language = "nb";  // nb, nn, en
  /// How the Markdown is named in diagnostics when a position cannot be traced back to a
  /// template: "report.md".
  std::string source_name = "document.md";
};

struct Document {
  DocumentMeta meta;
  std::vector<Block> blocks;
  std::vector<Table> tables;        // in document order; numbered ones form the list of tables
  std::vector<Figure> figures;      // in document order
  std::vector<Footnote> footnotes;  // by number
  std::vector<OutlineEntry> outline;
  std::vector<CrossRef> cross_refs;
};

}  // namespace samrapport::document
