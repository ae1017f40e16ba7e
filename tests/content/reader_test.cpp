// The readers on the default content (content/, on disk and embedded) and on the
// bad-content base: counts, resolved references, byte-exact Norwegian names.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

#include "common/diagnostics.hpp"
#include "common/source_tree.hpp"
#include "content/reader.hpp"
#include "content/to_json.hpp"
#include "test_trees.hpp"

namespace samrapport::content {
namespace {

namespace fs = std::filesystem;

const std::string kSourceDir = SAMRAPPORT_SOURCE_DIR;

struct Loaded {
  Content content;
  Diagnostics diags;
};

Loaded load_dir(const std::string& dir, unsigned threads = 0) {
  Loaded l;
  const auto tree = open_directory(dir);
  LoadOptions options;
  options.threads = threads;
  l.content = load_content(*tree, l.diags, options);
  return l;
}

std::string printed(const Diagnostics& d) {
  std::ostringstream out;
  d.print(out);
  return out.str();
}

const Loaded& default_content() {
  static const Loaded l = load_dir(kSourceDir + "/content");
  return l;
}

std::size_t index_of(const Content& c, std::string_view ref) {
  const Municipality* m = c.find_municipality(ref);
  EXPECT_NE(m, nullptr) << ref;
  return m == nullptr ? 0 : static_cast<std::size_t>(m - c.municipalities.data());
}

const Arrangement& arrangement(const Content& c, std::string_view id) {
  const auto it = std::find_if(c.arrangements.begin(), c.arrangements.end(),
                               [&](const Arrangement& a) { return a.id == id; });
  EXPECT_NE(it, c.arrangements.end()) << id;
  return *it;
}

TEST(DefaultContent, LoadsWithoutDiagnostics) {
  EXPECT_EQ(printed(default_content().diags), "");
}

TEST(DefaultContent, Counts) {
  const Content& c = default_content().content;
  EXPECT_EQ(std::count_if(c.municipalities.begin(), c.municipalities.end(),
                          [](const Municipality& m) { return m.in_scope; }),
            25);
  EXPECT_EQ(std::count_if(c.municipalities.begin(), c.municipalities.end(),
                          [](const Municipality& m) { return m.in_scope && m.edge; }),
            6);
  const Date ref = c.report.reference_date;
  EXPECT_EQ(to_string(ref), "2021-11-01");
  EXPECT_EQ(std::count_if(c.arrangements.begin(), c.arrangements.end(),
                          [&](const Arrangement& a) { return a.current(ref); }),
            221);
  EXPECT_EQ(c.regions.size(), 5u);
  EXPECT_EQ(c.sectors.size(), 11u);
  EXPECT_EQ(c.tasks.size(), 45u);
  EXPECT_EQ(c.surveys.size(), 1u);
  EXPECT_EQ(c.datasets.size(), 3u);
  EXPECT_EQ(c.report.language, Language::nb);
  EXPECT_EQ(c.report.area_name, "Buskerud");
  EXPECT_EQ(c.report.reference_counties.size(), 5u);
  std::string chapter4;
  for (const MunicipalityIdx m : c.report.chapter4_municipalities) {
    chapter4 += c.municipalities[m].name + ",";
  }
  EXPECT_EQ(chapter4, "Drammen,Holmestrand,Kongsberg,Tinn,\xC3\x85l,Ringerike,Lunner,");
  const auto count_form = [&](LegalForm f) {
    return std::count_if(c.arrangements.begin(), c.arrangements.end(),
                         [&](const Arrangement& a) { return a.current(ref) && a.legal_form == f; });
  };
  EXPECT_EQ(count_form(LegalForm::iks) + count_form(LegalForm::as), 46);  // kap. 3.3: 21 %
}

TEST(DefaultContent, NorwegianNamesRoundTripByteExact) {
  const Content& c = default_content().content;
  for (const std::string name : {"\xC3\x85l", "Fl\xC3\xA5", "\xC3\x98vre Eiker",
                                 "V\xC3\xA5ler (Innlandet)", "V\xC3\xA5ler (Viken)"}) {
    const Municipality* m = c.find_municipality(name);
    ASSERT_NE(m, nullptr) << name;
    EXPECT_EQ(m->name, name);
  }
  EXPECT_EQ(c.find_municipality("3043")->name, "\xC3\x85l");
  EXPECT_EQ(c.find_municipality("Aal"), nullptr);
  // In the JSON view as well.
  const std::string dumped = content_to_json(c).dump();
  EXPECT_NE(dumped.find("\"name\":\"\xC3\x85l\""), std::string::npos);
  EXPECT_NE(dumped.find("\"V\xC3\xA5ler (Innlandet)\""), std::string::npos);
}

TEST(DefaultContent, ReferencesAreResolved) {
  const Content& c = default_content().content;
  const Arrangement& a = arrangement(c, "legevakt-drammen-holmestrand");
  ASSERT_EQ(a.participants.size(), 2u);
  EXPECT_EQ(c.municipalities[a.participants[0]].name, "Drammen");
  EXPECT_EQ(c.municipalities[a.participants[1]].name, "Holmestrand");
  ASSERT_TRUE(a.host);
  EXPECT_EQ(*a.host, index_of(c, "Drammen"));
  EXPECT_EQ(c.sectors[a.sector].id, "helse");
  ASSERT_EQ(a.tasks.size(), 1u);
  EXPECT_EQ(c.tasks[a.tasks[0]].id, "legevakt");
  ASSERT_TRUE(a.established_between);
  EXPECT_EQ(*a.established_between, (std::pair{2015, 2021}));
  EXPECT_TRUE(a.pos.file.ends_with("content/arrangements/helse.yaml"));
  EXPECT_EQ(a.pos.line, 3);

  const Arrangement& vest = arrangement(c, "vestregionen");
  EXPECT_TRUE(vest.participants.empty());
  EXPECT_EQ(vest.participant_count(), 15);
  EXPECT_EQ(vest.ended, 2019);
  EXPECT_FALSE(vest.current(c.report.reference_date));
  EXPECT_EQ(vest.other_owners.size(), 2u);

  const Municipality& al = c.municipalities[index_of(c, "Ål")];
  ASSERT_TRUE(al.region);
  EXPECT_EQ(c.regions[*al.region].id, "hallingdal");
  EXPECT_EQ(al.population, 4648);
  EXPECT_EQ(al.id, "3043");
  EXPECT_TRUE(c.find_municipality("Svelvik")->id.empty());
}

TEST(DefaultContent, SurveyAndDatasets) {
  const Content& c = default_content().content;
  const Survey& s = c.surveys[0];
  EXPECT_EQ(s.id, "kommunedirektorer-2021");
  EXPECT_EQ(s.questions.size(), 5u);
  EXPECT_TRUE(s.population.empty());
  const auto summaries = std::count_if(s.responses.begin(), s.responses.end(),
                                       [](const Response& r) { return r.summary; });
  EXPECT_EQ(summaries, 1);
  const auto it = std::find_if(s.responses.begin(), s.responses.end(),
                               [](const Response& r) { return r.summary; });
  EXPECT_EQ(it->respondent, "Kommunene i Drammensregionen");
  EXPECT_EQ(it->covers.size(), 4u);
  EXPECT_EQ(s.questions[0].themes.size(), 5u);

  const auto ds = std::find_if(c.datasets.begin(), c.datasets.end(),
                               [](const Dataset& d) { return d.id == "barnevern-dimensjonering"; });
  ASSERT_NE(ds, c.datasets.end());
  ASSERT_EQ(ds->columns.size(), 5u);
  ASSERT_TRUE(ds->columns[4].ratio_of);
  EXPECT_EQ(ds->columns[4].ratio_of->first, 3u);
  EXPECT_EQ(ds->columns[4].ratio_of->second, 2u);
  EXPECT_EQ(ds->rows.size(), 15u);
  EXPECT_EQ(std::get<double>(ds->rows[0][2]), 123.8);
  EXPECT_EQ(std::get<std::vector<MunicipalityIdx>>(ds->rows[3][1]).size(), 6u);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(ds->rows[0][4]));
}

TEST(DefaultContent, EmbeddedCopyMatchesDisk) {
  const auto tree = open_embedded("content");
  ASSERT_NE(tree, nullptr);
  Diagnostics diags;
  const Content c = load_content(*tree, diags);
  EXPECT_EQ(printed(diags), "");
  EXPECT_EQ(c.arrangements.size(), default_content().content.arrangements.size());
  EXPECT_EQ(c.municipalities.size(), default_content().content.municipalities.size());
  EXPECT_TRUE(c.arrangements[0].pos.file.starts_with("<embedded>/content/arrangements/"));
}

TEST(DefaultContent, ResultDoesNotDependOnThreads) {
  const Loaded one = load_dir(kSourceDir + "/content", 1);
  const Loaded four = load_dir(kSourceDir + "/content", 4);
  EXPECT_EQ(content_to_json(one.content).dump(), content_to_json(four.content).dump());
  const fs::path bad = kSourceDir + "/tests/bad-content/survey-covered-twice";
  const auto tree = testing::overlay_tree(kSourceDir + "/tests/bad-content/_base", bad);
  EXPECT_EQ(testing::check_output(tree, 1), testing::check_output(tree, 4));
}

TEST(BaseContent, DisplayPathsComeFromTheTree) {
  testing::MemoryTree tree = testing::overlay_tree(kSourceDir + "/tests/bad-content/_base",
                                                   kSourceDir + "/tests/bad-content/_base");
  tree.set("arrangements/zz.yaml", "arrangements:\n  - { id: x, name: X, participants: [Ål] }\n");
  const std::string out = testing::check_output(tree);
  EXPECT_NE(out.find("content/arrangements/zz.yaml:2:5: error: missing required field 'sector'"),
            std::string::npos)
      << out;
}

TEST(BaseContent, MissingDirectoryReportsEveryRequiredFile) {
  const auto tree = open_directory("/nonexistent/samrapport-content");
  Diagnostics diags;
  (void)load_content(*tree, diags);
  EXPECT_EQ(diags.error_count(), 4u) << printed(diags);
}

// Synthetic content from ../shared/tools/synth_content.py, when the tool is there.
class SyntheticContent : public ::testing::TestWithParam<std::string> {};

TEST_P(SyntheticContent, LoadsWithoutErrors) {
  // The shared tool when it is beside the repository, else the copy in tests/cli/.
  fs::path tool = fs::path(kSourceDir) / ".." / "shared" / "tools" / "synth_content.py";
  if (!fs::exists(tool)) tool = fs::path(kSourceDir) / "tests" / "cli" / "synth_content.py";
  if (!fs::exists(tool)) GTEST_SKIP() << "no " << tool;
  const fs::path out = fs::temp_directory_path() /
                       ("samrapport-synth-" + GetParam() + "-" + std::to_string(::getpid()));
  fs::remove_all(out);
  const std::string cmd = "python3 '" + tool.string() + "' '" + out.string() + "' --preset " +
                          GetParam() + " --seed 1 > /dev/null";
  if (std::system(cmd.c_str()) != 0) GTEST_SKIP() << "synth_content.py failed (no PyYAML?)";
  const Loaded l = load_dir(out.string());
  fs::remove_all(out);
  EXPECT_EQ(l.diags.error_count(), 0u) << printed(l.diags);
  EXPECT_GT(l.content.arrangements.size(), 200u);
}

INSTANTIATE_TEST_SUITE_P(Presets, SyntheticContent, ::testing::Values("buskerud", "norway"));

}  // namespace
}  // namespace samrapport::content
