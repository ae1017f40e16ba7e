#include "document/walk.hpp"

namespace samrapport::document {
namespace {

void visit(Inlines& inlines, const std::function<void(Inline&)>& fn) {
  for (Inline& in : inlines) {
    fn(in);
    visit(in.children, fn);
  }
}

void visit(std::vector<Block>& blocks, const std::function<void(Inline&)>& fn) {
  for (Block& b : blocks) {
    visit(b.inlines, fn);
    visit(b.children, fn);
  }
}

}  // namespace

void for_each_inline(Document& doc, const std::function<void(Inline&)>& fn) {
  visit(doc.blocks, fn);
  for (Footnote& f : doc.footnotes) visit(f.blocks, fn);
  for (OutlineEntry& e : doc.outline) visit(e.title, fn);
  for (Table& t : doc.tables) {
    visit(t.caption, fn);
    visit(t.source, fn);
    visit(t.notes, fn);
    for (Column& c : t.columns) visit(c.label, fn);
    for (Row& r : t.rows) {
      for (Inlines& cell : r.cells) visit(cell, fn);
    }
  }
  for (Figure& f : doc.figures) {
    visit(f.caption, fn);
    visit(f.source, fn);
  }
}

}  // namespace samrapport::document
