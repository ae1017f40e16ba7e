// What `samrapport check` verifies beyond the content itself: every page of every product
// the content supports is rendered through its templates (to memory; nothing is written),
// so that an error in a template or in a text/*.md shows in check, not first in build; each
// text/*.md that no page read is rendered on its own (texts are templates) and reported as
// read by no template, with the closest text name the templates ask for.
#pragma once

#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "content/model.hpp"

namespace samrapport::products {

/// Adds to `diags`: template errors (FILE:LINE:COLUMN of the template or text), and a
/// warning for each text no template reads. Throws std::runtime_error for a --templates
/// folder that does not exist.
void check_rendering(const content::Content& content, const std::vector<std::string>& template_dirs,
                     Diagnostics& diags);

/// The text names the templates may ask for: the quoted names in the templates (built-in
/// and the user's folders), a quoted prefix such as "region-" completed with each region,
/// sector, dataset and survey id of the content. For "did you mean" only.
std::vector<std::string> text_names_in_templates(const content::Content& content,
                                                 const std::vector<std::string>& template_dirs);

}  // namespace samrapport::products
