#include "fuzz_targets.hpp"

#include <string_view>

#include "jinja/environment.hpp"
#include "jinja/error.hpp"
#include "jinja/json.hpp"
#include "jinja/lexer.hpp"
#include "jinja/parser.hpp"

namespace samrapport::fuzz {

namespace jinja = samrapport::jinja;

namespace {

std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

const jinja::Environment& parse_env() {
  static const jinja::Environment env;
  return env;
}

}  // namespace

int fuzz_lexer(const std::uint8_t* data, std::size_t size) {
  std::string_view text = as_text(data, size);
  for (int mask = 0; mask < 8; ++mask) {
    jinja::LexerOptions o;
    o.trim_blocks = mask & 1;
    o.lstrip_blocks = mask & 2;
    o.keep_trailing_newline = mask & 4;
    try {
      std::string src = jinja::normalize_newlines(text, o.keep_trailing_newline);
      jinja::tokenize(src, o, "fuzz");
    } catch (const jinja::TemplateError&) {
    }
  }
  return 0;
}

int fuzz_parser(const std::uint8_t* data, std::size_t size) {
  try {
    parse_env().from_string(as_text(data, size), "fuzz");
  } catch (const jinja::TemplateError& e) {
    (void)e.format();
  }
  return 0;
}

int fuzz_render(const std::uint8_t* data, std::size_t size) {
  static const jinja::Environment* env = [] {
    jinja::Options o;
    o.max_recursion_depth = 30;
    o.max_range_size = 1000;
    o.max_output_size = 1 << 20;
    o.max_total_size = 4 << 20;
    o.max_operations = 200'000;
    o.max_value_depth = 200;
    auto* e = new jinja::Environment(o);
    auto loader = std::make_shared<jinja::DictLoader>();
    loader->add("inc", "[{{ x }}{% block b %}B{% endblock %}]");
    loader->add("base", "<{% block b %}{% endblock %}>");
    loader->add("m", "{% macro f(a, b=2) %}{{ a }}{{ b }}{{ caller() if caller }}{% endmacro %}");
    loader->add("self", "({{ render('self') }})");
    e->set_loader(loader);
    // a function that renders a template from within the render, as samrapport's text()
    e->add_function("render", [e](jinja::Context&, jinja::CallArgs& args) -> jinja::Value {
      if (args.pos.empty() || !args.pos[0].is_string()) return jinja::Value();
      return jinja::Value::markup(e->render(args.pos[0].str(), jinja::Value::dict()));
    });
    return e;
  }();
  static const jinja::Value context = jinja::from_json(nlohmann::ordered_json::parse(
      R"({"x": 1, "s": "Ål <b>", "xs": [3, 1, 2], "d": {"a": 1, "b": [1.5, null]},
          "tree": [{"t": "a", "c": [{"t": "b", "c": []}]}]})"));
  try {
    auto t = env->from_string(as_text(data, size), "fuzz");
    t->render(context);
  } catch (const jinja::TemplateError& e) {
    (void)e.format();
  }
  return 0;
}

}  // namespace samrapport::fuzz
