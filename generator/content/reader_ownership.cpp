// The eierskapsmelding fields: organisation numbers (Enhetsregisteret's modulus-11 check
// digit), shares per municipality, representatives, purposes, agreements, key figures, and
// the municipality's eierskapsmelding metadata. See reader_ownership.hpp.
#include "content/reader_ownership.hpp"

#include <algorithm>
#include <functional>

#include "content/suggest.hpp"

namespace samrapport::content {

namespace {

constexpr std::string_view kRepresentativeKeys[] = {"name", "role", "term"};
constexpr std::string_view kAgreementKeys[] = {"date", "case_number", "link"};
constexpr std::string_view kKeyFigureKeys[] = {"year", "operating_income", "result", "equity",
                                               "debt", "contribution"};
constexpr std::string_view kReportInfoKeys[] = {"adopted_by", "date", "case_number",
                                                "election_period"};

/// Amounts in NOK: ten trillion kroner is above any municipal entity (and far from the
/// precision limit of a double).
constexpr double kMaxAmount = 1e13;

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string quoted(std::string_view s) {
  return in_quotes(s);
}

bool is_participant(const Arrangement& a, MunicipalityIdx m) {
  return std::find(a.participants.begin(), a.participants.end(), m) != a.participants.end();
}

/// Reads a mapping municipality reference -> value: each key a known municipality, a
/// participant of the arrangement, and given once. `value` reads one entry.
void read_municipality_map(ReadContext& ctx, yaml::NodeRef map, std::string_view field,
                           std::string_view id, const Arrangement& a, bool participants_known,
                           const std::function<void(MunicipalityIdx, yaml::NodeRef)>& value) {
  if (!expect_mapping(ctx, map, quoted(field))) return;
  IndexSet seen;
  for (std::size_t i = 0; i < map.size(); ++i) {
    const yaml::NodeRef key = map.key(i);
    const auto m = ctx.municipality(key);
    if (!m) continue;
    const std::string& name = ctx.content.municipalities[*m].name;
    if (!seen.insert(*m)) {
      ctx.error(key, "'" + name + "' is given twice in " + quoted(field));
      continue;
    }
    if (!is_participant(a, *m)) {
      // When a participant was misspelt, this may be that one: it was reported there.
      if (!participants_known) continue;
      ctx.error(key, "'" + name + "' in " + quoted(field) +
                         " is not among the participants of arrangement '" + std::string(id) + "'");
      continue;
    }
    const yaml::NodeRef v = map.value(i);
    if (v.is_null()) continue;
    value(*m, v);
  }
}

std::optional<std::string> read_org_number(ReadContext& ctx, yaml::NodeRef node) {
  const auto text = as_text(ctx, node, "org_number");
  if (!text) return std::nullopt;
  std::string digits;
  for (const char c : *text) {
    if (c != ' ') digits += c;
  }
  if (digits.size() != 9 || !all_digits(digits)) {
    ctx.error(node, "'org_number' " + quoted(*text) +
                        " is not an organisation number of nine digits (e.g. 974 760 673)");
    return std::nullopt;
  }
  const auto check = org_number_check_digit(std::string_view(digits).substr(0, 8));
  if (!check) {
    ctx.error(node, "'org_number' " + digits +
                        " is not a valid organisation number: no modulus-11 check digit fits "
                        "its first eight digits (check for a typing error)");
    return std::nullopt;
  }
  if (digits[8] - '0' != *check) {
    ctx.error(node, "'org_number' " + digits + " has a wrong check digit: for " +
                        digits.substr(0, 8) + " it must be " + std::to_string(*check) + ", not " +
                        digits.substr(8) + " (check for a typing error)");
    return std::nullopt;
  }
  return digits;
}

std::optional<YearSpan> read_year_span(ReadContext& ctx, yaml::NodeRef node,
                                       std::string_view field) {
  const auto text = as_text(ctx, node, field);
  if (!text) return std::nullopt;
  const auto span = parse_year_span(*text);
  if (!span) {
    ctx.error(node, quoted(field) + " must be two years written YYYY-YYYY (e.g. 2023-2027), not " +
                        quoted(*text));
    return std::nullopt;
  }
  if (span->from > span->to) {
    ctx.error(node, quoted(field) + " " + *text + ": from is after to");
    return std::nullopt;
  }
  return span;
}

void read_liability_share(ReadContext& ctx, yaml::NodeRef map, std::string_view id, Arrangement& a,
                          bool participants_known) {
  double sum = 0;
  read_municipality_map(ctx, map, "liability_share", id, a, participants_known,
                        [&](MunicipalityIdx m, yaml::NodeRef v) {
                          const auto percent = as_number(ctx, v, "liability_share");
                          if (!percent) return;
                          const std::string& name = ctx.content.municipalities[m].name;
                          if (*percent < 0) {
                            ctx.error(v, "liability share for '" + name + "' must not be negative");
                            return;
                          }
                          if (*percent > 100) {
                            ctx.error(v, "liability share " + number_text(*percent) + " for '" +
                                             name + "' is above 100 percent");
                            return;
                          }
                          sum += *percent;
                          a.liability_share.push_back(MunicipalityPercent{m, *percent});
                        });
  // Shares are written with decimals; allow for rounding in the last one.
  if (sum > 100.0 + 1e-6) {
    ctx.error(map, "liability shares of arrangement '" + std::string(id) + "' add up to " +
                       number_text(sum) + " percent; at most 100");
  }
  const bool applies = a.legal_form == LegalForm::iks || a.legal_form == LegalForm::ans ||
                       a.legal_form == LegalForm::oppgavefellesskap;
  if (!applies && !a.liability_share.empty()) {
    ctx.warning(map, "'liability_share' applies to iks, ans and oppgavefellesskap; arrangement '" +
                         std::string(id) + "' is " +
                         (a.legal_form ? "'" + std::string(to_string(*a.legal_form)) + "'"
                                       : std::string("without 'legal_form'")));
  }
}

Representative read_representative(ReadContext& ctx, yaml::NodeRef item, bool& ok) {
  Representative r;
  MapReader m(ctx, item, describe("representative", item, "name"), kRepresentativeKeys);
  ok = m.ok();
  if (!ok) return r;
  auto name = m.text("name", true);
  r.role = m.text("role");
  if (const yaml::NodeRef term = m.get("term"); term.present())
    r.term = read_year_span(ctx, term, "term");
  ok = name.has_value();
  if (name) r.name = std::move(*name);
  return r;
}

void read_representatives(ReadContext& ctx, yaml::NodeRef map, std::string_view id, Arrangement& a,
                          bool participants_known) {
  read_municipality_map(ctx, map, "representatives", id, a, participants_known,
                        [&](MunicipalityIdx m, yaml::NodeRef list) {
                          if (!expect_list(ctx, list, "representatives")) return;
                          MunicipalityRepresentatives entry{m, {}};
                          entry.people.reserve(list.size());
                          for (std::size_t i = 0; i < list.size(); ++i) {
                            bool ok = false;
                            Representative r = read_representative(ctx, list.item(i), ok);
                            if (ok) entry.people.push_back(std::move(r));
                          }
                          a.representatives.push_back(std::move(entry));
                        });
}

void read_owner_purposes(ReadContext& ctx, yaml::NodeRef map, std::string_view id, Arrangement& a,
                         bool participants_known) {
  read_municipality_map(ctx, map, "owner_purposes", id, a, participants_known,
                        [&](MunicipalityIdx m, yaml::NodeRef v) {
                          if (auto text = as_text(ctx, v, "owner_purposes")) {
                            a.owner_purposes.push_back(MunicipalityPurpose{m, std::move(*text)});
                          }
                        });
}

std::optional<Agreement> read_agreement(ReadContext& ctx, yaml::NodeRef node) {
  MapReader m(ctx, node, "'agreement'", kAgreementKeys);
  if (!m.ok()) return std::nullopt;
  Agreement out;
  out.date = m.date("date");
  out.case_number = m.text("case_number");
  if (auto link = m.text("link")) {
    if (is_http_url(*link)) {
      out.link = std::move(*link);
    } else {
      ctx.error(m.get("link"),
                "'link' must be an http or https URL (https://...), not " + quoted(*link));
    }
  }
  return out;
}

void read_amount(ReadContext& ctx, MapReader& m, std::string_view key, bool may_be_negative,
                 std::optional<double>& target) {
  const auto v = m.number(key);
  if (!v) return;
  if (check_range(ctx, m.get(key), key, *v, may_be_negative ? -kMaxAmount : 0, kMaxAmount)) {
    target = *v;
  }
}

void read_key_figures(ReadContext& ctx, yaml::NodeRef list, std::string_view id, Arrangement& a,
                      bool participants_known) {
  std::vector<std::pair<int, SourcePos>> years;
  a.key_figures.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    const yaml::NodeRef item = list.item(i);
    MapReader m(ctx, item, describe("key figures", item, "year"), kKeyFigureKeys);
    if (!m.ok()) continue;
    KeyFigures k;
    const yaml::NodeRef year_node = m.require("year");
    const auto year = as_year(ctx, year_node, "year");
    read_amount(ctx, m, "operating_income", false, k.operating_income);
    read_amount(ctx, m, "result", true, k.result);
    read_amount(ctx, m, "equity", true, k.equity);
    read_amount(ctx, m, "debt", false, k.debt);
    if (const yaml::NodeRef c = m.get("contribution"); c.present()) {
      read_municipality_map(
          ctx, c, "contribution", id, a, participants_known,
          [&](MunicipalityIdx mu, yaml::NodeRef v) {
            const auto amount = as_number(ctx, v, "contribution");
            if (amount && check_range(ctx, v, "contribution", *amount, 0, kMaxAmount)) {
              k.contribution.push_back(MunicipalityAmount{mu, *amount});
            }
          });
    }
    if (!year) continue;
    const auto earlier =
        std::find_if(years.begin(), years.end(), [&](const auto& y) { return y.first == *year; });
    if (earlier != years.end()) {
      ctx.error(year_node, "key figures for " + std::to_string(*year) +
                               " are given twice (first at " + ReadContext::where(earlier->second) +
                               ")");
      continue;
    }
    years.emplace_back(*year, year_node.pos());
    k.year = *year;
    a.key_figures.push_back(std::move(k));
  }
}

}  // namespace

std::optional<int> org_number_check_digit(std::string_view first_eight) {
  static constexpr int kWeights[] = {3, 2, 7, 6, 5, 4, 3, 2};
  if (first_eight.size() != 8 || !all_digits(first_eight)) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < 8; ++i) sum += (first_eight[i] - '0') * kWeights[i];
  const int remainder = sum % 11;
  if (remainder == 0) return 0;
  if (remainder == 1) return std::nullopt;
  return 11 - remainder;
}

std::optional<YearSpan> parse_year_span(std::string_view s) {
  if (s.size() != 9 || s[4] != '-') return std::nullopt;
  const std::string_view from = s.substr(0, 4);
  const std::string_view to = s.substr(5, 4);
  if (!all_digits(from) || !all_digits(to)) return std::nullopt;
  YearSpan span{std::stoi(std::string(from)), std::stoi(std::string(to))};
  if (span.from < 1000 || span.to < 1000) return std::nullopt;
  return span;
}

bool is_http_url(std::string_view s) {
  std::string_view rest;
  if (s.starts_with("https://")) {
    rest = s.substr(8);
  } else if (s.starts_with("http://")) {
    rest = s.substr(7);
  } else {
    return false;
  }
  const auto host_end = rest.find_first_of("/?#");
  const std::string_view host = rest.substr(0, host_end);
  if (host.empty() || host.front() == '.' || host.front() == ':') return false;
  return std::none_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '<' || c == '>' || c == '"';
  });
}

void read_arrangement_ownership(ReadContext& ctx, MapReader& m, std::string_view id, Arrangement& a,
                                ArrangementSource& src) {
  if (const yaml::NodeRef org = m.get("org_number"); org.present()) {
    src.org_number = org;
    a.org_number = read_org_number(ctx, org);
  }
  a.purpose = m.text("purpose");
  if (const auto own = m.boolean("own_legal_person")) {
    a.own_legal_person = *own;
    const bool applies =
        a.legal_form == LegalForm::ipr || a.legal_form == LegalForm::oppgavefellesskap;
    if (*own && !applies) {
      ctx.warning(m.get("own_legal_person"),
                  "'own_legal_person' applies to ipr and oppgavefellesskap; arrangement '" +
                      std::string(id) + "' is " +
                      (a.legal_form ? "'" + std::string(to_string(*a.legal_form)) + "'"
                                    : std::string("without 'legal_form'")));
    }
  }
  const bool known = !src.participants_unresolved;
  if (const yaml::NodeRef v = m.get("liability_share"); v.present())
    read_liability_share(ctx, v, id, a, known);
  if (const yaml::NodeRef v = m.get("representatives"); v.present())
    read_representatives(ctx, v, id, a, known);
  if (const yaml::NodeRef v = m.get("owner_purposes"); v.present())
    read_owner_purposes(ctx, v, id, a, known);
  if (const yaml::NodeRef v = m.get("agreement"); v.present()) a.agreement = read_agreement(ctx, v);
  if (const yaml::NodeRef v = m.list("key_figures"); v.present())
    read_key_figures(ctx, v, id, a, known);
}

std::optional<OwnershipReportInfo> read_ownership_report_info(ReadContext& ctx,
                                                              yaml::NodeRef node) {
  MapReader m(ctx, node, "'eierskapsmelding'", kReportInfoKeys);
  if (!m.ok()) return std::nullopt;
  OwnershipReportInfo info;
  info.adopted_by = m.text("adopted_by");
  info.date = m.date("date");
  info.case_number = m.text("case_number");
  if (const yaml::NodeRef period = m.get("election_period"); period.present()) {
    const auto text = as_text(ctx, period, "election_period");
    if (text) {
      const auto span = parse_year_span(*text);
      if (span && span->to == span->from + 4) {
        info.election_period = span;
      } else {
        ctx.error(period,
                  "'election_period' must be an election period written YYYY-YYYY, four years "
                  "apart (e.g. 2023-2027), not " +
                      quoted(*text));
      }
    }
  }
  return info;
}

}  // namespace samrapport::content
