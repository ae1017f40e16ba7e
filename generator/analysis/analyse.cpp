#include "analysis/analyse.hpp"

#include <algorithm>
#include <future>
#include <thread>

#include "analysis/families.hpp"
#include "analysis/index.hpp"
#include "analysis/surveys.hpp"

namespace samrapport::analysis {

unsigned thread_count(const Options& options) {
  if (options.threads > 0) return options.threads;
  return std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
}

Results analyse(const content::Content& content, const Options& options) {
  // The survey analysis reads only the content: it runs beside the table families.
  std::future<nlohmann::ordered_json> surveys;
  if (thread_count(options) > 1 && !content.surveys.empty()) {
    surveys = std::async(std::launch::async, [&content] { return analyse_surveys(content); });
  }
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
  compute_ownership(index, results);
  compute_councils(index, results);
  compute_findings(index, results);
  compute_chapter_findings(index, results);
  results.surveys = surveys.valid() ? surveys.get() : analyse_surveys(content);
  return results;
}

}  // namespace samrapport::analysis
