// Norwegian (and English) conventions for what a report prints: collation of names,
// numbers with decimal comma, percentages, dates, plural forms and "A, B og C" lists.
//
// Numbers are rounded half away from zero, as Excel does (38,25 -> 38,3), on the
// shortest decimal form of the double (so 2.675 -> 2,68, not 2,67).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace samrapport::locale {

enum class Lang { nb, nn, en };

/// Lang from "nb" / "nn" / "en" (anything else: nb).
Lang lang_from(std::string_view code);

// ---------------------------------------------------------------- collation

/// Norwegian collation (ICU, locale "nb"): case and accents secondary, and Æ, Ø, Å
/// after Z, in that order. Thread-safe; cheap to call.
int collate(std::string_view a, std::string_view b);
inline bool collate_less(std::string_view a, std::string_view b) {
  return collate(a, b) < 0;
}
/// A byte string whose memcmp order equals collate() order (for sorting many names).
std::string collation_key(std::string_view s);

// ---------------------------------------------------------------- numbers

/// Rounds half away from zero at `decimals` places, on the shortest decimal form of v.
double round_half_away(double v, int decimals);

/// v with `decimals` places, decimal mark `decimal_mark`, groups of three separated
/// by `thousands` (empty: no grouping). format_number(101859, 0, " ") == "101 859",
/// format_number(93.05, 1) == "93,1", format_number(-0.04, 1) == "0,0".
std::string format_number(double v, int decimals, std::string_view thousands = "",
                          std::string_view decimal_mark = ",");

/// The decimal mark and the default thousands separator of a language
/// (nb/nn: "," and U+00A0 no-break space; en: "." and ",").
std::string_view decimal_mark(Lang lang);
std::string_view thousands_separator(Lang lang);

/// "3,9 %" (nb/nn), "3.9%" (en); with `words`: "3,9 prosent" / "3.9 per cent".
std::string format_percent(double percent, int decimals, Lang lang, bool words = false);

// ---------------------------------------------------------------- dates

/// "16. desember 2021" (nb/nn), "16 December 2021" (en). Month 1-12.
std::string format_date(int year, int month, int day, Lang lang);
/// Parses "2021-12-16" (also a prefix of an ISO date-time). Returns false if malformed.
bool parse_iso_date(std::string_view s, int& year, int& month, int& day);

// ---------------------------------------------------------------- words

/// "1 kommune" / "2 kommuner": the count, a space and the form for n (1 or -1: singular).
std::string plural(std::int64_t n, std::string_view singular, std::string_view plural_form);

/// "Hol, Ål og Gol" (nb/nn), "Hol, Ål and Gol" (en); `conjunction` overrides "og"/"and".
std::string join_list(const std::vector<std::string>& items, Lang lang,
                      std::string_view conjunction = {});

}  // namespace samrapport::locale
