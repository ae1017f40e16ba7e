#include "document/parse.hpp"

#include "document/chart_text.hpp"
#include "document/cross_refs.hpp"
#include "document/markdown_reader.hpp"
#include "document/numbering.hpp"

namespace samrapport::document {

Document parse_document(std::string_view markdown, const DocumentMeta& meta, Diagnostics& diags,
                        const LineLocator& locate) {
  Document doc;
  doc.meta = meta;
  read_markdown(markdown, doc, diags, locate);
  const RefTargets targets = assign_numbers(doc);
  resolve_cross_refs(doc, targets, diags);
  const locale::Lang lang = locale::lang_from(meta.language);
  for (Figure& f : doc.figures) {
    if (f.alt.empty() && f.chart) f.alt = describe_chart(*f.chart, lang);
  }
  return doc;
}

}  // namespace samrapport::document
