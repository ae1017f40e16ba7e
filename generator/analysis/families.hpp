// The table families of the analysis, one .cpp each. Called by analyse() in the order
// below: `arrangements` first (it fills Results::arrangements, which later families
// annotate), `findings` last (it reads the others), the rest in any order. Internal to
// the analysis library.
#pragma once

#include "analysis/index.hpp"
#include "analysis/results.hpp"

namespace samrapport::analysis {

void compute_arrangements(const Index& index, Results& results);       // arrangements.cpp
void compute_totals(const Index& index, Results& results);             // totals.cpp
void compute_classes(const Index& index, Results& results);            // classes.cpp
void compute_levels(const Index& index, Results& results);             // levels.cpp
void compute_periods(const Index& index, Results& results);            // periods.cpp
void compute_fte(const Index& index, Results& results);                // fte.cpp
void compute_cross_county(const Index& index, Results& results);       // cross_county.cpp
void compute_tasks(const Index& index, Results& results);              // tasks.cpp
void compute_hosts(const Index& index, Results& results);              // hosts.cpp
void compute_legal_forms(const Index& index, Results& results);        // legal_forms.cpp
void compute_sectors(const Index& index, Results& results);            // sectors.cpp
void compute_service_structure(const Index& index, Results& results);  // service_structure.cpp
void compute_lists(const Index& index, Results& results);              // lists.cpp
void compute_datasets(const Index& index, Results& results);           // datasets.cpp
void compute_ownership(const Index& index, Results& results);          // ownership.cpp
void compute_councils(const Index& index, Results& results);           // councils.cpp
void compute_findings(const Index& index, Results& results);           // findings.cpp
void compute_chapter_findings(const Index& index, Results& results);  // chapter_findings.cpp (last)

}  // namespace samrapport::analysis
