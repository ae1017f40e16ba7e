// The variables every template sees: `content` (content_to_json), `analysis` (the result
// model), `report` (= content.report) and `lang`; and the function `text(name)`, which
// renders content/text/<name>.md with the same variables.
#pragma once

#include "analysis/results.hpp"
#include "content/model.hpp"
#include "jinja/environment.hpp"
#include "jinja/value.hpp"

namespace samrapport::outputs {

jinja::Value make_template_context(const content::Content& content,
                                   const analysis::Results& results);

/// Registers `text(name)` on `env`: the text file's Markdown rendered as a template (so
/// it may contain expressions) with `context`; an unknown name is an error listing the
/// text files there are. `has_text(name)` tells whether the content has it.
void register_text_function(jinja::Environment& env, const content::Content& content,
                            const jinja::Value& context);

}  // namespace samrapport::outputs
