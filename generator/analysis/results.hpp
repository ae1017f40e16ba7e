// The result model of the analysis: every table and figure of the report, computed once
// from the content (analyse.hpp) and exported as JSON (to_json.hpp).
//
// Plain structs. Counts are exact; percentages, means and shares are kept unrounded
// (rounding happens only when a template prints them). Every list has a defined order,
// stated beside it. Arrangements are referred to by their index into
// Results::arrangements (= the index into content::Content::arrangements); municipalities,
// regions, sectors and tasks by name or id strings, so that a Results needs nothing else.
// docs/analysis.md documents every field as it appears in the JSON.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace samrapport::analysis {

/// Index into Results::arrangements.
using ArrangementRef = std::size_t;
/// A list of arrangements in report order (see Results::arrangements).
using ArrangementList = std::vector<ArrangementRef>;

// ---------------------------------------------------------------- arrangements

struct CrossCountyInfo {
  /// Group label ("Vestfold og Telemark", "Akershus", ...) or empty when the arrangement
  /// reaches several county areas with none dominant.
  std::string county;
  /// The county areas of the participants outside the home area, by number of
  /// participants (descending), then collation.
  std::vector<std::string> areas;
  /// The former counties of those participants (collation order).
  std::vector<std::string> former_counties;
};

/// One arrangement as the report shows it (current and ended ones alike).
struct ArrangementInfo {
  std::string id;
  std::string name;
  std::vector<std::string> participants;  // listed order
  /// The same in collation order; filled (by ownership.cpp) for current arrangements with
  /// an in-scope participant. Not exported (the overview rows print it).
  std::vector<std::string> participants_by_name;
  int participant_count = 0;      // participant_total when set, else listed
  int in_scope_participants = 0;  // listed participants with in_scope
  std::vector<std::string> other_owners;
  std::optional<std::string> host;
  bool host_in_scope = false;
  std::optional<std::string> legal_form;  // YAML value
  std::string sector;                     // sector id
  std::string sector_name;
  std::vector<std::string> tasks;       // task ids, listed order
  std::vector<std::string> task_names;  // their names, listed order
  std::optional<int> established;
  std::optional<std::pair<int, int>> established_between;
  std::optional<int> ended;
  std::optional<double> fte;
  bool current = true;
  std::optional<std::string> level;             // "2-3" | "4-8" | "9+" (current only)
  std::optional<std::string> period;            // period id (current only, when any year is known)
  std::optional<CrossCountyInfo> cross_county;  // set when current and crossing a border
};

// ---------------------------------------------------------------- totals and municipalities

struct Extreme {
  std::string name;  // first of `names`
  int count = 0;
  std::vector<std::string> names;  // every in-scope municipality with this count, collation order
};

struct Totals {
  int arrangements = 0;  // current arrangements
  int ended = 0;         // arrangements not current
  int municipalities_in_scope = 0;
  std::int64_t participations = 0;  // sum over in-scope municipalities of their arrangements
  double mean_per_municipality = 0;
  std::optional<Extreme> min;
  std::optional<Extreme> max;
  std::optional<double> median_per_municipality;
};

struct MunicipalityRow {
  std::string id;
  std::string name;
  std::optional<std::string> region;  // region id
  std::optional<std::int64_t> population;
  int arrangements = 0;  // current arrangements it takes part in
  int hosted = 0;        // current arrangements it hosts
  int assisted = 0;      // current arrangements it takes part in, hosted by another
  bool edge = false;
  std::optional<std::string> size_class;  // size class id, when population is known
  std::optional<double> staff_fte;
};

struct RegionRow {
  std::string id;
  std::string name;
  std::optional<std::string> council;
  std::vector<std::string> municipalities;  // in-scope members, content order
  std::int64_t population = 0;              // sum of known populations
  int arrangements = 0;                     // current arrangements with a participant in the region
  double mean_per_municipality = 0;         // mean of the members' arrangement counts (0 if none)
};

/// A class of municipalities (size class, edge/core) with the mean of their counts.
struct MunicipalityClass {
  std::string id;
  std::optional<std::int64_t> min_population;  // inclusive (size classes only)
  std::optional<std::int64_t> max_population;  // inclusive (size classes only)
  int municipalities = 0;
  std::int64_t arrangements = 0;            // sum of the members' counts
  std::optional<double> mean_arrangements;  // unset when the class is empty
  std::vector<std::string> members;         // by population (descending), then collation
};

// ---------------------------------------------------------------- structure

struct LevelRow {
  std::string id;  // "2-3", "4-8", "9+"
  int min = 0;
  std::optional<int> max;
  int count = 0;
  double percent = 0;  // of all current arrangements
};

struct PeriodRow {
  std::string id;  // "recent", "middle", "before", "unspecified"
  std::optional<int> from;
  std::optional<int> to;
  int count = 0;
  double percent = 0;  // of Establishment::n
};

struct YearRow {
  int year = 0;
  int count = 0;
};

struct Establishment {
  int n = 0;           // current arrangements with `established` or `established_between`
  int with_year = 0;   // with `established`
  int with_range = 0;  // with `established_between`
  int unknown = 0;     // with neither
};

// ---------------------------------------------------------------- man-years

struct FteRegion {
  std::string region;  // region id
  std::string name;
  ArrangementList arrangements;         // current, with fte, a participant in the region
  double fte = 0;                       // sum of their fte
  std::optional<double> staff_fte;      // sum over the region's municipalities, all known
  std::optional<double> share_percent;  // fte / staff_fte * 100
};

struct Fte {
  int arrangements = 0;  // current arrangements with fte
  double total = 0;
  std::vector<FteRegion> regions;  // region order
};

// ---------------------------------------------------------------- cross-county

struct NamesCount {
  std::vector<std::string> names;
  int count = 0;
};

struct NameCount {
  std::string name;
  int count = 0;
};

struct CrossCountyGroup {
  std::string county;  // group label; empty for the "other" group
  bool other = false;  // small groups and arrangements with no dominant area
  int count = 0;
  ArrangementList arrangements;
  /// Arrangements of the group that involve each area (an arrangement may count in
  /// several); count descending, then collation.
  std::vector<NameCount> areas;
  /// Arrangements per exact combination of foreign former counties; count descending.
  std::vector<NamesCount> former_counties;
};

struct CrossCounty {
  std::string home_county;         // county of the core municipalities
  std::string home_former_county;  // former county of the core municipalities
  int total = 0;
  double percent = 0;                       // of current arrangements
  std::vector<CrossCountyGroup> by_county;  // count descending, then collation; other last
  /// Arrangements involving each foreign former county (count desc, then collation).
  std::vector<NameCount> by_former_county;
};

// ---------------------------------------------------------------- tasks, hosts, forms

struct ReferenceFigure {
  std::string label;
  double percent = 0;
};

struct TaskRow {
  std::string id;
  std::string name;
  std::string sector;      // sector id
  int municipalities = 0;  // in-scope municipalities in a current arrangement covering it
  double percent = 0;      // of in-scope municipalities
  std::string group;       // "frequent" | "common" | "rare"
  std::vector<ReferenceFigure> reference;
  int arrangements = 0;              // current arrangements covering it
  std::vector<std::string> members;  // the participating in-scope municipalities, content order
};

struct HostRow {
  std::string name;
  std::optional<std::int64_t> population;
  int hosted = 0;
  int assisted = 0;
  int total = 0;  // arrangements it takes part in
};

struct Hosts {
  int with_host = 0;  // current arrangements with a host
  int without_host = 0;
  int inside = 0;                              // ... hosted by an in-scope municipality
  int outside = 0;                             // ... hosted by a municipality outside the area
  int municipalities_hosting = 0;              // in-scope municipalities hosting at least one
  std::vector<std::string> without_host_role;  // in-scope, hosting none; collation order
  std::vector<HostRow> rows;                   // in-scope; hosted desc, then collation
  struct Concentration {
    double share = 0.8;      // the target share (Options)
    int municipalities = 0;  // fewest top hosts holding >= share of `inside`
    std::vector<std::string> names;
    int hosted = 0;      // what they hold together
    double percent = 0;  // hosted / inside * 100
  } concentration;
  std::vector<NameCount> outside_hosts;  // count desc, then collation
};

struct CountPercent {
  std::string id;
  int count = 0;
  double percent = 0;
};

struct LegalFormGroup {
  std::string id;
  std::vector<std::string> forms;
  int count = 0;
  double percent = 0;
};

struct SectorRow {
  std::string id;
  std::string name;
  int count = 0;
  double percent = 0;  // of current arrangements
};

struct ServiceRow {
  std::string task;  // task id
  std::string name;
  int services = 0;        // municipal + intermunicipal
  int municipal = 0;       // in-scope municipalities in no arrangement covering the task
  int intermunicipal = 0;  // current arrangements covering it with an in-scope participant
  ArrangementList arrangements;
};

// ---------------------------------------------------------------- lists

struct MunicipalityList {
  std::string name;
  std::string id;
  bool in_scope = false;
  ArrangementList arrangements;
};

struct KeyedList {
  std::string id;
  ArrangementList arrangements;
};

// ---------------------------------------------------------------- datasets

/// null, text, municipality names or a number.
using DatasetValue = std::variant<std::monostate, std::string, std::vector<std::string>, double>;

struct DatasetColumnInfo {
  std::string id;
  std::string label;
  std::string kind;  // "text" | "refs" | "number" | "ratio"
  int decimals = 0;
  bool total = false;                                           // summed in the total row
  std::optional<std::pair<std::string, std::string>> ratio_of;  // numerator, denominator ids
};

struct DatasetResult {
  std::string id;
  std::string title;
  std::optional<std::string> source;
  std::vector<DatasetColumnInfo> columns;
  std::vector<std::vector<DatasetValue>> rows;  // ratio cells computed
  /// The sum row: sums of `total` columns, ratios of the column sums; unset when no
  /// column is summed and no ratio can be formed.
  std::optional<std::vector<DatasetValue>> total;
};

// ---------------------------------------------------------------- eierskapsmelding

/// A municipality's eierskapsmelding metadata (content: municipalities.yaml).
struct OwnershipReportMeta {
  std::optional<std::string> adopted_by;
  std::optional<std::string> date;  // "2024-03-14"
  std::optional<std::string> case_number;
  std::optional<std::string> election_period;  // "2023-2027"
};

/// Another owner of an entity, beside the municipality the list belongs to.
struct CoOwner {
  std::string name;
  bool municipal = false;
  std::optional<double> share;            // ownership percent, when given
  std::optional<double> liability_share;  // percent, when given (municipal owners only)
};

struct RepresentativeRow {
  std::string name;
  std::optional<std::string> role;
  std::optional<std::string> term;  // "2023-2027"
};

struct AgreementInfo {
  std::optional<std::string> date;  // "2019-06-20"
  std::optional<std::string> case_number;
  std::optional<std::string> link;
};

/// Key figures of one year in NOK, with the municipality's own contribution.
struct KeyFigureRow {
  int year = 0;
  std::optional<double> operating_income;
  std::optional<double> result;
  std::optional<double> equity;
  std::optional<double> debt;
  std::optional<double> contribution;  // this municipality's, when given
};

/// An entity with a legal personality or ownership, as one owner municipality sees it.
struct OwnedEntity {
  ArrangementRef arrangement = 0;
  std::string id;
  std::string name;
  std::optional<std::string> org_number;
  std::string legal_form;  // YAML value
  bool own_legal_person = false;
  std::optional<double> share;            // this municipality's ownership percent
  std::optional<double> liability_share;  // this municipality's liability percent
  /// Municipal co-owners (participants and municipal owners, collation order), then
  /// other_owners (file order).
  std::vector<CoOwner> co_owners;
  int participant_count = 0;  // participant_total when set, else listed
  std::optional<std::string> host;
  std::string sector;  // sector id
  std::string sector_name;
  std::optional<int> established;
  std::optional<std::pair<int, int>> established_between;
  std::optional<std::string> purpose;
  std::optional<std::string> owner_purpose;  // this municipality's
  std::optional<std::string> description;
  std::vector<RepresentativeRow> representatives;  // this municipality's, file order
  std::optional<double> fte;
  std::optional<AgreementInfo> agreement;
  std::vector<KeyFigureRow> key_figures;  // year ascending
};

struct LegalFormCount {
  std::string legal_form;
  int count = 0;
};

/// A municipality's contributions of one year, summed over its entities.
struct ContributionSum {
  int year = 0;
  double value = 0;
  int entities = 0;  // entities with this municipality's contribution that year
};

/// One row of the § 17-4 overview: a current arrangement the municipality takes part in.
/// Its name, host, sector, tasks, years and man-years are those of
/// Results::arrangements[arrangement] (the JSON writes them into the row).
struct OverviewRow {
  ArrangementRef arrangement = 0;
  /// The municipality's position in ArrangementInfo::participants_by_name: the other
  /// participants are that list without it.
  std::size_t self = 0;
  bool entity = false;  // also listed among the municipality's entities
};

struct OverviewGroup {
  std::string legal_form;  // YAML value, or "unknown"
  int count = 0;
  std::vector<OverviewRow> arrangements;  // collation of the name, then id
};

/// Counts of entities without a registered value.
struct OwnershipGaps {
  int org_number = 0;
  int share = 0;
  int purpose = 0;
  int owner_purpose = 0;
  int representatives = 0;
  int key_figures = 0;
};

/// Everything one municipality's eierskapsmelding prints.
struct MunicipalityOwnership {
  std::string id;
  std::string name;
  std::string language;  // "nb" | "nn" | "en": the municipality's, else the report's
  std::optional<OwnershipReportMeta> eierskapsmelding;
  std::vector<OwnedEntity> entities;  // legal form (schema order), then collation of the name
  std::vector<LegalFormCount> entity_counts;  // schema order, non-zero only
  int entities_total = 0;
  std::optional<ContributionSum> contributions;        // the latest year with any
  std::vector<ContributionSum> contributions_by_year;  // year ascending
  OwnershipGaps missing;
  std::vector<OverviewGroup> arrangements_by_legal_form;  // schema order, unknown last
  int arrangements_total = 0;
  std::string register_date;  // report.reference_date
};

// ---------------------------------------------------------------- findings

/// The choices the report's text makes from the tables above ("the region with the
/// highest mean", "new per sector"), computed once here so that every product and
/// chapter prints the same (findings.cpp). Templates choose the words.

/// New arrangements (Results::new_arrangements) of one sector.
struct SectorCount {
  std::string sector;  // sector id
  std::string name;
  int count = 0;
};

/// New arrangements in a set of sectors (Options::health_social_sectors).
struct SectorSetCount {
  std::vector<std::string> sectors;  // sector ids
  int count = 0;
  double percent = 0;  // of Results::new_arrangements
};

/// A region in a ranking by its mean (RegionRow::mean_per_municipality).
struct RegionMean {
  std::string region;  // region id
  std::string name;
  int municipalities = 0;  // in-scope members
  double mean_per_municipality = 0;
};

/// A reference county with a mean (content: report.reference_counties), file order.
struct ReferenceMean {
  std::string name;
  std::optional<int> year;
  double mean_per_municipality = 0;
};

struct ReferenceMeans {
  std::vector<ReferenceMean> counties;
  std::optional<double> mean;          // of their means (unset without any)
  std::optional<std::string> nearest;  // the first with the mean nearest the area's own
};

/// A reference label of the task table (TaskRow::reference) against the area's figures.
struct TaskReference {
  std::string label;
  /// The municipalities of the reference county whose "name year" is the label.
  std::optional<int> municipalities;
  int higher = 0;  // tasks where the area's percent is above the reference's
  int lower = 0;   // ... below it
};

struct TaskGroupNames {
  std::string group;               // "frequent" | "common" | "rare"
  std::vector<std::string> names;  // Results::tasks order
};

/// A set of legal forms (YAML values) and their current arrangements.
struct LegalFormSetCount {
  std::vector<std::string> forms;
  int count = 0;
};

/// A region's in-scope members with most and fewest arrangements (all tied, content order).
struct RegionExtremes {
  std::string region;  // region id
  NamesCount most;
  NamesCount fewest;
};

struct Findings {
  /// Every sector with its new arrangements: count descending, then sector order.
  std::vector<SectorCount> new_by_sector;
  SectorSetCount new_health_social;
  /// New arrangements as a percent of all current arrangements (0 without any).
  double new_percent_of_current = 0;
  /// The region whose municipalities take part in most arrangements on average
  /// (RegionRow::mean_per_municipality), among the regions with man-years (a non-empty
  /// FteRegion::arrangements); ties: the first in region order. An index into Fte::regions
  /// (= into Results::regions); unset when no region has man-years.
  std::optional<std::size_t> fte_region;
  /// The regions with in-scope municipalities, mean descending; ties in region order
  /// (the first is the highest, the last the lowest).
  std::vector<RegionMean> regions_by_mean;

  // chapter_findings.cpp
  ReferenceMeans reference_means;
  /// Every reference label of the task table, in the order tasks first give it.
  std::vector<TaskReference> task_references;
  std::vector<TaskGroupNames> tasks_by_group;          // frequent, common, rare
  std::vector<std::string> tasks_without_cooperation;  // municipalities == 0, tasks order
  /// Among tasks with cooperation: the fewest municipalities, and every task with that
  /// count (tasks order). Unset when no task has cooperation.
  std::optional<NamesCount> task_lowest;
  std::optional<double> task_percent_min;  // over every task; unset without tasks
  std::optional<double> task_percent_max;
  /// The forms that kommuneloven 2018 introduced (oppgavefellesskap, ipr).
  LegalFormSetCount new_legal_forms;
  int legal_forms_decimals = 0;  // of the legal-form chart: 1 if a shown share < 0.5
  /// Indices into Results::sectors of the sectors with arrangements: count descending,
  /// then sector order.
  std::vector<std::size_t> sectors_by_count;
  int sectors_decimals = 0;  // of the sector chart: 1 if a shown share < 0.5
  int services_mixed = 0;    // tasks with municipal and intermunicipal services
  /// Indices into Results::service_structure: up to eight tasks, each with a different
  /// number of services, spread from the most to the fewest.
  std::vector<std::size_t> service_examples;
  /// Indices into Results::municipalities: arrangements descending, then collation.
  std::vector<std::size_t> municipalities_by_arrangements;
  /// ... with a known population: population descending, then content order.
  std::vector<std::size_t> municipalities_by_population;
  bool has_edge = false;                        // any in-scope edge municipality
  std::vector<RegionExtremes> region_extremes;  // region order
  /// The years of `established` for a chart: every year from the first to the last
  /// (zeros between) when `years_filled`, i.e. the span is at most 80 years and at least
  /// 20 arrangements have a year; else Results::years.
  std::vector<YearRow> year_series;
  bool years_filled = false;
  /// Index into Hosts::rows of the most populous host row (first of ties); unset when no
  /// row has a population.
  std::optional<std::size_t> largest_host;
};

// ---------------------------------------------------------------- the whole

struct Results {
  std::string reference_date;  // "2021-11-01"
  int reference_year = 0;
  std::string area_name;

  Totals totals;
  std::vector<MunicipalityRow> municipalities;  // in-scope, content order
  std::vector<RegionRow> regions;               // region order
  std::vector<MunicipalityClass> size_classes;  // large, medium, small
  std::vector<MunicipalityClass> edge_core;     // core, edge
  std::vector<LevelRow> levels;
  Establishment establishment;
  std::vector<PeriodRow> periods;
  std::vector<YearRow> years;        // years with at least one `established`, ascending
  ArrangementList new_arrangements;  // current, in the recent period
  Fte fte;
  CrossCounty cross_county;
  std::vector<TaskRow> tasks;  // municipalities desc, then catalogue order
  double frequent_from = 70;   // Options::frequent_from (TaskRow::group bounds)
  double common_from = 30;     // Options::common_from
  Hosts hosts;
  std::vector<CountPercent> legal_forms;  // schema order, then "unknown"
  std::vector<LegalFormGroup> legal_form_groups;
  std::vector<SectorRow> sectors;             // tasks.yaml order
  std::vector<ServiceRow> service_structure;  // catalogue order
  Findings findings;

  /// Every arrangement, content order (current and ended).
  std::vector<ArrangementInfo> arrangements;
  /// Report order: participant_count ascending, then Norwegian collation of the name,
  /// then id. Every list below is in this order.
  ArrangementList current;
  ArrangementList ended;                          // ended year descending, then report order
  std::vector<MunicipalityList> by_municipality;  // every municipality, content order
  std::vector<KeyedList> by_region;               // region order
  std::vector<KeyedList> by_sector;               // sector order
  std::vector<KeyedList> by_task;                 // catalogue order
  /// The municipalities with their own arrangement table in chapter 4: the report's
  /// `chapter4_municipalities` when set, else the most populous in-scope municipality of
  /// each region (region order) and then the one with the most arrangements.
  std::vector<std::string> chapter4_municipalities;

  std::vector<DatasetResult> datasets;  // content order

  /// The eierskapsmelding of every in-scope municipality, content order.
  std::vector<MunicipalityOwnership> ownership;

  /// The survey analysis (analysis/surveys.hpp), stored as its JSON.
  nlohmann::ordered_json surveys = nlohmann::ordered_json::object();
  /// The annual report of each council (councils.cpp), stored as its JSON: a list in the
  /// content's council file order.
  nlohmann::ordered_json councils = nlohmann::ordered_json::array();
};

}  // namespace samrapport::analysis
