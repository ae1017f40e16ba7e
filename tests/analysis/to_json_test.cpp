// The JSON form of the result model: the shapes issue 4 requires, references that
// resolve, determinism, and every key documented in docs/analysis.md.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "analysis/analyse.hpp"
#include "analysis/to_json.hpp"
#include "small_content.hpp"

namespace samrapport::analysis {
namespace {

using json = nlohmann::ordered_json;

class Json : public ::testing::Test {
 protected:
  content::Content content = analysis_test::make_small_content();
  json j = to_json(analyse(content));
};

std::vector<std::string> keys(const json& object) {
  std::vector<std::string> out;
  for (const auto& [key, value] : object.items()) out.push_back(key);
  return out;
}

TEST_F(Json, RequiredShapes) {
  const auto& totals = j["totals"];
  EXPECT_EQ(totals["arrangements"], 11);
  EXPECT_EQ(totals["municipalities_in_scope"], 6);
  EXPECT_DOUBLE_EQ(totals["mean_per_municipality"].get<double>(), 23.0 / 6.0);
  EXPECT_EQ(totals["min"]["name"], "Ørje");
  EXPECT_EQ(totals["min"]["count"], 0);
  EXPECT_EQ(totals["max"]["name"], "Ål");
  EXPECT_EQ(totals["max"]["count"], 10);

  ASSERT_EQ(j["municipalities"].size(), 6u);
  const auto& m = j["municipalities"][0];
  for (const char* key :
       {"id", "name", "region", "population", "arrangements", "hosted", "assisted"}) {
    EXPECT_TRUE(m.contains(key)) << key;
  }
  EXPECT_EQ(m["name"], "Ål");
  EXPECT_EQ(m["region"], "nord");
  EXPECT_EQ(m["population"], 4648);

  std::vector<std::string> level_ids;
  for (const auto& l : j["levels"]) {
    level_ids.push_back(l["id"]);
    EXPECT_TRUE(l.contains("count") && l.contains("percent"));
  }
  EXPECT_EQ(level_ids, (std::vector<std::string>{"2-3", "4-8", "9+"}));

  for (const auto& c : j["size_classes"]) {
    for (const char* key :
         {"id", "min_population", "max_population", "municipalities", "mean_arrangements"}) {
      EXPECT_TRUE(c.contains(key)) << key;
    }
  }
  EXPECT_TRUE(j["size_classes"][0]["max_population"].is_null());  // large: open above
  EXPECT_EQ(j["size_classes"][2]["max_population"], 4999);

  for (const auto& p : j["periods"]) {
    for (const char* key : {"id", "from", "to", "count", "percent"}) {
      EXPECT_TRUE(p.contains(key)) << key;
    }
  }
  EXPECT_EQ(j["years"][0], (json{{"year", 1990}, {"count", 1}}));

  EXPECT_EQ(keys(j["tasks"][0]),
            (std::vector<std::string>{"id", "name", "sector", "municipalities", "percent", "group",
                                      "reference", "arrangements", "members"}));
  EXPECT_EQ(j["tasks"][1]["reference"][0], (json{{"label", "Ref 2020"}, {"percent", 50.0}}));
  EXPECT_EQ(keys(j["sectors"][0]), (std::vector<std::string>{"id", "name", "count", "percent"}));
  EXPECT_EQ(keys(j["legal_forms"][0]), (std::vector<std::string>{"id", "count", "percent"}));

  const auto& cc = j["cross_county"];
  EXPECT_EQ(cc["total"], 2);
  ASSERT_EQ(cc["by_county"].size(), 1u);
  EXPECT_TRUE(cc["by_county"][0]["county"].is_null());  // the "other" group
  EXPECT_EQ(cc["by_county"][0]["count"], 2);
  EXPECT_EQ(cc["by_county"][0]["arrangements"], (json{"i", "j"}));
  EXPECT_TRUE(j.contains("surveys"));
}

TEST_F(Json, ReferencesResolveToArrangements) {
  const auto& arrangements = j["arrangements"];
  EXPECT_EQ(arrangements.size(), 12u);
  EXPECT_EQ(arrangements["h"]["participant_count"], 12);
  EXPECT_EQ(arrangements["h"]["participants"], (json{"Ål", "Zeta"}));
  EXPECT_EQ(arrangements["k"]["current"], false);
  EXPECT_EQ(arrangements["b"]["established_between"], (json{2015, 2021}));
  EXPECT_EQ(arrangements["c"]["host"], "Asker");
  EXPECT_EQ(arrangements["c"]["host_in_scope"], false);
  for (const char* list : {"current", "ended", "new_arrangements"}) {
    for (const auto& id : j[list]) EXPECT_TRUE(arrangements.contains(id.get<std::string>()));
  }
  for (const char* keyed : {"by_municipality", "by_region", "by_sector", "by_task"}) {
    for (const auto& [key, ids] : j[keyed].items()) {
      for (const auto& id : ids) EXPECT_TRUE(arrangements.contains(id.get<std::string>()));
    }
  }
  EXPECT_EQ(j["by_municipality"]["Ørje"], json::array());
  EXPECT_EQ(j["by_sector"]["kultur"], json::array());
  EXPECT_EQ(j["datasets"]["ds"]["total"], (json{nullptr, nullptr, 40.0, 35.0, 87.5}));
  EXPECT_EQ(j["datasets"]["ds"]["rows"][1][1], (json{"Zeta", "Ørje"}));
}

TEST_F(Json, Deterministic) {
  const auto again = to_json(analyse(analysis_test::make_small_content()));
  EXPECT_EQ(j.dump(), again.dump());
}

/// Every key path of `value`: objects add ".key" (or ".*" below `dynamic` paths), arrays
/// "[]" for elements that are objects or arrays (arrays of scalars end at the array).
void paths(const json& value, const std::string& path, const std::set<std::string>& dynamic,
           std::set<std::string>& out) {
  // An object in an array is documented by its keys (`levels[].id`), not by `levels[]`.
  if (!path.empty() && !(value.is_object() && path.ends_with("[]"))) out.insert(path);
  if (value.is_object()) {
    const bool any = dynamic.count(path) > 0;
    for (const auto& [key, child] : value.items()) {
      paths(child, path.empty() ? key : path + "." + (any ? "*" : key), dynamic, out);
    }
  } else if (value.is_array()) {
    for (const auto& child : value) {
      if (child.is_structured()) paths(child, path + "[]", dynamic, out);
    }
  }
}

TEST_F(Json, EveryKeyIsDocumented) {
  std::ifstream in(SAMRAPPORT_SOURCE_DIR "/docs/analysis.md");
  ASSERT_TRUE(in) << "docs/analysis.md is missing";
  std::stringstream doc;
  doc << in.rdbuf();
  std::set<std::string> documented;
  const std::string text = doc.str();
  static const std::regex code("`([a-z_0-9.*\\[\\]]+)`");
  for (std::sregex_iterator it(text.begin(), text.end(), code), end; it != end; ++it) {
    documented.insert((*it)[1]);
  }
  json shown = j;
  shown.erase("surveys");  // documented in docs/survey.md
  std::set<std::string> all;
  paths(shown, "",
        {"arrangements", "by_municipality", "by_region", "by_sector", "by_task", "datasets"}, all);
  for (const auto& p : all) EXPECT_TRUE(documented.count(p)) << "undocumented key: " << p;
  EXPECT_TRUE(documented.count("surveys"));
}

}  // namespace
}  // namespace samrapport::analysis
