// Cell values of the register workbook, one function shared by export and import.
#include "xlsx/register_values.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace samrapport::xlsx {

using content::Arrangement;
using content::Content;
using content::Language;
using content::MunicipalityIdx;

std::string number_text(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::optional<double> ownership_share(const Arrangement& a, MunicipalityIdx m) {
  for (const auto& s : a.ownership)
    if (s.municipality && *s.municipality == m) return s.percent;
  return std::nullopt;
}

std::string established_text(const Arrangement& a) {
  if (a.established) return std::to_string(*a.established);
  if (a.established_between)
    return std::to_string(a.established_between->first) + "-" +
           std::to_string(a.established_between->second);
  return "";
}

Language language_of(const Content& content, MunicipalityIdx m) {
  const auto& muni = content.municipalities[m];
  return muni.language ? *muni.language : content.report.language;
}

MunicipalityArrangements arrangements_of(const Content& content, MunicipalityIdx m) {
  MunicipalityArrangements out;
  for (const auto& a : content.arrangements) {
    const bool member =
        std::find(a.participants.begin(), a.participants.end(), m) != a.participants.end() ||
        (a.host && *a.host == m);
    if (!member) continue;
    (a.current(content.report.reference_date) ? out.current : out.ended).push_back(&a);
  }
  return out;
}

namespace {

std::string join_names(const Content& content, const std::vector<MunicipalityIdx>& list) {
  std::string out;
  for (const auto m : list) {
    if (!out.empty()) out += ", ";
    out += content.municipalities[m].name;
  }
  return out;
}

CellValue text_or_empty(const std::optional<std::string>& s) {
  if (!s || s->empty()) return std::monostate{};
  return *s;
}

}  // namespace

CellValue register_value(const Content& content, const Arrangement& a, MunicipalityIdx m, Column c,
                         Language lang) {
  switch (c) {
    case Column::id:
      return a.id;
    case Column::name:
      return a.name;
    case Column::legal_form:
      if (!a.legal_form) return std::monostate{};
      return std::string(content::to_string(*a.legal_form));
    case Column::host:
      if (!a.host) return std::monostate{};
      return content.municipalities[*a.host].name;
    case Column::participants:
      return join_names(content, a.participants);
    case Column::sector:
      return content.sectors[a.sector].id;
    case Column::tasks: {
      std::string out;
      for (const auto t : a.tasks) {
        if (!out.empty()) out += ", ";
        out += content.tasks[t].id;
      }
      if (out.empty()) return std::monostate{};
      return out;
    }
    case Column::established:
      if (a.established) return static_cast<double>(*a.established);
      if (a.established_between) return established_text(a);
      return std::monostate{};
    case Column::ended:
      if (!a.ended) return std::monostate{};
      return static_cast<double>(*a.ended);
    case Column::fte:
      if (!a.fte) return std::monostate{};
      return *a.fte;
    case Column::share:
      if (const auto s = ownership_share(a, m)) return *s;
      return std::monostate{};
    case Column::org_number:
      return text_or_empty(a.org_number);
    case Column::own_legal_person:
      return std::string(a.own_legal_person ? yes_word(lang) : no_word(lang));
    case Column::purpose:
      return text_or_empty(a.purpose);
    case Column::notes:
      return text_or_empty(a.notes);
    case Column::comment:
      return std::monostate{};
  }
  return std::monostate{};
}

}  // namespace samrapport::xlsx
