#include "document_fuzz_target.hpp"

#include <cstdlib>
#include <string>
#include <string_view>

#include "document/parse.hpp"
#include "writers/html_writer.hpp"
#include "writers/latex_writer.hpp"
#include "writers/markdown_writer.hpp"

namespace samrapport::fuzz {
namespace {

document::DocumentMeta meta_for(std::string_view markdown) {
  document::DocumentMeta meta;
  meta.title = "Fuzz";
  meta.author = "NIVI";
  meta.source_name = "report.md";
  // The language from the input, so that every label table is exercised.
  const unsigned char first = markdown.empty() ? 0 : static_cast<unsigned char>(markdown[0]);
  meta.language = first % 3 == 0 ? "nb" : first % 3 == 1 ? "nn" : "en";
  return meta;
}

// Output far out of proportion to the input is a finding too (the padded table made 820 MiB
// of Markdown from 10 MiB); charts and the stylesheet add a fixed amount per figure.
void check_size(std::size_t in, std::size_t out, std::size_t figures) {
  if (out > 64 * in + 200000 + 200000 * figures) std::abort();
}

}  // namespace

int fuzz_document(const std::uint8_t* data, std::size_t size) {
  const std::string_view markdown(reinterpret_cast<const char*>(data), size);
  Diagnostics diags;
  const document::Document doc = document::parse_document(markdown, meta_for(markdown), diags);
  std::vector<writers::OutputFile> files;
  const std::string md = writers::write_markdown(doc, files);
  const std::string html = writers::write_html(doc);
  writers::HtmlOptions fragment;
  fragment.standalone = false;
  const std::string frag = writers::write_html(doc, fragment);
  const std::string tex = writers::write_latex(doc);
  const std::size_t n = doc.figures.size();
  check_size(size, md.size(), n);
  check_size(size, html.size(), n);
  check_size(size, frag.size(), n);
  check_size(size, tex.size(), n);
  // No raw script or javascript: link reaches a published page (quotes in text content
  // are harmless: only what is inside a tag counts).
  for (const std::string* out : {&html, &frag}) {
    if (out->find("<script") != std::string::npos) std::abort();
    for (std::size_t at = out->find("<a "); at != std::string::npos;
         at = out->find("<a ", at + 1)) {
      const std::size_t end = out->find('>', at);
      const std::string_view tag = std::string_view(*out).substr(at, end - at);
      if (tag.find("javascript:") != std::string_view::npos) std::abort();
    }
  }
  return 0;
}

int fuzz_markdown_reader(const std::uint8_t* data, std::size_t size) {
  const std::string_view markdown(reinterpret_cast<const char*>(data), size);
  Diagnostics diags;
  const document::Document doc = document::parse_document(markdown, meta_for(markdown), diags);
  writers::MarkdownOptions options;
  std::vector<writers::OutputFile> files;
  const std::string md = writers::write_markdown(doc, files, options);
  Diagnostics again;
  (void)document::parse_document(md, meta_for(markdown), again);
  return 0;
}

}  // namespace samrapport::fuzz
