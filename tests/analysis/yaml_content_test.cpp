// The small content of small_content.hpp written as YAML and loaded by the content reader:
// the analysis of what the reader makes of it equals the analysis of the content built in
// code, key for key.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "analysis/analyse.hpp"
#include "analysis/to_json.hpp"
#include "common/diagnostics.hpp"
#include "common/source_tree.hpp"
#include "content/reader.hpp"
#include "small_content.hpp"

namespace samrapport::analysis {
namespace {

const std::map<std::string, std::string>& files() {
  static const std::map<std::string, std::string> f{
      {"report.yaml", R"(title: Test
author: Test
language: nb
reference_date: 2021-11-01
area_name: Testfylke
)"},
      {"municipalities.yaml", R"(regions:
  - { id: nord, name: Nord, council: Nordrådet }
  - { id: sor, name: Sør }
municipalities:
  - { id: "3000", name: Ål, population: 4648, region: nord, county: Viken, former_county: Buskerud, in_scope: true, staff_fte: 100 }
  - { id: "3001", name: Øvre Eiker, population: 19709, region: nord, county: Viken, former_county: Buskerud, in_scope: true, staff_fte: 400 }
  - { id: "3002", name: Aremark, population: 1300, region: sor, county: Viken, former_county: Buskerud, in_scope: true }
  - { id: "3003", name: Zeta, population: 10000, region: sor, county: Viken, former_county: Buskerud, in_scope: true }
  - { id: "3004", name: Ørje, population: 15000, region: sor, county: Viken, former_county: Buskerud, in_scope: true }
  - { id: "3005", name: Gran, population: 13611, region: sor, county: Innlandet, former_county: Oppland, in_scope: true, edge: true }
  - { id: "3006", name: Asker, county: Viken, former_county: Akershus }
  - { id: "3007", name: Tønsberg, county: Vestfold og Telemark, former_county: Vestfold }
)"},
      {"tasks.yaml", R"(sectors:
  - { id: adm, name: Administrasjon }
  - { id: helse, name: Helse }
  - { id: kultur, name: Kultur }
tasks:
  - { id: ikt, name: Felles IKT, sector: adm, reference: { "Ref 2020": 50 } }
  - { id: legevakt, name: Legevakt, sector: helse }
  - { id: bibliotek, name: Bibliotek, sector: kultur }
)"},
      {"arrangements/alle.yaml", R"(arrangements:
  - { id: a, name: Åsen IKT, participants: [Ål, Zeta], sector: adm, tasks: [ikt], host: Ål, established: 2016, legal_form: iks }
  - { id: b, name: Ærfugl legevakt, participants: [Ål, Zeta], sector: helse, tasks: [legevakt], host: Zeta, established_between: [2015, 2021], legal_form: vertskommune }
  - { id: c, name: Øst, participants: [Ål, Zeta], sector: adm, host: Asker, established_between: [1998, 2003] }
  - { id: d, name: Zulu, participants: [Ål, Øvre Eiker], sector: adm, established: 1990, legal_form: avtale }
  - { id: e, name: alfa, participants: [Ål, Zeta], sector: helse, tasks: [legevakt], host: Asker, established: 2005 }
  - { id: beta-2, name: Beta, participants: [Ål, Zeta], sector: adm }
  - { id: beta-1, name: Beta, participants: [Ål, Zeta], sector: adm }
  - { id: h, name: Stort, participants: [Ål, Zeta], participant_total: 12, sector: adm, tasks: [ikt], fte: 3.5 }
  - { id: i, name: Grensen, participants: [Øvre Eiker, Gran, Asker], sector: helse, tasks: [legevakt], fte: 2.0 }
  - { id: j, name: Vestover, participants: [Aremark, Tønsberg, Øvre Eiker, Ål], sector: helse, tasks: [legevakt], host: Tønsberg }
  - { id: k, name: Gammel, participants: [Ål, Aremark], sector: adm, ended: 2019 }
  - { id: l, name: Snart slutt, participants: [Ål, Aremark], sector: adm, ended: 2022 }
)"},
      {"datasets/ds.yaml", R"(id: ds
title: Testtabell
source: Testkilde
columns:
  - { id: navn, label: Navn, kind: text }
  - { id: kommuner, label: Kommuner, kind: refs }
  - { id: a, label: A, kind: number, decimals: 1, total: sum }
  - { id: b, label: B, kind: number, decimals: 1, total: sum }
  - { id: andel, label: Andel, kind: ratio, of: [b, a], decimals: 1 }
rows:
  - { navn: X, kommuner: [Ål], a: 10, b: 5 }
  - { navn: Y, kommuner: [Zeta, Ørje], a: 30, b: 27 }
  - { navn: Z, kommuner: null, a: 0, b: 0 }
  - { navn: W, kommuner: null, a: null, b: 3 }
)"},
  };
  return f;
}

class YamlContent : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("samrapport-analysis-" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    for (const auto& [path, text] : files()) {
      const auto file = dir_ / path;
      std::filesystem::create_directories(file.parent_path());
      std::ofstream(file) << text;
    }
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(YamlContent, LoadsToTheSameAnalysisAsTheContentBuiltInCode) {
  Diagnostics diags;
  const auto tree = open_directory(dir_.string());
  const auto loaded = content::load_content(*tree, diags);
  std::ostringstream messages;
  diags.print(messages);
  ASSERT_FALSE(diags.has_errors()) << messages.str();

  const auto from_yaml = to_json(analyse(loaded));
  const auto in_code = to_json(analyse(analysis_test::make_small_content()));
  for (const auto& [key, value] : in_code.items()) {
    EXPECT_EQ(from_yaml[key], value) << "key " << key;
  }
  EXPECT_EQ(from_yaml.dump(), in_code.dump());
  // Spot checks of what the comparison covers.
  EXPECT_EQ(from_yaml["totals"]["max"]["name"], "Ål");
  EXPECT_EQ(from_yaml["arrangements"]["h"]["level"], "9+");
  EXPECT_EQ(from_yaml["current"][0], "e");
}

}  // namespace
}  // namespace samrapport::analysis
