// The analysis step: content model in, result model (results.hpp) out, computed once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/results.hpp"
#include "content/model.hpp"

namespace samrapport::analysis {

/// The few parameters of the report's definitions. The defaults are the model report's.
struct Options {
  /// Establishment periods: [recent_from, reference year], [middle_from, recent_from - 1],
  /// before middle_from. Years after the reference year count as recent.
  int recent_from = 2015;
  int middle_from = 2000;
  /// Participation groups of Tabell 3.1: percent >= frequent_from is "frequent",
  /// percent >= common_from (and below frequent_from) is "common", below is "rare".
  double frequent_from = 70;
  double common_from = 30;
  /// Size classes: population below small_below is "small", above large_above is
  /// "large", between (both inclusive) "medium".
  std::int64_t small_below = 5000;
  std::int64_t large_above = 15000;
  /// Host concentration: the fewest top hosts holding at least this share of hosting.
  double host_concentration = 0.8;
  /// Cross-county grouping: a crossing arrangement belongs to the group of the county area
  /// holding at least this share of its participants outside the home area (named or
  /// not); otherwise to the "other" group.
  double cross_county_dominant = 2.0 / 3.0;
  /// Groups with fewer arrangements than this merge into the "other" group.
  int cross_county_min_group = 5;
  /// The sectors (ids) the text counts as health and social services
  /// (Findings::new_health_social).
  std::vector<std::string> health_social_sectors = {"helse", "sosial"};
  /// Worker threads for the independent parts (collation keys of many names, the survey
  /// analysis): 0 = as many as the hardware has (at most 4), 1 = everything on the calling
  /// thread. The results do not depend on it.
  unsigned threads = 0;
};

/// The number of threads `options.threads` stands for.
unsigned thread_count(const Options& options);

/// Computes every table and figure of the report from `content`. Never throws on valid
/// content (the reader guarantees references are resolved).
Results analyse(const content::Content& content, const Options& options = {});

}  // namespace samrapport::analysis
