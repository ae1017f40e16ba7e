// report.yaml: what is being reported on, by whom, in which language.

#include "content/readers.hpp"
#include "content/yaml_fields.hpp"

namespace samrapport::content {

namespace {

constexpr std::string_view kReportKeys[] = {
    "title",           "subtitle",   "report_id",          "client",
    "author",          "place_date", "language",           "reference_date",
    "population_date", "area_name",  "reference_counties", "chapter4_municipalities"};
constexpr std::string_view kCountyKeys[] = {"name", "year", "municipalities", "arrangements",
                                            "mean_per_municipality"};
constexpr std::string_view kLanguages[] = {"nb", "nn", "en"};

void read_reference_county(ReadContext& ctx, yaml::NodeRef item, Report& report) {
  MapReader m(ctx, item, describe("reference county", item, "name"), kCountyKeys);
  if (!m.ok()) return;
  ReferenceCounty rc;
  auto name = m.text("name", true);
  rc.year = m.year("year");
  for (const auto& [key, target] : {std::pair{"municipalities", &rc.municipalities},
                                    std::pair{"arrangements", &rc.arrangements}}) {
    if (auto v = m.int_value(key)) {
      if (*v < 0) {
        ctx.error(m.get(key), in_quotes(key) + " must not be negative");
      } else {
        *target = *v;
      }
    }
  }
  rc.mean_per_municipality = m.number("mean_per_municipality");
  if (!name) return;
  rc.name = std::move(*name);
  report.reference_counties.push_back(std::move(rc));
}

void read_chapter4(ReadContext& ctx, yaml::NodeRef list, Report& report) {
  std::vector<yaml::NodeRef> nodes;
  const std::vector<MunicipalityIdx> listed =
      ctx.municipality_list(list, "in 'chapter4_municipalities'", &nodes);
  for (std::size_t i = 0; i < listed.size(); ++i) {
    const Municipality& mu = ctx.content.municipalities[listed[i]];
    if (!mu.in_scope) {
      ctx.error(nodes[i], "'" + mu.name + "' in 'chapter4_municipalities' is not in scope");
      continue;
    }
    report.chapter4_municipalities.push_back(listed[i]);
  }
}

}  // namespace

void read_report(ReadContext& ctx, yaml::NodeRef root) {
  MapReader m(ctx, root, "report.yaml", kReportKeys);
  if (!m.ok()) return;
  Report& r = ctx.content.report;
  if (auto v = m.text("title", true)) r.title = std::move(*v);
  r.subtitle = m.text("subtitle");
  r.report_id = m.text("report_id");
  r.client = m.text("client");
  if (auto v = m.text("author", true)) r.author = std::move(*v);
  r.place_date = m.text("place_date");
  if (const yaml::NodeRef lang = m.get("language"); lang.present()) {
    const std::function<std::optional<Language>(std::string_view)> parse = language_from;
    if (auto l = as_enum<Language>(ctx, lang, "language", kLanguages, parse)) r.language = *l;
  }
  if (auto d = m.date("reference_date", true)) {
    r.reference_date = *d;
    ctx.reference_date_node = m.get("reference_date");
  }
  r.population_date = m.date("population_date");
  if (auto v = m.text("area_name", true)) r.area_name = std::move(*v);
  if (const yaml::NodeRef list = m.list("reference_counties"); list.present()) {
    r.reference_counties.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) read_reference_county(ctx, list.item(i), r);
  }
  if (const yaml::NodeRef list = m.list("chapter4_municipalities"); list.present()) {
    read_chapter4(ctx, list, r);
  }
}

}  // namespace samrapport::content
