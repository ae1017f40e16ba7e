// A small hand-made content, built in code, where every figure can be counted by hand.
// The expected values in analyse_test.cpp are derived in the comments there.
//
// Municipalities (county / former county; in scope unless noted):
//   0 Ål          Nord  4 648  Viken / Buskerud   staff_fte 100
//   1 Øvre Eiker  Nord 19 709  Viken / Buskerud   staff_fte 400
//   2 Aremark     Sør   1 300  Viken / Buskerud
//   3 Zeta        Sør  10 000  Viken / Buskerud
//   4 Ørje        Sør  15 000  Viken / Buskerud   (in no arrangement)
//   5 Gran        Sør  13 611  Innlandet / Oppland, edge
//   6 Asker       (out of scope) Viken / Akershus
//   7 Tønsberg    (out of scope) Vestfold og Telemark / Vestfold
// Arrangements (reference date 2021-11-01):
//   A Åsen IKT        [Ål, Zeta]             adm    ikt       host Ål      est 2016   iks
//   B Ærfugl legevakt [Ål, Zeta]             helse  legevakt  host Zeta    2015-2021  vertskommune
//   C Øst             [Ål, Zeta]             adm              host Asker   1998-2003
//   D Zulu            [Ål, Øvre Eiker]       adm                           est 1990   avtale
//   E alfa            [Ål, Zeta]             helse  legevakt  host Asker   est 2005
//   F Beta (beta-2)   [Ål, Zeta]             adm
//   G Beta (beta-1)   [Ål, Zeta]             adm
//   H Stort           [Ål, Zeta] total 12    adm    ikt       fte 3.5
//   I Grensen         [Øvre Eiker, Gran, Asker]          helse legevakt  fte 2.0
//   J Vestover        [Aremark, Tønsberg, Øvre Eiker, Ål] helse legevakt host Tønsberg
//   K Gammel          [Ål, Aremark]          adm    ended 2019 (not current)
//   L Snart slutt     [Ål, Aremark]          adm    ended 2022 (current: after 2021)
// Sectors: adm, helse, kultur (empty). Tasks: ikt (ref "Ref 2020": 50), legevakt, bibliotek.
// Dataset "ds": navn (text), kommuner (refs), a (number, sum), b (number, sum),
// andel (ratio of b / a).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "content/model.hpp"

namespace samrapport::analysis_test {

using content::Content;

inline void add_municipality(Content& c, std::string name, std::optional<std::int64_t> population,
                             std::optional<std::size_t> region, std::string county,
                             std::string former, bool in_scope, bool edge = false) {
  content::Municipality m;
  m.id = std::to_string(3000 + c.municipalities.size());
  m.name = std::move(name);
  m.population = population;
  m.region = region;
  m.county = std::move(county);
  m.former_county = std::move(former);
  m.in_scope = in_scope;
  m.edge = edge;
  const std::size_t idx = c.municipalities.size();
  c.municipality_by_ref[m.id] = idx;
  c.municipality_by_ref[m.name] = idx;
  c.municipalities.push_back(std::move(m));
}

inline std::vector<content::MunicipalityIdx> refs(const Content& c,
                                                  std::initializer_list<const char*> names) {
  std::vector<content::MunicipalityIdx> out;
  for (const char* n : names) out.push_back(c.municipality_by_ref.at(n));
  return out;
}

struct ArrangementSpec {
  std::string id;
  std::string name;
  std::vector<std::string> participants;
  std::string sector;
  std::vector<std::string> tasks = {};
  const char* host = nullptr;
  std::optional<int> established = std::nullopt;
  std::optional<std::pair<int, int>> between = std::nullopt;
  std::optional<content::LegalForm> legal_form = std::nullopt;
  std::optional<int> total = std::nullopt;
  std::optional<int> ended = std::nullopt;
  std::optional<double> fte = std::nullopt;
};

inline void add_arrangement(Content& c, const ArrangementSpec& s) {
  content::Arrangement a;
  a.id = s.id;
  a.name = s.name;
  for (const auto& p : s.participants) a.participants.push_back(c.municipality_by_ref.at(p));
  a.participant_total = s.total;
  if (s.host != nullptr) a.host = c.municipality_by_ref.at(s.host);
  a.legal_form = s.legal_form;
  a.sector = c.sector_by_id.at(s.sector);
  for (const auto& t : s.tasks) a.tasks.push_back(c.task_by_id.at(t));
  a.established = s.established;
  a.established_between = s.between;
  a.ended = s.ended;
  a.fte = s.fte;
  c.arrangements.push_back(std::move(a));
}

inline Content make_small_content() {
  using content::LegalForm;
  Content c;
  c.root = "small";
  c.report.title = "Test";
  c.report.author = "Test";
  c.report.reference_date = {2021, 11, 1};
  c.report.area_name = "Testfylke";

  c.regions.push_back({"nord", "Nord", std::string("Nordrådet"), {}});
  c.regions.push_back({"sor", "Sør", std::nullopt, {}});
  c.region_by_id = {{"nord", 0}, {"sor", 1}};

  add_municipality(c, "Ål", 4648, 0, "Viken", "Buskerud", true);
  add_municipality(c, "Øvre Eiker", 19709, 0, "Viken", "Buskerud", true);
  add_municipality(c, "Aremark", 1300, 1, "Viken", "Buskerud", true);
  add_municipality(c, "Zeta", 10000, 1, "Viken", "Buskerud", true);
  add_municipality(c, "Ørje", 15000, 1, "Viken", "Buskerud", true);
  add_municipality(c, "Gran", 13611, 1, "Innlandet", "Oppland", true, true);
  add_municipality(c, "Asker", std::nullopt, std::nullopt, "Viken", "Akershus", false);
  add_municipality(c, "Tønsberg", std::nullopt, std::nullopt, "Vestfold og Telemark", "Vestfold",
                   false);
  c.municipalities[0].staff_fte = 100;
  c.municipalities[1].staff_fte = 400;

  c.sectors = {{"adm", "Administrasjon", {}}, {"helse", "Helse", {}}, {"kultur", "Kultur", {}}};
  c.sector_by_id = {{"adm", 0}, {"helse", 1}, {"kultur", 2}};
  c.tasks.push_back({"ikt", "Felles IKT", 0, {{"Ref 2020", 50.0}}, {}});
  c.tasks.push_back({"legevakt", "Legevakt", 1, {}, {}});
  c.tasks.push_back({"bibliotek", "Bibliotek", 2, {}, {}});
  c.task_by_id = {{"ikt", 0}, {"legevakt", 1}, {"bibliotek", 2}};

  add_arrangement(c, {.id = "a",
                      .name = "Åsen IKT",
                      .participants = {"Ål", "Zeta"},
                      .sector = "adm",
                      .tasks = {"ikt"},
                      .host = "Ål",
                      .established = 2016,
                      .legal_form = LegalForm::iks});
  add_arrangement(c, {.id = "b",
                      .name = "Ærfugl legevakt",
                      .participants = {"Ål", "Zeta"},
                      .sector = "helse",
                      .tasks = {"legevakt"},
                      .host = "Zeta",
                      .between = std::pair{2015, 2021},
                      .legal_form = LegalForm::vertskommune});
  add_arrangement(c, {.id = "c",
                      .name = "Øst",
                      .participants = {"Ål", "Zeta"},
                      .sector = "adm",
                      .host = "Asker",
                      .between = std::pair{1998, 2003}});
  add_arrangement(c, {.id = "d",
                      .name = "Zulu",
                      .participants = {"Ål", "Øvre Eiker"},
                      .sector = "adm",
                      .established = 1990,
                      .legal_form = LegalForm::avtale});
  add_arrangement(c, {.id = "e",
                      .name = "alfa",
                      .participants = {"Ål", "Zeta"},
                      .sector = "helse",
                      .tasks = {"legevakt"},
                      .host = "Asker",
                      .established = 2005});
  add_arrangement(
      c, {.id = "beta-2", .name = "Beta", .participants = {"Ål", "Zeta"}, .sector = "adm"});
  add_arrangement(
      c, {.id = "beta-1", .name = "Beta", .participants = {"Ål", "Zeta"}, .sector = "adm"});
  add_arrangement(c, {.id = "h",
                      .name = "Stort",
                      .participants = {"Ål", "Zeta"},
                      .sector = "adm",
                      .tasks = {"ikt"},
                      .total = 12,
                      .fte = 3.5});
  add_arrangement(c, {.id = "i",
                      .name = "Grensen",
                      .participants = {"Øvre Eiker", "Gran", "Asker"},
                      .sector = "helse",
                      .tasks = {"legevakt"},
                      .fte = 2.0});
  add_arrangement(c, {.id = "j",
                      .name = "Vestover",
                      .participants = {"Aremark", "Tønsberg", "Øvre Eiker", "Ål"},
                      .sector = "helse",
                      .tasks = {"legevakt"},
                      .host = "Tønsberg"});
  add_arrangement(c, {.id = "k",
                      .name = "Gammel",
                      .participants = {"Ål", "Aremark"},
                      .sector = "adm",
                      .ended = 2019});
  add_arrangement(c, {.id = "l",
                      .name = "Snart slutt",
                      .participants = {"Ål", "Aremark"},
                      .sector = "adm",
                      .ended = 2022});

  content::Dataset ds;
  ds.id = "ds";
  ds.title = "Testtabell";
  ds.source = "Testkilde";
  ds.columns = {
      {"navn", "Navn", content::ColumnKind::text, 0, false, std::nullopt},
      {"kommuner", "Kommuner", content::ColumnKind::refs, 0, false, std::nullopt},
      {"a", "A", content::ColumnKind::number, 1, true, std::nullopt},
      {"b", "B", content::ColumnKind::number, 1, true, std::nullopt},
      {"andel", "Andel", content::ColumnKind::ratio, 1, false,
       std::pair<std::size_t, std::size_t>{3, 2}},
  };
  using Cell = content::DatasetCell;
  ds.rows = {
      {Cell{std::string("X")}, Cell{refs(c, {"Ål"})}, Cell{10.0}, Cell{5.0}, Cell{}},
      {Cell{std::string("Y")}, Cell{refs(c, {"Zeta", "Ørje"})}, Cell{30.0}, Cell{27.0}, Cell{}},
      {Cell{std::string("Z")}, Cell{}, Cell{0.0}, Cell{0.0}, Cell{}},
      {Cell{std::string("W")}, Cell{}, Cell{}, Cell{3.0}, Cell{}},
  };
  c.datasets.push_back(std::move(ds));
  return c;
}

}  // namespace samrapport::analysis_test
