#include "report_filters/report_filters.hpp"

#include <gtest/gtest.h>

#include "jinja/error.hpp"
#include "jinja/json.hpp"

namespace jinja = samrapport::jinja;
namespace rf = samrapport::report_filters;
using samrapport::locale::Lang;

namespace {

std::string render(const std::string& src, const char* json = "{}", Lang lang = Lang::nb) {
  jinja::Environment env;
  rf::register_report_filters(env, lang);
  return env.render_string(src, jinja::from_json(nlohmann::ordered_json::parse(json)));
}

bool fails(const std::string& src, const char* json = "{}") {
  try {
    render(src, json);
  } catch (const jinja::TemplateError&) {
    return true;
  }
  return false;
}

}  // namespace

TEST(ReportFilters, NumberWithDecimalCommaAndThousands) {
  EXPECT_EQ(render("{{ x|num(1) }}", R"({"x": 93.05})"), "93,1");
  EXPECT_EQ(render("{{ 101859|num(0, ' ') }}"), "101 859");
  EXPECT_EQ(render("{{ 101859|num }}"), "101859");
  EXPECT_EQ(render("{{ 101859|number(0, thousands=true) }}"), "101\u00a0859");
  EXPECT_EQ(render("{{ 1234567.891|num(2, '.') }}"), "1.234.567,89");
  EXPECT_EQ(render("{{ 38.25|num(1) }} {{ 2.675|num(2) }} {{ -0.04|num(1) }}"), "38,3 2,68 0,0");
  EXPECT_EQ(render("{{ 101859.5|num(1, true) }}", "{}", Lang::en), "101,859.5");
  EXPECT_TRUE(fails("{{ 'x'|num }}"));
  EXPECT_TRUE(fails("{{ none|num }}"));
  EXPECT_TRUE(fails("{{ 1|num(-1) }}"));
}

TEST(ReportFilters, Percent) {
  EXPECT_EQ(render("{{ 3.94|pct(1) }}"), "3,9\u00a0%");
  EXPECT_EQ(render("{{ 3.94|pct(1, words=true) }}"), "3,9 prosent");
  EXPECT_EQ(render("{{ 47.06|percent(0, true) }}"), "47 prosent");
  EXPECT_EQ(render("{{ 3.94|pct(1) }} {{ 3.94|pct(1, true) }}", "{}", Lang::en),
            "3.9% 3.9 per cent");
  EXPECT_EQ(render("{{ 3.94|pct(1) }}", "{}", Lang::nn), "3,9\u00a0%");
}

TEST(ReportFilters, NorwegianSort) {
  const char* names = R"({"xs": ["Ål", "Zeta", "Øvre Eiker", "Aremark", "Ærfugl", "åsen", "bø"]})";
  EXPECT_EQ(render("{{ xs|sort_nb|join(', ') }}", names),
            "Aremark, bø, Zeta, Ærfugl, Øvre Eiker, Ål, åsen");
  EXPECT_EQ(render("{{ xs|sort(collate='nb', reverse=true)|first }}", names), "åsen");
  // Jinja's own sort orders by code point (Ø after Å), unchanged without collate=
  EXPECT_EQ(render("{{ xs|sort|join(', ') }}", names),
            "Aremark, bø, Zeta, Ål, åsen, Ærfugl, Øvre Eiker");
  const char* munis = R"({"m": [{"name": "Ål"}, {"name": "Øvre Eiker"}, {"name": "Drammen"}]})";
  EXPECT_EQ(render("{{ m|nb_sort(attribute='name')|map(attribute='name')|join(', ') }}", munis),
            "Drammen, Øvre Eiker, Ål");
  EXPECT_EQ(render("{{ m|sort(attribute='name', collate='nb')|map(attribute='name')|join(', ') }}",
                   munis),
            "Drammen, Øvre Eiker, Ål");
  EXPECT_EQ(render("{{ [3, 1, 2]|sort_nb }}"), "[1, 2, 3]");
  EXPECT_TRUE(fails("{{ ['a', 1]|sort_nb }}"));
  EXPECT_TRUE(fails("{{ ['a']|sort(collate='de') }}"));
}

TEST(ReportFilters, Dates) {
  EXPECT_EQ(render("{{ '2021-12-16'|date_nb }}"), "16. desember 2021");
  EXPECT_EQ(render("{{ d|date_nb }}", R"({"d": "2022-01-01T10:00:00"})"), "1. januar 2022");
  EXPECT_EQ(render("{{ '2021-12-16'|date_nb }}", "{}", Lang::en), "16 December 2021");
  EXPECT_TRUE(fails("{{ '16.12.2021'|date_nb }}"));
  EXPECT_TRUE(fails("{{ '2021-13-01'|date_nb }}"));
}

TEST(ReportFilters, Plural) {
  EXPECT_EQ(render("{{ 1|plural('kommune', 'kommuner') }}"), "1 kommune");
  EXPECT_EQ(render("{{ 2|plural('kommune', 'kommuner') }}"), "2 kommuner");
  EXPECT_EQ(render("{{ 0|plural('kommune', 'kommuner') }}"), "0 kommuner");
  EXPECT_EQ(render("{{ n|plural('kommune', 'kommunar') }}", R"({"n": 31})", Lang::nn),
            "31 kommunar");
  EXPECT_EQ(render("{{ 2.0|plural('ordning', 'ordninger') }}"), "2 ordninger");
  EXPECT_TRUE(fails("{{ 2.5|plural('a', 'b') }}"));
  EXPECT_TRUE(fails("{{ 2|plural('a') }}"));
}

TEST(ReportFilters, JoinWithOg) {
  const char* xs = R"({"xs": ["Hol", "Ål", "Gol"]})";
  EXPECT_EQ(render("{{ xs|join_og }}", xs), "Hol, Ål og Gol");
  EXPECT_EQ(render("{{ xs|join_and }}", xs, Lang::en), "Hol, Ål and Gol");
  EXPECT_EQ(render("{{ xs[:2]|join_og }}", xs), "Hol og Ål");
  EXPECT_EQ(render("{{ xs[:1]|join_og }}|{{ []|join_og }}", xs), "Hol|");
  EXPECT_EQ(render("{{ xs|join_og('eller') }}", xs), "Hol, Ål eller Gol");
  EXPECT_EQ(render("{{ m|join_og(attribute='n') }}", R"({"m": [{"n": "A"}, {"n": "B"}]})"),
            "A og B");
}

TEST(ReportFilters, ResultsAreEscapedForTheFormat) {
  jinja::Options o;
  o.autoescape = rf::autoescape_for_format();
  jinja::Environment env(o);
  rf::register_report_filters(env, Lang::nb);
  auto t = env.from_string("{{ xs|join_og }} {{ 50|pct }}", "kap.tex.j2");
  EXPECT_EQ(t->render(jinja::from_json(nlohmann::ordered_json::parse(R"({"xs": ["A&B", "C_D"]})"))),
            "A\\&B og C\\_D 50\u00a0\\%");
}

// tojson in Markdown templates: data strings get a backslash before a cross-reference
// marker (the document layer reads the JSON of table()/figure()); Markup and other
// formats are left alone.
TEST(ReportFilters, TojsonInMarkdownEscapesMarkersInData) {
  jinja::Options o;
  o.autoescape = rf::autoescape_for_format();
  jinja::Environment env(o);
  rf::register_report_filters(env, Lang::nb);
  const auto ctx =
      jinja::from_json(nlohmann::ordered_json::parse(R"({"v": {"a": ["{ref:x} {Ref:y} {z}"]}})"));
  EXPECT_EQ(env.from_string("{{ v|tojson }}", "kap.md.j2")->render(ctx),
            R"({"a": ["\\{ref:x} \\{Ref:y} {z}"]})");
  EXPECT_EQ(env.from_string("{{ [v.a[0]|safe]|tojson }}", "kap.md.j2")->render(ctx),
            R"(["{ref:x} {Ref:y} {z}"])");
  EXPECT_EQ(env.from_string("{{ v|tojson }}", "side.html.j2")->render(ctx),
            R"({"a": ["{ref:x} {Ref:y} {z}"]})");
}
