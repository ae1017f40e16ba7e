#include "products/format.hpp"

#include <sstream>
#include <stdexcept>

namespace samrapport::products {

namespace {
constexpr Format kAll[] = {Format::md, Format::html, Format::html_fragment, Format::tex,
                           Format::pdf};
constexpr std::string_view kExpected = "expected md, html, html-fragment, tex, pdf";
}  // namespace

std::string_view format_name(Format f) {
  switch (f) {
    case Format::md:
      return "md";
    case Format::html:
      return "html";
    case Format::html_fragment:
      return "html-fragment";
    case Format::tex:
      return "tex";
    case Format::pdf:
      return "pdf";
  }
  return "md";
}

std::string format_file(Format f, std::string_view stem) {
  std::string name(stem);
  switch (f) {
    case Format::md:
      return name + ".md";
    case Format::html:
      return name + ".html";
    case Format::html_fragment:
      return name + ".fragment.html";
    case Format::tex:
      return name + ".tex";
    case Format::pdf:
      return name + ".pdf";
  }
  return name;
}

std::set<Format> parse_formats(const std::string& list) {
  std::set<Format> out;
  std::stringstream ss(list);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (item.empty()) continue;
    bool known = false;
    for (Format f : kAll) {
      if (format_name(f) == item) {
        out.insert(f);
        known = true;
      }
    }
    if (!known)
      throw std::invalid_argument("unknown format '" + item + "' (" + std::string(kExpected) + ")");
  }
  if (out.empty()) throw std::invalid_argument("no format given (" + std::string(kExpected) + ")");
  return out;
}

}  // namespace samrapport::products
