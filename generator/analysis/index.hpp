// The analysis' one pass over the content: which arrangements are current, the report
// order, and each municipality's current arrangements. Built once by analyse(); every
// table family reads it, so no family loops over municipalities x arrangements.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyse.hpp"
#include "analysis/results.hpp"
#include "content/model.hpp"

namespace samrapport::analysis {

struct Index {
  const content::Content& content;
  const Options& options;

  std::vector<bool> current;  // per arrangement
  /// Current arrangements in report order: participant_count ascending, then collation of
  /// the name, then id.
  ArrangementList order;
  /// Per current arrangement: its position in the collation order of the names (then id);
  /// 0 for arrangements that are not current.
  std::vector<std::size_t> name_rank;
  /// Per arrangement: its listed participants without repeats (listed order).
  std::vector<std::vector<content::MunicipalityIdx>> participants;
  /// Per municipality: the current arrangements it takes part in, report order.
  std::vector<ArrangementList> of_municipality;
  /// Per municipality: current arrangements it hosts, and current arrangements it takes
  /// part in whose host is another municipality.
  std::vector<int> hosted;
  std::vector<int> assisted;
  /// In-scope municipalities, content order.
  std::vector<content::MunicipalityIdx> in_scope;
  /// Per municipality: collation key of its name.
  std::vector<std::string> municipality_key;

  [[nodiscard]] const content::Municipality& municipality(content::MunicipalityIdx m) const {
    return content.municipalities[m];
  }
  /// true when a sorts before b by collation of the municipality names (then by index).
  [[nodiscard]] bool name_less(content::MunicipalityIdx a, content::MunicipalityIdx b) const;
};

Index build_index(const content::Content& content, const Options& options);

/// "small", "medium" or "large" (Options::small_below, Options::large_above).
std::string size_class_of(std::int64_t population, const Options& options);

/// 100 * part / whole, or 0 when whole is 0.
double percent_of(double part, double whole);

/// Sorts names by Norwegian collation (ties by bytes).
void sort_by_collation(std::vector<std::string>& names);

}  // namespace samrapport::analysis
