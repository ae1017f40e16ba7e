#include "analysis/analyse.hpp"

#include "analysis/families.hpp"
#include "analysis/index.hpp"
#include "analysis/surveys.hpp"

namespace samrapport::analysis {

Results analyse(const content::Content& content, const Options& options) {
  const Index index = build_index(content, options);
  Results results;
  results.reference_date = to_string(content.report.reference_date);
  results.reference_year = content.report.reference_date.year;
  results.area_name = content.report.area_name;

  compute_arrangements(index, results);
  compute_totals(index, results);
  compute_classes(index, results);
  compute_levels(index, results);
  compute_periods(index, results);
  compute_fte(index, results);
  compute_cross_county(index, results);
  compute_tasks(index, results);
  compute_hosts(index, results);
  compute_legal_forms(index, results);
  compute_sectors(index, results);
  compute_service_structure(index, results);
  compute_lists(index, results);
  compute_datasets(index, results);
  results.surveys = analyse_surveys(content);
  return results;
}

}  // namespace samrapport::analysis
