// The variables every template sees: `content` (content_to_json), `analysis` (the result
// model), `report` (= content.report) and `lang`; a page adds its own (products/product.hpp).
// And the functions a product's environment has: `text(name)`, which renders
// content/text/<name>.md with the variables of the page being rendered, `has_text(name)`,
// `warn(message)`, which adds a build warning (for a stand-in where content is missing), and
// `caller_position()`, where the calling macro was called from (for declarations' errors).
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "analysis/results.hpp"
#include "content/model.hpp"
#include "jinja/environment.hpp"
#include "jinja/value.hpp"

namespace samrapport::products {

jinja::Value make_template_context(const content::Content& content,
                                   const analysis::Results& results);

/// `base` with `lang` replaced and the entries of `vars` (a dict, or None) added.
jinja::Value page_context(const jinja::Value& base, std::string_view lang,
                          const jinja::Value& vars);

/// What the functions of one environment share with the pipeline: the variables of the
/// page being rendered (text() renders with them) and the warnings templates raised.
struct RenderState {
  jinja::Value page_context;
  std::vector<std::string> warnings;  // in the order raised, without repeats
  std::set<std::string> texts_read;   // the names text() rendered (for `samrapport check`)
};

/// Registers text(), has_text(), warn() and caller_position() on `env`. text(name) of an unknown
/// name is an error listing the text files there are.
void register_content_functions(jinja::Environment& env, const content::Content& content,
                                std::shared_ptr<RenderState> state);

}  // namespace samrapport::products
