// Product `eierskap`: the eierskapsmelding of every in-scope municipality (kommuneloven
// § 26-1) with the overview of its inter-municipal cooperation (§ 17-4), in the
// municipality's own language (templates/eierskap/).
#include "products/registry.hpp"
#include "products/slug.hpp"

namespace samrapport::products {

Product eierskap_product() {
  Product p;
  p.id = "eierskap";
  p.name = "eierskapsmelding per municipality";
  p.description =
      "for every municipality in scope, its ownership report (kommuneloven § 26-1) with the "
      "overview of the inter-municipal cooperation it takes part in (§ 17-4)";
  p.template_folder = "eierskap";
  p.formats = {Format::md, Format::html, Format::html_fragment, Format::tex, Format::pdf};
  p.default_formats = {Format::md, Format::html, Format::pdf};
  p.folder = [](const ProductInput&) { return std::string("eierskap"); };
  p.unsupported = [](const ProductInput&) {
    return std::string("not yet available in this build");
  };
  p.pages = [](const ProductInput&) { return std::vector<Page>{}; };
  return p;
}

}  // namespace samrapport::products
