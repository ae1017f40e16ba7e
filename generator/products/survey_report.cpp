// Product `report`: the county survey report in the NIVI layout, one document for the
// whole area (templates/report/).
#include "products/registry.hpp"
#include "products/slug.hpp"

namespace samrapport::products {

Product survey_report_product() {
  Product p;
  p.id = "report";
  p.name = "survey report (kartleggingsrapport)";
  p.description =
      "the county survey report on inter-municipal cooperation: every table and figure of the "
      "NIVI layout, one document for the whole area";
  p.template_folder = "report";
  p.formats = {Format::md, Format::html, Format::html_fragment, Format::tex, Format::pdf};
  p.default_formats = {Format::md, Format::html, Format::tex, Format::pdf};
  p.folder = [](const ProductInput& in) {
    const auto& r = in.content.report;
    return slugify(r.report_id ? *r.report_id : r.title);
  };
  p.unsupported = [](const ProductInput&) { return std::string(); };
  p.pages = [](const ProductInput& in) {
    const auto& r = in.content.report;
    Page page;
    page.stem = "rapport";
    page.entry = "rapport.md.j2";
    page.language = r.language;
    page.vars = jinja::Value::dict();
    page.meta.title = r.title;
    page.meta.subtitle = r.subtitle.value_or("");
    page.meta.report_id = r.report_id.value_or("");
    page.meta.client = r.client.value_or("");
    page.meta.author = r.author;
    page.meta.place_date = r.place_date.value_or("");
    page.meta.language = std::string(content::to_string(r.language));
    page.label = r.title;
    return std::vector<Page>{page};
  };
  return p;
}

}  // namespace samrapport::products
