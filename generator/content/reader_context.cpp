#include "content/reader_context.hpp"

#include <algorithm>

#include "content/suggest.hpp"

namespace samrapport::content {

bool ReadContext::add_allowed(const SourcePos& pos, Severity severity) {
  FileCount& n = per_file_[pos.file];
  if (n.shown < kMaxDiagnosticsPerFile) {
    ++n.shown;
    return true;
  }
  ++(severity == Severity::error ? n.hidden_errors : n.hidden_warnings);
  return false;
}

bool ReadContext::can_report(yaml::NodeRef at) const {
  if (!at.present()) return true;
  const auto it = per_file_.find(at.document()->path());
  return it == per_file_.end() || it->second.shown < kMaxDiagnosticsPerFile;
}

bool ReadContext::error_over_limit(yaml::NodeRef at) {
  if (can_report(at)) return false;
  error(at, std::string());  // counted, not shown
  return true;
}

void ReadContext::error(const SourcePos& pos, std::string message) {
  if (add_allowed(pos, Severity::error)) diags_.error(pos, std::move(message));
}

void ReadContext::warning(const SourcePos& pos, std::string message) {
  if (add_allowed(pos, Severity::warning)) diags_.warning(pos, std::move(message));
}

void ReadContext::report_suppressed() {
  std::vector<std::string> files;
  for (const auto& [file, n] : per_file_) {
    if (n.hidden_errors + n.hidden_warnings > 0) files.push_back(file);
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const FileCount& n = per_file_[file];
    const auto count = [](std::size_t k, const char* one, const char* many) {
      return std::to_string(k) + " " + (k == 1 ? one : many);
    };
    std::string message = "further problems in this file are not shown: ";
    if (n.hidden_errors > 0) message += count(n.hidden_errors, "error", "errors");
    if (n.hidden_errors > 0 && n.hidden_warnings > 0) message += " and ";
    if (n.hidden_warnings > 0) message += count(n.hidden_warnings, "warning", "warnings");
    Diagnostic d{n.hidden_errors > 0 ? Severity::error : Severity::warning, SourcePos{file, 0, 0},
                 std::move(message)};
    diags_.add(std::move(d));
  }
}

std::string ReadContext::where(const SourcePos& pos) {
  std::string s = pos.file;
  if (pos.line > 0) {
    s += ':' + std::to_string(pos.line);
    if (pos.column > 0) s += ':' + std::to_string(pos.column);
  }
  return s;
}

const yaml::Document& ReadContext::keep(yaml::Document doc) {
  documents_.push_back(std::make_unique<yaml::Document>(std::move(doc)));
  return *documents_.back();
}

namespace {

/// The scalar of a reference, or an error when the reference is not a single value.
std::optional<std::string_view> reference_text(ReadContext& ctx, yaml::NodeRef ref,
                                               std::string_view what) {
  if (ref.is_scalar()) return ref.scalar();
  ctx.error(ref, std::string("a ") + std::string(what) +
                     " reference must be a name or an id, not " + std::string(ref.kind_name()));
  return std::nullopt;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

template <typename Map>
std::optional<std::size_t> lookup(const Map& map, std::string_view key) {
  const auto it = map.find(std::string(key));
  if (it == map.end()) return std::nullopt;
  return it->second;
}

}  // namespace

std::optional<MunicipalityIdx> ReadContext::find_municipality(std::string_view ref) const {
  return lookup(content.municipality_by_ref, ref);
}

std::optional<std::string> ReadContext::closest_municipality(std::string_view ref) {
  const auto cached = municipality_suggestions_.find(std::string(ref));
  if (cached != municipality_suggestions_.end()) return cached->second;
  if (municipality_names_.empty()) {
    municipality_names_.reserve(content.municipalities.size());
    for (const auto& m : content.municipalities) {
      municipality_names_.push_back(m.name);
      if (!m.id.empty()) municipality_ids_.push_back(m.id);
    }
  }
  auto best = closest(ref, all_digits(ref) ? municipality_ids_ : municipality_names_);
  municipality_suggestions_.emplace(std::string(ref), best);
  return best;
}

std::optional<MunicipalityIdx> ReadContext::municipality(yaml::NodeRef ref) {
  const auto text = reference_text(*this, ref, "municipality");
  if (!text) return std::nullopt;
  if (auto idx = find_municipality(*text)) return idx;
  if (!municipalities_read) return std::nullopt;
  if (error_over_limit(ref)) return std::nullopt;
  const auto suggestion = closest_municipality(*text);
  error(ref, "unknown municipality '" + std::string(*text) + "'" +
                 (suggestion ? did_you_mean(suggestion) : " (not in municipalities.yaml)"));
  return std::nullopt;
}

std::vector<MunicipalityIdx> ReadContext::municipality_list(yaml::NodeRef list,
                                                            std::string_view where,
                                                            std::vector<yaml::NodeRef>* nodes,
                                                            bool* unresolved) {
  std::vector<MunicipalityIdx> out;
  out.reserve(list.size());
  IndexSet seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const yaml::NodeRef ref = list.item(i);
    const auto idx = municipality(ref);
    if (!idx) {
      if (unresolved) *unresolved = true;
      continue;
    }
    if (!seen.insert(*idx)) {
      error(ref,
            "'" + content.municipalities[*idx].name + "' is listed twice " + std::string(where));
      continue;
    }
    out.push_back(*idx);
    if (nodes) nodes->push_back(ref);
  }
  return out;
}

namespace {

/// The id closest to `ref` among `items`, or the id of the item whose name is closest
/// (a name written where the id belongs).
template <typename Item>
std::optional<std::string> closest_id(std::string_view ref, const std::vector<Item>& items) {
  std::vector<std::string_view> ids;
  std::vector<std::string_view> names;
  ids.reserve(items.size());
  names.reserve(items.size());
  for (const auto& item : items) {
    ids.push_back(item.id);
    names.push_back(item.name);
  }
  if (auto id = closest(ref, ids)) return id;
  if (const auto name = closest(ref, names)) {
    for (const auto& item : items) {
      if (item.name == *name) return item.id;
    }
  }
  return std::nullopt;
}

}  // namespace

template <typename Item, typename Map>
std::optional<std::size_t> ReadContext::named(yaml::NodeRef ref, const Map& by_id,
                                              const std::vector<Item>& items, bool known,
                                              std::string_view kind, std::string_view hint) {
  const auto text = reference_text(*this, ref, kind);
  if (!text) return std::nullopt;
  if (auto idx = lookup(by_id, *text)) return idx;
  if (!known || error_over_limit(ref)) return std::nullopt;
  const auto suggestion = closest_id(*text, items);
  error(ref, "unknown " + std::string(kind) + " '" + std::string(*text) + "'" +
                 (suggestion ? did_you_mean(suggestion) : " (" + std::string(hint) + ")"));
  return std::nullopt;
}

std::optional<RegionIdx> ReadContext::region(yaml::NodeRef ref) {
  return named(ref, content.region_by_id, content.regions, regions_read, "region",
               "regions are listed by id in municipalities.yaml");
}

std::optional<SectorIdx> ReadContext::sector(yaml::NodeRef ref) {
  return named(ref, content.sector_by_id, content.sectors, tasks_read, "sector",
               "sectors are listed by id in tasks.yaml");
}

std::optional<TaskIdx> ReadContext::task(yaml::NodeRef ref) {
  return named(ref, content.task_by_id, content.tasks, tasks_read, "task",
               "tasks are listed by id in tasks.yaml");
}

}  // namespace samrapport::content
