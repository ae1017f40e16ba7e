#include "writers/output_file.hpp"

#include "document/labels.hpp"
#include "document/text.hpp"
#include "writers/svg_chart.hpp"

namespace samrapport::writers {

std::string chart_file_path(const document::Figure& figure, std::string_view dir) {
  std::string path(dir);
  if (!path.empty() && path.back() != '/') path += '/';
  return path + figure.file_stem + ".svg";
}

std::string chart_svg(const document::Document& doc, const document::Figure& figure,
                      std::string_view id_prefix) {
  const locale::Lang lang = locale::lang_from(doc.meta.language);
  const document::Labels& labels = document::labels_for(lang);
  SvgChartText text;
  text.id_prefix = std::string(id_prefix);
  text.title =
      std::string(labels.figure) + " " + figure.number + " " + document::plain_text(figure.caption);
  text.description = figure.alt;
  return write_svg_chart(*figure.chart, text, lang);
}

std::vector<OutputFile> chart_files(const document::Document& doc, std::string_view dir) {
  std::vector<OutputFile> out;
  for (const document::Figure& f : doc.figures) {
    if (!f.chart) continue;
    out.push_back(OutputFile{chart_file_path(f, dir), chart_svg(doc, f, f.file_stem)});
  }
  return out;
}

}  // namespace samrapport::writers
