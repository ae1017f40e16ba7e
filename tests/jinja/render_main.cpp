// jinja_render: renders one template file with an empty context, for measuring the engine's
// limits by hand (time and peak memory of hostile templates):
//
//   jinja_render FILE [DIR]
//
// DIR (default: the file's folder) is the loader's folder; the function render(name)
// renders another template from it inside the render, as samrapport's text() does.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "jinja/callable.hpp"
#include "jinja/environment.hpp"
#include "jinja/error.hpp"

namespace jinja = samrapport::jinja;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: jinja_render FILE [DIR]\n";
    return 2;
  }
  std::filesystem::path file = argv[1];
  std::filesystem::path dir = argc > 2 ? std::filesystem::path(argv[2]) : file.parent_path();
  jinja::Environment env;
  env.set_loader(std::make_shared<jinja::FileSystemLoader>(
      std::vector<std::filesystem::path>{dir.empty() ? std::filesystem::path(".") : dir}));
  env.add_function("render", [&env](jinja::Context&, jinja::CallArgs& args) -> jinja::Value {
    jinja::Args a(args, "render", {"name"}, 1);
    return jinja::Value::markup(env.render(a.string_or(0, ""), jinja::Value::dict()));
  });
  try {
    std::string out = env.render(std::filesystem::relative(file, dir.empty() ? "." : dir).string(),
                                 jinja::Value::dict());
    std::cout << "ok: " << out.size() << " bytes\n";
    return 0;
  } catch (const jinja::TemplateError& e) {
    std::cout << e.format() << "\n";
    return 1;
  }
}
