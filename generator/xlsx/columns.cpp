// Sheet names, headers and explanations of the register workbook in nb, nn and en.
#include "xlsx/columns.hpp"

#include <array>
#include <cctype>

namespace samrapport::xlsx {
namespace {

using content::Language;

struct Words {
  std::string_view nb, nn, en;
  [[nodiscard]] std::string_view in(Language l) const {
    return l == Language::nn ? nn : l == Language::en ? en : nb;
  }
};

struct ColumnWords {
  Words header;
  Words explanation;
};

// One entry per Column, in enum order.
constexpr std::array<ColumnWords, std::size(kColumns)> kColumnWords{{
    {{"ID", "ID", "ID"},
     {"Ordningens nøkkel i registeret. Cellen er låst; la den stå som den er. Nye ordninger "
      "får en nøkkel når de leses inn.",
      "Nøkkelen til ordninga i registeret. Cella er låst; lat henne stå som ho er. Nye "
      "ordningar får ein nøkkel når dei blir lesne inn.",
      "The arrangement's key in the register. The cell is locked; leave it as it is. New "
      "arrangements get a key when they are imported."}},
    {{"Navn", "Namn", "Name"},
     {"Ordningens navn.", "Namnet på ordninga.", "The arrangement's name."}},
    {{"Organisasjonsform", "Organisasjonsform", "Legal form"},
     {"Velg fra listen (se organisasjonsformene nedenfor). Tom: ukjent.",
      "Vel frå lista (sjå organisasjonsformene nedanfor). Tom: ukjend.",
      "Choose from the list (see the legal forms below). Empty: unknown."}},
    {{"Vertskommune", "Vertskommune", "Host municipality"},
     {"Kommunen som er vertskommune eller har kontoret. Tom: ingen eller ukjent.",
      "Kommunen som er vertskommune eller har kontoret. Tom: ingen eller ukjend.",
      "The host municipality, or where the office is. Empty: none or unknown."}},
    {{"Deltakere", "Deltakarar", "Participants"},
     {"Alle deltakende kommuner, skilt med komma. Stryk en kommune som har gått ut, og føy "
      "til en som har kommet inn.",
      "Alle kommunane som er med, skilde med komma. Stryk ein kommune som har gått ut, og "
      "legg til ein som har kome inn.",
      "Every participating municipality, separated by commas. Delete one that has left, add "
      "one that has joined."}},
    {{"Sektor", "Sektor", "Sector"},
     {"Velg fra listen (se sektorene nedenfor).", "Vel frå lista (sjå sektorane nedanfor).",
      "Choose from the list (see the sectors below)."}},
    {{"Oppgaver", "Oppgåver", "Tasks"},
     {"Oppgaveområder fra listen nedenfor, skilt med komma.",
      "Oppgåveområde frå lista nedanfor, skilde med komma.",
      "Task areas from the list below, separated by commas."}},
    {{"Etablert", "Etablert", "Established"},
     {"Året ordningen ble etablert, eller et tidsrom som 2015-2021 når året ikke er kjent.",
      "Året ordninga vart etablert, eller eit tidsrom som 2015-2021 når året ikkje er kjent.",
      "The year the arrangement was established, or a span such as 2015-2021 when the year "
      "is not known."}},
    {{"Nedlagt", "Nedlagd", "Ended"},
     {"Skriv inn året når en ordning er nedlagt; raden flyttes da til de nedlagte.",
      "Skriv inn året når ei ordning er lagd ned; rada blir då flytta til dei nedlagde.",
      "Enter the year when an arrangement has ended; it then moves to the ended ones."}},
    {{"Årsverk", "Årsverk", "Man-years"},
     {"Årsverk i ordningen i alt, som tall.", "Årsverk i ordninga i alt, som tal.",
      "Man-years in the arrangement in total, as a number."}},
    {{"Eierandel (%)", "Eigardel (%)", "Ownership share (%)"},
     {"Kommunens eierandel i prosent (0 til 100).",
      "Eigardelen til kommunen i prosent (0 til 100).",
      "The municipality's ownership share in percent (0 to 100)."}},
    {{"Organisasjonsnummer", "Organisasjonsnummer", "Organisation number"},
     {"Enhetsregisterets organisasjonsnummer, ni sifre.",
      "Organisasjonsnummeret i Einingsregisteret, ni siffer.",
      "The organisation number in the Central Coordinating Register, nine digits."}},
    {{"Eget rettssubjekt", "Eige rettssubjekt", "Own legal person"},
     {"Ja når ordningen er et eget rettssubjekt (for IPR og kommunalt oppgavefellesskap).",
      "Ja når ordninga er eit eige rettssubjekt (for IPR og kommunalt oppgåvefellesskap).",
      "Yes when the arrangement is a legal person of its own (for IPR and joint task "
      "bodies)."}},
    {{"Formål", "Føremål", "Purpose"},
     {"Ordningens formål med egne ord.", "Føremålet med ordninga med eigne ord.",
      "The arrangement's purpose in your own words."}},
    {{"Merknader", "Merknader", "Notes"},
     {"Merknader som står i registeret.", "Merknader som står i registeret.",
      "Notes kept in the register."}},
    {{"Kommentar", "Kommentar", "Comment"},
     {"Kommentar til den som fører registeret; den lagres ikke i registeret.",
      "Kommentar til den som fører registeret; han blir ikkje lagra i registeret.",
      "A comment to whoever keeps the register; it is not stored in the register."}},
}};

constexpr std::array<Words, 4> kSheetWords{{
    {"Ordninger", "Ordningar", "Arrangements"},
    {"Nedlagte", "Nedlagde", "Ended"},
    {"Svar", "Svar", "Answers"},
    {"Forklaring", "Forklaring", "Explanation"},
}};

constexpr std::array<Words, std::size(content::kLegalForms)> kLegalFormWords{{
    {"Avtale (kommuneloven § 17-1)", "Avtale (kommunelova § 17-1)",
     "Agreement (Local Government Act § 17-1)"},
    {"Administrativt vertskommunesamarbeid", "Administrativt vertskommunesamarbeid",
     "Host municipality, administrative"},
    {"Vertskommune med felles folkevalgt nemnd", "Vertskommune med felles folkevald nemnd",
     "Host municipality with a joint elected committee"},
    {"Kommunalt oppgavefellesskap", "Kommunalt oppgåvefellesskap", "Joint municipal task body"},
    {"Interkommunalt politisk råd", "Interkommunalt politisk råd",
     "Inter-municipal political council"},
    {"Styre etter gammel kommunelov § 27", "Styre etter gamal kommunelov § 27",
     "Board under the former Local Government Act § 27"},
    {"Interkommunalt selskap (IKS)", "Interkommunalt selskap (IKS)",
     "Inter-municipal company (IKS)"},
    {"Aksjeselskap (AS)", "Aksjeselskap (AS)", "Limited company (AS)"},
    {"Stiftelse", "Stifting", "Foundation"},
    {"Ansvarlig selskap (ANS)", "Ansvarleg selskap (ANS)", "General partnership (ANS)"},
    {"Samvirkeforetak (SA)", "Samvirkeføretak (SA)", "Cooperative (SA)"},
    {"Forening", "Foreining", "Association"},
    {"Samarbeid etter plan- og bygningsloven § 9-2", "Samarbeid etter plan- og bygningslova § 9-2",
     "Cooperation under the Planning Act § 9-2"},
    {"Annen form", "Anna form", "Other form"},
}};

constexpr std::array<Words, 14> kTextWords{{
    {"Forklaring til arbeidsboka", "Forklaring til arbeidsboka", "About this workbook"},
    {"Arket «Ordninger» viser kommunens samarbeidsordninger slik de står i registeret. Rett "
     "det som er feil rett i cellene, legg til ordninger som mangler i de tomme radene nederst, "
     "og skriv et år i «Nedlagt» for ordninger som er lagt ned. Send arbeidsboka tilbake når "
     "du er ferdig.",
     "Arket «Ordningar» viser samarbeidsordningane til kommunen slik dei står i registeret. "
     "Rett det som er feil rett i cellene, legg til ordningar som manglar i dei tomme radene "
     "nedst, og skriv eit år i «Nedlagd» for ordningar som er lagde ned. Send arbeidsboka "
     "tilbake når du er ferdig.",
     "The sheet \"Arrangements\" shows the municipality's cooperation arrangements as the "
     "register has them. Correct what is wrong in the cells, add missing arrangements in the "
     "empty rows at the bottom, and enter a year under \"Ended\" for arrangements that have "
     "ended. Send the workbook back when you are done."},
    {"Kolonne", "Kolonne", "Column"},
    {"Innhold", "Innhald", "Meaning"},
    {"Tillatte verdier", "Tillatne verdiar", "Allowed values"},
    {"Organisasjonsformer", "Organisasjonsformer", "Legal forms"},
    {"Sektorer", "Sektorar", "Sectors"},
    {"Oppgaveområder", "Oppgåveområde", "Task areas"},
    {"Undersøkelse", "Undersøking", "Survey"},
    {"Spørsmål", "Spørsmål", "Question"},
    {"Spørsmålstekst", "Spørsmålstekst", "Question text"},
    {"Respondent", "Respondent", "Respondent"},
    {"Svar", "Svar", "Answer"},
    {"Kommunen har ingen registrerte svar.", "Kommunen har ingen registrerte svar.",
     "The municipality has no registered answers."},
}};

std::string fold(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    // Æ Ø Å (C3 86, C3 98, C3 85) fold to æ ø å (C3 A6, C3 B8, C3 A5).
    if (c == 0xC3 && i + 1 < s.size()) {
      auto d = static_cast<unsigned char>(s[i + 1]);
      if (d == 0x86 || d == 0x98 || d == 0x85) d = static_cast<unsigned char>(d + 0x20);
      out += static_cast<char>(c);
      out += static_cast<char>(d);
      ++i;
      continue;
    }
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

}  // namespace

std::string_view header(Column c, Language lang) {
  return kColumnWords[static_cast<std::size_t>(c)].header.in(lang);
}

std::string_view explanation(Column c, Language lang) {
  return kColumnWords[static_cast<std::size_t>(c)].explanation.in(lang);
}

std::optional<Column> column_from_header(std::string_view text) {
  const auto want = fold(text);
  for (const Column c : kColumns) {
    const auto& w = kColumnWords[static_cast<std::size_t>(c)].header;
    if (fold(w.nb) == want || fold(w.nn) == want || fold(w.en) == want) return c;
  }
  return std::nullopt;
}

std::string_view sheet_name(Sheet s, Language lang) {
  return kSheetWords[static_cast<std::size_t>(s)].in(lang);
}

std::optional<Sheet> sheet_from_name(std::string_view name) {
  const auto want = fold(name);
  for (std::size_t i = 0; i < kSheetWords.size(); ++i) {
    const auto& w = kSheetWords[i];
    if (fold(w.nb) == want || fold(w.nn) == want || fold(w.en) == want)
      return static_cast<Sheet>(i);
  }
  return std::nullopt;
}

std::string_view legal_form_label(content::LegalForm f, Language lang) {
  return kLegalFormWords[static_cast<std::size_t>(f)].in(lang);
}

std::string_view yes_word(Language lang) {
  return lang == Language::en ? "yes" : "ja";
}
std::string_view no_word(Language lang) {
  return lang == Language::en ? "no" : "nei";
}

std::optional<bool> parse_yes_no(std::string_view text) {
  const auto t = fold(text);
  if (t == "ja" || t == "yes" || t == "true" || t == "1" || t == "sann") return true;
  if (t == "nei" || t == "no" || t == "false" || t == "0" || t == "usann") return false;
  return std::nullopt;
}

std::string_view text(Text t, Language lang) {
  return kTextWords[static_cast<std::size_t>(t)].in(lang);
}

}  // namespace samrapport::xlsx
