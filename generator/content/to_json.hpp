// The content as templates see it (`content` in templates): every item with its
// references resolved to names and ids. The shape is documented in docs/content.md.
#pragma once

#include <nlohmann/json.hpp>

#include "content/model.hpp"

namespace samrapport::content {

nlohmann::ordered_json content_to_json(const Content& content);

}  // namespace samrapport::content
