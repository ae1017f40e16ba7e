// State shared by the readers of one content directory while it is loaded: the content
// being filled, the diagnostics, the parsed YAML documents (kept alive so that later
// rules can point at field positions), reference resolution with suggestions, and the
// field positions that validate.cpp reports at. Internal to samrapport_content.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/diagnostics.hpp"
#include "common/source_tree.hpp"
#include "content/model.hpp"
#include "content/yaml_tree.hpp"

namespace samrapport::content {

/// At most this many diagnostics are shown per file; one more says that the rest are not.
inline constexpr std::size_t kMaxDiagnosticsPerFile = 1000;

/// Where the fields of one arrangement were written (absent NodeRef = not given).
struct ArrangementSource {
  yaml::NodeRef item;
  yaml::NodeRef participants;
  yaml::NodeRef participant_total;
  yaml::NodeRef host;
  yaml::NodeRef established;
  yaml::NodeRef established_between;
  yaml::NodeRef ended;
  yaml::NodeRef fte;
  yaml::NodeRef ownership;
  std::vector<yaml::NodeRef> ownership_values;  // parallel to Arrangement::ownership
  yaml::NodeRef org_number;
  /// A participant reference was not understood (already an error): the checks "X is not
  /// among the participants" are skipped, since X may be the misspelt one.
  bool participants_unresolved = false;
};

/// Where a survey response's covered municipalities were written.
struct ResponseSource {
  yaml::NodeRef item;
  std::vector<yaml::NodeRef> covers;  // parallel to Response::covers
};

struct SurveySource {
  yaml::NodeRef root;
  yaml::NodeRef population;
  std::vector<yaml::NodeRef> population_items;  // parallel to Survey::population
  std::vector<ResponseSource> responses;        // parallel to Survey::responses
  bool population_unresolved = false;           // as ArrangementSource::participants_unresolved
};

/// A set of indexes for duplicate checks: a linear scan while small, hashed when large.
class IndexSet {
 public:
  /// Whether `v` was new.
  bool insert(std::size_t v) {
    if (!big_.empty()) return big_.insert(v).second;
    for (const std::size_t x : small_) {
      if (x == v) return false;
    }
    small_.push_back(v);
    if (small_.size() > 32) big_.insert(small_.begin(), small_.end());
    return true;
  }

 private:
  std::vector<std::size_t> small_;
  std::unordered_set<std::size_t> big_;
};

class ReadContext {
 public:
  ReadContext(const SourceTree& tree, Content& content, Diagnostics& diags)
      : tree(tree), content(content), diags_(diags) {}

  const SourceTree& tree;
  Content& content;

  // ------------------------------------------------------------ diagnostics
  void error(const SourcePos& pos, std::string message);
  void warning(const SourcePos& pos, std::string message);
  void error(yaml::NodeRef at, std::string message) { error(at.pos(), std::move(message)); }
  void warning(yaml::NodeRef at, std::string message) { warning(at.pos(), std::move(message)); }
  /// Whether a problem at `at` would still be shown (the file's limit is not reached);
  /// lets costly suggestions be skipped for input with very many problems.
  [[nodiscard]] bool can_report(yaml::NodeRef at) const;
  /// When the file's limit is reached: counts one more (hidden) error and returns true.
  /// For skipping the costly part of a message (suggestions) that would not be shown.
  bool error_over_limit(yaml::NodeRef at);
  /// Adds, for each file with problems beyond the limit, one diagnostic that counts them
  /// (an error when any of them is an error). Called once at the end of a load.
  void report_suppressed();
  /// "content/arrangements/helse.yaml:12:5", for pointing at an earlier definition.
  static std::string where(const SourcePos& pos);

  // ------------------------------------------------------------ documents
  /// Keeps a parsed document alive for the whole load.
  const yaml::Document& keep(yaml::Document doc);

  // ------------------------------------------------------------ references
  /// Whether the file that defines each kind of name was read; when it was not,
  /// references to it are not reported (the file's own error explains it).
  bool municipalities_read = false;
  bool regions_read = false;
  bool tasks_read = false;

  /// A municipality by name or id; reports an unknown one (with the closest name).
  std::optional<MunicipalityIdx> municipality(yaml::NodeRef ref);
  /// The same, for a reference already known to be a scalar; no report when unknown.
  std::optional<MunicipalityIdx> find_municipality(std::string_view ref) const;
  /// The municipalities of a list of references, in order. An unknown one is reported by
  /// municipality(); one listed twice as "'X' is listed twice WHERE" and left out.
  /// `nodes`, when given, receives the node of each municipality kept; `unresolved`, when
  /// given, is set when a reference was not understood (so that checks which compare
  /// against the list can stay silent instead of adding knock-on messages).
  std::vector<MunicipalityIdx> municipality_list(yaml::NodeRef list, std::string_view where,
                                                 std::vector<yaml::NodeRef>* nodes = nullptr,
                                                 bool* unresolved = nullptr);
  std::optional<RegionIdx> region(yaml::NodeRef ref);
  std::optional<SectorIdx> sector(yaml::NodeRef ref);
  std::optional<TaskIdx> task(yaml::NodeRef ref);

  /// The closest municipality name (or id, for numeric references).
  std::optional<std::string> closest_municipality(std::string_view ref);

  // ------------------------------------------------------------ positions for validate
  std::vector<ArrangementSource> arrangement_sources;  // parallel to content.arrangements
  std::vector<SurveySource> survey_sources;            // parallel to content.surveys
  std::vector<yaml::NodeRef> dataset_roots;            // parallel to content.datasets
  yaml::NodeRef reference_date_node;

 private:
  Diagnostics& diags_;
  std::vector<std::unique_ptr<yaml::Document>> documents_;
  struct FileCount {
    std::size_t shown = 0;
    std::size_t hidden_errors = 0;
    std::size_t hidden_warnings = 0;
  };
  std::unordered_map<std::string, FileCount> per_file_;
  std::unordered_map<std::string, std::optional<std::string>> municipality_suggestions_;
  std::vector<std::string> municipality_names_;
  std::vector<std::string> municipality_ids_;
  bool add_allowed(const SourcePos& pos, Severity severity);
  /// A region, sector or task by id; reports an unknown one with the closest id.
  template <typename Item, typename Map>
  std::optional<std::size_t> named(yaml::NodeRef ref, const Map& by_id,
                                   const std::vector<Item>& items, bool known,
                                   std::string_view kind, std::string_view hint);
};

}  // namespace samrapport::content
