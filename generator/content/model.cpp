#include "content/model.hpp"

#include <fmt/format.h>

namespace samrapport::content {

std::string to_string(const Date& d) {
  return fmt::format("{:04d}-{:02d}-{:02d}", d.year, d.month, d.day);
}

std::string to_string(const YearSpan& s) {
  return fmt::format("{:04d}-{:04d}", s.from, s.to);
}

std::string_view to_string(Language l) {
  switch (l) {
    case Language::nb:
      return "nb";
    case Language::nn:
      return "nn";
    case Language::en:
      return "en";
  }
  return "nb";
}

std::optional<Language> language_from(std::string_view s) {
  if (s == "nb") return Language::nb;
  if (s == "nn") return Language::nn;
  if (s == "en") return Language::en;
  return std::nullopt;
}

std::string_view to_string(LegalForm f) {
  switch (f) {
    case LegalForm::avtale:
      return "avtale";
    case LegalForm::vertskommune:
      return "vertskommune";
    case LegalForm::vertskommune_nemnd:
      return "vertskommune_nemnd";
    case LegalForm::oppgavefellesskap:
      return "oppgavefellesskap";
    case LegalForm::ipr:
      return "ipr";
    case LegalForm::styre27:
      return "styre27";
    case LegalForm::iks:
      return "iks";
    case LegalForm::as:
      return "as";
    case LegalForm::stiftelse:
      return "stiftelse";
    case LegalForm::ans:
      return "ans";
    case LegalForm::sa:
      return "sa";
    case LegalForm::forening:
      return "forening";
    case LegalForm::pbl_9_2:
      return "pbl_9_2";
    case LegalForm::annet:
      return "annet";
  }
  return "annet";
}

std::optional<LegalForm> legal_form_from(std::string_view s) {
  for (const LegalForm f : kLegalForms) {
    if (to_string(f) == s) return f;
  }
  return std::nullopt;
}

std::string_view to_string(QuestionKind k) {
  switch (k) {
    case QuestionKind::text:
      return "text";
    case QuestionKind::single:
      return "single";
    case QuestionKind::multi:
      return "multi";
    case QuestionKind::likert:
      return "likert";
    case QuestionKind::number:
      return "number";
  }
  return "text";
}

std::optional<QuestionKind> question_kind_from(std::string_view s) {
  for (const QuestionKind k : {QuestionKind::text, QuestionKind::single, QuestionKind::multi,
                               QuestionKind::likert, QuestionKind::number}) {
    if (to_string(k) == s) return k;
  }
  return std::nullopt;
}

std::string_view to_string(ColumnKind k) {
  switch (k) {
    case ColumnKind::text:
      return "text";
    case ColumnKind::refs:
      return "refs";
    case ColumnKind::number:
      return "number";
    case ColumnKind::ratio:
      return "ratio";
  }
  return "text";
}

std::optional<ColumnKind> column_kind_from(std::string_view s) {
  for (const ColumnKind k :
       {ColumnKind::text, ColumnKind::refs, ColumnKind::number, ColumnKind::ratio}) {
    if (to_string(k) == s) return k;
  }
  return std::nullopt;
}

const Municipality* Content::find_municipality(std::string_view ref) const {
  const auto it = municipality_by_ref.find(std::string(ref));
  return it == municipality_by_ref.end() ? nullptr : &municipalities[it->second];
}

namespace {
constexpr std::string_view kBodyKindNames[] = {"representantskap", "council", "committee",
                                               "secretariat", "other"};
constexpr std::string_view kWorkStatusNames[] = {"planned", "ongoing", "completed", "postponed",
                                                 "cancelled"};
}  // namespace

std::string_view to_string(BodyKind k) {
  return kBodyKindNames[static_cast<std::size_t>(k)];
}

std::optional<BodyKind> body_kind_from(std::string_view s) {
  for (std::size_t i = 0; i < std::size(kBodyKindNames); ++i) {
    if (kBodyKindNames[i] == s) return static_cast<BodyKind>(i);
  }
  return std::nullopt;
}

std::string_view to_string(WorkStatus s) {
  return kWorkStatusNames[static_cast<std::size_t>(s)];
}

std::optional<WorkStatus> work_status_from(std::string_view s) {
  for (std::size_t i = 0; i < std::size(kWorkStatusNames); ++i) {
    if (kWorkStatusNames[i] == s) return static_cast<WorkStatus>(i);
  }
  return std::nullopt;
}

}  // namespace samrapport::content
