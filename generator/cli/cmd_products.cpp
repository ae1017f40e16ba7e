// `samrapport products`: what samrapport can make, and whether the content supports it.
#include <iostream>
#include <memory>
#include <string>

#include "analysis/analyse.hpp"
#include "cli/commands.hpp"
#include "cli/content_source.hpp"
#include "products/format.hpp"
#include "products/registry.hpp"
#include "products/template_context.hpp"

namespace samrapport::cli {

void add_products(CLI::App& app, Action& action) {
  auto* cmd = app.add_subcommand("products", "List the products samrapport can build");
  auto dir = std::make_shared<std::string>();
  cmd->add_option("--content", *dir,
                  "Content directory (default: the built-in Buskerud 2021 content)");
  cmd->callback([&action, dir] {
    action = [dir] {
      const auto tree = open_content(*dir);
      const auto content = load_or_report(*tree, 0);
      if (!content) return 1;
      const analysis::Results results = analysis::analyse(*content);
      const jinja::Value context = products::make_template_context(*content, results);
      const products::ProductInput in{*content, results, context};
      for (const auto& p : products::all_products()) {
        std::string formats, defaults;
        for (auto f : p.formats)
          formats += (formats.empty() ? "" : ", ") + std::string(products::format_name(f));
        for (auto f : p.default_formats)
          defaults += (defaults.empty() ? "" : ",") + std::string(products::format_name(f));
        const std::string why = p.unsupported(in);
        std::cout << p.id << ": " << p.name << "\n  " << p.description << "\n";
        if (why.empty()) {
          const auto pages = p.pages(in);
          std::cout << "  makes " << pages.size()
                    << (pages.size() == 1 ? " document" : " documents") << " in OUT/"
                    << p.folder(in) << "/\n";
        } else {
          std::cout << "  not available for this content: " << why << "\n";
        }
        std::cout << "  formats: " << formats << " (default " << defaults << ")\n";
      }
      return 0;
    };
  });
}

}  // namespace samrapport::cli
