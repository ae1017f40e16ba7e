// A parsed YAML document as a compact read-only tree, built from yaml-cpp's event API.
//
// parse_yaml() guards yaml-cpp against hostile input: the raw bytes are checked first
// (input_checks.hpp), nesting depth is bounded while parsing, and aliases are counted
// by the size they expand to, so that a later walk of the tree stays bounded (an alias
// bomb is refused instead of expanded). Keys must be unique within a mapping.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"

namespace samrapport::content::yaml {

/// More nodes than this in one document, counting every alias as the size of the node
/// it refers to, is refused.
inline constexpr std::uint64_t kMaxExpandedNodes = 4'000'000;

enum class Kind : std::uint8_t { null, scalar, sequence, mapping };

struct Node {
  Kind kind = Kind::null;
  bool plain = false;        // scalar written plain (no quotes, no block style, no explicit tag)
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based, in characters
  /// scalar: offset and length of the value in Document::strings_.
  /// sequence: index of the first child in Document::children_, number of children.
  /// mapping: index of the first key in Document::children_, number of pairs
  /// (keys and values alternate).
  std::uint32_t first = 0;
  std::uint32_t count = 0;
};

class Document;

/// A handle to a node of a Document (cheap to copy). A default NodeRef is "absent".
class NodeRef {
 public:
  NodeRef() = default;
  NodeRef(const Document* doc, std::uint32_t index) : doc_(doc), index_(index) {}

  [[nodiscard]] bool present() const { return doc_ != nullptr; }
  [[nodiscard]] Kind kind() const;
  [[nodiscard]] bool is_null() const { return present() && kind() == Kind::null; }
  [[nodiscard]] bool is_scalar() const { return present() && kind() == Kind::scalar; }
  [[nodiscard]] bool is_sequence() const { return present() && kind() == Kind::sequence; }
  [[nodiscard]] bool is_mapping() const { return present() && kind() == Kind::mapping; }
  [[nodiscard]] bool plain() const;
  /// The scalar's value (empty for other kinds).
  [[nodiscard]] std::string_view scalar() const;
  /// Number of items (sequence) or pairs (mapping).
  [[nodiscard]] std::size_t size() const;
  [[nodiscard]] NodeRef item(std::size_t i) const;   // sequence
  [[nodiscard]] NodeRef key(std::size_t i) const;    // mapping
  [[nodiscard]] NodeRef value(std::size_t i) const;  // mapping
  /// The value of the pair whose key is the scalar `key`; absent when there is none.
  [[nodiscard]] NodeRef find(std::string_view key) const;
  [[nodiscard]] SourcePos pos() const;
  [[nodiscard]] const Document* document() const { return doc_; }
  /// "a mapping", "a list", "a text", "null": for messages.
  [[nodiscard]] std::string_view kind_name() const;

 private:
  const Document* doc_ = nullptr;
  std::uint32_t index_ = 0;
};

class Document {
 public:
  [[nodiscard]] const std::string& path() const { return path_; }
  /// The root node; absent when the file holds no document (empty or only comments).
  [[nodiscard]] NodeRef root() const { return empty_ ? NodeRef() : NodeRef(this, root_); }
  [[nodiscard]] std::size_t node_count() const { return nodes_.size(); }

 private:
  friend class NodeRef;
  friend class TreeBuilder;
  friend std::optional<Document> parse_yaml(std::string_view, std::string, Diagnostics&);
  std::string path_;
  std::vector<Node> nodes_;
  std::vector<std::uint32_t> children_;
  std::string strings_;
  std::uint32_t root_ = 0;
  bool empty_ = true;
};

/// Parses `text` (the bytes of the file shown as `path`). On a problem, reports it to
/// `diags` and returns nullopt. One document per file.
std::optional<Document> parse_yaml(std::string_view text, std::string path, Diagnostics& diags);

}  // namespace samrapport::content::yaml
