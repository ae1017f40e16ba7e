#include <gtest/gtest.h>

#include "jinja/environment.hpp"
#include "jinja/error.hpp"
#include "jinja/json.hpp"

namespace jinja = samrapport::jinja;
using jinja::Value;

namespace {

Value ctx(const char* json) {
  return jinja::from_json(nlohmann::ordered_json::parse(json));
}

jinja::TemplateError render_error(jinja::Environment& env, const std::string& name,
                                  const Value& c) {
  try {
    env.render(name, c);
  } catch (const jinja::TemplateError& e) {
    return e;
  }
  ADD_FAILURE() << "no error rendering " << name;
  return jinja::TemplateError(jinja::ErrorKind::Runtime, "none");
}

jinja::Environment& strict_env(std::map<std::string, std::string, std::less<>> templates) {
  static std::unique_ptr<jinja::Environment> env;
  jinja::Options o;
  o.undefined = jinja::UndefinedMode::Strict;
  env = std::make_unique<jinja::Environment>(o);
  env->set_loader(std::make_shared<jinja::DictLoader>(std::move(templates)));
  return *env;
}

}  // namespace

TEST(Errors, StrictAttributeErrorNamesObjectAndSuggests) {
  auto& env =
      strict_env({{"templates/report/kap3.md.j2", "Kapittel 3\n\n  {{ analysis.sectorss }}\n"}});
  auto e = render_error(env, "templates/report/kap3.md.j2",
                        ctx(R"({"analysis": {"sectors": [], "tasks": []}})"));
  EXPECT_EQ(e.kind(), jinja::ErrorKind::Undefined);
  EXPECT_EQ(e.message(), "'analysis' has no attribute 'sectorss' (did you mean 'sectors'?)");
  EXPECT_EQ(e.template_name(), "templates/report/kap3.md.j2");
  EXPECT_EQ(e.line(), 3);
  EXPECT_EQ(e.column(), 15);
  EXPECT_EQ(e.format(),
            "templates/report/kap3.md.j2:3:15: error: 'analysis' has no attribute 'sectorss' "
            "(did you mean 'sectors'?)\n"
            "    {{ analysis.sectorss }}\n"
            "                ^");
}

TEST(Errors, StrictErrorPointsAtTheLookupNotTheLaterUse) {
  // The misspelt attribute is stored first and only fails where it is used (as with
  // Jinja2's StrictUndefined); the error names the line that has the typo.
  auto& env = strict_env({{"kap3.md.j2",
                           "{% set oppg = analysis.taskss %}\n"
                           "Tekst.\n"
                           "{% if not oppg %}ingen{% endif %}\n"}});
  auto e = render_error(env, "kap3.md.j2", ctx(R"({"analysis": {"tasks": []}})"));
  EXPECT_EQ(e.message(), "'analysis' has no attribute 'taskss' (did you mean 'tasks'?)");
  EXPECT_EQ(e.line(), 1);
  EXPECT_EQ(e.column(), 24);
  EXPECT_EQ(e.source_line(), "{% set oppg = analysis.taskss %}");
}

TEST(Errors, StrictUndefinedStillTestsAsUndefined) {
  auto& env = strict_env({{"t",
                           "{% set x = a.missing %}{{ 'ja' if x is undefined }}"
                           "{{ a.missing|default('d') }}"}});
  const std::string out = env.render("t", ctx(R"({"a": {}})"));
  EXPECT_EQ(out, "jad");
}

TEST(Errors, StrictVariableErrorSuggestsVisibleNames) {
  auto& env = strict_env({{"t.md", "{% for kommune in xs %}{{ komune }}{% endfor %}"}});
  auto e = render_error(env, "t.md", ctx(R"({"xs": [1]})"));
  EXPECT_EQ(e.message(), "'komune' is undefined (did you mean 'kommune'?)");
  EXPECT_EQ(e.line(), 1);
  EXPECT_EQ(e.column(), 27);
}

TEST(Errors, StrictNestedAttributeOwnerIsTheDottedPath) {
  auto& env = strict_env({{"t", "{{ a.b.cc }}"}});
  auto e = render_error(env, "t", ctx(R"({"a": {"b": {"c": 1, "d": 2}}})"));
  EXPECT_EQ(e.message(), "'a.b' has no attribute 'cc' (did you mean 'c'?)");
}

TEST(Errors, StrictMissingItemAndNoSuggestionWhenNothingIsClose) {
  auto& env = strict_env({{"t", "{{ d['zzz'] }}"}, {"u", "{{ xs[5] }}"}});
  EXPECT_EQ(render_error(env, "t", ctx(R"({"d": {"a": 1}})")).message(),
            "'d' has no element 'zzz'");
  EXPECT_EQ(render_error(env, "u", ctx(R"({"xs": [1]})")).message(), "'xs' has no element 5");
}

TEST(Errors, ErrorInIncludedTemplateCarriesItsName) {
  auto& env = strict_env({{"main", "a\n{% include 'part' %}"}, {"part", "x\ny {{ 1 + 'a' }}"}});
  auto e = render_error(env, "main", Value::dict());
  EXPECT_EQ(e.template_name(), "part");
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.kind(), jinja::ErrorKind::Type);
}

TEST(Errors, SyntaxErrorsHavePositions) {
  jinja::Environment env;
  try {
    env.from_string("line one\n{% if x %}\n{% endfor %}", "bad.j2");
    FAIL() << "no syntax error";
  } catch (const jinja::TemplateError& e) {
    EXPECT_EQ(e.kind(), jinja::ErrorKind::Syntax);
    EXPECT_EQ(e.template_name(), "bad.j2");
    EXPECT_EQ(e.line(), 3);
    EXPECT_NE(e.format().find("bad.j2:3:4: error: "), std::string::npos) << e.format();
  }
  try {
    env.from_string("{{ x|nope }}", "f.j2");
    FAIL() << "no error for unknown filter";
  } catch (const jinja::TemplateError& e) {
    EXPECT_EQ(e.kind(), jinja::ErrorKind::Assertion);
    EXPECT_EQ(e.message(), "No filter named 'nope'.");
    EXPECT_EQ(e.column(), 6);
  }
  try {
    env.from_string("{{ 'abc }}", "s.j2");
    FAIL() << "no error for unclosed string";
  } catch (const jinja::TemplateError& e) {
    EXPECT_EQ(e.line(), 1);
    EXPECT_EQ(e.column(), 4);
  }
}

TEST(Errors, DefaultUndefinedFailsOnlyWhenUsed) {
  jinja::Environment env;
  EXPECT_EQ(env.render_string("[{{ nope }}][{{ nope|default('d') }}]", Value::dict()), "[][d]");
  try {
    env.render_string("{{ nope + 1 }}", Value::dict());
    FAIL();
  } catch (const jinja::TemplateError& e) {
    EXPECT_EQ(e.kind(), jinja::ErrorKind::Undefined);
    EXPECT_EQ(e.message(), "'nope' is undefined");
  }
}

TEST(Errors, SuggestionOnlyForCloseNames) {
  EXPECT_EQ(jinja::closest_match("sectorss", {"sectors", "tasks"}), "sectors");
  EXPECT_EQ(jinja::closest_match("kommnue", {"kommune", "komm"}), "kommune");
  EXPECT_EQ(jinja::closest_match("Navn", {"navn", "nr"}), "navn");
  EXPECT_EQ(jinja::closest_match("xyz", {"population", "name"}), "");
}
