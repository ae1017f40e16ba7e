// Loading the test fixtures of tests/document/fixtures (path given by the build).
#pragma once

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "document/parse.hpp"
#include "fixture_meta.hpp"

namespace samrapport::writers::testing {

inline std::filesystem::path fixture_dir() {
  return SAMRAPPORT_FIXTURE_DIR;
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
