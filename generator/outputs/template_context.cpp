#include "outputs/template_context.hpp"

#include <memory>

#include "analysis/to_json.hpp"
#include "content/to_json.hpp"
#include "jinja/callable.hpp"
#include "jinja/error.hpp"
#include "jinja/json.hpp"

namespace samrapport::outputs {

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

void register_text_function(jinja::Environment& env, const content::Content& content,
                            const jinja::Value& context) {
  // The texts are copied into the function so that it does not depend on `content`
  // outliving the environment.
  auto texts = std::make_shared<std::vector<content::TextFile>>(content.texts);
  auto find = [texts](const std::string& name) -> const content::TextFile* {
    for (const auto& t : *texts)
      if (t.name == name) return &t;
    return nullptr;
  };
  const jinja::Environment* envp = &env;
  env.add_function(
      "text",
      [find, texts, envp, context](jinja::Context& ctx, jinja::CallArgs& args) -> jinja::Value {
        jinja::Args a(args, "text", {"name"}, 1);
        const std::string name = ctx.to_string(*a.get(0));
        const content::TextFile* t = find(name);
        if (!t) {
          std::string known;
          for (const auto& f : *texts) known += (known.empty() ? "" : ", ") + f.name;
          throw jinja::TemplateError(jinja::ErrorKind::Runtime,
                                     "text('" + name + "'): the content has no text/" + name +
                                         ".md (texts: " + (known.empty() ? "none" : known) + ")");
        }
        // The file name ends in .md, so the Markdown escaper applies inside it.
        const auto tpl = envp->from_string(t->markdown, t->path);
        return jinja::Value::markup(tpl->render(context));
      });
  env.add_function("has_text", [find](jinja::Context& ctx, jinja::CallArgs& args) {
    jinja::Args a(args, "has_text", {"name"}, 1);
    return jinja::Value(find(ctx.to_string(*a.get(0))) != nullptr);
  });
}

}  // namespace samrapport::outputs
