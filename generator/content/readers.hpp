// The reader of each kind of content file, and the cross-file rules. Internal to
// samrapport_content; load_content() (reader.cpp) calls them in dependency order:
// municipalities, tasks, report, arrangements, surveys, datasets, text, validate.
#pragma once

#include <string>

#include "content/reader_context.hpp"
#include "content/yaml_tree.hpp"

namespace samrapport::content {

/// municipalities.yaml: regions and municipalities; fills the municipality/region maps.
void read_municipalities(ReadContext& ctx, yaml::NodeRef root);
/// tasks.yaml: sectors and tasks; fills the sector/task maps.
void read_tasks(ReadContext& ctx, yaml::NodeRef root);
/// report.yaml.
void read_report(ReadContext& ctx, yaml::NodeRef root);
/// One arrangements/*.yaml file; appends to content.arrangements.
void read_arrangements(ReadContext& ctx, yaml::NodeRef root);
/// One surveys/*.yaml file (one survey).
void read_survey(ReadContext& ctx, yaml::NodeRef root, const std::string& file);
/// One datasets/*.yaml file (one dataset).
void read_dataset(ReadContext& ctx, yaml::NodeRef root, const std::string& file);
/// One text/*.md file (`relative` inside the tree).
void read_text(ReadContext& ctx, const std::string& relative, std::string bytes);

/// One councils/<region-id>.yaml file (additive); `relative` names the region.
void read_council(ReadContext& ctx, yaml::NodeRef root, const std::string& relative,
                  const std::string& file);

/// Rules across items and files (validate.cpp).
void validate(ReadContext& ctx);

}  // namespace samrapport::content
