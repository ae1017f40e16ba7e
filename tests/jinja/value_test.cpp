#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "jinja/error.hpp"
#include "jinja/json.hpp"
#include "jinja/value.hpp"
#include "jinja/value_print.hpp"

namespace jinja = samrapport::jinja;
using jinja::Value;

namespace {

std::string float_repr(double d) {
  std::string s;
  jinja::append_float_repr(s, d);
  return s;
}

}  // namespace

TEST(ValuePrint, FloatsPrintLikePythonRepr) {
  EXPECT_EQ(float_repr(2.0), "2.0");
  EXPECT_EQ(float_repr(2.5), "2.5");
  EXPECT_EQ(float_repr(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(float_repr(1e20), "1e+20");
  EXPECT_EQ(float_repr(1e16), "1e+16");
  EXPECT_EQ(float_repr(1e15), "1000000000000000.0");
  EXPECT_EQ(float_repr(1e-5), "1e-05");
  EXPECT_EQ(float_repr(0.0001), "0.0001");
  EXPECT_EQ(float_repr(-0.0), "-0.0");
  EXPECT_EQ(float_repr(2501.0), "2501.0");
  EXPECT_EQ(float_repr(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(float_repr(-1.5e-7), "-1.5e-07");
  EXPECT_EQ(float_repr(123456789012345678.0), "1.2345678901234568e+17");
}

TEST(ValuePrint, ReprUsesPythonQuotes) {
  EXPECT_EQ(jinja::to_repr(Value("abc")), "'abc'");
  EXPECT_EQ(jinja::to_repr(Value("it's")), "\"it's\"");
  EXPECT_EQ(jinja::to_repr(Value("a'b\"c")), "'a\\'b\"c'");
  EXPECT_EQ(jinja::to_repr(Value("a\nb\t\\")), "'a\\nb\\t\\\\'");
  EXPECT_EQ(jinja::to_repr(Value("Ål\u200b")), "'Ål\\u200b'");
  EXPECT_EQ(jinja::to_repr(Value::list({Value("Ål"), Value("Flå")})), "['Ål', 'Flå']");
  EXPECT_EQ(jinja::to_repr(Value::tuple({Value(1)})), "(1,)");
  EXPECT_EQ(jinja::to_repr(Value::tuple({})), "()");
  Value d = Value::dict();
  d.dict_obj().set("a", Value(1));
  d.dict_obj().set("b", Value());
  EXPECT_EQ(jinja::to_repr(d), "{'a': 1, 'b': None}");
  EXPECT_EQ(jinja::to_str(Value(true)), "True");
  EXPECT_EQ(jinja::to_str(Value()), "None");
}

TEST(ValuePrint, SelfContainingListPrintsEllipsis) {
  Value l = Value::list({Value(1)});
  l.list_obj().items.push_back(l);
  EXPECT_EQ(jinja::to_repr(l), "[1, [...]]");
  l.list_obj().items.clear();  // break the cycle so the list is freed
}

TEST(Value, FromJsonKeepsIntsFloatsAndKeyOrder) {
  auto j = nlohmann::ordered_json::parse(R"({"b": 22, "a": 2501.0, "c": [1, 2.5, null, true]})");
  Value v = jinja::from_json(j);
  ASSERT_TRUE(v.is_dict());
  const auto& e = v.dict_obj().entries();
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].key.str(), "b");
  EXPECT_TRUE(e[0].value.is_int());
  EXPECT_TRUE(e[1].value.is_float());
  EXPECT_EQ(jinja::to_str(e[1].value), "2501.0");
  EXPECT_EQ(jinja::to_repr(e[2].value), "[1, 2.5, None, True]");
}

TEST(Value, DictLookupWithPythonKeyEquality) {
  Value d = Value::dict();
  for (int i = 0; i < 100; ++i) d.dict_obj().set("k" + std::to_string(i), Value(i));
  d.dict_obj().set(Value(1), Value("int one"));
  ASSERT_NE(d.dict_obj().find("k57"), nullptr);
  EXPECT_EQ(d.dict_obj().find("k57")->as_int(), 57);
  EXPECT_EQ(d.dict_obj().find(Value(1.0))->str(), "int one");  // 1 == 1.0
  EXPECT_EQ(d.dict_obj().find(Value(true))->str(), "int one");
  EXPECT_EQ(d.dict_obj().find("nope"), nullptr);
  EXPECT_TRUE(d.dict_obj().erase(Value("k3")));
  EXPECT_EQ(d.dict_obj().find("k3"), nullptr);
  EXPECT_EQ(d.dict_obj().find("k99")->as_int(), 99);
  EXPECT_EQ(d.dict_obj().entries().front().key.str(), "k0");  // insertion order kept
  EXPECT_THROW(d.dict_obj().set(Value::list(), Value()), jinja::TemplateError);
}

TEST(Value, CopiesShareContainers) {
  Value a = Value::list({Value(1)});
  Value b = a;
  b.list_obj().items.push_back(Value(2));
  EXPECT_EQ(a.items().size(), 2u);
  EXPECT_EQ(a.identity(), b.identity());
}

TEST(Value, PythonEqualityAndTruth) {
  EXPECT_TRUE(jinja::py_equal(Value(1), Value(1.0)));
  EXPECT_TRUE(jinja::py_equal(Value(true), Value(1)));
  EXPECT_FALSE(jinja::py_equal(Value("1"), Value(1)));
  EXPECT_FALSE(jinja::py_equal(Value::list({Value(1)}), Value::tuple({Value(1)})));
  EXPECT_FALSE(jinja::py_truthy(Value("")));
  EXPECT_TRUE(jinja::py_truthy(Value("0")));
  EXPECT_FALSE(jinja::py_truthy(Value(0.0)));
  EXPECT_FALSE(jinja::py_truthy(Value::dict()));
  EXPECT_FALSE(jinja::py_truthy(Value::undefined()));
}

TEST(Value, ParseJsonBuildsValuesDirectly) {
  Value v = jinja::parse_json(
      R"({"b": 22, "a": [2501.0, "Ål", {"x": null}], "big": 18446744073709551615})");
  EXPECT_EQ(jinja::to_repr(v),
            "{'b': 22, 'a': [2501.0, 'Ål', {'x': None}], 'big': 1.8446744073709552e+19}");
  EXPECT_TRUE(jinja::parse_json("3").is_int());
  EXPECT_THROW(jinja::parse_json("{\"a\": }"), jinja::TemplateError);
}
