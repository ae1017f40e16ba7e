// Product `eierskap`: the eierskapsmelding of every in-scope municipality (kommuneloven
// § 26-1) with the overview of its inter-municipal cooperation (§ 17-4), each in the
// municipality's own language (templates/eierskap/<lang>/).
#include <map>

#include "products/registry.hpp"
#include "products/slug.hpp"

namespace samrapport::products {

namespace {

// The file stem of the document in each language: what the municipality would call it.
std::string stem_for(content::Language l) {
  switch (l) {
    case content::Language::nb:
      return "eierskapsmelding";
    case content::Language::nn:
      return "eigarskapsmelding";
    case content::Language::en:
      return "ownership-report";
  }
  return "eierskapsmelding";
}

}  // namespace

Product eierskap_product() {
  Product p;
  p.id = "eierskap";
  p.name = "eierskapsmelding per municipality";
  p.description =
      "for every municipality in scope, its ownership report (kommuneloven § 26-1) with the "
      "overview of the inter-municipal cooperation it takes part in (§ 17-4), in the "
      "municipality's own language";
  p.template_folder = "eierskap";
  p.formats = {Format::md, Format::html, Format::html_fragment, Format::tex, Format::pdf};
  p.default_formats = {Format::md, Format::html, Format::pdf};
  p.folder = [](const ProductInput&) { return std::string("eierskap"); };
  p.unsupported = [](const ProductInput& in) {
    return in.results.ownership.empty() ? std::string("no municipality is in scope")
                                        : std::string();
  };
  p.pages = [](const ProductInput& in) {
    std::vector<Page> pages;
    const jinja::Value* analysis = in.context.dict_obj().find("analysis");
    const jinja::Value* rows = analysis ? analysis->dict_obj().find("ownership") : nullptr;
    std::map<std::string, int> used;  // folder names, to keep them apart
    const auto& list = in.results.ownership;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto& m = list[i];
      Page page;
      page.folder = slugify(m.name, 64, "kommune");
      if (const int n = used[page.folder]++; n > 0)
        page.folder += "-" + (m.id.empty() ? std::to_string(n + 1) : m.id);
      page.language = content::language_from(m.language).value_or(in.content.report.language);
      page.stem = stem_for(page.language);
      page.entry = "eierskapsmelding.md.j2";
      page.front_matter = "forside.txt.j2";
      page.vars = jinja::Value::dict();
      if (rows && rows->is_list() && i < rows->items().size())
        page.vars.dict_obj().set("kommune", rows->items()[i]);
      page.meta.language = m.language;
      page.label = m.name;
      pages.push_back(std::move(page));
    }
    return pages;
  };
  return p;
}

}  // namespace samrapport::products
