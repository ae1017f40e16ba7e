// The register workbook's vocabulary: its sheets, its columns and the words it shows, in
// bokmål, nynorsk and English. Export writes them in the municipality's målform; import
// recognises any of the three, so a workbook still reads after a translation.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "content/model.hpp"

namespace samrapport::xlsx {

/// The columns of the arrangement sheets, in sheet order.
enum class Column {
  id,
  name,
  legal_form,
  host,
  participants,
  sector,
  tasks,
  established,
  ended,
  fte,
  share,
  org_number,
  own_legal_person,
  purpose,
  notes,
  comment,
};
inline constexpr Column kColumns[] = {
    Column::id,
    Column::name,
    Column::legal_form,
    Column::host,
    Column::participants,
    Column::sector,
    Column::tasks,
    Column::established,
    Column::ended,
    Column::fte,
    Column::share,
    Column::org_number,
    Column::own_legal_person,
    Column::purpose,
    Column::notes,
    Column::comment,
};

/// The header of `c` in `lang`.
std::string_view header(Column c, content::Language lang);
/// What `c` holds and how to fill it in, one or two sentences in `lang`.
std::string_view explanation(Column c, content::Language lang);
/// The column whose header is `text` in any language (case and surrounding spaces ignored).
std::optional<Column> column_from_header(std::string_view text);

enum class Sheet { current, ended, answers, explanation };
std::string_view sheet_name(Sheet s, content::Language lang);
/// The sheet `name` is, in any language.
std::optional<Sheet> sheet_from_name(std::string_view name);
/// The hidden sheet with the workbook's identity and the drop-down lists (same in every
/// language).
inline constexpr std::string_view kMetaSheet = "samrapport";
/// Cell B1 of the meta sheet: what kind of workbook this is.
inline constexpr std::string_view kFormatTag = "samrapport-register-1";

/// The name of a legal form in `lang` ("Interkommunalt selskap (IKS)").
std::string_view legal_form_label(content::LegalForm f, content::Language lang);

/// "ja"/"nei" or "yes"/"no".
std::string_view yes_word(content::Language lang);
std::string_view no_word(content::Language lang);
/// true for ja/yes/true/1, false for nei/no/false/0 (any case), nullopt otherwise.
std::optional<bool> parse_yes_no(std::string_view text);

/// Fixed texts of the workbook.
enum class Text {
  explanation_title,  // "Forklaring til arbeidsboka"
  explanation_intro,  // how the workbook is used
  column,             // "Kolonne"
  meaning,            // "Innhold"
  allowed_values,     // "Tillatte verdier"
  legal_forms,        // "Organisasjonsformer"
  sectors,            // "Sektorer"
  tasks,              // "Oppgaver"
  survey,             // answer sheet headers
  question,
  question_text,
  respondent,
  answer,
  no_answers,  // "Kommunen har ingen registrerte svar."
};
std::string_view text(Text t, content::Language lang);

}  // namespace samrapport::xlsx
