#include "content/yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstdio>
#include <istream>
#include <limits>
#include <streambuf>
#include <unordered_map>

#include "content/input_checks.hpp"
#include "content/yaml_hints.hpp"

namespace samrapport::content::yaml {

// ---------------------------------------------------------------- NodeRef

Kind NodeRef::kind() const {
  return doc_->nodes_[index_].kind;
}

bool NodeRef::plain() const {
  return present() && doc_->nodes_[index_].plain;
}

std::string_view NodeRef::scalar() const {
  if (!is_scalar()) return {};
  const Node& n = doc_->nodes_[index_];
  return std::string_view(doc_->strings_).substr(n.first, n.count);
}

std::size_t NodeRef::size() const {
  if (!present()) return 0;
  const Node& n = doc_->nodes_[index_];
  return n.kind == Kind::sequence || n.kind == Kind::mapping ? n.count : 0;
}

NodeRef NodeRef::item(std::size_t i) const {
  return NodeRef(doc_, doc_->children_[doc_->nodes_[index_].first + i]);
}

NodeRef NodeRef::key(std::size_t i) const {
  return NodeRef(doc_, doc_->children_[doc_->nodes_[index_].first + 2 * i]);
}

NodeRef NodeRef::value(std::size_t i) const {
  return NodeRef(doc_, doc_->children_[doc_->nodes_[index_].first + 2 * i + 1]);
}

NodeRef NodeRef::find(std::string_view k) const {
  if (!is_mapping()) return {};
  const std::size_t n = size();
  for (std::size_t i = 0; i < n; ++i) {
    const NodeRef kn = key(i);
    if (kn.is_scalar() && kn.scalar() == k) return value(i);
  }
  return {};
}

SourcePos NodeRef::pos() const {
  if (!present()) return {};
  const Node& n = doc_->nodes_[index_];
  return SourcePos{doc_->path_, static_cast<int>(n.line), static_cast<int>(n.column)};
}

std::string_view NodeRef::kind_name() const {
  if (!present()) return "nothing";
  switch (kind()) {
    case Kind::null:
      return "nothing (null)";
    case Kind::scalar:
      return "a single value";
    case Kind::sequence:
      return "a list";
    case Kind::mapping:
      return "a mapping";
  }
  return "nothing";
}

// ---------------------------------------------------------------- building

namespace {

/// Stops the parse: a problem found while handling an event.
struct StopParse {
  std::size_t offset;  // byte offset in the text (with any BOM)
  std::string message;
};

/// An istream over a string_view without copying it.
class ViewBuf : public std::streambuf {
 public:
  explicit ViewBuf(std::string_view s) {
    char* p = const_cast<char*>(s.data());
    setg(p, p, p + s.size());
  }
};

}  // namespace

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(Document& doc, std::string_view text, std::size_t bom)
      : doc_(doc), text_(text), bom_(bom) {
    doc_.nodes_.reserve(text.size() / 16 + 16);
    doc_.children_.reserve(text.size() / 16 + 16);
    doc_.strings_.reserve(text.size() / 2 + 16);
  }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const std::uint32_t idx = new_node(Kind::null, false, mark);
    // yaml-cpp marks an empty value (`key:`) at the next token; use the key's position.
    if (!stack_.empty() && doc_.nodes_[stack_.back().node].kind == Kind::mapping &&
        (pending_.size() - stack_.back().first_pending) % 2 == 1) {
      const Node& key = doc_.nodes_[pending_.back()];
      doc_.nodes_[idx].line = key.line;
      doc_.nodes_[idx].column = key.column;
    }
    finish_leaf(idx, anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor == 0 || anchor >= anchors_.size() || anchors_[anchor] == kNone) {
      throw StopParse{offset_of(mark), "alias refers to an unknown anchor"};
    }
    const std::uint32_t target = anchors_[anchor];
    if (open_[target]) {
      throw StopParse{offset_of(mark), "alias refers to a collection that contains it"};
    }
    add_child(target);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    const std::uint32_t idx = new_node(Kind::scalar, tag == "?", mark);
    Node& n = doc_.nodes_[idx];
    if (doc_.strings_.size() + value.size() > std::numeric_limits<std::uint32_t>::max()) {
      throw StopParse{offset_of(mark), "document too large"};
    }
    n.first = static_cast<std::uint32_t>(doc_.strings_.size());
    n.count = static_cast<std::uint32_t>(value.size());
    doc_.strings_ += value;
    check_controls(n, value);
    finish_leaf(idx, anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open_collection(Kind::sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close_collection(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open_collection(Kind::mapping, mark, anchor);
  }
  void OnMapEnd() override { close_collection(); }

  [[nodiscard]] std::size_t offset_of(const YAML::Mark& mark) const {
    return mark.pos < 0 ? 0 : static_cast<std::size_t>(mark.pos) + bom_;
  }

 private:
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

  std::uint32_t new_node(Kind kind, bool plain, const YAML::Mark& mark) {
    if (doc_.nodes_.size() >= kMaxExpandedNodes) {
      throw StopParse{offset_of(mark),
                      "document has more than " + std::to_string(kMaxExpandedNodes) + " nodes"};
    }
    Node n;
    n.kind = kind;
    n.plain = plain;
    n.line = static_cast<std::uint32_t>(std::max(mark.line, 0) + 1);
    n.column = char_column(mark);
    doc_.nodes_.push_back(n);
    expanded_.push_back(1);
    open_.push_back(false);
    return static_cast<std::uint32_t>(doc_.nodes_.size() - 1);
  }

  /// 1-based column in characters; yaml-cpp counts bytes. Marks arrive in document
  /// order, so the count continues from the previous mark on the same line.
  std::uint32_t char_column(const YAML::Mark& mark) {
    if (mark.pos < 0 || mark.column < 0) return 0;
    const std::size_t pos = std::min(static_cast<std::size_t>(mark.pos) + bom_, text_.size());
    const std::size_t line_start = pos - std::min<std::size_t>(mark.column, pos);
    if (line_start != cache_line_start_ || pos < cache_pos_) {
      cache_line_start_ = line_start;
      cache_pos_ = line_start;
      cache_chars_ = 0;
    }
    for (std::size_t i = cache_pos_; i < pos; ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++cache_chars_;
    }
    cache_pos_ = pos;
    return static_cast<std::uint32_t>(cache_chars_ + 1);
  }

  void register_anchor(std::uint32_t idx, YAML::anchor_t anchor) {
    if (anchor == 0) return;
    if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, kNone);
    anchors_[anchor] = idx;
  }

  void add_child(std::uint32_t idx) {
    if (stack_.empty()) {
      doc_.root_ = idx;
      doc_.empty_ = false;
      return;
    }
    pending_.push_back(idx);
  }

  void finish_leaf(std::uint32_t idx, YAML::anchor_t anchor) {
    register_anchor(idx, anchor);
    add_child(idx);
  }

  void open_collection(Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (static_cast<int>(stack_.size()) >= kMaxNestingDepth) {
      throw StopParse{offset_of(mark), "collections are nested deeper than " +
                                           std::to_string(kMaxNestingDepth) + " levels"};
    }
    const std::uint32_t idx = new_node(kind, false, mark);
    register_anchor(idx, anchor);
    add_child(idx);
    open_[idx] = true;
    stack_.push_back(Frame{idx, pending_.size(), offset_of(mark)});
  }

  void close_collection() {
    const Frame f = stack_.back();
    stack_.pop_back();
    Node& n = doc_.nodes_[f.node];
    const std::size_t count = pending_.size() - f.first_pending;
    n.first = static_cast<std::uint32_t>(doc_.children_.size());
    std::uint64_t total = 1;
    for (std::size_t i = f.first_pending; i < pending_.size(); ++i) {
      const std::uint32_t child = pending_[i];
      doc_.children_.push_back(child);
      total += expanded_[child];
      if (total > kMaxExpandedNodes) {
        throw StopParse{f.offset, "aliases expand this document to more than " +
                                      std::to_string(kMaxExpandedNodes) +
                                      " nodes (an alias bomb?)"};
      }
    }
    pending_.resize(f.first_pending);
    if (n.kind == Kind::mapping) {
      n.count = static_cast<std::uint32_t>(count / 2);
      check_unique_keys(f.node);
    } else {
      n.count = static_cast<std::uint32_t>(count);
    }
    expanded_[f.node] = total;
    open_[f.node] = false;
  }

  void check_unique_keys(std::uint32_t map) {
    const Node& n = doc_.nodes_[map];
    const NodeRef ref(&doc_, map);
    const auto report = [&](std::size_t dup, std::size_t first) {
      if (dup_keys_.size() > kMaxDuplicateReports) return;
      const NodeRef k = ref.key(dup);
      const SourcePos p = ref.key(first).pos();
      dup_keys_.push_back(Duplicate{k.pos(), "duplicate key '" + std::string(k.scalar()) +
                                                 "' (first at line " + std::to_string(p.line) +
                                                 ", column " + std::to_string(p.column) + ")"});
    };
    if (n.count <= 16) {
      for (std::size_t i = 1; i < n.count; ++i) {
        const NodeRef ki = ref.key(i);
        if (!ki.is_scalar()) continue;
        for (std::size_t j = 0; j < i; ++j) {
          const NodeRef kj = ref.key(j);
          if (kj.is_scalar() && kj.scalar() == ki.scalar()) {
            report(i, j);
            break;
          }
        }
      }
      return;
    }
    std::unordered_map<std::string_view, std::size_t> seen;
    seen.reserve(n.count);
    for (std::size_t i = 0; i < n.count; ++i) {
      const NodeRef ki = ref.key(i);
      if (!ki.is_scalar()) continue;
      const auto [it, inserted] = seen.emplace(ki.scalar(), i);
      if (!inserted) report(i, it->second);
    }
  }

 public:
  struct Duplicate {
    SourcePos pos;
    std::string message;
  };
  std::vector<Duplicate> dup_keys_;

  /// Control characters in a scalar (written as escapes such as "\0", "\e", "\a" or
  /// "\x9b"): C0 other than tab and newline, DEL, and C1 (U+0080-U+009F). They would reach
  /// the outputs and the terminal; refused at the scalar.
  void check_controls(const Node& n, std::string_view value) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      const auto c = static_cast<unsigned char>(value[i]);
      unsigned code = 0x110000;
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
        code = c;
      } else if (c == 0xC2 && i + 1 < value.size()) {
        const auto d = static_cast<unsigned char>(value[i + 1]);
        if (d >= 0x80 && d <= 0x9f) code = d;
      }
      if (code == 0x110000) continue;
      if (dup_keys_.size() > kMaxDuplicateReports) return;
      char hex[16];
      std::snprintf(hex, sizeof hex, "%04X", code);
      dup_keys_.push_back(
          Duplicate{SourcePos{doc_.path_, static_cast<int>(n.line), static_cast<int>(n.column)},
                    "control character U+" + std::string(hex) + " in a value (character " +
                        std::to_string(char_count(value.substr(0, i)) + 1) +
                        "); values may hold tab and newline but no other control characters"});
      return;  // one report per value
    }
  }
  static std::size_t char_count(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
  }
  /// Enough to exceed the per-file limit of shown diagnostics.
  static constexpr std::size_t kMaxDuplicateReports = 1001;

 private:
  struct Frame {
    std::uint32_t node;
    std::size_t first_pending;
    std::size_t offset;
  };
  Document& doc_;
  std::string_view text_;
  std::size_t bom_;
  std::vector<Frame> stack_;
  std::vector<std::uint32_t> pending_;
  std::vector<std::uint32_t> anchors_;
  std::vector<std::uint64_t> expanded_;
  std::vector<bool> open_;
  std::size_t cache_line_start_ = std::numeric_limits<std::size_t>::max();
  std::size_t cache_pos_ = 0;
  std::size_t cache_chars_ = 0;
};

namespace {

/// Reports the start of a second document, then stops.
class SecondDocument final : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> mark;
  void OnDocumentStart(const YAML::Mark& m) override { stop(m); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { stop(m); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { stop(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                const std::string&) override {
    stop(m);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    stop(m);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    stop(m);
  }
  void OnMapEnd() override {}

  struct Found {};

 private:
  [[noreturn]] void stop(const YAML::Mark& m) {
    mark = m;
    throw Found{};
  }
};

bool indented_with_tab(std::string_view text, std::size_t line_start) {
  for (std::size_t i = line_start; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i) {
    if (text[i] == '\t') return true;
  }
  return false;
}

/// Whether the line at `offset`, or the one before it, is indented with a tab.
bool tab_in_indentation(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const auto line_start = [&](std::size_t pos) {
    const std::size_t nl = pos == 0 ? std::string_view::npos : text.rfind('\n', pos - 1);
    return nl == std::string_view::npos ? std::size_t{0} : nl + 1;
  };
  const std::size_t here = line_start(offset);
  if (indented_with_tab(text, here)) return true;
  return here > 0 && indented_with_tab(text, line_start(here - 1));
}

SourcePos pos_at(const std::string& path, std::string_view text, std::size_t offset) {
  const LineColumn lc = line_column_at(text, offset);
  return SourcePos{path, lc.line, lc.column};
}

}  // namespace

std::optional<Document> parse_yaml(std::string_view text, std::string path, Diagnostics& diags) {
  if (auto problem = check_text_bytes(text)) {
    SourcePos p = problem->offset == 0 && text.size() > kMaxFileBytes
                      ? SourcePos{path, 0, 0}
                      : pos_at(path, text, problem->offset);
    diags.error(std::move(p), std::move(problem->message));
    return std::nullopt;
  }
  if (auto problem = check_flow_depth(text)) {
    diags.error(pos_at(path, text, problem->offset), std::move(problem->message));
    return std::nullopt;
  }
  const std::size_t bom = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;

  Document doc;
  doc.path_ = path;
  TreeBuilder builder(doc, text, bom);
  ViewBuf buf(text);
  std::istream in(&buf);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
    SecondDocument second;
    try {
      parser.HandleNextDocument(second);
    } catch (const SecondDocument::Found&) {
    }
    if (second.mark) {
      diags.error(pos_at(path, text, builder.offset_of(*second.mark)),
                  "a content file holds one YAML document; found a second one here");
      return std::nullopt;
    }
  } catch (const StopParse& stop) {
    diags.error(pos_at(path, text, stop.offset), stop.message);
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    SourcePos p =
        e.mark.is_null() ? SourcePos{path, 0, 0} : pos_at(path, text, builder.offset_of(e.mark));
    std::string message = "YAML syntax error: " + e.msg;
    if (!e.mark.is_null() && tab_in_indentation(text, builder.offset_of(e.mark))) {
      message += " (a tab is used for indentation; YAML indents with spaces)";
    } else if (!e.mark.is_null()) {
      message += syntax_hint(e.msg, text, builder.offset_of(e.mark));
    }
    diags.error(std::move(p), std::move(message));
    return std::nullopt;
  }
  // Duplicate keys are reported; the first occurrence is read.
  for (auto& d : builder.dup_keys_) diags.error(std::move(d.pos), std::move(d.message));
  return doc;
}

}  // namespace samrapport::content::yaml
