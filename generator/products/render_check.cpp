#include "products/render_check.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <utility>

#include "analysis/analyse.hpp"
#include "common/source_tree.hpp"
#include "content/suggest.hpp"
#include "jinja/error.hpp"
#include "products/registry.hpp"
#include "products/renderer.hpp"
#include "products/template_context.hpp"
#include "products/template_loader.hpp"

namespace samrapport::products {

namespace fs = std::filesystem;

namespace {

void add_template_error(Diagnostics& diags, const jinja::TemplateError& e) {
  SourcePos pos{e.template_name(), e.line(), e.column()};
  if (pos.file.empty()) pos.file = "<template>";
  diags.error(std::move(pos), e.message());
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// Every quoted string in `source` that could be a text name: lower-case letters, digits,
// '-' and '_', starting with a letter or digit.
void quoted_names(std::string_view source, std::set<std::string>& out) {
  for (std::size_t i = 0; i < source.size(); ++i) {
    const char q = source[i];
    if (q != '"' && q != '\'') continue;
    std::size_t j = i + 1;
    while (j < source.size() && is_name_char(source[j])) ++j;
    if (j < source.size() && source[j] == q && j > i + 1 && source[i + 1] != '-' &&
        source[i + 1] != '_')
      out.emplace(source.substr(i + 1, j - i - 1));
    i = j < source.size() && source[j] == q ? j : i;
  }
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::vector<std::string> text_names_in_templates(const content::Content& content,
                                                 const std::vector<std::string>& template_dirs) {
  std::set<std::string> literals;
  if (const auto tree = open_embedded("templates")) {
    for (const auto& name : embedded_template_names()) {
      if (const auto source = tree->read(name)) quoted_names(*source, literals);
    }
  }
  for (const auto& d : template_dirs) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(d, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec)) quoted_names(read_file(it->path()), literals);
    }
  }
  std::vector<std::string> ids;
  for (const auto& r : content.regions) ids.push_back(r.id);
  for (const auto& s : content.sectors) ids.push_back(s.id);
  for (const auto& d : content.datasets) ids.push_back(d.id);
  for (const auto& s : content.surveys) ids.push_back(s.id);
  std::vector<std::string> out;
  for (const auto& l : literals) {
    if (l.ends_with('-')) {
      for (const auto& id : ids) out.push_back(l + id);
    } else {
      out.push_back(l);
    }
  }
  return out;
}

void check_rendering(const content::Content& content, const std::vector<std::string>& template_dirs,
                     Diagnostics& diags) {
  check_template_dirs(template_dirs);
  const analysis::Results results = analysis::analyse(content);
  const jinja::Value context = make_template_context(content, results);
  const ProductInput in{content, results, context};

  std::map<std::pair<std::string, content::Language>, Renderer> renderers;
  const auto renderer = [&](const Product& p, content::Language lang) -> Renderer& {
    auto key = std::make_pair(p.id, lang);
    auto it = renderers.find(key);
    if (it == renderers.end())
      it = renderers.emplace(key, make_renderer(p, lang, template_dirs, content)).first;
    return it->second;
  };

  // Every page, as the build renders it. The first error of a product stops it (the same
  // template would fail on every page alike).
  bool failed = false;
  for (const auto& p : all_products()) {
    if (!p.unsupported(in).empty()) continue;
    for (const Page& page : p.pages(in)) {
      Renderer& r = renderer(p, page.language);
      r.state->page_context =
          page_context(in.context, content::to_string(page.language), page.vars);
      try {
        const jinja::TemplatePtr tpl = r.env->get_template(page.entry);
        std::string markdown;
        r.env->render_to(markdown, *tpl, r.state->page_context);
        if (!page.front_matter.empty()) r.env->render(page.front_matter, r.state->page_context);
      } catch (const jinja::TemplateError& e) {
        add_template_error(diags, e);
        failed = true;
        break;
      }
    }
  }
  // After an error some pages were not rendered: which texts they read is not known.
  if (failed) return;
  std::set<std::string> read;
  for (const auto& [key, r] : renderers)
    read.insert(r.state->texts_read.begin(), r.state->texts_read.end());

  // The texts no page read: rendered on their own, with the report's variables, so that a
  // mistake in them shows here too; then reported as unused.
  std::vector<const content::TextFile*> unread;
  for (const auto& t : content.texts)
    if (!read.count(t.name)) unread.push_back(&t);
  if (unread.empty()) return;
  const Product& first = all_products().front();
  Renderer& r = renderer(first, content.report.language);
  r.state->page_context =
      page_context(in.context, content::to_string(content.report.language), jinja::Value());
  std::vector<std::string> known = text_names_in_templates(content, template_dirs);
  known.insert(known.end(), read.begin(), read.end());
  for (const content::TextFile* t : unread) {
    try {
      r.env->from_string(t->markdown, t->path)->render(r.state->page_context);
    } catch (const jinja::TemplateError& e) {
      add_template_error(diags, e);
    }
    std::vector<std::string> others;
    for (const auto& k : known)
      if (k != t->name) others.push_back(k);
    diags.warning(SourcePos{t->path, 0, 0},
                  "no template reads the text '" + t->name + "'" +
                      content::did_you_mean(content::closest(t->name, others)) +
                      " (docs/templates.md lists the text names)");
  }
}

}  // namespace samrapport::products
