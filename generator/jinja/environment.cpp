#include "jinja/environment.hpp"

#include "jinja/error.hpp"
#include "jinja/lexer.hpp"
#include "jinja/limits.hpp"
#include "jinja/renderer.hpp"

namespace samrapport::jinja {

std::function<EscaperPtr(std::string_view)> autoescape_always_html() {
  return [](std::string_view) { return html_escaper(); };
}

Environment::Environment(Options options) : options_(std::move(options)) {
  register_builtin_filters(*this);
  register_builtin_tests(*this);
  register_builtin_globals(*this);
}

void Environment::add_filter(std::string name, FilterFn fn) {
  filters_[std::move(name)] = std::move(fn);
}
void Environment::add_test(std::string name, TestFn fn) {
  tests_[std::move(name)] = std::move(fn);
}
void Environment::add_global(std::string name, Value value) {
  globals_.set(name, std::move(value));
}
void Environment::add_function(std::string name, FunctionFn fn) {
  auto f = make_rc<Function>(name, std::move(fn));
  globals_.set(name, Value(Rc<Object>(f)));
}

const FilterFn* Environment::find_filter(std::string_view name) const {
  auto it = filters_.find(name);
  return it == filters_.end() ? nullptr : &it->second;
}

const TestFn* Environment::find_test(std::string_view name) const {
  auto it = tests_.find(name);
  return it == tests_.end() ? nullptr : &it->second;
}

TemplatePtr Environment::compile(std::string_view source, std::string_view name) const {
  LexerOptions lo;
  lo.trim_blocks = options_.trim_blocks;
  lo.lstrip_blocks = options_.lstrip_blocks;
  lo.keep_trailing_newline = options_.keep_trailing_newline;
  std::shared_ptr<Template> t(new Template());
  t->env_ = this;
  t->name_ = std::string(name);
  t->source_ = normalize_newlines(source, options_.keep_trailing_newline);
  std::vector<Token> tokens = tokenize(t->source_, lo, t->name_);
  t->parsed_ = parse(tokens, t->name_, t->source_, *this, options_.max_nesting_depth);
  if (options_.autoescape) t->escaper_ = options_.autoescape(name);
  return t;
}

TemplatePtr Environment::get_template(std::string_view name) const {
  {
    std::lock_guard lock(cache_mutex_);
    auto it = cache_.find(std::string(name));
    if (it != cache_.end()) return it->second;
  }
  if (!loader_)
    throw_error(ErrorKind::NotFound, "template '" + std::string(name) + "' not found (no loader)");
  std::optional<std::string> source = loader_->load(name);
  if (!source) throw_error(ErrorKind::NotFound, "template '" + std::string(name) + "' not found");
  TemplatePtr t = compile(*source, loader_->resolve(name));
  std::lock_guard lock(cache_mutex_);
  auto [it, inserted] = cache_.emplace(std::string(name), t);
  return it->second;
}

TemplatePtr Environment::select_template(const std::vector<std::string>& names) const {
  if (names.empty())
    throw_error(ErrorKind::NotFound, "tried to select from an empty list of templates");
  std::string tried;
  for (const auto& n : names) {
    try {
      return get_template(n);
    } catch (TemplateError& e) {
      if (e.kind() != ErrorKind::NotFound) throw;
    }
    if (!tried.empty()) tried += ", ";
    tried += "'" + n + "'";
  }
  throw_error(ErrorKind::NotFound, "none of the templates given were found: " + tried);
}

TemplatePtr Environment::from_string(std::string_view source, std::string_view name) const {
  return compile(source, name);
}

void Environment::render_to(std::string& out, const Template& tpl, const Value& context) const {
  std::size_t start = out.size();
  BudgetScope budget(options_, tpl.name());
  StrictUndefinedScope strict(strict_undefined());
  try {
    detail::Renderer r(*this, out, context);
    r.render(tpl);
  } catch (...) {
    out.resize(start);
    throw;
  }
}

std::string Environment::render(std::string_view name, const Value& context) const {
  TemplatePtr t = get_template(name);
  std::string out;
  render_to(out, *t, context);
  return out;
}

std::string Environment::render_string(std::string_view source, const Value& context) const {
  TemplatePtr t = from_string(source);
  std::string out;
  render_to(out, *t, context);
  return out;
}

void Environment::clear_cache() const {
  std::lock_guard lock(cache_mutex_);
  cache_.clear();
}

std::string Template::render(const Value& context) const {
  std::string out;
  env_->render_to(out, *this, context);
  return out;
}

}  // namespace samrapport::jinja
