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

// The URL in an href value as a browser reads it (references decoded, tab and newline
// removed, leading controls and spaces skipped): a javascript:, vbscript: or data: URL?
bool runnable_url(std::string_view attr) {
  std::string url;
  for (std::size_t i = 0; i < attr.size(); ++i) {
    if (attr[i] == '&') {
      const std::size_t semi = attr.find(';', i);
      if (semi != std::string_view::npos && semi - i < 12) {
        const std::string_view ref = attr.substr(i + 1, semi - i - 1);
        if (ref == "amp")
          url += '&';
        else if (ref == "quot")
          url += '"';
        else if (ref == "lt")
          url += '<';
        else if (ref == "gt")
          url += '>';
        else if (!ref.empty() && ref[0] == '#') {
          const bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
          const long code =
              std::strtol(std::string(ref.substr(hex ? 2 : 1)).c_str(), nullptr, hex ? 16 : 10);
          url += code > 0 && code < 128 ? static_cast<char>(code) : '?';
        } else {
          url += '?';
        }
        i = semi;
        continue;
      }
    }
    url += attr[i];
  }
  std::string clean;
  for (const char c : url) {
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (clean.empty() && static_cast<unsigned char>(c) <= 0x20) continue;
    clean += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  for (const std::string_view scheme : {"javascript:", "vbscript:", "data:"}) {
    if (clean.compare(0, scheme.size(), scheme) == 0) return true;
  }
  return false;
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
  // No raw script and no link a browser would run reaches a published page. Only real
  // tags count: in text, '<' is always written &lt; (quotes in text are harmless).
  for (const std::string* out : {&html, &frag}) {
    if (out->find("<script") != std::string::npos) std::abort();
    for (std::size_t lt = out->find('<'); lt != std::string::npos; lt = out->find('<', lt + 1)) {
      const std::size_t gt = out->find('>', lt);
      if (gt == std::string::npos) break;
      const std::string_view tag = std::string_view(*out).substr(lt, gt - lt);
      if (tag.substr(0, 4) == "<svg" || tag.substr(0, 6) == "<style") continue;
      for (std::size_t at = tag.find(" href=\""); at != std::string_view::npos;
           at = tag.find(" href=\"", at + 1)) {
        const std::size_t begin = at + 7;
        const std::size_t end = tag.find('"', begin);
        if (end != std::string_view::npos && runnable_url(tag.substr(begin, end - begin))) {
          std::abort();
        }
      }
      if (tag.find(" on") != std::string_view::npos) {
        // An event handler attribute (" onclick=") in a tag we wrote from raw HTML.
        for (std::size_t at = tag.find(" on"); at != std::string_view::npos;
             at = tag.find(" on", at + 1)) {
          std::size_t i = at + 3;
          while (i < tag.size() && tag[i] >= 'a' && tag[i] <= 'z') ++i;
          if (i < tag.size() && tag[i] == '=' && i > at + 3) std::abort();
        }
      }
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
