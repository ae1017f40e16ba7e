// Reading a fixture: its text and its DocumentMeta (`<name>.meta.json`). Shared by the
// writer tests (fixture.hpp) and the render_fixture tool.
#pragma once

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "document/document.hpp"

namespace samrapport::writers::testing {

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline document::DocumentMeta read_meta(const std::filesystem::path& p) {
  const auto j = nlohmann::json::parse(read_text(p));
  document::DocumentMeta meta;
  meta.title = j.value("title", "");
  meta.subtitle = j.value("subtitle", "");
  meta.report_id = j.value("report_id", "");
  meta.client = j.value("client", "");
  meta.author = j.value("author", "");
  meta.place_date = j.value("place_date", "");
  meta.language = j.value("language", "nb");
  meta.source_name = j.value("source_name", "document.md");
  return meta;
}

}  // namespace samrapport::writers::testing
