// Loading the test fixtures of tests/document/fixtures (path given by the build).
#pragma once

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "document/parse.hpp"

namespace samrapport::writers::testing {

inline std::filesystem::path fixture_dir() {
  return SAMRAPPORT_FIXTURE_DIR;
}

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

/// Parses `<name>.md` with `<name>.meta.json` from the fixture directory.
inline document::Document load_fixture(const std::string& name, Diagnostics& diags) {
  return document::parse_document(read_text(fixture_dir() / (name + ".md")),
                                  read_meta(fixture_dir() / (name + ".meta.json")), diags);
}

inline document::Document parse_md(std::string_view md, Diagnostics& diags,
                                   std::string lang = "nb") {
  document::DocumentMeta meta;
  meta.title = "Tittel";
  meta.author = "NIVI Analyse";
  meta.language = std::move(lang);
  return document::parse_document(md, meta, diags);
}

}  // namespace samrapport::writers::testing
