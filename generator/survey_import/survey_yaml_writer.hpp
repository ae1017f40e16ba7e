// Writes a survey as a `surveys/*.yaml` file of the content schema, so that the content
// reader reads back the same survey: strings byte-exact (UTF-8 as is, quoted and escaped
// where YAML needs it), numbers in their shortest exact form.
#pragma once

#include <string>
#include <string_view>

#include "content/model.hpp"

namespace samrapport::survey_import {

/// A YAML scalar for `s`: plain when that reads back as the same string in block and flow
/// context, otherwise double-quoted with escapes.
std::string yaml_scalar(std::string_view s);

/// The shortest decimal text that reads back as exactly `v` ("4", "3.5", "1e+21").
std::string yaml_number(double v);

/// The survey file. `comment` (may be empty) is written first as `# ` lines.
/// Municipalities are written by name; options and themes by their label and id.
std::string write_survey_yaml(const content::Content& content, const content::Survey& survey,
                              std::string_view comment = {});

}  // namespace samrapport::survey_import
