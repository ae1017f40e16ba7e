#include "jinja/conformance.hpp"

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "jinja/environment.hpp"
#include "jinja/error.hpp"
#include "jinja/json.hpp"
#include "jinja/value_print.hpp"

namespace samrapport::jinja {

namespace {

std::string one_line(std::string_view s, std::size_t max = 160) {
  std::string r;
  append_string_repr(r, s);
  if (r.size() > max) r = r.substr(0, max) + "...";
  return r;
}

}  // namespace

ConformanceSummary run_conformance_summary(const std::string& jsonl_path, std::ostream& out,
                                           bool verbose) {
  ConformanceSummary sum;
  std::ifstream in(jsonl_path);
  if (!in) {
    out << jsonl_path << ": error: cannot open file\n";
    sum.core_failed = 1;
    return sum;
  }
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    nlohmann::ordered_json c;
    try {
      c = nlohmann::ordered_json::parse(line);
    } catch (const std::exception& e) {
      out << jsonl_path << ":" << line_no << ": error: invalid JSON: " << e.what() << "\n";
      ++sum.failed;
      ++sum.core_failed;
      continue;
    }
    std::string id = c.value("id", "line " + std::to_string(line_no));
    bool core = c.value("tier", "core") == "core";
    (core ? sum.core_total : sum.extended_total)++;
    Options opt;
    if (c.contains("options")) {
      const auto& o = c["options"];
      opt.trim_blocks = o.value("trim_blocks", false);
      opt.lstrip_blocks = o.value("lstrip_blocks", false);
      opt.keep_trailing_newline = o.value("keep_trailing_newline", false);
      if (o.value("autoescape", false)) opt.autoescape = autoescape_always_html();
      if (o.value("undefined", std::string("default")) == "strict")
        opt.undefined = UndefinedMode::Strict;
    }
    Environment env(opt);
    auto loader = std::make_shared<DictLoader>();
    if (c.contains("templates")) {
      for (auto it = c["templates"].begin(); it != c["templates"].end(); ++it) {
        loader->add(it.key(), it.value().get<std::string>());
      }
    }
    env.set_loader(loader);
    bool expect_error = c.value("error", false);
    std::string expected = c.value("expected", std::string());
    std::string reason;
    bool ok = false;
    std::string actual;
    try {
      Value ctx = c.contains("context") ? from_json(c["context"]) : Value::dict();
      actual = env.render_string(c.value("template", std::string()), ctx);
      if (expect_error) {
        reason = "expected " + c.value("error_kind", std::string("an error")) + ", got output " +
                 one_line(actual);
      } else if (actual == expected) {
        ok = true;
      } else {
        reason = "expected " + one_line(expected) + ", got " + one_line(actual);
      }
    } catch (const TemplateError& e) {
      if (expect_error) {
        ok = true;
      } else {
        reason = std::string(error_kind_name(e.kind())) + ": " + e.message();
      }
    } catch (const std::exception& e) {
      if (expect_error) {
        ok = true;
      } else {
        reason = std::string("internal error: ") + e.what();
      }
    }
    if (ok) {
      ++sum.passed;
      continue;
    }
    ++sum.failed;
    (core ? sum.core_failed : sum.extended_failed)++;
    out << id << ": " << reason << "\n";
    if (verbose) {
      out << "    template: " << one_line(c.value("template", std::string()), 1000) << "\n";
      if (!expect_error) out << "    expected: " << one_line(expected, 1000) << "\n";
      out << "    actual:   " << one_line(actual, 1000) << "\n";
    }
  }
  out << sum.passed << " passed, " << sum.failed << " failed\n";
  return sum;
}

int run_conformance(const std::string& jsonl_path, std::ostream& out, bool verbose) {
  ConformanceSummary s = run_conformance_summary(jsonl_path, out, verbose);
  return s.core_failed > 0 ? 1 : 0;
}

}  // namespace samrapport::jinja
