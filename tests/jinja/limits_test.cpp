// Safety limits: clear errors instead of crashes or unbounded memory.
#include <gtest/gtest.h>

#include "jinja/environment.hpp"
#include "jinja/error.hpp"

namespace jinja = samrapport::jinja;
using jinja::Value;

namespace {

jinja::ErrorKind error_kind(jinja::Environment& env, const std::string& name) {
  try {
    env.render(name, Value::dict());
  } catch (const jinja::TemplateError& e) {
    return e.kind();
  }
  return jinja::ErrorKind::Runtime;  // no error: reported by the caller's EXPECT
}

std::string error_message(jinja::Environment& env, const std::string& source) {
  try {
    env.render_string(source, Value::dict());
  } catch (const jinja::TemplateError& e) {
    return e.message();
  }
  return "(no error)";
}

}  // namespace

TEST(Limits, MacroRecursion) {
  jinja::Environment env;
  std::string msg = error_message(env, "{% macro r(n) %}{{ r(n + 1) }}{% endmacro %}{{ r(0) }}");
  EXPECT_EQ(msg, "maximum recursion depth (200) exceeded in macro 'r'");
}

TEST(Limits, IncludeRecursion) {
  jinja::Environment env;
  env.set_loader(
      std::make_shared<jinja::DictLoader>(std::map<std::string, std::string, std::less<>>{
          {"a", "x{% include 'b' %}"}, {"b", "y{% include 'a' %}"}}));
  EXPECT_EQ(error_kind(env, "a"), jinja::ErrorKind::Limit);
}

TEST(Limits, ExtendsCycle) {
  jinja::Environment env;
  env.set_loader(
      std::make_shared<jinja::DictLoader>(std::map<std::string, std::string, std::less<>>{
          {"a", "{% extends 'b' %}"}, {"b", "{% extends 'a' %}"}}));
  // a extends b extends a ...: each level runs the parent again; bounded by the limit
  EXPECT_NE(error_kind(env, "a"), jinja::ErrorKind::Runtime);
}

TEST(Limits, RecursiveLoop) {
  jinja::Options o;
  o.max_recursion_depth = 20;
  jinja::Environment env(o);
  // a list that contains itself recurses forever through loop(...)
  Value xs = Value::list();
  Value node = Value::dict();
  node.dict_obj().set("c", xs);
  xs.list_obj().items.push_back(node);
  Value c = Value::dict();
  c.dict_obj().set("xs", xs);
  try {
    env.render_string("{% for n in xs recursive %}{{ loop(n.c) }}{% endfor %}", c);
    FAIL();
  } catch (const jinja::TemplateError& e) {
    EXPECT_EQ(e.kind(), jinja::ErrorKind::Limit);
    EXPECT_EQ(e.message(), "maximum recursion depth (20) exceeded in recursive loop");
  }
  xs.list_obj().items.clear();
}

TEST(Limits, RangeSize) {
  jinja::Options o;
  o.max_range_size = 1000;
  jinja::Environment env(o);
  EXPECT_EQ(env.render_string("{{ range(1000)|length }}", Value::dict()), "1000");
  EXPECT_EQ(error_message(env, "{{ range(1001)|length }}"),
            "range() would produce 1001 items; the limit is 1000");
  EXPECT_EQ(error_message(env, "{{ range(0, 10**15, 2)|length }}"),
            "range() would produce 500000000000000 items; the limit is 1000");
}

TEST(Limits, OutputSize) {
  jinja::Options o;
  o.max_output_size = 10000;
  jinja::Environment env(o);
  EXPECT_EQ(error_message(env, "{% for i in range(100000) %}0123456789{% endfor %}"),
            "output size limit exceeded (10000 bytes)");
  EXPECT_EQ(error_message(env, "{{ 'x' * 100000 }}"), "output size limit exceeded (10000 bytes)");
  EXPECT_EQ(error_message(env, "{% set s %}{% for i in range(100000) %}ab{% endfor %}{% endset %}"),
            "output size limit exceeded (10000 bytes)");
  EXPECT_EQ(error_message(env, "{{ 'x'|center(1000000) }}"),
            "output size limit exceeded (10000 bytes)");
}

TEST(Limits, ParserNesting) {
  jinja::Environment env;
  std::string deep = "{{ " + std::string(5000, '(') + "1" + std::string(5000, ')') + " }}";
  try {
    env.from_string(deep);
    FAIL();
  } catch (const jinja::TemplateError& e) {
    EXPECT_EQ(e.kind(), jinja::ErrorKind::Syntax);
    EXPECT_EQ(e.message(), "template is nested too deeply");
  }
  std::string ifs;
  for (int i = 0; i < 2000; ++i) ifs += "{% if x %}";
  EXPECT_THROW(env.from_string(ifs), jinja::TemplateError);
}

TEST(Limits, IntegerOverflowIsAnError) {
  jinja::Environment env;
  EXPECT_EQ(error_message(env, "{{ 2 ** 64 }}"), "integer result too large (more than 64 bits)");
  EXPECT_EQ(error_message(env, "{{ 9223372036854775807 + 1 }}"),
            "integer result too large (more than 64 bits)");
}
