// arrangements/*.yaml: the cooperation arrangements, any number of files, each holding
// `arrangements:` as a list. Rules that compare fields (participant counts, host,
// years, ownership sums) are in validate.cpp.
#include <algorithm>
#include <functional>
#include <iterator>
#include <unordered_set>

#include "content/reader_ownership.hpp"
#include "content/readers.hpp"
#include "content/suggest.hpp"
#include "content/yaml_fields.hpp"

namespace samrapport::content {

namespace {

constexpr std::string_view kTopKeys[] = {"arrangements"};
constexpr std::string_view kArrangementKeys[] = {
    "id", "name", "participants", "participant_total", "other_owners", "host", "legal_form",
    "sector", "tasks", "established", "established_between", "ended", "fte", "description",
    "ownership", "notes", "sources",
    // additive, for the eierskapsmelding (reader_ownership.cpp):
    "org_number", "purpose", "own_legal_person", "liability_share", "representatives",
    "owner_purposes", "agreement", "key_figures"};
static_assert(std::size(kArrangementOwnershipKeys) == 8, "keep kArrangementKeys in step");
/// More participants than Norway has municipalities many times over: a typing error.
constexpr int kMaxParticipantTotal = 10'000;

std::vector<std::string_view> legal_form_names() {
  std::vector<std::string_view> out;
  for (const LegalForm f : kLegalForms) out.push_back(to_string(f));
  return out;
}

void read_tasks_list(ReadContext& ctx, yaml::NodeRef list, Arrangement& a) {
  a.tasks.reserve(list.size());
  IndexSet seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const yaml::NodeRef ref = list.item(i);
    const auto idx = ctx.task(ref);
    if (!idx) continue;
    if (!seen.insert(*idx)) {
      ctx.error(ref, "task '" + ctx.content.tasks[*idx].id + "' is listed twice");
      continue;
    }
    a.tasks.push_back(*idx);
  }
}

void read_established_between(ReadContext& ctx, yaml::NodeRef node, Arrangement& a) {
  if (!node.is_sequence() || node.size() != 2) {
    ctx.error(node, "'established_between' must be a list of two years [from, to]");
    return;
  }
  const auto from = as_year(ctx, node.item(0), "established_between");
  const auto to = as_year(ctx, node.item(1), "established_between");
  if (from && to) a.established_between = std::pair{*from, *to};
}

void read_ownership(ReadContext& ctx, yaml::NodeRef map, Arrangement& a, ArrangementSource& src) {
  if (!expect_mapping(ctx, map, "'ownership'")) return;
  a.ownership.reserve(map.size());
  const std::unordered_set<std::string_view> others(a.other_owners.begin(), a.other_owners.end());
  for (std::size_t i = 0; i < map.size(); ++i) {
    const yaml::NodeRef key = map.key(i);
    const auto owner = as_text(ctx, key, "ownership");
    const auto percent = as_number(ctx, map.value(i), "ownership");
    if (!owner) continue;
    OwnershipShare share;
    share.owner = *owner;
    share.municipality = ctx.find_municipality(*owner);
    if (!share.municipality && !others.contains(*owner)) {
      if (!ctx.municipalities_read || ctx.error_over_limit(key)) continue;
      auto suggestion = ctx.closest_municipality(*owner);
      if (!suggestion) suggestion = closest(*owner, a.other_owners);
      ctx.error(key, "owner '" + *owner +
                         "' is neither a known municipality nor listed in 'other_owners'" +
                         did_you_mean(suggestion));
      continue;
    }
    if (!percent) continue;
    share.percent = *percent;
    a.ownership.push_back(std::move(share));
    src.ownership_values.push_back(map.value(i));
  }
}

void read_arrangement(ReadContext& ctx, yaml::NodeRef item) {
  static const std::vector<std::string_view> kLegalFormNames = legal_form_names();
  MapReader m(ctx, item, describe("arrangement", item), kArrangementKeys);
  if (!m.ok()) return;
  Arrangement a;
  ArrangementSource src;
  a.pos = item.pos();
  src.item = item;
  auto id = m.text("id", true);
  auto name = m.text("name", true);
  if (id) check_slug(ctx, m.get("id"), *id, "arrangement");

  src.participants = m.list("participants", true);
  if (src.participants.present())
    a.participants = ctx.municipality_list(src.participants, "among the participants", nullptr,
                                           &src.participants_unresolved);
  if (auto total = m.int_value("participant_total")) {
    src.participant_total = m.get("participant_total");
    if (check_int_range(ctx, src.participant_total, "participant_total", *total, 0,
                        kMaxParticipantTotal)) {
      a.participant_total = *total;
    }
  }
  a.other_owners = m.text_list("other_owners");
  if (const yaml::NodeRef host = m.get("host"); host.present()) {
    src.host = host;
    a.host = ctx.municipality(host);
  }
  if (const yaml::NodeRef lf = m.get("legal_form"); lf.present()) {
    const std::function<std::optional<LegalForm>(std::string_view)> parse = legal_form_from;
    a.legal_form = as_enum<LegalForm>(ctx, lf, "legal_form", kLegalFormNames, parse);
  }
  if (const yaml::NodeRef sector = m.require("sector"); sector.present()) {
    if (auto s = ctx.sector(sector)) a.sector = *s;
  }
  if (const yaml::NodeRef tasks = m.list("tasks"); tasks.present()) read_tasks_list(ctx, tasks, a);
  if ((a.established = m.year("established"))) src.established = m.get("established");
  if (const yaml::NodeRef between = m.get("established_between"); between.present()) {
    src.established_between = between;
    read_established_between(ctx, between, a);
  }
  if ((a.ended = m.year("ended"))) src.ended = m.get("ended");
  if ((a.fte = m.number("fte"))) src.fte = m.get("fte");
  a.description = m.text("description");
  if (const yaml::NodeRef own = m.get("ownership"); own.present()) {
    src.ownership = own;
    read_ownership(ctx, own, a, src);
  }
  a.notes = m.text("notes");
  a.sources = m.text_list("sources");
  read_arrangement_ownership(ctx, m, id ? std::string_view(*id) : std::string_view(), a, src);
  if (!id || !name) return;
  a.id = std::move(*id);
  a.name = std::move(*name);
  ctx.content.arrangements.push_back(std::move(a));
  ctx.arrangement_sources.push_back(std::move(src));
}

}  // namespace

void read_arrangements(ReadContext& ctx, yaml::NodeRef root) {
  MapReader top(ctx, root, "an arrangements file", kTopKeys);
  if (!top.ok()) return;
  const yaml::NodeRef list = top.list("arrangements", true);
  if (!list.present()) return;
  // Grow geometrically: an exact reserve per file would move every arrangement again for
  // each of many files.
  const auto grow = [&](auto& v) {
    const std::size_t needed = v.size() + list.size();
    if (v.capacity() < needed) v.reserve(std::max(needed, 2 * v.capacity()));
  };
  grow(ctx.content.arrangements);
  grow(ctx.arrangement_sources);
  for (std::size_t i = 0; i < list.size(); ++i) read_arrangement(ctx, list.item(i));
}

}  // namespace samrapport::content
