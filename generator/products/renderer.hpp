// The template environment of one product in one language: the engine options of the
// documents (strict undefined, Markdown escaping), the product's template lookup, the
// report filters, and text()/has_text()/warn() over the content. The build (pipeline.cpp)
// and `samrapport check` (render_check.cpp) render with the same one.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "content/model.hpp"
#include "jinja/environment.hpp"
#include "products/product.hpp"
#include "products/template_context.hpp"
#include "products/template_loader.hpp"

namespace samrapport::products {

struct Renderer {
  std::unique_ptr<jinja::Environment> env;
  std::shared_ptr<ProductLoader> loader;
  std::shared_ptr<RenderState> state;
};

Renderer make_renderer(const Product& product, content::Language language,
                       const std::vector<std::string>& template_dirs,
                       const content::Content& content);

}  // namespace samrapport::products
