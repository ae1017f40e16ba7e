// What the register workbook shows of an arrangement: one cell value per column, for one
// municipality. Export writes these values; import compares the returned cells with them,
// so that an unedited cell is never a change.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "content/model.hpp"
#include "xlsx/columns.hpp"

namespace samrapport::xlsx {

/// Empty, a text or a number.
using CellValue = std::variant<std::monostate, std::string, double>;

/// The value of column `c` for arrangement `a`, as seen by municipality `m` (the ownership
/// share is m's own). The comment column is always empty.
CellValue register_value(const content::Content& content, const content::Arrangement& a,
                         content::MunicipalityIdx m, Column c, content::Language lang);

/// The arrangements of municipality `m` (participant or host), in content order, split
/// into current and ended ones (by the report's reference date).
struct MunicipalityArrangements {
  std::vector<const content::Arrangement*> current;
  std::vector<const content::Arrangement*> ended;
};
MunicipalityArrangements arrangements_of(const content::Content& content,
                                         content::MunicipalityIdx m);

/// The municipality's målform: its own `language`, else the report's.
content::Language language_of(const content::Content& content, content::MunicipalityIdx m);

/// The percent `m` owns of `a`, when registered.
std::optional<double> ownership_share(const content::Arrangement& a, content::MunicipalityIdx m);

/// "2015" or "2015-2021" or "" (established year, or the span when only that is known).
std::string established_text(const content::Arrangement& a);

/// Shortest decimal text of `v` that reads back as the same double ("4.5", "12").
std::string number_text(double v);

}  // namespace samrapport::xlsx
