// Shared helpers of the document tests: parse Markdown with default metadata.
#pragma once

#include <string>
#include <string_view>

#include "common/diagnostics.hpp"
#include "document/parse.hpp"
#include "document/text.hpp"

namespace samrapport::document::testing {

inline Document parse(std::string_view md, Diagnostics& diags, std::string lang = "nb") {
  DocumentMeta meta;
  meta.title = "T";
  meta.language = std::move(lang);
  meta.source_name = "report.md";
  return parse_document(md, meta, diags);
}

/// All diagnostics, one formatted line each.
inline std::string messages(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) out += format_diagnostic(d) + "\n";
  return out;
}

/// A table declaration block.
inline std::string table_block(std::string_view json) {
  return "```samrapport-table\n" + std::string(json) + "\n```\n";
}
inline std::string figure_block(std::string_view json) {
  return "```samrapport-figure\n" + std::string(json) + "\n```\n";
}

}  // namespace samrapport::document::testing
