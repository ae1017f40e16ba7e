// The survey YAML writer: scalars read back byte-exact by yaml-cpp, in block and flow
// context; the file has the schema's shape.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "survey_fixture.hpp"
#include "survey_import/survey_yaml_writer.hpp"

namespace samrapport::survey_import {
namespace {

const std::vector<std::string> kAwkward = {
    "Ål",
    "Nore og Uvdal",
    "Våler (Viken)",
    "yes",
    "No",
    "null",
    "~",
    "",
    "  ",
    "123",
    "3043",
    "1.5",
    "2021-10-25",
    "0x1F",
    ".inf",
    "1e3",
    "- dash",
    "-",
    "a: b",
    "a:b",
    "a #b",
    "#x",
    "[x]",
    "{x}",
    "x, y",
    "'quoted'",
    "it's",
    "\"dq\"",
    "tab\tx",
    "line\nbreak\n",
    "crlf\r\nx",
    "trailing ",
    " leading",
    "back\\slash",
    std::string("\x01"
                "ctrl\x7f"),
    "NEL\u0085x",
    "LS\u2028x",
    "PS\u2029x",
    "BOM\uFEFFx",
    "NBSP\u00a0x",
    "emoji 😀",
    "«sitat» – «annet»",
    "&anchor",
    "*alias",
    "!tag",
    "%dir",
    "@at",
    "`bt`",
    "?q",
    "|pipe",
    ">gt",
    "x |",
    "C1\u0090x",
};

TEST(SurveyYamlWriter, ScalarsReadBackExactlyInBlockContext) {
  for (const std::string& s : kAwkward) {
    const std::string doc = "k: " + yaml_scalar(s) + "\n";
    YAML::Node n;
    ASSERT_NO_THROW(n = YAML::Load(doc)) << doc;
    EXPECT_EQ(n["k"].as<std::string>(), s) << doc;
    EXPECT_EQ(n["k"].Tag() == "!", yaml_scalar(s).front() == '"') << doc;
  }
}

TEST(SurveyYamlWriter, ScalarsReadBackExactlyInFlowContext) {
  for (const std::string& s : kAwkward) {
    const std::string doc = "k: { a: " + yaml_scalar(s) + ", b: [" + yaml_scalar(s) + ", x] }\n";
    YAML::Node n;
    ASSERT_NO_THROW(n = YAML::Load(doc)) << doc;
    EXPECT_EQ(n["k"]["a"].as<std::string>(), s) << doc;
    EXPECT_EQ(n["k"]["b"][0].as<std::string>(), s) << doc;
    EXPECT_EQ(n["k"]["b"].size(), 2u) << doc;
  }
}

TEST(SurveyYamlWriter, PlainWhereSafe) {
  EXPECT_EQ(yaml_scalar("Nore og Uvdal"), "Nore og Uvdal");
  EXPECT_EQ(yaml_scalar("Øvre Eiker"), "Øvre Eiker");
  EXPECT_EQ(yaml_scalar("Våler (Viken)"), "Våler (Viken)");
  EXPECT_EQ(yaml_scalar("yes"), "\"yes\"");
  EXPECT_EQ(yaml_scalar("3043"), "\"3043\"");
  EXPECT_EQ(yaml_scalar("a\"b"), "\"a\\\"b\"");
  EXPECT_EQ(yaml_scalar("x\ny"), "\"x\\ny\"");
}

TEST(SurveyYamlWriter, NumbersShortestExact) {
  EXPECT_EQ(yaml_number(4), "4");
  EXPECT_EQ(yaml_number(3.5), "3.5");
  EXPECT_EQ(yaml_number(-0.1), "-0.1");
  EXPECT_EQ(yaml_number(101859), "101859");
  const double third = 1.0 / 3.0;
  EXPECT_EQ(YAML::Load(yaml_number(third)).as<double>(), third);
}

TEST(SurveyYamlWriter, WholeSurveyHasTheSchemaShape) {
  const content::Content c = survey_test::make_fixture();
  const std::string yaml = write_survey_yaml(c, c.surveys[0], "Første linje\n\nTredje");
  EXPECT_EQ(yaml.rfind("# Første linje\n#\n# Tredje\nid: test\n", 0), 0u) << yaml;
  const YAML::Node n = YAML::Load(yaml);
  EXPECT_EQ(n["id"].as<std::string>(), "test");
  EXPECT_EQ(n["title"].as<std::string>(), "Testundersøkelse");
  EXPECT_EQ(n["sent"].as<std::string>(), "2021-10-25");
  EXPECT_FALSE(n["deadline"]);
  EXPECT_FALSE(n["population"]);
  ASSERT_EQ(n["questions"].size(), 5u);
  EXPECT_EQ(n["questions"][0]["kind"].as<std::string>(), "text");
  EXPECT_EQ(n["questions"][0]["themes"][3]["label"].as<std::string>(), "Tema D");
  EXPECT_EQ(n["questions"][3]["options"][0].as<std::string>(), "Svært uenig");
  ASSERT_EQ(n["responses"].size(), 5u);
  const YAML::Node r0 = n["responses"][0];
  EXPECT_EQ(r0["respondent"].as<std::string>(), "Sør felles");
  EXPECT_EQ(r0["covers"][1].as<std::string>(), "Delta");
  EXPECT_TRUE(r0["joint"].as<bool>());
  EXPECT_EQ(r0["answers"]["q1"]["themes"][1].as<std::string>(), "b");
  EXPECT_EQ(r0["answers"]["q2"]["choice"].as<std::string>(), "Ja");
  EXPECT_EQ(r0["answers"]["q3"]["choices"][1].as<std::string>(), "C");
  EXPECT_EQ(r0["answers"]["q4"]["value"].as<double>(), 4);
  EXPECT_EQ(r0["answers"]["q5"]["value"].as<double>(), 10);
  EXPECT_EQ(n["responses"][1]["answers"]["q5"]["value"].as<double>(), 3.5);
  EXPECT_EQ(n["responses"][3]["answers"]["q1"]["text"].as<std::string>(), "  \n");
  EXPECT_TRUE(n["responses"][4]["summary"].as<bool>());
  EXPECT_FALSE(n["responses"][0]["summary"]);
  EXPECT_EQ(n["responses"][2]["covers"].size(), 0u);
}

TEST(SurveyYamlWriter, ExplicitPopulationAndNoResponses) {
  content::Content c = survey_test::make_fixture();
  content::Survey& s = c.surveys[0];
  s.population = survey_test::refs(c, {"Æbeltoft", "Alfa"});
  s.responses.clear();
  const YAML::Node n = YAML::Load(write_survey_yaml(c, s));
  EXPECT_EQ(n["population"][0].as<std::string>(), "Æbeltoft");
  EXPECT_EQ(n["population"].size(), 2u);
  EXPECT_TRUE(n["responses"].IsSequence());
  EXPECT_EQ(n["responses"].size(), 0u);
}

}  // namespace
}  // namespace samrapport::survey_import
