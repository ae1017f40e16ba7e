// Safety limits: clear errors instead of crashes or unbounded memory.
#include <gtest/gtest.h>
#include <pthread.h>

#include <functional>

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

// ------------------------------------------------------------------ issue 16: crashes, hangs,
// quadratic work and memory. Each hostile input must end in a positioned Limit error (or
// render) quickly; the inputs are big enough that the old behaviour (a stack overflow, a
// run of minutes, gigabytes of memory) would show.

namespace {

/// The error of rendering `source`, which must fail with a positioned TemplateError.
jinja::TemplateError render_error(jinja::Environment& env, const std::string& source,
                                  const Value& context = Value::dict()) {
  try {
    env.render_string(source, context);
  } catch (const jinja::TemplateError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << source.substr(0, 200);
  return jinja::TemplateError(jinja::ErrorKind::Runtime, "(no error)");
}

void expect_limit(jinja::Environment& env, const std::string& source, const std::string& fragment) {
  jinja::TemplateError e = render_error(env, source);
  EXPECT_EQ(e.kind(), jinja::ErrorKind::Limit) << e.format();
  EXPECT_NE(e.message().find(fragment), std::string::npos) << e.format();
  EXPECT_TRUE(e.has_position()) << e.format();
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

const std::string kDeepList =
    "{% set ns = namespace(x=[]) %}{% for i in range(30000) %}{% set ns.x = [ns.x] %}"
    "{% endfor %}";

}  // namespace

TEST(Limits, NestedRenderThroughAFunction) {
  // A function that renders a template from within a render (samrapport's text()): the
  // renders share one depth count, so a text that includes itself ends in an error.
  jinja::Environment env;
  env.set_loader(std::make_shared<jinja::DictLoader>(
      std::map<std::string, std::string, std::less<>>{{"forord", "a\n  {{ again('forord') }}"}}));
  env.add_function("again", [&env](jinja::Context&, jinja::CallArgs& args) -> Value {
    return Value::markup(env.render(args.pos.at(0).str(), Value::dict()));
  });
  try {
    env.render("forord", Value::dict());
    FAIL();
  } catch (const jinja::TemplateError& e) {
    EXPECT_EQ(e.kind(), jinja::ErrorKind::Limit);
    EXPECT_EQ(e.message(),
              "maximum recursion depth (200) exceeded in render of 'forord' (a template "
              "rendered from within a render)");
    EXPECT_EQ(e.template_name(), "forord");
    EXPECT_EQ(e.line(), 2);
    EXPECT_EQ(e.column(), 6);
  }
  // macros inside nested renders count in the same budget
  jinja::Options o;
  o.max_recursion_depth = 50;
  jinja::Environment env2(o);
  env2.set_loader(
      std::make_shared<jinja::DictLoader>(std::map<std::string, std::string, std::less<>>{
          {"t",
           "{% macro m(n) %}{% if n %}{{ m(n - 1) }}{% else %}{{ again('t') }}{% endif %}"
           "{% endmacro %}{{ m(10) }}"}}));
  env2.add_function("again", [&env2](jinja::Context&, jinja::CallArgs& args) -> Value {
    return Value::markup(env2.render(args.pos.at(0).str(), Value::dict()));
  });
  try {
    env2.render("t", Value::dict());
    FAIL();
  } catch (const jinja::TemplateError& e) {
    EXPECT_EQ(e.kind(), jinja::ErrorKind::Limit);
    EXPECT_NE(e.message().find("maximum recursion depth (50)"), std::string::npos);
  }
  // after the error, a fresh render has the whole budget again
  EXPECT_EQ(env.render_string("{{ 1 + 1 }}", Value::dict()), "2");
}

TEST(Limits, FlatChainsAreNestedTooDeeply) {
  jinja::Environment env;
  const std::vector<std::string> chains = {
      "{{ " + repeat("1+", 50000) + "1 }}",
      "{{ " + repeat("1*", 50000) + "1 }}",
      "{{ " + repeat("2**", 50000) + "1 }}",
      "{{ " + repeat("x or ", 50000) + "1 }}",
      "{{ " + repeat("x and ", 50000) + "1 }}",
      "{{ 'x'" + repeat("|lower", 50000) + " }}",
      "{{ x" + repeat(".a", 50000) + " }}",
      "{{ x" + repeat("[0]", 50000) + " }}",
      "{{ f" + repeat("()", 50000) + " }}",
      "{{ " + repeat("1 if x else ", 50000) + "1 }}",
      "{{ " + repeat("-", 50000) + "1 }}",
      "{{ " + repeat("not ", 50000) + "1 }}",
      "{% set x %}a{% endset %}{% filter lower" + repeat("|lower", 50000) + " %}a{% endfilter %}",
  };
  for (const auto& src : chains) {
    try {
      env.from_string(src);
      ADD_FAILURE() << "no error for " << src.substr(0, 40);
    } catch (const jinja::TemplateError& e) {
      EXPECT_EQ(e.kind(), jinja::ErrorKind::Syntax) << src.substr(0, 40);
      EXPECT_EQ(e.message(), "template is nested too deeply") << src.substr(0, 40);
      EXPECT_TRUE(e.has_position());
    }
  }
  // chains within the limit still work
  EXPECT_EQ(env.render_string("{{ " + repeat("1+", 200) + "1 }}", Value::dict()), "201");
  EXPECT_EQ(env.render_string("{{ 'AB'" + repeat("|lower", 200) + " }}", Value::dict()), "ab");
}

TEST(Limits, DeepValuesArePrintedComparedAndFreedSafely) {
  jinja::Environment env;
  const std::string msg = "value nested too deeply (more than 1000 levels";
  expect_limit(env, kDeepList + "{{ ns.x|string }}", msg);
  expect_limit(env, kDeepList + "{{ ns.x }}", msg);
  expect_limit(env, kDeepList + "{{ ns.x|tojson }}", msg);
  expect_limit(env, kDeepList + "{{ ns.x|pprint }}", "nested too deeply");
  expect_limit(env,
               kDeepList +
                   "{% set ns.y = [] %}{% for i in range(30000) %}{% set ns.y = [ns.y] %}"
                   "{% endfor %}{{ ns.x == ns.y }}",
               msg);
  expect_limit(env,
               "{% set ns = namespace(t=()) %}{% for i in range(30000) %}"
               "{% set ns.t = (ns.t,) %}{% endfor %}{{ {ns.t: 1} }}",
               msg);
  expect_limit(env, kDeepList + "{% for x in [ns.x] recursive %}{{ loop(x) }}{% endfor %}",
               "maximum recursion depth");
  // a nested namespace chain
  expect_limit(env,
               "{% set ns = namespace(n=none) %}{% for i in range(30000) %}"
               "{% set ns.n = namespace(n=ns.n) %}{% endfor %}{{ ns.n|string }}",
               "nested too deeply");
}

TEST(Limits, DeepValuesAreFreedSafely) {
  // a value 200 000 deep made by appending at the bottom, and one made by 50 000 flat
  // sets: both render (nothing prints them) and are freed without deep recursion
  jinja::Environment env;
  EXPECT_EQ(
      env.render_string("{% set ns = namespace(root=[], cur=none) %}{% set ns.cur = ns.root %}"
                        "{% for i in range(200000) %}{% set n = [] %}"
                        "{{ ns.cur.append(n) or '' }}{% set ns.cur = n %}{% endfor %}"
                        "{{ ns.root|length }}",
                        Value::dict()),
      "1");
}

TEST(Limits, DeepValuesFromFlatSets) {
  jinja::Environment env;
  EXPECT_EQ(
      env.render_string("{% set x = [] %}" + repeat("{% set x = [x] %}", 50000) + "{{ x|length }}",
                        Value::dict()),
      "1");
  // shallow values print as before
  EXPECT_EQ(env.render_string("{{ [[1, [2]], {'a': (3,)}]|string }}", Value::dict()),
            "[[1, [2]], {'a': (3,)}]");
}

TEST(Limits, SharedValuesDoNotBlowUp) {
  // a list holding the same list twice at every level: 2^64 items to print or compare
  jinja::Environment env;
  const std::string dag =
      "{% set ns = namespace(x=[1], y=[1]) %}{% for i in range(64) %}"
      "{% set ns.x = [ns.x, ns.x] %}{% set ns.y = [ns.y, ns.y] %}{% endfor %}";
  jinja::Options o;
  o.max_output_size = 1u << 20;
  o.max_operations = 1'000'000;
  jinja::Environment small(o);
  expect_limit(small, dag + "{{ ns.x|string }}", "output size limit exceeded");
  expect_limit(small, dag + "{{ ns.x|tojson }}", "output size limit exceeded");
  expect_limit(small, dag + "{{ ns.x == ns.y }}", "operation budget of 1000000 exceeded");
  EXPECT_EQ(small.render_string(dag + "{{ ns.x is sameas ns.x }}", Value::dict()), "True");
}

TEST(Limits, OperationBudget) {
  jinja::Options o;
  o.max_operations = 1'000'000;
  jinja::Environment env(o);
  // nested loops, each range within its limit: 10^12 iterations
  expect_limit(env,
               "{% for a in range(1000000) %}{% for b in range(1000000) %}{% endfor %}{% endfor %}",
               "operation budget of 1000000 exceeded (loop iterations and calls; "
               "Options::max_operations)");
  expect_limit(env,
               "{% macro m() %}{% endmacro %}{% for a in range(1000) %}{% for b in range(1000) %}"
               "{{ m() }}{% endfor %}{% endfor %}",
               "operation budget");
  expect_limit(env, "{% for a in range(1000000) %}{{ a|string }}{% endfor %}", "operation budget");
  // the default is large: a million iterations with a call each
  jinja::Environment def;
  EXPECT_EQ(def.render_string("{% for a in range(1000) %}{% for b in range(1000) %}{% endfor %}"
                              "{% endfor %}{{ 'done'|string }}",
                              Value::dict()),
            "done");
  // the budget is per render
  EXPECT_EQ(env.render_string("{% for a in range(900000) %}{% endfor %}ok", Value::dict()), "ok");
  EXPECT_EQ(env.render_string("{% for a in range(900000) %}{% endfor %}ok", Value::dict()), "ok");
}

TEST(Limits, StoringNestedListsIsLinear) {
  // 20 000 levels took 24 s when every store walked the whole list for cycles
  jinja::Environment env;
  EXPECT_EQ(env.render_string("{% set ns = namespace(x=[]) %}{% for i in range(100000) %}"
                              "{% set ns.x = [ns.x] %}{% endfor %}done",
                              Value::dict()),
            "done");
  EXPECT_EQ(env.render_string("{% set xs = [] %}{% set big = range(1000)|list %}"
                              "{% for i in range(20000) %}{{ xs.append(big) or '' }}{% endfor %}"
                              "{{ xs|length }}",
                              Value::dict()),
            "20000");
  // cycles are still refused, also after the memo has seen the containers
  EXPECT_EQ(error_message(env,
                          "{% set ns = namespace(x=[]) %}{% for i in range(10) %}"
                          "{% set ns.x = [ns.x] %}{% endfor %}{% set ns.x = [ns] %}"),
            "cannot store a container inside itself (reference cycles are not supported)");
  EXPECT_EQ(error_message(env,
                          "{% set a = [] %}{% set b = [a] %}{{ b.append(1) or '' }}"
                          "{{ a.append(b) }}"),
            "cannot store a container inside itself (reference cycles are not supported)");
  EXPECT_EQ(error_message(env,
                          "{% set ns = namespace(x=[]) %}{% set ns.x = [[ns.x]] %}"
                          "{% set inner = ns.x[0] %}{% set ns2 = namespace(y=ns) %}"
                          "{{ inner.append(ns2) }}"),
            "cannot store a container inside itself (reference cycles are not supported)");
}

TEST(Limits, SizesAreCheckedBeforeAllocating) {
  jinja::Options o;
  o.max_output_size = 1'000'000;
  o.max_total_size = 4'000'000;
  jinja::Environment env(o);
  const std::string one = "output size limit exceeded (1000000 bytes)";
  expect_limit(env, "{{ ('\\n' * 10000)|indent(1000) }}", one);
  expect_limit(env, "{{ ('\\t' * 10000).expandtabs(1000) }}", one);
  expect_limit(env, "{{ ('x' * 100000)|replace('x', 'y' * 100) }}", one);
  expect_limit(env, "{{ ('x' * 100000).replace('', 'y' * 100) }}", one);
  expect_limit(env, "{{ ('\\x01' * 500000)|urlencode }}", one);
  expect_limit(env, "{{ 'x'|center(2000000000) }}", one);
  expect_limit(env, "{{ 'xx' * 4611686018427387904 }}", one);
  expect_limit(env, "{{ [1, 2] * 4611686018427387904 }}", one);
  expect_limit(env, "{{ range(100000)|join('x' * 1000) }}", one);
  expect_limit(env, "{{ ('x ' * 1000)|wordwrap(1, wrapstring='y' * 1000) }}", "exceeded");
  expect_limit(env, "{% set a = 'x' * 600000 %}{{ a ~ a }}", one);
  expect_limit(env, "{% set a = 'x' * 600000 %}{{ a + a }}", one);
  expect_limit(env, "{{ '%*d'|format(2000000000, 1) }}", "format width too large");
  expect_limit(env, "{{ '%.*f'|format(2000000000, 1.5) }}", "format precision too large");
  expect_limit(env, "{{ ('x' * 900000)|list|length }}", "exceeded");
  // lists: doubling by +, summing lists (quadratic copying), padding a batch
  expect_limit(env,
               "{% set ns = namespace(x=[1]) %}{% for i in range(64) %}{% set ns.x = ns.x + ns.x %}"
               "{% endfor %}",
               "exceeded");
  expect_limit(env, "{{ ([[1]] * 10000)|sum(start=[])|length }}", "total size limit");
  expect_limit(env, "{{ [1]|batch(1000000000000, 0)|list }}", "exceeded");
  // one total per render: strings each under the limit, together over it
  expect_limit(env,
               "{% set a = 'x' * 900000 %}{% set b = 'y' * 900000 %}{% set c = 'z' * 900000 %}"
               "{% set d = 'w' * 900000 %}{% set e = 'v' * 900000 %}",
               "total size limit exceeded: the render would produce more than 4000000 bytes");
  expect_limit(env, "{% for i in range(100) %}{% set s = 'x' * 100000 %}{% endfor %}",
               "total size limit");
  // within the limits, the results are as before
  EXPECT_EQ(env.render_string("{{ 'a\\nb'|indent(2, true) }}|{{ 'a\\tb'.expandtabs(4) }}|"
                              "{{ 'aXa'|replace('a', 'bb') }}|{{ 'a b'|urlencode }}|"
                              "{{ 'a b c'|wordwrap(1) }}|{{ 'ab'.replace('', '-') }}",
                              Value::dict()),
            "  a\n  b|a   b|bbXbb|a%20b|a\nb\nc|-a-b-");
}

namespace {

/// Runs `fn` on a thread with a stack of `bytes`.
void run_with_stack(std::size_t bytes, const std::function<void()>& fn) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, bytes);
  pthread_t thread;
  auto body = [](void* arg) -> void* {
    (*static_cast<const std::function<void()>*>(arg))();
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&thread, &attr, body, const_cast<std::function<void()>*>(&fn)), 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

}  // namespace

TEST(Limits, StackBackstopOnASmallStack) {
  // Macro recursion within its limit, each call deep inside an expression: on a 512 KiB
  // thread stack this would overflow; the render stops with a positioned error instead.
  std::string src = "{% macro r(n) %}{% if n %}{{ " + repeat("- ", 250) +
                    "(r(n - 1)|length) }}{% endif %}{% endmacro %}{{ r(190) }}";
  std::string message;
  bool positioned = false;
  run_with_stack(512 * 1024, [&] {
    jinja::Environment env;
    try {
      env.render_string(src, Value::dict());
    } catch (const jinja::TemplateError& e) {
      message = e.message();
      positioned = e.has_position();
    }
  });
  EXPECT_NE(message.find("template nested too deeply: the render has used three quarters"),
            std::string::npos)
      << message;
  EXPECT_TRUE(positioned);
  // the same template renders where the stack is large enough: the backstop is not a limit
  // of its own
  std::string out;
  run_with_stack(64 * 1024 * 1024, [&] {
    jinja::Environment env;
    try {
      out = env.render_string(
          "{% macro r(n) %}{% if n %}{{ r(n - 1) }}{% endif %}x{% endmacro %}"
          "{{ r(150) }}",
          Value::dict());
    } catch (const jinja::TemplateError& e) {
      out = e.message();
    }
  });
  EXPECT_EQ(out, repeat("x", 151));
}
