// Legal forms (Figur 3.1, kap. 3.3): current arrangements per `legal_form` (schema order,
// then "unknown" for those without one), and the groups the text speaks of: companies,
// the local government act (kommuneloven), agreements, other.
#include <array>

#include "analysis/families.hpp"

namespace samrapport::analysis {

namespace {

using content::LegalForm;

struct GroupDef {
  const char* id;
  std::vector<LegalForm> forms;
};

const std::array<GroupDef, 4>& group_defs() {
  static const std::array<GroupDef, 4> defs{{
      {"companies", {LegalForm::iks, LegalForm::as, LegalForm::ans, LegalForm::sa}},
      {"kommuneloven",
       {LegalForm::vertskommune, LegalForm::vertskommune_nemnd, LegalForm::oppgavefellesskap,
        LegalForm::ipr, LegalForm::styre27}},
      {"agreement", {LegalForm::avtale}},
      {"other", {LegalForm::stiftelse, LegalForm::forening, LegalForm::pbl_9_2, LegalForm::annet}},
  }};
  return defs;
}

}  // namespace

void compute_legal_forms(const Index& index, Results& results) {
  constexpr std::size_t kForms = std::size(content::kLegalForms);
  std::array<int, kForms> counts{};
  int unknown = 0;
  for (auto a : index.order) {
    const auto& form = index.content.arrangements[a].legal_form;
    if (!form) {
      ++unknown;
      continue;
    }
    for (std::size_t f = 0; f < kForms; ++f) {
      if (content::kLegalForms[f] == *form) ++counts[f];
    }
  }
  const double total = static_cast<double>(index.order.size());
  for (std::size_t f = 0; f < kForms; ++f) {
    results.legal_forms.push_back(CountPercent{std::string(to_string(content::kLegalForms[f])),
                                               counts[f], percent_of(counts[f], total)});
  }
  results.legal_forms.push_back(CountPercent{"unknown", unknown, percent_of(unknown, total)});

  for (const auto& def : group_defs()) {
    LegalFormGroup group;
    group.id = def.id;
    for (auto form : def.forms) {
      group.forms.emplace_back(to_string(form));
      for (std::size_t f = 0; f < kForms; ++f) {
        if (content::kLegalForms[f] == form) group.count += counts[f];
      }
    }
    group.percent = percent_of(group.count, total);
    results.legal_form_groups.push_back(std::move(group));
  }
  results.legal_form_groups.push_back(
      LegalFormGroup{"unknown", {}, unknown, percent_of(unknown, total)});
}

}  // namespace samrapport::analysis
