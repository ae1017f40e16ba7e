#include "document/numbering.hpp"

#include <set>

#include "document/text.hpp"

namespace samrapport::document {
namespace {

class Numberer {
 public:
  explicit Numberer(Document& doc) : doc_(doc) {}

  RefTargets run() {
    collect_explicit(doc_.blocks);
    for (const Table& t : doc_.tables) {
      if (!t.id.empty()) used_.insert(t.id);
    }
    for (const Figure& f : doc_.figures) used_.insert(f.id);
    walk(doc_.blocks);
    return std::move(targets_);
  }

 private:
  // Explicit ids are reserved first, so that generated anchors never take them.
  void collect_explicit(const std::vector<Block>& blocks) {
    for (const Block& b : blocks) {
      if (b.kind == BlockKind::heading && !b.anchor.empty()) used_.insert(b.anchor);
      collect_explicit(b.children);
    }
  }

  std::string unique_anchor(std::string base) {
    if (base.empty()) base = "avsnitt";
    std::string candidate = base;
    for (int n = 2; used_.contains(candidate); ++n) candidate = base + "-" + std::to_string(n);
    used_.insert(candidate);
    return candidate;
  }

  std::string next_number(int& in_chapter, int& outside) {
    if (chapter_numbered_) return std::to_string(chapter_) + "." + std::to_string(++in_chapter);
    return std::to_string(++outside);
  }

  void heading(Block& b) {
    const bool explicit_id = !b.anchor.empty();
    if (b.level == 1) {
      chapter_numbered_ = !b.unnumbered;
      section_ = 0;
      tables_in_chapter_ = 0;
      figures_in_chapter_ = 0;
      if (chapter_numbered_) {
        b.number = std::to_string(++chapter_);
        if (!explicit_id) b.anchor = unique_anchor("kap-" + b.number);
      }
    } else if (b.level == 2 && chapter_numbered_ && !b.unnumbered) {
      b.number = std::to_string(chapter_) + "." + std::to_string(++section_);
      if (!explicit_id) b.anchor = unique_anchor("kap-" + dotted_to_hyphens(b.number));
    }
    if (b.anchor.empty()) b.anchor = unique_anchor(slug(plain_text(b.inlines)));
    if (b.level <= 2) {
      doc_.outline.push_back(OutlineEntry{
          .level = b.level, .number = b.number, .anchor = b.anchor, .title = b.inlines});
    }
    if (explicit_id) {
      RefTarget::Kind kind = RefTarget::Kind::heading;
      if (!b.number.empty())
        kind = b.level == 1 ? RefTarget::Kind::chapter : RefTarget::Kind::section;
      targets_[b.anchor] =
          RefTarget{.kind = kind, .number = b.number, .title = plain_text(b.inlines)};
    }
  }

  void walk(std::vector<Block>& blocks) {
    for (Block& b : blocks) {
      switch (b.kind) {
        case BlockKind::heading:
          heading(b);
          break;
        case BlockKind::table: {
          Table& t = doc_.tables[b.index];
          if (t.id.empty()) break;  // a plain pipe table: not numbered
          t.number = next_number(tables_in_chapter_, tables_outside_);
          targets_[t.id] = RefTarget{
              .kind = RefTarget::Kind::table, .number = t.number, .title = plain_text(t.caption)};
          break;
        }
        case BlockKind::figure: {
          Figure& f = doc_.figures[b.index];
          f.number = next_number(figures_in_chapter_, figures_outside_);
          f.file_stem = "fig-" + dotted_to_hyphens(f.number);
          targets_[f.id] = RefTarget{
              .kind = RefTarget::Kind::figure, .number = f.number, .title = plain_text(f.caption)};
          break;
        }
        default:
          walk(b.children);
          break;
      }
    }
  }

  Document& doc_;
  RefTargets targets_;
  std::set<std::string> used_;
  int chapter_ = 0;
  bool chapter_numbered_ = false;
  int section_ = 0;
  int tables_in_chapter_ = 0;
  int figures_in_chapter_ = 0;
  int tables_outside_ = 0;
  int figures_outside_ = 0;
};

}  // namespace

RefTargets assign_numbers(Document& doc) {
  return Numberer(doc).run();
}

}  // namespace samrapport::document
