// The eierskapsmelding of every in-scope municipality (kommuneloven § 26-1 and § 17-4):
// the entities it owns or has similar interests in, with its share, representatives,
// purpose and key figures, totals over them, and the overview of every current
// arrangement it takes part in, grouped by legal form.
//
// One pass over the current arrangements: each arrangement's shared parts (participants in
// collation order, shares by owner) are computed once and given to each of its in-scope
// participants; nothing loops over municipalities x arrangements.
#include <algorithm>
#include <iterator>
#include <limits>
#include <map>
#include <tuple>

#include "analysis/families.hpp"

namespace samrapport::analysis {

namespace {

using content::LegalForm;
using content::MunicipalityIdx;

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
/// Position of arrangements without legal form after every form of the schema.
constexpr std::size_t kUnknownForm = std::size(content::kLegalForms);

std::size_t form_position(const std::optional<LegalForm>& form) {
  if (!form) return kUnknownForm;
  const auto* it =
      std::find(std::begin(content::kLegalForms), std::end(content::kLegalForms), *form);
  return static_cast<std::size_t>(it - std::begin(content::kLegalForms));
}

std::string form_id(std::size_t position) {
  return position == kUnknownForm ? std::string("unknown")
                                  : std::string(to_string(content::kLegalForms[position]));
}

/// Entities with a legal personality or ownership: companies, foundations, associations,
/// and an ipr or oppgavefellesskap registered as its own legal person.
bool is_entity(const content::Arrangement& a) {
  if (!a.legal_form) return false;
  switch (*a.legal_form) {
    case LegalForm::iks:
    case LegalForm::as:
    case LegalForm::sa:
    case LegalForm::stiftelse:
    case LegalForm::forening:
    case LegalForm::ans:
      return true;
    case LegalForm::ipr:
    case LegalForm::oppgavefellesskap:
      return a.own_legal_person;
    default:
      return false;
  }
}

/// The parts of one arrangement that every participant's rows share.
struct Shared {
  std::size_t arrangement = 0;
  /// Listed participants, collation order.
  std::vector<MunicipalityIdx> participants;
  /// Municipal owners (participants and municipalities in `ownership`), collation order,
  /// with their ownership and liability percent.
  struct Owner {
    MunicipalityIdx municipality;
    std::optional<double> share;
    std::optional<double> liability;
  };
  std::vector<Owner> owners;
  std::optional<std::string> host;
  std::optional<AgreementInfo> agreement;  // dates formatted once
};

/// "2023-2027" without fmt (called for every representative).
std::string span_text(const content::YearSpan& span) {
  return std::to_string(span.from) + "-" + std::to_string(span.to);
}

class Builder {
 public:
  Builder(const Index& index, Results& results) : index_(index), results_(results) {
    const auto& c = index.content;
    slot_.assign(c.municipalities.size(), kNone);
    owner_stamp_.assign(c.municipalities.size(), kNone);
    owner_position_.assign(c.municipalities.size(), 0);
    results.ownership.resize(index.in_scope.size());
    rows_.resize(index.in_scope.size());
    for (std::size_t i = 0; i < index.in_scope.size(); ++i) {
      const MunicipalityIdx m = index.in_scope[i];
      slot_[m] = i;
      start(results.ownership[i], c.municipalities[m]);
    }
  }

  void add(std::size_t a) {
    const auto& participants = index_.participants[a];
    if (std::none_of(participants.begin(), participants.end(),
                     [&](MunicipalityIdx m) { return slot_[m] != kNone; })) {
      return;
    }
    share(a);
    auto& by_name = results_.arrangements[a].participants_by_name;
    by_name.reserve(shared_.participants.size());
    for (const MunicipalityIdx m : shared_.participants) {
      by_name.push_back(index_.content.municipalities[m].name);
    }
    const bool entity = is_entity(index_.content.arrangements[a]);
    for (std::size_t i = 0; i < shared_.participants.size(); ++i) {
      const MunicipalityIdx m = shared_.participants[i];
      const std::size_t s = slot_[m];
      if (s == kNone) continue;
      rows_[s].push_back(OverviewRow{a, i, entity});
      if (entity) results_.ownership[s].entities.push_back(entity_row(m));
    }
  }

  void finish() {
    for (std::size_t s = 0; s < results_.ownership.size(); ++s) {
      finish_entities(results_.ownership[s]);
      finish_overview(results_.ownership[s], rows_[s]);
    }
  }

 private:
  const Index& index_;
  Results& results_;
  std::vector<std::size_t> slot_;  // per municipality: its position in results.ownership
  std::vector<std::vector<OverviewRow>> rows_;  // per in-scope municipality, unsorted
  std::vector<std::size_t> owner_stamp_;        // per municipality: last arrangement it owns
  std::vector<std::size_t> owner_position_;     // ... and its position in shared_.owners
  Shared shared_;

  void start(MunicipalityOwnership& out, const content::Municipality& mu) {
    const auto& c = index_.content;
    out.id = mu.id;
    out.name = mu.name;
    out.language = std::string(to_string(mu.language.value_or(c.report.language)));
    if (mu.eierskapsmelding) {
      const auto& info = *mu.eierskapsmelding;
      OwnershipReportMeta meta;
      meta.adopted_by = info.adopted_by;
      if (info.date) meta.date = to_string(*info.date);
      meta.case_number = info.case_number;
      if (info.election_period) meta.election_period = to_string(*info.election_period);
      out.eierskapsmelding = std::move(meta);
    }
    out.register_date = to_string(c.report.reference_date);
  }

  /// Fills shared_ for arrangement `a`.
  void share(std::size_t a) {
    const auto& c = index_.content;
    const auto& arrangement = c.arrangements[a];
    const auto by_name = [&](MunicipalityIdx x, MunicipalityIdx y) {
      return index_.name_less(x, y);
    };
    shared_.arrangement = a;
    shared_.participants = index_.participants[a];
    std::sort(shared_.participants.begin(), shared_.participants.end(), by_name);
    shared_.host.reset();
    if (arrangement.host && *arrangement.host < c.municipalities.size()) {
      shared_.host = c.municipalities[*arrangement.host].name;
    }
    shared_.owners.clear();
    shared_.agreement.reset();
    if (!is_entity(arrangement)) return;
    if (arrangement.agreement) {
      const auto& ag = *arrangement.agreement;
      shared_.agreement =
          AgreementInfo{ag.date ? std::optional<std::string>(to_string(*ag.date)) : std::nullopt,
                        ag.case_number, ag.link};
    }
    // Owners: the participants and any other municipality holding a share.
    const auto add_owner = [&](MunicipalityIdx m) {
      if (m >= owner_stamp_.size() || owner_stamp_[m] == a) return;
      owner_stamp_[m] = a;
      shared_.owners.push_back(Shared::Owner{m, std::nullopt, std::nullopt});
    };
    for (const MunicipalityIdx m : shared_.participants) add_owner(m);
    for (const auto& s : arrangement.ownership) {
      if (s.municipality) add_owner(*s.municipality);
    }
    if (shared_.owners.size() > shared_.participants.size()) {
      std::sort(shared_.owners.begin(), shared_.owners.end(),
                [&](const Shared::Owner& x, const Shared::Owner& y) {
                  return index_.name_less(x.municipality, y.municipality);
                });
    }
    for (std::size_t i = 0; i < shared_.owners.size(); ++i) {
      owner_position_[shared_.owners[i].municipality] = i;
    }
    for (const auto& s : arrangement.ownership) {
      if (s.municipality) shared_.owners[owner_position_[*s.municipality]].share = s.percent;
    }
    for (const auto& s : arrangement.liability_share) {
      if (owner_stamp_[s.municipality] == a) {
        shared_.owners[owner_position_[s.municipality]].liability = s.percent;
      }
    }
  }

  OwnedEntity entity_row(MunicipalityIdx m) const {
    const auto& c = index_.content;
    const std::size_t a = shared_.arrangement;
    const auto& arrangement = c.arrangements[a];
    OwnedEntity e;
    e.arrangement = a;
    e.id = arrangement.id;
    e.name = arrangement.name;
    e.org_number = arrangement.org_number;
    e.legal_form = std::string(to_string(*arrangement.legal_form));
    e.own_legal_person = arrangement.own_legal_person;
    e.co_owners.reserve(shared_.owners.size() + arrangement.other_owners.size());
    for (const auto& owner : shared_.owners) {
      if (owner.municipality == m) {
        e.share = owner.share;
        e.liability_share = owner.liability;
        continue;
      }
      e.co_owners.push_back(
          CoOwner{c.municipalities[owner.municipality].name, true, owner.share, owner.liability});
    }
    for (const auto& other : arrangement.other_owners) {
      CoOwner co{other, false, std::nullopt, std::nullopt};
      for (const auto& s : arrangement.ownership) {
        if (!s.municipality && s.owner == other) co.share = s.percent;
      }
      e.co_owners.push_back(std::move(co));
    }
    e.participant_count = arrangement.participant_total
                              ? *arrangement.participant_total
                              : static_cast<int>(index_.participants[a].size());
    e.host = shared_.host;
    if (arrangement.sector < c.sectors.size()) {
      e.sector = c.sectors[arrangement.sector].id;
      e.sector_name = c.sectors[arrangement.sector].name;
    }
    e.established = arrangement.established;
    e.established_between = arrangement.established_between;
    e.purpose = arrangement.purpose;
    for (const auto& p : arrangement.owner_purposes) {
      if (p.municipality == m) e.owner_purpose = p.purpose;
    }
    e.description = arrangement.description;
    for (const auto& r : arrangement.representatives) {
      if (r.municipality != m) continue;
      for (const auto& person : r.people) {
        e.representatives.push_back(RepresentativeRow{
            person.name, person.role,
            person.term ? std::optional<std::string>(span_text(*person.term)) : std::nullopt});
      }
    }
    e.fte = arrangement.fte;
    e.agreement = shared_.agreement;
    e.key_figures.reserve(arrangement.key_figures.size());
    for (const auto& k : arrangement.key_figures) {
      KeyFigureRow row{k.year, k.operating_income, k.result, k.equity, k.debt, std::nullopt};
      for (const auto& paid : k.contribution) {
        if (paid.municipality == m) row.contribution = paid.amount;
      }
      e.key_figures.push_back(row);
    }
    std::sort(e.key_figures.begin(), e.key_figures.end(),
              [](const KeyFigureRow& x, const KeyFigureRow& y) { return x.year < y.year; });
    return e;
  }

  void finish_entities(MunicipalityOwnership& out) const {
    const auto key = [&](const OwnedEntity& e) {
      return std::pair{form_position(index_.content.arrangements[e.arrangement].legal_form),
                       index_.name_rank[e.arrangement]};
    };
    // Sort positions, then move each entity once (they are large).
    std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::size_t>> order;
    order.reserve(out.entities.size());
    for (std::size_t i = 0; i < out.entities.size(); ++i)
      order.emplace_back(key(out.entities[i]), i);
    std::sort(order.begin(), order.end());
    std::vector<OwnedEntity> sorted;
    sorted.reserve(order.size());
    for (const auto& entry : order) sorted.push_back(std::move(out.entities[entry.second]));
    out.entities = std::move(sorted);
    out.entities_total = static_cast<int>(out.entities.size());
    std::map<int, ContributionSum> by_year;
    for (const auto& e : out.entities) {
      const std::size_t form = form_position(index_.content.arrangements[e.arrangement].legal_form);
      if (out.entity_counts.empty() || out.entity_counts.back().legal_form != form_id(form)) {
        out.entity_counts.push_back(LegalFormCount{form_id(form), 0});
      }
      ++out.entity_counts.back().count;
      if (!e.org_number) ++out.missing.org_number;
      if (!e.share) ++out.missing.share;
      if (!e.purpose) ++out.missing.purpose;
      if (!e.owner_purpose) ++out.missing.owner_purpose;
      if (e.representatives.empty()) ++out.missing.representatives;
      if (e.key_figures.empty()) ++out.missing.key_figures;
      for (const auto& k : e.key_figures) {
        if (!k.contribution) continue;
        ContributionSum& sum = by_year[k.year];
        sum.year = k.year;
        sum.value += *k.contribution;
        ++sum.entities;
      }
    }
    for (const auto& [year, sum] : by_year) out.contributions_by_year.push_back(sum);
    if (!out.contributions_by_year.empty()) out.contributions = out.contributions_by_year.back();
  }

  void finish_overview(MunicipalityOwnership& out, std::vector<OverviewRow>& rows) const {
    const auto key = [&](const OverviewRow& r) {
      return std::pair{form_position(index_.content.arrangements[r.arrangement].legal_form),
                       index_.name_rank[r.arrangement]};
    };
    std::sort(rows.begin(), rows.end(),
              [&](const OverviewRow& x, const OverviewRow& y) { return key(x) < key(y); });
    out.arrangements_total = static_cast<int>(rows.size());
    std::size_t group_form = kNone;
    for (auto& row : rows) {
      const std::size_t form = key(row).first;
      if (form != group_form) {
        out.arrangements_by_legal_form.push_back(OverviewGroup{form_id(form), 0, {}});
        group_form = form;
      }
      auto& group = out.arrangements_by_legal_form.back();
      ++group.count;
      group.arrangements.push_back(std::move(row));
    }
    rows.clear();
    rows.shrink_to_fit();
  }
};

}  // namespace

void compute_ownership(const Index& index, Results& results) {
  Builder builder(index, results);
  for (const auto a : index.order) builder.add(a);
  builder.finish();
}

}  // namespace samrapport::analysis
