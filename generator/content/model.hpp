// The content model: plain C++ types for every file and field of
// ../shared/spec/content-schema.md (version 1), with references resolved to indexes.
//
// Readers (reader_*.cpp) fill a Content from a content directory; the analysis and the
// template context read it. Indexes (MunicipalityIdx, ...) point into the vectors of
// the one Content they came from. Strings are UTF-8 exactly as written in the YAML.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "common/diagnostics.hpp"

namespace samrapport::content {

using MunicipalityIdx = std::size_t;
using RegionIdx = std::size_t;
using SectorIdx = std::size_t;
using TaskIdx = std::size_t;

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  friend auto operator<=>(const Date&, const Date&) = default;
};
/// "2021-11-01"
std::string to_string(const Date& d);

enum class Language { nb, nn, en };
std::string_view to_string(Language l);
std::optional<Language> language_from(std::string_view s);

enum class LegalForm {
  avtale,
  vertskommune,
  vertskommune_nemnd,
  oppgavefellesskap,
  ipr,
  styre27,
  iks,
  as,
  stiftelse,
  ans,
  sa,
  forening,
  pbl_9_2,
  annet,
};
/// All enum values in schema order, for listing allowed values and for display order.
inline constexpr LegalForm kLegalForms[] = {
    LegalForm::avtale,
    LegalForm::vertskommune,
    LegalForm::vertskommune_nemnd,
    LegalForm::oppgavefellesskap,
    LegalForm::ipr,
    LegalForm::styre27,
    LegalForm::iks,
    LegalForm::as,
    LegalForm::stiftelse,
    LegalForm::ans,
    LegalForm::sa,
    LegalForm::forening,
    LegalForm::pbl_9_2,
    LegalForm::annet,
};
std::string_view to_string(LegalForm f);  // the YAML value, e.g. "vertskommune_nemnd"
std::optional<LegalForm> legal_form_from(std::string_view s);

// ---------------------------------------------------------------- report.yaml

struct ReferenceCounty {
  std::string name;
  std::optional<int> year;
  std::optional<int> municipalities;
  std::optional<int> arrangements;
  std::optional<double> mean_per_municipality;
};

struct Report {
  std::string title;
  std::optional<std::string> subtitle;
  std::optional<std::string> report_id;
  std::optional<std::string> client;
  std::string author;
  std::optional<std::string> place_date;
  Language language = Language::nb;
  Date reference_date;
  std::optional<Date> population_date;
  std::string area_name;
  std::vector<ReferenceCounty> reference_counties;

  // Additive fields (not in schema v1, accepted by samrapport):
  /// Municipalities that get their own arrangement table in chapter 4 (refs resolved).
  /// Empty: the default selection (largest of each region + the one with most arrangements).
  std::vector<MunicipalityIdx> chapter4_municipalities;
};

// ---------------------------------------------------------------- municipalities.yaml

struct Region {
  std::string id;
  std::string name;
  std::optional<std::string> council;
  SourcePos pos;
};

/// Two years written "2023-2027" (election periods, terms of office).
struct YearSpan {
  int from = 0;
  int to = 0;
  friend auto operator<=>(const YearSpan&, const YearSpan&) = default;
};
/// "2023-2027"
std::string to_string(const YearSpan& s);

/// Additive: when and by whom a municipality's eierskapsmelding was adopted.
struct OwnershipReportInfo {
  std::optional<std::string> adopted_by;  // e.g. "kommunestyret"
  std::optional<Date> date;
  std::optional<std::string> case_number;
  std::optional<YearSpan> election_period;  // four years apart, e.g. 2023-2027
};

/// A cell of a schematic tile map: whole numbers from 0, column west to east, row north to south.
struct MapTile {
  int column = 0;
  int row = 0;
  friend bool operator==(const MapTile&, const MapTile&) = default;
};

struct Municipality {
  std::string id;  // kommunenummer, 4 digits; empty when unknown (merged-away municipalities)
  std::string name;
  std::optional<std::int64_t> population;
  std::optional<RegionIdx> region;
  std::string county;
  std::optional<std::string> former_county;
  bool in_scope = false;
  bool edge = false;
  std::optional<double> staff_fte;
  std::optional<double> area_km2;
  // Additive fields (not in schema v1, accepted by samrapport):
  /// The municipality's målform; unset: the report's language.
  std::optional<Language> language;
  /// The municipality's current eierskapsmelding (kommuneloven § 26-1), when registered.
  std::optional<OwnershipReportInfo> eierskapsmelding;
  /// Position of the municipality's square on a schematic tile map (`map_tile: [column, row]`,
  /// column 0 at the west, row 0 at the north); unset: not on the tile map.
  std::optional<MapTile> map_tile;
  SourcePos pos;
};

// ---------------------------------------------------------------- tasks.yaml

struct Sector {
  std::string id;
  std::string name;
  SourcePos pos;
};

struct Task {
  std::string id;
  std::string name;
  SectorIdx sector = 0;
  /// Published reference figures in file order: label (e.g. "Trøndelag 2020") -> percent.
  std::vector<std::pair<std::string, double>> reference;
  SourcePos pos;
};

// ---------------------------------------------------------------- arrangements/*.yaml

struct OwnershipShare {
  /// Set when the owner is a known municipality; otherwise `owner` names one of
  /// the arrangement's other_owners.
  std::optional<MunicipalityIdx> municipality;
  std::string owner;  // the reference as written
  double percent = 0;
};

/// A percentage held by one municipality (liability shares).
struct MunicipalityPercent {
  MunicipalityIdx municipality = 0;
  double percent = 0;
};

/// An amount in NOK (kroner) paid by one municipality.
struct MunicipalityAmount {
  MunicipalityIdx municipality = 0;
  double amount = 0;
};

/// One person representing a municipality in an entity's bodies.
struct Representative {
  std::string name;
  std::optional<std::string> role;  // free text: "representantskap", "styremedlem", ...
  std::optional<YearSpan> term;     // e.g. 2023-2027
};

/// A municipality's representatives in one arrangement, file order.
struct MunicipalityRepresentatives {
  MunicipalityIdx municipality = 0;
  std::vector<Representative> people;
};

/// A municipality's own purpose with its interest in an entity.
struct MunicipalityPurpose {
  MunicipalityIdx municipality = 0;
  std::string purpose;
};

/// The agreement an arrangement rests on (selskapsavtale, samarbeidsavtale, vedtekter).
struct Agreement {
  std::optional<Date> date;
  std::optional<std::string> case_number;
  std::optional<std::string> link;  // an http(s) URL
};

/// Key figures of one year, in NOK (kroner).
struct KeyFigures {
  int year = 0;
  std::optional<double> operating_income;  // driftsinntekter
  std::optional<double> result;            // årsresultat
  std::optional<double> equity;            // egenkapital
  std::optional<double> debt;              // gjeld
  /// What each municipality paid that year (tilskudd / kjøp), file order.
  std::vector<MunicipalityAmount> contribution;
};

struct Arrangement {
  std::string id;
  std::string name;
  std::vector<MunicipalityIdx> participants;  // listed order
  std::optional<int> participant_total;
  std::vector<std::string> other_owners;
  std::optional<MunicipalityIdx> host;
  std::optional<LegalForm> legal_form;
  SectorIdx sector = 0;
  std::vector<TaskIdx> tasks;
  std::optional<int> established;
  std::optional<std::pair<int, int>> established_between;
  std::optional<int> ended;
  std::optional<double> fte;
  std::optional<std::string> description;
  std::vector<OwnershipShare> ownership;  // file order
  std::optional<std::string> notes;
  std::vector<std::string> sources;

  // Additive fields for the eierskapsmelding (not in schema v1, accepted by samrapport):
  /// Enhetsregisteret's organisation number, 9 digits (spaces removed), check digit valid.
  std::optional<std::string> org_number;
  std::optional<std::string> purpose;  // the entity's purpose (formål)
  /// An ipr or oppgavefellesskap registered as its own legal person.
  bool own_legal_person = false;
  std::vector<MunicipalityPercent> liability_share;          // ansvarsdel (IKS, KO), file order
  std::vector<MunicipalityRepresentatives> representatives;  // file order
  std::vector<MunicipalityPurpose> owner_purposes;           // file order
  std::optional<Agreement> agreement;
  std::vector<KeyFigures> key_figures;  // file order; years unique
  SourcePos pos;                        // the list item in its file

  /// participant_total when given, else the number of listed participants.
  [[nodiscard]] int participant_count() const {
    return participant_total ? *participant_total : static_cast<int>(participants.size());
  }
  /// Current = not ended, or ended after the reference year.
  [[nodiscard]] bool current(const Date& reference_date) const {
    return !ended || *ended > reference_date.year;
  }
};

// ---------------------------------------------------------------- surveys/*.yaml

enum class QuestionKind { text, single, multi, likert, number };
std::string_view to_string(QuestionKind k);
std::optional<QuestionKind> question_kind_from(std::string_view s);

struct Theme {
  std::string id;
  std::string label;
};

struct Question {
  std::string id;
  std::string text;
  QuestionKind kind = QuestionKind::text;
  std::vector<std::string> options;  // single / multi / likert, display order
  std::vector<Theme> themes;
  SourcePos pos;
};

struct Answer {
  std::optional<std::string> text;
  std::vector<std::size_t> themes;    // indexes into Question::themes
  std::optional<std::size_t> choice;  // single: index into Question::options
  std::vector<std::size_t> choices;   // multi: indexes into Question::options
  std::optional<double> value;        // likert: 1-based index into options; number: the value
  SourcePos pos;
};

struct Response {
  std::string respondent;
  std::optional<std::string> role;
  std::vector<MunicipalityIdx> covers;
  bool joint = false;
  /// Additive: the report's own summary of several municipalities' answers, not a response
  /// by them. Exempt from the covered-twice rule and not counted as a response.
  bool summary = false;
  /// Additive: the region an answer belongs to, for answers that name no municipality
  /// ("a municipality in the Drammen region, not named"). Covered municipalities give
  /// their own regions; this one is added to them.
  std::optional<RegionIdx> region;
  /// (question index, answer) in file order.
  std::vector<std::pair<std::size_t, Answer>> answers;
  SourcePos pos;
};

struct Survey {
  std::string id;
  std::string title;
  std::optional<Date> sent;
  std::optional<Date> deadline;
  /// Explicit population; empty = all in-scope municipalities.
  std::vector<MunicipalityIdx> population;
  std::vector<Question> questions;
  std::vector<Response> responses;
  std::string file;
};

// ---------------------------------------------------------------- datasets/*.yaml

enum class ColumnKind { text, refs, number, ratio };
std::string_view to_string(ColumnKind k);
std::optional<ColumnKind> column_kind_from(std::string_view s);

struct DatasetColumn {
  std::string id;
  std::string label;
  ColumnKind kind = ColumnKind::text;
  int decimals = 0;
  bool total_sum = false;  // `total: sum`
  /// ratio: [numerator column index, denominator column index]
  std::optional<std::pair<std::size_t, std::size_t>> ratio_of;
};

/// A cell: missing, text, municipality refs, or a number. Ratio cells are computed by
/// the analysis and are missing here.
using DatasetCell = std::variant<std::monostate, std::string, std::vector<MunicipalityIdx>, double>;

struct Dataset {
  std::string id;
  std::string title;
  std::optional<std::string> source;
  std::vector<DatasetColumn> columns;
  std::vector<std::vector<DatasetCell>> rows;  // one cell per column
  std::string file;
};

// ---------------------------------------------------------------- text/*.md

struct TextFile {
  std::string name;  // file stem, e.g. "forord"
  std::string path;  // as shown in diagnostics
  std::string markdown;
};

// ---------------------------------------------------------------- councils/*.yaml
// Additive: a region's council (interkommunalt politisk råd, regionråd), one file per
// region, named by the region id (councils/<region-id>.yaml), for the annual report.

/// A count given exactly ("2") or as a usual range ("15-20").
struct CountRange {
  int min = 0;
  int max = 0;
};

/// One member of a body in the report's year.
struct CouncilPerson {
  std::string name;
  std::optional<MunicipalityIdx> municipality;
  std::optional<std::string> role;  // free text: "leiar", "ordførar", ...
};

enum class BodyKind { representantskap, council, committee, secretariat, other };
std::string_view to_string(BodyKind k);
std::optional<BodyKind> body_kind_from(std::string_view s);

struct CouncilBody {
  std::string id;  // slug, referred to by meetings
  std::string name;
  std::optional<BodyKind> kind;
  std::optional<std::string> composition;  // who sits in it, as the agreement says
  std::vector<std::string> duties;         // what it does, file order
  std::optional<CountRange> meetings_per_year;
  std::optional<CountRange> cases_per_year;
  std::vector<CouncilPerson> members;  // the year's members, file order
  std::optional<std::string> notes;
  SourcePos pos;
};

struct CouncilMeeting {
  std::size_t body = 0;  // index into Council::bodies
  Date date;
  std::optional<int> cases;
  std::vector<std::string> decisions;  // notable decisions, file order
  SourcePos pos;
};

struct CouncilStatement {
  std::optional<Date> date;
  std::string title;
  std::optional<std::size_t> body;  // who gave it
  std::optional<std::string> to;    // the recipient
  SourcePos pos;
};

/// The status of a plan area, measure or project.
enum class WorkStatus { planned, ongoing, completed, postponed, cancelled };
std::string_view to_string(WorkStatus s);
std::optional<WorkStatus> work_status_from(std::string_view s);

struct PlanMeasure {
  std::string name;
  std::optional<WorkStatus> status;
};

struct PlanArea {
  std::string name;
  std::vector<std::string> goals;
  std::vector<PlanMeasure> measures;
  std::optional<WorkStatus> status;
};

struct StrategicPlan {
  std::optional<std::string> name;
  std::optional<YearSpan> period;
  /// How many areas the plan has when not all are listed.
  std::optional<int> areas_total;
  std::vector<PlanArea> areas;
};

struct Funding {
  std::string source;
  std::optional<double> amount;  // NOK; unset: the source is known, the amount is not
  bool annual = false;           // the amount is given every year
};

struct CouncilProject {
  std::string name;
  std::optional<YearSpan> period;
  std::optional<int> duration_years;  // when only the length is known
  std::optional<double> budget;       // NOK
  std::vector<Funding> funding;       // file order
  std::optional<WorkStatus> status;
  std::vector<std::string> aims;  // what it works for, file order
  SourcePos pos;
};

/// Whether an account line is income or expense (unset: the file does not say).
enum class AccountKind { income, expense };

struct AccountLine {
  std::string name;
  std::optional<AccountKind> kind;
  std::optional<double> budget;  // NOK
  std::optional<double> actual;  // NOK
};

struct CouncilAccounts {
  int year = 0;
  std::vector<AccountLine> lines;
};

struct HistoryEntry {
  int year = 0;
  std::string event;
};

struct Council {
  RegionIdx region = 0;
  std::string name;
  std::optional<LegalForm> legal_form;
  std::optional<int> established;
  std::vector<MunicipalityIdx> members;  // given, or the region's municipalities
  bool members_given = false;
  std::optional<std::string> purpose;
  std::optional<Language> language;  // unset: the members' målform
  std::optional<int> year;           // the report year; unset: the reference year
  std::optional<double> area_km2;    // the area as the council states it
  std::vector<HistoryEntry> history;
  std::vector<CouncilBody> bodies;
  std::vector<CouncilMeeting> meetings;  // date order
  std::vector<CouncilStatement> statements;
  std::optional<StrategicPlan> strategic_plan;
  std::vector<CouncilProject> projects;
  std::optional<CouncilAccounts> accounts;
  std::string file;
  SourcePos pos;
};

// ---------------------------------------------------------------- the whole

struct Content {
  std::string root;  // the content directory as given (for messages)
  Report report;
  std::vector<Region> regions;
  std::vector<Municipality> municipalities;
  std::vector<Sector> sectors;
  std::vector<Task> tasks;
  std::vector<Arrangement> arrangements;  // file-name order, then list order
  std::vector<Survey> surveys;            // file-name order
  std::vector<Dataset> datasets;          // file-name order
  std::vector<TextFile> texts;            // file-name order
  std::vector<Council> councils;          // file-name order (additive)

  // Lookups (filled by the reader). A municipality reference is its name or id.
  std::unordered_map<std::string, MunicipalityIdx> municipality_by_ref;
  std::unordered_map<std::string, RegionIdx> region_by_id;
  std::unordered_map<std::string, SectorIdx> sector_by_id;
  std::unordered_map<std::string, TaskIdx> task_by_id;

  [[nodiscard]] const Municipality* find_municipality(std::string_view ref) const;
};

}  // namespace samrapport::content
