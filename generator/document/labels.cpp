// The label file: every fixed word samrapport prints, in nb, nn and en.
#include "document/labels.hpp"

namespace samrapport::document {
namespace {

constexpr Labels kBokmal{
    .table = "Tabell",
    .figure = "Figur",
    .table_ref = "tabell",
    .figure_ref = "figur",
    .chapter_ref = "kapittel",
    .section_ref = "avsnitt",
    .source = "Kilde",
    .contents = "Innhold",
    .list_of_tables = "Tabeller",
    .list_of_figures = "Figurer",
    .sum = "Sum",
    .page = "Side",
    .commissioned_by = "På oppdrag fra",
    .footnotes = "Fotnoter",
    .continued = "forts.",
    .chart_data = "Tallene i",
    .category = "Kategori",
    .value = "Verdi",
    .chart_class = "Gruppe",
    .back_to_text = "Tilbake til teksten",
    .bar_chart = "Stolpediagram",
    .stacked_chart = "Stablet stolpediagram",
    .grouped_chart = "Gruppert stolpediagram",
    .no_value = "ingen verdi",
    .babel = "norsk",
    .html_lang = "nb",
};

constexpr Labels kNynorsk{
    .table = "Tabell",
    .figure = "Figur",
    .table_ref = "tabell",
    .figure_ref = "figur",
    .chapter_ref = "kapittel",
    .section_ref = "avsnitt",
    .source = "Kjelde",
    .contents = "Innhald",
    .list_of_tables = "Tabellar",
    .list_of_figures = "Figurar",
    .sum = "Sum",
    .page = "Side",
    .commissioned_by = "På oppdrag frå",
    .footnotes = "Fotnotar",
    .continued = "forts.",
    .chart_data = "Tala i",
    .category = "Kategori",
    .value = "Verdi",
    .chart_class = "Gruppe",
    .back_to_text = "Tilbake til teksten",
    .bar_chart = "Stolpediagram",
    .stacked_chart = "Stabla stolpediagram",
    .grouped_chart = "Gruppert stolpediagram",
    .no_value = "ingen verdi",
    .babel = "nynorsk",
    .html_lang = "nn",
};

constexpr Labels kEnglish{
    .table = "Table",
    .figure = "Figure",
    .table_ref = "table",
    .figure_ref = "figure",
    .chapter_ref = "chapter",
    .section_ref = "section",
    .source = "Source",
    .contents = "Contents",
    .list_of_tables = "Tables",
    .list_of_figures = "Figures",
    .sum = "Total",
    .page = "Page",
    .commissioned_by = "Commissioned by",
    .footnotes = "Notes",
    .continued = "continued",
    .chart_data = "Data of",
    .category = "Category",
    .value = "Value",
    .chart_class = "Group",
    .back_to_text = "Back to the text",
    .bar_chart = "Bar chart",
    .stacked_chart = "Stacked bar chart",
    .grouped_chart = "Grouped bar chart",
    .no_value = "no value",
    .babel = "english",
    .html_lang = "en",
};

}  // namespace

const Labels& labels_for(locale::Lang lang) {
  switch (lang) {
    case locale::Lang::nn:
      return kNynorsk;
    case locale::Lang::en:
      return kEnglish;
    case locale::Lang::nb:
      break;
  }
  return kBokmal;
}

}  // namespace samrapport::document
