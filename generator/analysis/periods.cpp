// Establishment (Tabell 2.1, Figur 2.4, Tabell 2.2): periods of current arrangements,
// the per-year series of `established`, and the new arrangements of the recent period.
//
// Periods: recent = [Options::recent_from, ...) (later years included), middle =
// [middle_from, recent_from - 1], before = (..., middle_from - 1], unspecified = an
// `established_between` range that does not lie inside one period. Arrangements with
// neither `established` nor `established_between` are in no period; percentages are of
// the arrangements in a period (Establishment::n).
#include <map>

#include "analysis/families.hpp"

namespace samrapport::analysis {

namespace {

enum Period { kRecent = 0, kMiddle = 1, kBefore = 2, kUnspecified = 3 };

Period period_of_year(int year, const Options& options) {
  if (year >= options.recent_from) return kRecent;
  if (year >= options.middle_from) return kMiddle;
  return kBefore;
}

}  // namespace

void compute_periods(const Index& index, Results& results) {
  const Options& options = index.options;
  const int reference_year = index.content.report.reference_date.year;
  results.periods = {
      PeriodRow{"recent", options.recent_from, reference_year, 0, 0},
      PeriodRow{"middle", options.middle_from, options.recent_from - 1, 0, 0},
      PeriodRow{"before", std::nullopt, options.middle_from - 1, 0, 0},
      PeriodRow{"unspecified", std::nullopt, std::nullopt, 0, 0},
  };
  std::map<int, int> years;
  Establishment& est = results.establishment;
  for (auto a : index.order) {
    const auto& arrangement = index.content.arrangements[a];
    Period period;
    if (arrangement.established) {
      ++est.with_year;
      ++years[*arrangement.established];
      period = period_of_year(*arrangement.established, options);
    } else if (arrangement.established_between) {
      ++est.with_range;
      const auto [from, to] = *arrangement.established_between;
      const Period first = period_of_year(from, options);
      period = first == period_of_year(to, options) ? first : kUnspecified;
    } else {
      ++est.unknown;
      continue;
    }
    ++results.periods[period].count;
    results.arrangements[a].period = results.periods[period].id;
    if (period == kRecent) results.new_arrangements.push_back(a);
  }
  est.n = est.with_year + est.with_range;
  for (auto& row : results.periods) row.percent = percent_of(row.count, est.n);
  for (const auto& [year, count] : years) results.years.push_back(YearRow{year, count});
}

}  // namespace samrapport::analysis
