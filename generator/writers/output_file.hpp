// A file a writer produces besides its main text (the SVG of a chart), as a path
// relative to the main output and its content. The caller writes them (atomically).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"

namespace samrapport::writers {

struct OutputFile {
  std::string path;  // "figurer/fig-2-1.svg"
  std::string content;
};

/// "figurer/fig-2-1.svg" for a chart figure.
std::string chart_file_path(const document::Figure& figure, std::string_view dir);

/// The SVG of one chart figure (title "Figur 2.1 <caption>", description from the data).
/// `id_prefix` makes its ids unique inside an HTML page.
std::string chart_svg(const document::Document& doc, const document::Figure& figure,
                      std::string_view id_prefix);

/// The SVG file of every chart figure, in document order.
std::vector<OutputFile> chart_files(const document::Document& doc, std::string_view dir);

}  // namespace samrapport::writers
