// The fixed words of a report in bokmål (nb), nynorsk (nn) and English (en): "Tabell",
// "Figur", "Kilde", "Innhold" ... One table in labels.cpp holds all three languages.
#pragma once

#include <string_view>

#include "locale/norwegian.hpp"

namespace samrapport::document {

struct Labels {
  std::string_view table;            // "Tabell" (caption label)
  std::string_view figure;           // "Figur"
  std::string_view table_ref;        // "tabell" (in running text: "jf. tabell 3.1")
  std::string_view figure_ref;       // "figur"
  std::string_view chapter_ref;      // "kapittel"
  std::string_view section_ref;      // "avsnitt"
  std::string_view source;           // "Kilde"
  std::string_view contents;         // "Innhold"
  std::string_view list_of_tables;   // "Tabeller"
  std::string_view list_of_figures;  // "Figurer"
  std::string_view sum;              // "Sum"
  std::string_view page;             // "Side"
  std::string_view commissioned_by;  // "På oppdrag fra"
  std::string_view footnotes;        // "Fotnoter"
  std::string_view continued;        // "forts."
  std::string_view chart_data;     // "Tallene i" (summary of the data table: "Tallene i figur 2.1")
  std::string_view category;       // "Kategori" (header of a chart's data table)
  std::string_view value;          // "Verdi" (value column of a chart's data table)
  std::string_view chart_class;    // "Gruppe" (colour class of a chart's category)
  std::string_view back_to_text;   // "Tilbake til teksten" (footnote back link)
  std::string_view bar_chart;      // "Stolpediagram"
  std::string_view stacked_chart;  // "Stablet stolpediagram"
  std::string_view grouped_chart;  // "Gruppert stolpediagram"
  std::string_view no_value;       // "ingen verdi"
  std::string_view babel;          // LaTeX babel language: "norsk", "nynorsk", "english"
  std::string_view html_lang;      // "nb", "nn", "en"
};

const Labels& labels_for(locale::Lang lang);

}  // namespace samrapport::document
