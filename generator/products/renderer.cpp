#include "products/renderer.hpp"

#include "report_filters/escapers.hpp"
#include "report_filters/report_filters.hpp"

namespace samrapport::products {

Renderer make_renderer(const Product& product, content::Language language,
                       const std::vector<std::string>& template_dirs,
                       const content::Content& content) {
  jinja::Options options;
  options.undefined = jinja::UndefinedMode::Strict;
  options.trim_blocks = true;
  options.lstrip_blocks = true;
  options.keep_trailing_newline = true;
  // The documents are Markdown: templates named for a format escape for it, and templates
  // without one (macro libraries such as lib/report.j2) escape for Markdown too, so that
  // their macros return safe Markdown rather than text the caller would escape again.
  options.autoescape = [](std::string_view name) -> jinja::EscaperPtr {
    // Plain text (a page's front matter: title page fields) is not escaped at all.
    if (name.ends_with(".txt.j2") || name.ends_with(".txt")) return nullptr;
    jinja::EscaperPtr e = report_filters::autoescape_for(name);
    return e ? e : report_filters::document_markdown_escaper();
  };
  Renderer r;
  r.env = std::make_unique<jinja::Environment>(options);
  const std::string lang(content::to_string(language));
  r.loader = std::make_shared<ProductLoader>(template_dirs, product.template_folder, lang);
  r.env->set_loader(r.loader);
  report_filters::register_report_filters(*r.env, locale::lang_from(lang));
  r.state = std::make_shared<RenderState>();
  register_content_functions(*r.env, content, r.state);
  return r;
}

}  // namespace samrapport::products
