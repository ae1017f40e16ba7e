#include "products/template_context.hpp"

#include <algorithm>
#include <map>

#include "analysis/to_json.hpp"
#include "content/to_json.hpp"
#include "jinja/callable.hpp"
#include "jinja/error.hpp"
#include "jinja/json.hpp"

namespace samrapport::products {

jinja::Value make_template_context(const content::Content& content,
                                   const analysis::Results& results) {
  jinja::Value ctx = jinja::Value::dict();
  jinja::Value content_value = jinja::from_json(content::content_to_json(content));
  const jinja::Value* report = content_value.dict_obj().find("report");
  ctx.dict_obj().set("content", content_value);
  ctx.dict_obj().set("analysis", jinja::from_json(analysis::to_json(results)));
  ctx.dict_obj().set("report", report ? *report : jinja::Value::dict());
  ctx.dict_obj().set("lang", std::string(content::to_string(content.report.language)));
  return ctx;
}

jinja::Value page_context(const jinja::Value& base, std::string_view lang,
                          const jinja::Value& vars) {
  jinja::Value ctx = jinja::Value::dict();
  for (const auto& e : base.dict_obj().entries()) ctx.dict_obj().set(e.key, e.value);
  ctx.dict_obj().set("lang", std::string(lang));
  if (vars.is_dict()) {
    for (const auto& e : vars.dict_obj().entries()) ctx.dict_obj().set(e.key, e.value);
  }
  return ctx;
}

void register_content_functions(jinja::Environment& env, const content::Content& content,
                                std::shared_ptr<RenderState> state) {
  // The texts are copied into the function so that it does not depend on `content`
  // outliving the environment.
  auto texts = std::make_shared<std::vector<content::TextFile>>(content.texts);
  auto find = [texts](const std::string& name) -> const content::TextFile* {
    for (const auto& t : *texts)
      if (t.name == name) return &t;
    return nullptr;
  };
  // Each text is parsed once, at its first use, and rendered with each page's variables
  // (every eierskapsmelding calls text() several times). A text that fails to parse is not
  // kept, so each use reports the error.
  const jinja::Environment* envp = &env;
  auto parsed = std::make_shared<std::map<std::string, jinja::TemplatePtr>>();
  auto parse_once = [envp, parsed](const content::TextFile& t) {
    auto found = parsed->find(t.name);
    if (found != parsed->end()) return found->second;
    jinja::TemplatePtr tpl = envp->from_string(t.markdown, t.path);
    parsed->emplace(t.name, tpl);
    return tpl;
  };
  env.add_function(
      "text",
      [find, texts, parse_once, state](jinja::Context& ctx, jinja::CallArgs& args) -> jinja::Value {
        jinja::Args a(args, "text", {"name"}, 1);
        const std::string name = ctx.to_string(*a.get(0));
        const content::TextFile* t = find(name);
        if (t) state->texts_read.insert(name);
        if (!t) {
          std::string known;
          for (const auto& f : *texts) known += (known.empty() ? "" : ", ") + f.name;
          throw jinja::TemplateError(jinja::ErrorKind::Runtime,
                                     "text('" + name + "'): the content has no text/" + name +
                                         ".md (texts: " + (known.empty() ? "none" : known) + ")");
        }
        // The file name ends in .md, so the Markdown escaper applies inside it.
        const jinja::TemplatePtr tpl = parse_once(*t);
        return jinja::Value::markup(tpl->render(state->page_context));
      });
  env.add_function("has_text", [find](jinja::Context& ctx, jinja::CallArgs& args) {
    jinja::Args a(args, "has_text", {"name"}, 1);
    return jinja::Value(find(ctx.to_string(*a.get(0))) != nullptr);
  });
  // Where the macro that calls this was called from ("report/kap3.md.j2:14:3"): the table
  // and figure macros of lib/report.j2 put it into their declarations, so that errors in a
  // table name the template line that made it, not the generated Markdown.
  env.add_function("caller_position", [](jinja::Context& ctx, jinja::CallArgs& args) {
    jinja::expect_no_args(args, "caller_position");
    return jinja::Value(ctx.call_site(1));
  });
  env.add_function("warn", [state](jinja::Context& ctx, jinja::CallArgs& args) {
    jinja::Args a(args, "warn", {"message"}, 1);
    std::string message = ctx.to_string(*a.get(0));
    auto& w = state->warnings;
    if (std::find(w.begin(), w.end(), message) == w.end()) w.push_back(std::move(message));
    return jinja::Value(std::string());
  });
}

}  // namespace samrapport::products
