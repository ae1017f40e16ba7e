// One municipality's register workbook (.xlsx, written with libxlsxwriter): its current
// arrangements, its ended ones, the survey answers it gave and an explanation of the
// columns, in the municipality's målform. docs/xlsx.md describes the sheets.
#pragma once

#include <filesystem>
#include <string>

#include "content/model.hpp"

namespace samrapport::xlsx {

/// Empty rows left under the current arrangements for ones the register lacks.
inline constexpr int kNewRows = 25;

/// Writes the workbook of municipality `m` to `path` (replaced atomically: a temporary
/// file beside it, then rename). The bytes depend on the content only: the document
/// dates are the report's reference date. Throws std::runtime_error on failure.
void write_register_workbook(const content::Content& content, content::MunicipalityIdx m,
                             const std::filesystem::path& path);

/// "drammen.xlsx": the municipality's name in ASCII, lower case, words joined by '-'.
std::string workbook_file_name(const content::Content& content, content::MunicipalityIdx m);

}  // namespace samrapport::xlsx
