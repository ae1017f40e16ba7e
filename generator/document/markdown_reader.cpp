#include "document/markdown_reader.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
// The footnote definition a reference points to is only reachable through the node
// struct (parent_footnote_def); Debian ships the header with libcmark-gfm-dev.
#include <cmark-gfm/node.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

#include "document/cross_refs.hpp"
#include "document/declarations.hpp"
#include "document/safety.hpp"

extern "C" {
// Node types of the GFM extensions (defined in libcmark-gfm-extensions, not in its
// public headers).
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;
}

namespace samrapport::document {
namespace {

struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};

std::string_view literal(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s == nullptr ? std::string_view() : std::string_view(s);
}

Block indexed(BlockKind kind, std::size_t index) {
  Block b = make_block(kind);
  b.index = index;
  return b;
}

std::string_view or_empty(const char* s) {
  return s == nullptr ? std::string_view() : s;
}

// Heading attributes: a trailing "{.unnumbered}", "{-}", "{#id}" or a combination.
struct HeadingAttributes {
  bool unnumbered = false;
  std::string id;
};

// Whether the heading's source line ends in an attribute block whose "{" was written as
// such: "Hallingdal \\{-}" (what the Markdown escaper makes of a value) and "&#123;-}"
// are literal text.
bool source_has_attributes(std::string_view line) {
  std::size_t end = line.size();
  while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
  // An ATX heading's closing sequence: " ##".
  std::size_t hashes = end;
  while (hashes > 0 && line[hashes - 1] == '#') --hashes;
  if (hashes < end && hashes > 0 && (line[hashes - 1] == ' ' || line[hashes - 1] == '\t')) {
    end = hashes;
    while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
  }
  if (end == 0 || line[end - 1] != '}') return false;
  const std::size_t open = line.rfind('{', end - 1);
  if (open == std::string_view::npos) return false;
  std::size_t backslashes = 0;
  while (open > backslashes && line[open - 1 - backslashes] == '\\') ++backslashes;
  return backslashes % 2 == 0;
}

bool strip_attributes(std::string& text, HeadingAttributes& attrs, std::string& problem) {
  std::size_t end = text.size();
  while (end > 0 && text[end - 1] == ' ') --end;
  if (end == 0 || text[end - 1] != '}') return false;
  const std::size_t open = text.rfind('{', end - 1);
  if (open == std::string::npos || (open > 0 && text[open - 1] != ' ')) return false;
  const std::string_view body(text.data() + open + 1, end - open - 2);
  HeadingAttributes found;
  std::size_t i = 0;
  while (i < body.size()) {
    if (body[i] == ' ') {
      ++i;
      continue;
    }
    std::size_t j = body.find(' ', i);
    if (j == std::string_view::npos) j = body.size();
    const std::string_view token = body.substr(i, j - i);
    if (token == ".unnumbered" || token == "-") {
      found.unnumbered = true;
    } else if (token.size() > 1 && token[0] == '#') {
      found.id = std::string(token.substr(1));
      if (!valid_id(found.id)) {
        problem = "heading id '" + found.id + "': ids may only hold a-z, 0-9, ':', '.' and '-'";
      }
    } else {
      return false;  // not an attribute block: leave the text alone
    }
    i = j;
  }
  attrs = found;
  std::size_t cut = open;
  while (cut > 0 && text[cut - 1] == ' ') --cut;
  text.erase(cut);
  return true;
}

class Reader {
 public:
  Reader(Document& doc, Diagnostics& diags, const LineLocator& locate)
      : doc_(doc), diags_(diags), locate_(locate) {}

  void run(std::string_view markdown) {
    markdown_ = markdown;
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
    std::unique_ptr<cmark_parser, ParserDeleter> parser(
        cmark_parser_new(CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8));
    for (const char* name : {"table", "strikethrough", "autolink"}) {
      cmark_syntax_extension* ext = cmark_find_syntax_extension(name);
      if (ext != nullptr) cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    std::unique_ptr<cmark_node, NodeDeleter> root(cmark_parser_finish(parser.get()));
    cmark_consolidate_text_nodes(root.get());

    for (cmark_node* n = cmark_node_first_child(root.get()); n != nullptr; n = cmark_node_next(n)) {
      if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION) continue;
      block(n, doc_.blocks);
    }
    // Footnote definitions, in the order of their first reference (a definition may
    // reference further footnotes, which then join the queue).
    for (std::size_t i = 0; i < footnote_queue_.size(); ++i) {
      Footnote f;
      f.number = static_cast<int>(i + 1);
      for (cmark_node* c = cmark_node_first_child(footnote_queue_[i]); c != nullptr;
           c = cmark_node_next(c)) {
        block(c, f.blocks);
      }
      doc_.footnotes.push_back(std::move(f));
    }
  }

 private:
  SourcePos pos(int line, int column) const {
    if (locate_ && line > 0) {
      if (auto p = locate_(line)) return *p;
    }
    SourcePos p;
    p.file = doc_.meta.source_name;
    p.line = line;
    p.column = column;
    return p;
  }
  SourcePos pos(cmark_node* n) const {
    return pos(cmark_node_get_start_line(n), cmark_node_get_start_column(n));
  }

  // Line `line` (1-based) of the Markdown, without its newline; "" when out of range.
  // Constant time (the line starts are found once), so that looking up the source of every
  // text node stays linear in the size of the Markdown, also for one very long line.
  std::string_view line_text(int line) {
    if (line_starts_.empty()) {
      line_starts_.push_back(0);
      for (std::size_t i = 0; i < markdown_.size(); ++i) {
        if (markdown_[i] == '\n') line_starts_.push_back(i + 1);
      }
    }
    if (line <= 0 || static_cast<std::size_t>(line) > line_starts_.size()) return {};
    const auto l = static_cast<std::size_t>(line);
    const std::size_t from = line_starts_[l - 1];
    const std::size_t to = l < line_starts_.size() ? line_starts_[l] - 1 : markdown_.size();
    return markdown_.substr(from, to - from);
  }

  // The source text of a one-line node ("" when it spans lines or has no position).
  std::string_view source_span(cmark_node* n) {
    const int line = cmark_node_get_start_line(n);
    const int begin = cmark_node_get_start_column(n);
    const int end = cmark_node_get_end_column(n);
    if (line <= 0 || line != cmark_node_get_end_line(n) || begin <= 0 || end < begin) return {};
    const std::string_view text = line_text(line);
    const auto b = static_cast<std::size_t>(begin - 1);
    if (b >= text.size()) return {};
    return text.substr(b, static_cast<std::size_t>(end - begin + 1));
  }

  void register_id(const std::string& id, const SourcePos& at, std::string_view what) {
    const auto [it, inserted] = ids_.emplace(id, at);
    if (!inserted) {
      const SourcePos& first = it->second;
      std::string where = first.file;
      if (first.line > 0) {
        where += ':';
        where += std::to_string(first.line);
      }
      diags_.error(at, "duplicate id '" + id + "' (" + std::string(what) +
                           "); it is already used at " + where);
    }
  }

  // Counts one level of nesting for the node `n`; false (after one error for the whole
  // document) when the tree would nest deeper than kMaxNesting.
  bool enter(cmark_node* n) {
    if (depth_ < kMaxNesting) {
      ++depth_;
      return true;
    }
    if (!too_deep_) {
      too_deep_ = true;
      SourcePos at = pos(n);
      if (at.line <= 0) at = block_pos_;
      diags_.error(at, "nested too deeply (more than " + std::to_string(kMaxNesting) +
                           " levels of block quotes, lists, emphasis or links)");
    }
    return false;
  }
  void leave() { --depth_; }

  void inlines(cmark_node* parent, Inlines& out) {
    if (!enter(parent)) return;
    // Each inline is freed once converted, so that cmark's tree shrinks while ours grows
    // (a paragraph of 600 000 links would otherwise be held twice).
    for (cmark_node* n = cmark_node_first_child(parent); n != nullptr;) {
      cmark_node* next = cmark_node_next(n);
      inline_node(n, out);
      cmark_node_free(n);
      n = next;
    }
    leave();
  }

  // A link or image whose destination is not allowed (javascript:, data: ...): its text.
  bool refuse_url(cmark_node* n, const std::string& url) {
    if (allowed_url(url)) return false;
    SourcePos at = pos(n);
    if (at.line <= 0) at = block_pos_;
    std::string shown = url.substr(0, 40);
    for (char& c : shown) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    }
    diags_.warning(at, "link to '" + shown + (url.size() > 40 ? "...'" : "'") +
                           " left out: only http:, https:, mailto:, tel: and relative links "
                           "are written (the text is kept)");
    return true;
  }

  void inline_node(cmark_node* n, Inlines& out) {
    const cmark_node_type type = cmark_node_get_type(n);
    switch (type) {
      case CMARK_NODE_TEXT: {
        MarkerSource source;
        source.markdown = source_span(n);
        append_text_with_refs(literal(n), pos(n), out, doc_, diags_, source);
        return;
      }
      case CMARK_NODE_CODE:
        out.push_back(make_inline(InlineKind::code, std::string(literal(n))));
        return;
      case CMARK_NODE_SOFTBREAK:
        out.push_back(make_inline(InlineKind::soft_break));
        return;
      case CMARK_NODE_LINEBREAK:
        out.push_back(make_inline(InlineKind::line_break));
        return;
      case CMARK_NODE_HTML_INLINE:
        out.push_back(make_inline(InlineKind::raw_html, std::string(literal(n))));
        return;
      case CMARK_NODE_EMPH:
      case CMARK_NODE_STRONG: {
        Inline in =
            make_inline(type == CMARK_NODE_EMPH ? InlineKind::emphasis : InlineKind::strong);
        inlines(n, in.children);
        out.push_back(std::move(in));
        return;
      }
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE: {
        std::string url(or_empty(cmark_node_get_url(n)));
        if (type == CMARK_NODE_LINK && escaped_email(n, url)) {
          inlines(n, out);
          return;
        }
        if (refuse_url(n, url)) {
          inlines(n, out);
          return;
        }
        Inline in = make_inline(type == CMARK_NODE_LINK ? InlineKind::link : InlineKind::image);
        in.url = std::move(url);
        in.title = std::string(or_empty(cmark_node_get_title(n)));
        inlines(n, in.children);
        out.push_back(std::move(in));
        return;
      }
      case CMARK_NODE_FOOTNOTE_REFERENCE: {
        cmark_node* def = n->parent_footnote_def;
        if (def == nullptr) {
          out.push_back(make_inline(InlineKind::text, "[^" + std::string(literal(n)) + "]"));
          return;
        }
        auto [it, inserted] = footnotes_.emplace(def, static_cast<int>(footnote_queue_.size() + 1));
        if (inserted) footnote_queue_.push_back(def);
        Inline in = make_inline(InlineKind::footnote_ref);
        in.index = it->second;
        out.push_back(std::move(in));
        return;
      }
      default:
        break;
    }
    if (type == CMARK_NODE_STRIKETHROUGH) {
      Inline in = make_inline(InlineKind::strikethrough);
      inlines(n, in.children);
      out.push_back(std::move(in));
      return;
    }
    // Anything else (custom inlines): keep its text.
    inlines(n, out);
  }

  void heading(cmark_node* n, std::vector<Block>& out) {
    Block b = make_block(BlockKind::heading);
    b.level = cmark_node_get_heading_level(n);
    inlines(n, b.inlines);
    const bool setext = cmark_node_get_end_line(n) > cmark_node_get_start_line(n);
    const std::string_view source =
        line_text(setext ? cmark_node_get_end_line(n) - 1 : cmark_node_get_start_line(n));
    if (!b.inlines.empty() && b.inlines.back().kind == InlineKind::text &&
        (source.empty() || source_has_attributes(source))) {
      HeadingAttributes attrs;
      std::string problem;
      if (strip_attributes(b.inlines.back().text, attrs, problem)) {
        if (!problem.empty()) diags_.error(pos(n), problem);
        b.unnumbered = attrs.unnumbered;
        if (!attrs.id.empty() && problem.empty()) {
          b.anchor = attrs.id;
          register_id(attrs.id, pos(n), "heading");
        }
        if (b.inlines.back().text.empty()) b.inlines.pop_back();
      }
    }
    out.push_back(std::move(b));
  }

  void code_block(cmark_node* n, std::vector<Block>& out) {
    std::string_view info = or_empty(cmark_node_get_fence_info(n));
    const auto space = info.find_first_of(" \t");
    if (space != std::string_view::npos) info = info.substr(0, space);
    const int line = cmark_node_get_start_line(n);
    if (info == kTableInfo || info == kFigureInfo) {
      const SourcePos at = pos(line + 1, 1);
      if (info == kTableInfo) {
        if (auto t = read_table_declaration(literal(n), at, doc_, diags_)) {
          if (!t->id.empty()) register_id(t->id, at, "table");
          out.push_back(indexed(BlockKind::table, doc_.tables.size()));
          doc_.tables.push_back(std::move(*t));
        }
      } else if (auto f = read_figure_declaration(literal(n), at, doc_, diags_)) {
        if (!f->id.empty()) register_id(f->id, at, "figure");
        out.push_back(indexed(BlockKind::figure, doc_.figures.size()));
        doc_.figures.push_back(std::move(*f));
      }
      return;
    }
    Block b = make_block(BlockKind::code_block);
    b.info = std::string(or_empty(cmark_node_get_fence_info(n)));
    b.literal = std::string(literal(n));
    out.push_back(std::move(b));
  }

  void pipe_table(cmark_node* n, std::vector<Block>& out) {
    Table t;
    const uint16_t ncols = cmark_gfm_extensions_get_table_columns(n);
    const uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(n);
    t.columns.resize(ncols);
    for (uint16_t c = 0; c < ncols; ++c) {
      const uint8_t a = aligns != nullptr ? aligns[c] : 0;
      t.columns[c].align = a == 'r' ? Align::right : a == 'c' ? Align::center : Align::left;
      t.columns[c].numeric = a == 'r';
    }
    for (cmark_node* row = cmark_node_first_child(n); row != nullptr; row = cmark_node_next(row)) {
      const bool header = cmark_gfm_extensions_get_table_row_is_header(row) != 0;
      Row r;
      std::size_t c = 0;
      for (cmark_node* cell = cmark_node_first_child(row); cell != nullptr;
           cell = cmark_node_next(cell), ++c) {
        Inlines content;
        inlines(cell, content);
        if (header) {
          if (c < t.columns.size()) t.columns[c].label = std::move(content);
        } else {
          r.cells.push_back(std::move(content));
        }
      }
      if (!header) {
        r.cells.resize(ncols);
        t.rows.push_back(std::move(r));
      }
    }
    out.push_back(indexed(BlockKind::table, doc_.tables.size()));
    doc_.tables.push_back(std::move(t));
  }

  void block(cmark_node* n, std::vector<Block>& out) {
    if (!enter(n)) return;
    const SourcePos saved = block_pos_;
    cmark_node* const saved_node = block_node_;
    block_pos_ = pos(n);
    block_node_ = n;
    escaped_emails_.reset();
    block_node(n, out);
    block_pos_ = saved;
    block_node_ = saved_node;
    escaped_emails_.reset();
    leave();
  }

  // cmark-gfm's autolink extension finds e-mail addresses in text after backslash escapes
  // are read, so an address the Markdown escaper wrote as "post\@nivi.no" (a value) would
  // still become a link. Such a link is its text again: the addresses written with "\@" in
  // the source of the current block are collected once per block.
  bool escaped_email(cmark_node* n, std::string_view url) {
    if (url.substr(0, 7) != "mailto:" || block_node_ == nullptr) return false;
    cmark_node* child = cmark_node_first_child(n);
    if (child == nullptr || cmark_node_next(child) != nullptr ||
        cmark_node_get_type(child) != CMARK_NODE_TEXT || literal(child) != url.substr(7)) {
      return false;
    }
    if (!escaped_emails_) {
      escaped_emails_.emplace();
      const int first = cmark_node_get_start_line(block_node_);
      const int last = cmark_node_get_end_line(block_node_);
      for (int l = first; l > 0 && l <= last; ++l) collect_escaped_emails(line_text(l));
    }
    return escaped_emails_->contains(std::string(url.substr(7)));
  }

  void collect_escaped_emails(std::string_view line) {
    const auto local_char = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '.' || c == '+' || c == '-' || c == '_';
    };
    for (std::size_t at = line.find("\\@"); at != std::string_view::npos;
         at = line.find("\\@", at + 2)) {
      // The address as cmark reads it: escapes such as "\_" stand for the character.
      std::size_t begin = at;
      while (begin > 0) {
        const char c = line[begin - 1];
        if (local_char(c)) {
          --begin;
        } else if (c == '\\' && begin < at && local_char(line[begin]) &&
                   !(line[begin] >= '0' && line[begin] <= '9')) {
          --begin;
        } else {
          break;
        }
      }
      std::size_t end = at + 2;
      while (end < line.size()) {
        if (local_char(line[end])) {
          ++end;
        } else if (line[end] == '\\' && end + 1 < line.size() && local_char(line[end + 1])) {
          end += 2;
        } else {
          break;
        }
      }
      std::string email;
      for (std::size_t i = begin; i < end; ++i) {
        if (line[i] == '\\' && i + 1 < end) continue;
        email += line[i];
      }
      while (!email.empty() && (email.back() == '.' || email.back() == '-')) email.pop_back();
      escaped_emails_->insert(std::move(email));
    }
  }

  void block_node(cmark_node* n, std::vector<Block>& out) {
    const cmark_node_type type = cmark_node_get_type(n);
    switch (type) {
      case CMARK_NODE_PARAGRAPH: {
        Block b = make_block(BlockKind::paragraph);
        inlines(n, b.inlines);
        out.push_back(std::move(b));
        return;
      }
      case CMARK_NODE_HEADING:
        heading(n, out);
        return;
      case CMARK_NODE_BLOCK_QUOTE:
      case CMARK_NODE_ITEM: {
        Block b =
            make_block(type == CMARK_NODE_ITEM ? BlockKind::list_item : BlockKind::block_quote);
        children(n, b.children);
        out.push_back(std::move(b));
        return;
      }
      case CMARK_NODE_LIST: {
        const bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        Block b = make_block(ordered ? BlockKind::ordered_list : BlockKind::bullet_list);
        b.start = ordered ? cmark_node_get_list_start(n) : 1;
        b.tight = cmark_node_get_list_tight(n) != 0;
        children(n, b.children);
        out.push_back(std::move(b));
        return;
      }
      case CMARK_NODE_CODE_BLOCK:
        code_block(n, out);
        return;
      case CMARK_NODE_HTML_BLOCK: {
        Block b = make_block(BlockKind::html_block);
        b.literal = std::string(literal(n));
        out.push_back(std::move(b));
        return;
      }
      case CMARK_NODE_THEMATIC_BREAK:
        out.push_back(make_block(BlockKind::thematic_break));
        return;
      case CMARK_NODE_FOOTNOTE_DEFINITION:
        return;
      default:
        break;
    }
    if (type == CMARK_NODE_TABLE) {
      pipe_table(n, out);
      return;
    }
    children(n, out);  // custom blocks: their content
  }

  void children(cmark_node* n, std::vector<Block>& out) {
    for (cmark_node* c = cmark_node_first_child(n); c != nullptr; c = cmark_node_next(c)) {
      block(c, out);
    }
  }

  Document& doc_;
  Diagnostics& diags_;
  const LineLocator& locate_;
  std::string_view markdown_;
  std::vector<std::size_t> line_starts_;
  int depth_ = 0;
  bool too_deep_ = false;
  cmark_node* block_node_ = nullptr;
  std::optional<std::set<std::string>> escaped_emails_;
  SourcePos block_pos_;
  std::map<std::string, SourcePos> ids_;
  std::map<cmark_node*, int> footnotes_;
  std::vector<cmark_node*> footnote_queue_;
};

}  // namespace

void read_markdown(std::string_view markdown, Document& doc, Diagnostics& diags,
                   const LineLocator& locate) {
  Reader(doc, diags, locate).run(markdown);
}

}  // namespace samrapport::document
