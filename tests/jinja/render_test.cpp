#include <gtest/gtest.h>

#include <thread>

#include "jinja/environment.hpp"
#include "jinja/error.hpp"
#include "jinja/json.hpp"

namespace jinja = samrapport::jinja;
using jinja::Value;

namespace {

Value ctx(const char* json) {
  return jinja::from_json(nlohmann::ordered_json::parse(json));
}

}  // namespace

TEST(Render, RenderStringWithContext) {
  jinja::Environment env;
  EXPECT_EQ(env.render_string("Hei {{ name }}! {{ n * 2 }}", ctx(R"({"name": "Ål", "n": 21})")),
            "Hei Ål! 42");
}

TEST(Render, TemplatesFromDictLoaderAreCachedAndParsedOnce) {
  jinja::Environment env;
  auto loader = std::make_shared<jinja::DictLoader>();
  loader->add("base.html", "<h1>{% block t %}{% endblock %}</h1>");
  loader->add("page.html", "{% extends 'base.html' %}{% block t %}{{ title }}{% endblock %}");
  env.set_loader(loader);
  auto a = env.get_template("page.html");
  auto b = env.get_template("page.html");
  EXPECT_EQ(a.get(), b.get());
  EXPECT_EQ(env.render("page.html", ctx(R"({"title": "Rapport"})")), "<h1>Rapport</h1>");
  EXPECT_THROW(env.get_template("nope.html"), jinja::TemplateError);
}

TEST(Render, OptionsTrimLstripKeepNewline) {
  jinja::Options o;
  o.trim_blocks = true;
  o.lstrip_blocks = true;
  o.keep_trailing_newline = true;
  jinja::Environment env(o);
  EXPECT_EQ(
      env.render_string("{% for x in xs %}\n  {% if x %}\n{{ x }}\n  {% endif %}\n{% endfor %}\n",
                        ctx(R"({"xs": [1, 0, 2]})")),
      "1\n2\n");
}

TEST(Render, RegisteredFilterTestAndGlobal) {
  jinja::Environment env;
  env.add_filter("double", [](jinja::Context&, const Value& v, jinja::CallArgs& args) {
    jinja::Args a(args, "double", {"plus"});
    return Value(v.as_int() * 2 + a.int_or(0, 0));
  });
  env.add_test("positive", [](jinja::Context&, const Value& v, jinja::CallArgs&) {
    return v.is_number() && v.as_double() > 0;
  });
  env.add_global("site", Value("samrapport"));
  env.add_function("greet", [](jinja::Context& c, jinja::CallArgs& args) {
    jinja::Args a(args, "greet", {"who"}, 1);
    return Value("hei " + c.to_string(*a.get(0)));
  });
  EXPECT_EQ(
      env.render_string("{{ 4|double }} {{ 4|double(plus=1) }} {{ 3 is positive }} "
                        "{{ site }} {{ greet('Ål') }} {{ [1, -1, 2]|select('positive')|list }}",
                        Value()),
      "8 9 True samrapport hei Ål [1, 2]");
  EXPECT_THROW(env.render_string("{{ 4|double(1, 2) }}", Value()), jinja::TemplateError);
}

TEST(Render, AutoescapePolicyByName) {
  jinja::Options o;
  o.autoescape = [](std::string_view name) -> jinja::EscaperPtr {
    return name.find(".html") != std::string_view::npos ? jinja::html_escaper() : nullptr;
  };
  jinja::Environment env(o);
  auto loader = std::make_shared<jinja::DictLoader>();
  loader->add("a.html.j2", "{{ s }}|{{ s|safe }}");
  loader->add("a.txt.j2", "{{ s }}");
  env.set_loader(loader);
  Value c = ctx(R"({"s": "<b>&</b>"})");
  EXPECT_EQ(env.render("a.html.j2", c), "&lt;b&gt;&amp;&lt;/b&gt;|<b>&</b>");
  EXPECT_EQ(env.render("a.txt.j2", c), "<b>&</b>");
}

TEST(Render, CustomEscaperAppliesToPrintedStrings) {
  jinja::Options o;
  auto upper = std::make_shared<jinja::Escaper>(
      jinja::Escaper{"brackets", [](std::string_view s, std::string& out) {
                       out += '[';
                       out += s;
                       out += ']';
                     }});
  o.autoescape = [upper](std::string_view) { return upper; };
  jinja::Environment env(o);
  EXPECT_EQ(env.render_string("{{ 'a' }}{{ 'b'|safe }}{{ 1 }}{{ 'c'|e }}", Value()), "[a]b1[c]");
}

TEST(Render, ConcurrentRendersShareTemplatesAndContext) {
  jinja::Environment env;
  auto loader = std::make_shared<jinja::DictLoader>();
  loader->add("t", "{% for x in xs %}{{ x.n }},{% endfor %}");
  env.set_loader(loader);
  Value c = Value::dict();
  Value xs = Value::list();
  for (int i = 0; i < 200; ++i) {
    Value item = Value::dict();
    item.dict_obj().set("n", Value(i));
    xs.list_obj().items.push_back(item);
  }
  c.dict_obj().set("xs", xs);
  std::string expected = env.render("t", c);
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) ok[t] += env.render("t", c) == expected;
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(ok[t], 50);
}

TEST(Render, FailedRenderLeavesOutputUntouched) {
  jinja::Environment env;
  auto tpl = env.from_string("abc {{ 1 // 0 }}");
  std::string out = "before";
  EXPECT_THROW(env.render_to(out, *tpl, Value()), jinja::TemplateError);
  EXPECT_EQ(out, "before");
}

TEST(Render, ReferenceCyclesAreRefused) {
  jinja::Environment env;
  for (const char* src : {"{% set ns = namespace() %}{% set ns.me = ns %}",
                          "{% set xs = [] %}{% set _ = xs.append(xs) %}",
                          "{% set d = {} %}{% set _ = d.update({'d': d}) %}",
                          "{% set a = [] %}{% set b = {'x': [a]} %}{% set _ = a.append(b) %}",
                          "{% set ns = namespace(l=[]) %}{% set _ = ns.l.append(ns) %}"}) {
    try {
      env.render_string(src, Value::dict());
      ADD_FAILURE() << "no error for " << src;
    } catch (const jinja::TemplateError& e) {
      EXPECT_EQ(e.kind(), jinja::ErrorKind::Value) << src;
    }
  }
  // sharing without a cycle is fine
  EXPECT_EQ(env.render_string("{% set a = [1] %}{% set b = [a, a] %}{% set _ = b.append(a) %}"
                              "{{ b }}",
                              Value::dict()),
            "[[1], [1], [1]]");
}

TEST(Render, MacroKeptBeyondItsRenderFailsCleanly) {
  jinja::Environment env;
  Value c = ctx(R"({"box": []})");
  env.render_string("{% macro m() %}x{% endmacro %}{% set _ = box.append(m) %}", c);
  ASSERT_EQ(c.dict_obj().find("box")->items().size(), 1u);
  try {
    env.render_string("{{ box[0]() }}", c);
    FAIL();
  } catch (const jinja::TemplateError& e) {
    EXPECT_EQ(e.kind(), jinja::ErrorKind::Runtime);
    EXPECT_NE(e.message().find("finished rendering"), std::string::npos);
  }
  EXPECT_EQ(env.render_string("{{ box[0] }}", c), "<Macro 'm'>");
}

TEST(Render, MacroResultIsSafeAsTheCallerSays) {
  // The body escapes as the defining template does; the result is Markup when the calling
  // template autoescapes (Jinja2's rule).
  jinja::Options o;
  o.autoescape = [](std::string_view name) -> jinja::EscaperPtr {
    return name.find(".html") != std::string_view::npos ? jinja::html_escaper() : nullptr;
  };
  jinja::Environment env(o);
  env.set_loader(
      std::make_shared<jinja::DictLoader>(std::map<std::string, std::string, std::less<>>{
          {"lib.j2", "{% macro b(x) %}<b>{{ x }}</b>{% endmacro %}"},
          {"lib.html", "{% macro b(x) %}<b>{{ x }}</b>{% endmacro %}"},
          {"page.html", "{% from 'lib.j2' import b %}{{ b('<i>') }}"},
          {"page.txt", "{% from 'lib.html' import b %}{{ b('<i>') }}"}}));
  EXPECT_EQ(env.render("page.html", Value::dict()), "<b><i></b>");
  EXPECT_EQ(env.render("page.txt", Value::dict()), "<b>&lt;i&gt;</b>");
}

// `{% set ns.xs = ns.xs + [x] %}` grows the list in place when nothing else refers to it;
// the results must stay exactly Jinja2's (expected values rendered by Jinja2 3.1.6).
TEST(Render, NamespaceListConcatenationKeepsJinja2Semantics) {
  jinja::Environment env;
  const Value none = ctx("{}");
  EXPECT_EQ(env.render_string("{% set ns = namespace(xs=[]) %}{% for i in range(3) %}"
                              "{% set ns.xs = ns.xs + [i] %}{% endfor %}{{ ns.xs }}",
                              none),
            "[0, 1, 2]");
  // Another name still sees the old list.
  EXPECT_EQ(env.render_string("{% set ns = namespace(xs=[1]) %}{% set alias = ns.xs %}"
                              "{% set ns.xs = ns.xs + [2] %}{{ alias }} {{ ns.xs }}",
                              none),
            "[1] [1, 2]");
  EXPECT_EQ(
      env.render_string(
          "{% set ns = namespace(xs=[1, 2]) %}{% set ns.xs = ns.xs + ns.xs %}{{ ns.xs }}", none),
      "[1, 2, 1, 2]");
  // A loop over the list goes over the items it had when it started.
  EXPECT_EQ(env.render_string("{% set ns = namespace(xs=[1, 2]) %}{% for x in ns.xs %}"
                              "{% set ns.xs = ns.xs + [x * 10] %}{% endfor %}{{ ns.xs }}",
                              none),
            "[1, 2, 10, 20]");
  EXPECT_EQ(env.render_string("{% set ns = namespace(xs=[1], ys=[2]) %}"
                              "{% set ns.xs = ns.ys + [3] %}{{ ns.xs }} {{ ns.ys }}",
                              none),
            "[2, 3] [2]");
  try {
    env.render_string("{% set ns = namespace(xs=[1]) %}{% set ns.xs = ns.xs + (2,) %}", none);
    ADD_FAILURE() << "list + tuple did not raise";
  } catch (const jinja::TemplateError& e) {
    EXPECT_EQ(e.kind(), jinja::ErrorKind::Type);
  }
  try {
    env.render_string("{% set ns = namespace(xs=[]) %}{% set ns.xs = ns.xs + [ns] %}", none);
    ADD_FAILURE() << "a namespace stored inside itself did not raise";
  } catch (const jinja::TemplateError& e) {
    EXPECT_EQ(e.kind(), jinja::ErrorKind::Value);
  }
}
