#include "locale/norwegian.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/sortkey.h>
#include <unicode/unistr.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace samrapport::locale {

Lang lang_from(std::string_view code) {
  if (code == "nn") return Lang::nn;
  if (code == "en") return Lang::en;
  return Lang::nb;
}

// ---------------------------------------------------------------- collation

namespace {

// ICU collators are not thread-safe for concurrent use of one instance, so each thread
// gets its own clone of a shared prototype.
const icu::Collator& prototype_collator() {
  static const std::unique_ptr<icu::Collator> proto = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("nb"), status));
    if (U_FAILURE(status) || !c) throw std::runtime_error("ICU: no Norwegian collator");
    return c;
  }();
  return *proto;
}

icu::Collator& thread_collator() {
  thread_local std::unique_ptr<icu::Collator> c(prototype_collator().clone());
  return *c;
}

}  // namespace

int collate(std::string_view a, std::string_view b) {
  UErrorCode status = U_ZERO_ERROR;
  const UCollationResult r = thread_collator().compareUTF8(
      icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
      icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  if (U_FAILURE(status)) return a.compare(b);
  if (r != UCOL_EQUAL) return r == UCOL_LESS ? -1 : 1;
  // Collation-equal strings are still ordered, by bytes, so that sorting is total.
  const int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

std::string collation_key(std::string_view s) {
  const icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  auto& coll = thread_collator();
  // Room for the usual key (a few bytes per character) so that ICU runs once.
  std::string key(s.size() * 4 + 16, '\0');
  int32_t n =
      coll.getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), static_cast<int32_t>(key.size()));
  if (n > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<std::size_t>(n));
    n = coll.getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), n);
  }
  key.resize(n > 0 ? static_cast<std::size_t>(n - 1) : 0);  // drop the terminating 0
  key.push_back('\0');
  key.append(s);  // ties broken by bytes, as in collate()
  return key;
}

// ---------------------------------------------------------------- numbers

namespace {

// The shortest decimal digits of |v| and the position of the decimal point:
// v = 0.d1d2d3... * 10^point.
struct Decimal {
  std::string digits;  // no leading zeros (empty for zero)
  int point = 0;
  bool negative = false;
};

Decimal to_decimal(double v) {
  Decimal d;
  d.negative = std::signbit(v);
  std::array<char, 64> buf{};
  auto res = std::to_chars(buf.data(), buf.data() + buf.size(), std::fabs(v),
                           std::chars_format::scientific);
  std::string_view s(buf.data(), static_cast<std::size_t>(res.ptr - buf.data()));
  const auto e = s.find('e');
  std::string mant(s.substr(0, e));
  const int exp = std::atoi(std::string(s.substr(e + 1)).c_str());
  std::string digits;
  for (char c : mant)
    if (c != '.') digits += c;
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  if (digits.empty() || digits == "0") return Decimal{{}, 0, d.negative};
  d.digits = digits;
  d.point = exp + 1;
  return d;
}

// Integer part and fraction digits (exactly `decimals` of them), rounded half away.
void round_decimal(const Decimal& d, int decimals, std::string& int_part, std::string& frac) {
  // Build the fixed digits: all digits up to `decimals` places after the point.
  std::string fixed;  // digits of round(|v| * 10^decimals) before rounding, as a string
  const int keep = d.point + decimals;  // number of digits of d.digits kept
  bool round_up = false;
  if (keep < 0) {
    fixed.assign(1, '0');
  } else {
    for (int i = 0; i < keep; ++i)
      fixed += i < static_cast<int>(d.digits.size()) ? d.digits[static_cast<std::size_t>(i)] : '0';
    if (keep < static_cast<int>(d.digits.size()))
      round_up = d.digits[static_cast<std::size_t>(keep)] >= '5';
    if (fixed.empty()) fixed.assign(1, '0');
  }
  if (round_up) {
    int i = static_cast<int>(fixed.size()) - 1;
    while (i >= 0 && fixed[static_cast<std::size_t>(i)] == '9')
      fixed[static_cast<std::size_t>(i--)] = '0';
    if (i < 0)
      fixed = "1" + fixed;
    else
      ++fixed[static_cast<std::size_t>(i)];
  }
  if (static_cast<int>(fixed.size()) <= decimals)
    fixed = std::string(static_cast<std::size_t>(decimals + 1) - fixed.size(), '0') + fixed;
  int_part = fixed.substr(0, fixed.size() - static_cast<std::size_t>(decimals));
  frac = fixed.substr(fixed.size() - static_cast<std::size_t>(decimals));
  const auto nz = int_part.find_first_not_of('0');
  if (nz == std::string::npos)
    int_part.assign(1, '0');
  else
    int_part.erase(0, nz);
}

}  // namespace

double round_half_away(double v, int decimals) {
  if (!std::isfinite(v)) return v;
  std::string i, f;
  const Decimal d = to_decimal(v);
  round_decimal(d, decimals < 0 ? 0 : decimals, i, f);
  std::string s = (d.negative ? "-" : "") + i + (f.empty() ? "" : "." + f);
  return std::strtod(s.c_str(), nullptr);
}

std::string format_number(double v, int decimals, std::string_view thousands,
                          std::string_view decimal_mark) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v < 0 ? "-∞" : "∞";
  if (decimals < 0) decimals = 0;
  std::string i, f;
  const Decimal d = to_decimal(v);
  round_decimal(d, decimals, i, f);
  std::string out;
  const bool zero = i == "0" && f.find_first_not_of('0') == std::string::npos;
  if (d.negative && !zero) out += '-';
  if (!thousands.empty()) {
    const std::size_t n = i.size();
    for (std::size_t k = 0; k < n; ++k) {
      if (k > 0 && (n - k) % 3 == 0) out += thousands;
      out += i[k];
    }
  } else {
    out += i;
  }
  if (decimals > 0) {
    out += decimal_mark;
    out += f;
  }
  return out;
}

std::string_view decimal_mark(Lang lang) {
  return lang == Lang::en ? "." : ",";
}
std::string_view thousands_separator(Lang lang) {
  return lang == Lang::en ? "," : "\u00a0";
}

std::string format_percent(double percent, int decimals, Lang lang, bool words) {
  std::string n = format_number(percent, decimals, "", decimal_mark(lang));
  if (words) return n + (lang == Lang::en ? " per cent" : " prosent");
  return lang == Lang::en ? n + "%" : n + "\u00a0%";
}

// ---------------------------------------------------------------- dates

std::string format_date(int year, int month, int day, Lang lang) {
  static const char* const kNo[] = {"januar",    "februar", "mars",     "april",
                                    "mai",       "juni",    "juli",     "august",
                                    "september", "oktober", "november", "desember"};
  static const char* const kEn[] = {"January",   "February", "March",    "April",
                                    "May",       "June",     "July",     "August",
                                    "September", "October",  "November", "December"};
  if (month < 1 || month > 12) throw std::invalid_argument("month out of range");
  const std::size_t m = static_cast<std::size_t>(month - 1);
  if (lang == Lang::en) return std::to_string(day) + " " + kEn[m] + " " + std::to_string(year);
  return std::to_string(day) + ". " + kNo[m] + " " + std::to_string(year);
}

bool parse_iso_date(std::string_view s, int& year, int& month, int& day) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  auto num = [&](std::size_t pos, std::size_t len, int& out) {
    auto r = std::from_chars(s.data() + pos, s.data() + pos + len, out);
    return r.ec == std::errc() && r.ptr == s.data() + pos + len;
  };
  if (!num(0, 4, year) || !num(5, 2, month) || !num(8, 2, day)) return false;
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return false;
  if (month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDays[month - 1]) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

// ---------------------------------------------------------------- words

std::string plural(std::int64_t n, std::string_view singular, std::string_view plural_form) {
  return std::to_string(n) + " " + std::string(n == 1 || n == -1 ? singular : plural_form);
}

std::string join_list(const std::vector<std::string>& items, Lang lang,
                      std::string_view conjunction) {
  const std::string conj =
      conjunction.empty() ? std::string(lang == Lang::en ? "and" : "og") : std::string(conjunction);
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " " + conj + " " : ", ";
    out += items[i];
  }
  return out;
}

}  // namespace samrapport::locale
