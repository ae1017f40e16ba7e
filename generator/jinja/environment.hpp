// The Environment: options, loader, registries of filters/tests/globals, and the cache
// of compiled templates (each template is parsed once per Environment).
//
//   jinja::Environment env(opts);
//   env.set_loader(std::make_shared<jinja::FileSystemLoader>(dirs));
//   env.add_filter("num", my_num_filter);
//   std::string out = env.render("report/kap3.md.j2", context);
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "jinja/callable.hpp"
#include "jinja/escape.hpp"
#include "jinja/loader.hpp"
#include "jinja/parser.hpp"
#include "jinja/value.hpp"

namespace samrapport::jinja {

enum class UndefinedMode { Default, Strict };

struct Options {
  bool trim_blocks = false;
  bool lstrip_blocks = false;
  bool keep_trailing_newline = false;
  /// Default: a missing name prints as "" (Jinja2's Undefined). Strict: any use other than
  /// `is defined` / `|default` is an error (StrictUndefined).
  UndefinedMode undefined = UndefinedMode::Default;
  /// The escaper for a template name (null: no autoescaping). Unset: autoescape off.
  std::function<EscaperPtr(std::string_view template_name)> autoescape;

  // Safety limits; exceeding one is a TemplateError (Limit) with a clear message. A render
  // started from within a render on the same thread (a function that renders a template)
  // shares the budget of the outermost one (see jinja/limits.hpp).
  /// Nesting of macro calls, includes, imports, blocks, loop(...) and nested renders.
  int max_recursion_depth = 200;
  /// Items produced by one range().
  std::int64_t max_range_size = 1'000'000;
  /// Bytes of the output and of any one string. (The largest legitimate page, the norway4x
  /// survey report, is 7 MB of Markdown.)
  std::size_t max_output_size = 64u * 1024 * 1024;
  /// Parser nesting of expressions and tags, operator and filter chains included.
  int max_nesting_depth = 300;
  /// Loop iterations and calls (macros, functions, filters, tests, methods) of one render,
  /// and containers walked by ==, hash and printing. (norway4x: 0.53 million; 50 million
  /// take about 1.5 s.)
  std::uint64_t max_operations = 50'000'000;
  /// Bytes of all strings one render produces (every result, not only the output) and of
  /// the list items it stores, added up: bounds the memory of a render. (norway4x: 22 MB.)
  std::uint64_t max_total_size = 256ull * 1024 * 1024;
  /// Nesting of lists, dicts and namespaces that printing, ==, hash and JSON follow.
  int max_value_depth = 1000;
};

/// autoescape policy: HTML for every template (Jinja2's `autoescape=True`).
std::function<EscaperPtr(std::string_view)> autoescape_always_html();

class Environment;

/// A compiled template. Immutable after construction and safe to render concurrently.
class Template {
 public:
  const std::string& name() const { return name_; }
  /// The source after newline normalisation (what line/column numbers refer to).
  const std::string& source() const { return source_; }
  const Body& body() const { return parsed_.body; }
  const std::map<std::string, const BlockStmt*, std::less<>>& blocks() const {
    return parsed_.blocks;
  }
  bool uses_self() const { return parsed_.uses_self; }
  const EscaperPtr& escaper() const { return escaper_; }
  const Environment& environment() const { return *env_; }

  /// Renders with `context` (a dict; None for no variables).
  std::string render(const Value& context) const;

 private:
  friend class Environment;
  Template() = default;

  const Environment* env_ = nullptr;
  std::string name_;
  std::string source_;
  ParsedTemplate parsed_;
  EscaperPtr escaper_;
};

using TemplatePtr = std::shared_ptr<const Template>;

class Environment : public NameResolver {
 public:
  explicit Environment(Options options = {});
  Environment(const Environment&) = delete;
  Environment& operator=(const Environment&) = delete;

  const Options& options() const { return options_; }
  bool strict_undefined() const { return options_.undefined == UndefinedMode::Strict; }

  void set_loader(std::shared_ptr<const Loader> loader) { loader_ = std::move(loader); }
  const Loader* loader() const { return loader_.get(); }

  /// Registers (or replaces) a filter/test/global. Register before loading templates:
  /// names are resolved when a template is compiled.
  void add_filter(std::string name, FilterFn fn);
  void add_test(std::string name, TestFn fn);
  void add_global(std::string name, Value value);
  void add_function(std::string name, FunctionFn fn);

  const FilterFn* find_filter(std::string_view name) const override;
  const TestFn* find_test(std::string_view name) const override;
  const Value* find_global(std::string_view name, std::size_t hash) const {
    return globals_.find(name, hash);
  }
  const DictObj& globals() const { return globals_; }

  /// The compiled template `name` from the loader, parsed once and cached (thread-safe).
  /// Throws TemplateError (NotFound, Syntax, Security, ...).
  TemplatePtr get_template(std::string_view name) const;
  /// The first of `names` that exists (TemplateNotFound listing all when none does).
  TemplatePtr select_template(const std::vector<std::string>& names) const;
  /// Compiles a template from a string (not cached). `name` is used in error messages and
  /// selects the escaper; unnamed templates show as "<template>" in errors.
  TemplatePtr from_string(std::string_view source, std::string_view name = {}) const;

  std::string render(std::string_view name, const Value& context) const;
  std::string render_string(std::string_view source, const Value& context) const;
  /// Appends the output to `out` (avoids a copy for large pages).
  void render_to(std::string& out, const Template& tpl, const Value& context) const;

  /// Drops every cached template (e.g. after templates changed on disk).
  void clear_cache() const;

 private:
  TemplatePtr compile(std::string_view source, std::string_view name) const;

  Options options_;
  std::shared_ptr<const Loader> loader_;
  std::map<std::string, FilterFn, std::less<>> filters_;
  std::map<std::string, TestFn, std::less<>> tests_;
  DictObj globals_;
  mutable std::mutex cache_mutex_;
  mutable std::unordered_map<std::string, TemplatePtr> cache_;
};

/// Adds Jinja2's built-in filters, tests and globals (done by the Environment constructor).
void register_builtin_filters(Environment& env);
void register_builtin_tests(Environment& env);
void register_builtin_globals(Environment& env);

}  // namespace samrapport::jinja
