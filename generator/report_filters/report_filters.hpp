// samrapport's filters for Norwegian reports, registered onto a jinja::Environment from
// outside the engine. Numbers are rounded half away from zero (locale/norwegian.hpp).
//
//   {{ 93.05|num(1) }}            -> 93,1        (alias: number)
//   {{ 101859|num(0, " ") }}      -> 101 859     (thousands=true: the language's separator)
//   {{ 3.94|pct(1) }}             -> 3,9 %       (alias: percent; words=true -> 3,9 prosent)
//   {{ names|sort_nb }}           -> Norwegian order, Æ Ø Å after Z (alias: nb_sort;
//                                    also sort(collate="nb"); attribute= and reverse=)
//   {{ "2021-12-16"|date_nb }}    -> 16. desember 2021
//   {{ n|plural("kommune", "kommuner") }} -> 2 kommuner
//   {{ ["Hol", "Ål", "Gol"]|join_og }}    -> Hol, Ål og Gol (alias: join_and)
//
// In Markdown templates, `tojson` (which lib/report.j2 uses for the table()/figure()
// declarations) writes a backslash before "{ref:", "{Ref:" and "{refnum:" in strings that
// are data, so that the document layer prints them as written; Markup (ref()'s output)
// keeps its markers.
#pragma once

#include "jinja/environment.hpp"
#include "locale/norwegian.hpp"
#include "report_filters/escapers.hpp"

namespace samrapport::report_filters {

/// Registers the filters above; `lang` selects decimal mark, words and month names.
void register_report_filters(jinja::Environment& env, locale::Lang lang);

}  // namespace samrapport::report_filters
