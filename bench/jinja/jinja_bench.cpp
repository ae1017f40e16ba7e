// Benchmark driver: renders the prepared pages of the jinja-pandoc peer with samrapport's
// engine, as bench/jinja/py_render.py does with Python Jinja2.
//
//   jinja_bench PAGES.json TEMPLATE_DIR OUT_DIR [REPEAT]
#include <algorithm>
#include <array>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>

#include "jinja/environment.hpp"
#include "jinja/error.hpp"
#include "jinja/json.hpp"

namespace jinja = samrapport::jinja;
namespace fs = std::filesystem;

namespace {

// The peer's md filter: backslash-escape every ASCII punctuation character.
jinja::Value md_escape(jinja::Context& ctx, const jinja::Value& v, jinja::CallArgs&) {
  static const auto table = [] {
    std::array<bool, 256> t{};
    for (int c = '!'; c <= '~'; ++c) {
      t[static_cast<std::size_t>(c)] =
          !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
    }
    return t;
  }();
  if (v.is_none()) return jinja::Value("");
  std::string tmp;
  const std::string& s = v.is_string() ? v.str() : (tmp = ctx.to_string(v));
  std::string out;
  out.reserve(s.size() + 8);
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (table[static_cast<unsigned char>(s[i])]) {
      out.append(s, start, i - start);
      out += '\\';
      start = i;
    }
  }
  out.append(s, start, std::string::npos);
  return jinja::Value(std::move(out));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: jinja_bench PAGES.json TEMPLATE_DIR OUT_DIR [REPEAT]\n";
    return 2;
  }
  const std::string pages_path = argv[1];
  const fs::path template_dir = argv[2];
  const fs::path out_dir = argv[3];
  const int repeat = argc > 4 ? std::stoi(argv[4]) : 1;

  std::ifstream in(pages_path, std::ios::binary);
  if (!in) {
    std::cerr << pages_path << ": cannot open\n";
    return 1;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  jinja::Value pages_value = jinja::parse_json(text);
  text = std::string();
  struct Page {
    std::string path, kind;
    jinja::Value context;
  };
  std::vector<Page> pages;
  for (const auto& p : pages_value.items()) {
    const auto& d = p.dict_obj();
    pages.push_back(Page{d.find("path")->str(), d.find("kind")->str(), *d.find("context")});
  }

  auto loader = std::make_shared<jinja::FileSystemLoader>(std::vector<fs::path>{template_dir});
  jinja::Options html_opt;
  html_opt.trim_blocks = true;
  html_opt.lstrip_blocks = true;
  html_opt.autoescape = jinja::autoescape_always_html();
  jinja::Options md_opt = html_opt;
  md_opt.autoescape = nullptr;
  jinja::Environment html_env(html_opt);
  jinja::Environment md_env(md_opt);
  html_env.set_loader(loader);
  md_env.set_loader(loader);
  md_env.add_filter("md", md_escape);

  std::map<std::string, jinja::TemplatePtr> html, md;
  try {
    for (const char* k : {"index", "list", "detail"}) {
      html[k] = html_env.get_template(std::string(k) + ".html.j2");
      md[k] = md_env.get_template(std::string(k) + ".md.j2");
    }
  } catch (const jinja::TemplateError& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }

  std::vector<std::string> html_out(pages.size()), md_out(pages.size());
  double seconds = 0;
  double best = 1e30;
  double best_cpu = 1e30;
  auto cpu_now = [] {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  };
  try {
    for (int r = 0; r < repeat; ++r) {
      auto start = std::chrono::steady_clock::now();
      double cpu_start = cpu_now();
      for (std::size_t i = 0; i < pages.size(); ++i) {
        html_out[i].clear();
        md_out[i].clear();
        html_env.render_to(html_out[i], *html[pages[i].kind], pages[i].context);
        md_env.render_to(md_out[i], *md[pages[i].kind], pages[i].context);
      }
      double pass = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      seconds += pass;
      best = std::min(best, pass);
      best_cpu = std::min(best_cpu, cpu_now() - cpu_start);
    }
  } catch (const jinja::TemplateError& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }

  for (std::size_t i = 0; i < pages.size(); ++i) {
    for (const auto& [fmt, text] : {std::pair{"html", &html_out[i]}, std::pair{"md", &md_out[i]}}) {
      fs::path target = out_dir / fmt / pages[i].path;
      fs::create_directories(target.parent_path());
      std::ofstream(target, std::ios::binary) << *text;
    }
  }
  std::cout << "samrapport-jinja render: " << pages.size() << " pages x 2 formats x " << repeat
            << " in " << seconds << " s, best pass " << best << " s, best pass CPU " << best_cpu
            << " s\n";
  return 0;
}
