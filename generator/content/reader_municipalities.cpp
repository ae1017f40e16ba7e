// municipalities.yaml: regions (display order) and every municipality that appears
// anywhere, in scope or not.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <tuple>
#include <unordered_map>

#include "content/reader_ownership.hpp"
#include "content/readers.hpp"
#include "content/yaml_fields.hpp"

namespace samrapport::content {

namespace {

constexpr std::string_view kTopKeys[] = {"regions", "municipalities"};
constexpr std::string_view kRegionKeys[] = {"id", "name", "council"};
constexpr std::string_view kMunicipalityKeys[] = {
    "id",       "name", "population", "region",   "county",   "former_county",
    "in_scope", "edge", "staff_fte",  "area_km2", "language", "eierskapsmelding"};
constexpr std::string_view kLanguages[] = {"nb", "nn", "en"};
/// More inhabitants than any country has: a typing error (and sums stay far from overflow).
constexpr std::int64_t kMaxPopulation = 100'000'000;
/// Man-years and square kilometres of one municipality.
constexpr double kMaxStaffFte = 1'000'000;
constexpr double kMaxAreaKm2 = 1'000'000;

bool kommunenummer(std::string_view s) {
  return s.size() == 4 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void read_regions(ReadContext& ctx, yaml::NodeRef list) {
  Content& c = ctx.content;
  std::unordered_map<std::string, std::size_t> by_name;
  c.regions.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    const yaml::NodeRef item = list.item(i);
    MapReader m(ctx, item, describe("region", item), kRegionKeys);
    if (!m.ok()) continue;
    Region r;
    r.pos = item.pos();
    auto id = m.text("id", true);
    auto name = m.text("name", true);
    r.council = m.text("council");
    if (!id || !name) continue;
    check_slug(ctx, m.get("id"), *id, "region");
    r.id = std::move(*id);
    r.name = std::move(*name);
    const RegionIdx idx = c.regions.size();
    if (const auto [it, inserted] = c.region_by_id.emplace(r.id, idx); !inserted) {
      ctx.error(m.get("id"), "duplicate region id '" + r.id + "' (first at " +
                                 ReadContext::where(c.regions[it->second].pos) + ")");
      continue;
    }
    if (const auto [it, inserted] = by_name.emplace(r.name, idx); !inserted) {
      ctx.error(m.get("name"), "duplicate region name '" + r.name + "' (first at " +
                                   ReadContext::where(c.regions[it->second].pos) + ")");
    }
    c.regions.push_back(std::move(r));
  }
}

void read_municipality(ReadContext& ctx, yaml::NodeRef item) {
  Content& c = ctx.content;
  MapReader m(ctx, item, describe("municipality", item, "name"), kMunicipalityKeys);
  if (!m.ok()) return;
  Municipality mu;
  mu.pos = item.pos();
  auto name = m.text("name", true);
  auto county = m.text("county", true);
  if (auto id = m.text("id")) {
    if (!kommunenummer(*id)) {
      ctx.error(m.get("id"), "municipality id '" + *id + "' is not a kommunenummer of 4 digits");
    }
    mu.id = std::move(*id);
  }
  if (auto population = m.integer("population")) {
    if (check_int_range(ctx, m.get("population"), "population", *population, 0, kMaxPopulation)) {
      mu.population = *population;
    }
  }
  if (const yaml::NodeRef region = m.get("region"); region.present())
    mu.region = ctx.region(region);
  mu.former_county = m.text("former_county");
  mu.in_scope = m.boolean("in_scope").value_or(false);
  mu.edge = m.boolean("edge").value_or(false);
  for (const auto& [key, target, max] : {std::tuple{"staff_fte", &mu.staff_fte, kMaxStaffFte},
                                         std::tuple{"area_km2", &mu.area_km2, kMaxAreaKm2}}) {
    if (auto v = m.number(key)) {
      if (check_range(ctx, m.get(key), key, *v, 0, max)) *target = *v;
    }
  }
  if (const yaml::NodeRef lang = m.get("language"); lang.present()) {
    const std::function<std::optional<Language>(std::string_view)> parse = language_from;
    mu.language = as_enum<Language>(ctx, lang, "language", kLanguages, parse);
  }
  if (const yaml::NodeRef report = m.get("eierskapsmelding"); report.present()) {
    mu.eierskapsmelding = read_ownership_report_info(ctx, report);
  }
  if (!name) return;
  mu.name = std::move(*name);
  if (county) mu.county = std::move(*county);
  if (mu.in_scope) {
    if (!m.get("population").present()) {
      ctx.error(item, "municipality '" + mu.name + "' is in scope but has no 'population'");
    }
    if (!m.get("region").present()) {
      ctx.error(item, "municipality '" + mu.name + "' is in scope but has no 'region'");
    }
  } else if (mu.edge) {
    ctx.warning(m.get("edge"), "'edge' has no effect: municipality '" + mu.name +
                                   "' is not in scope (in_scope: true is missing)");
  }

  const MunicipalityIdx idx = c.municipalities.size();
  if (const auto it = c.municipality_by_ref.find(mu.name); it != c.municipality_by_ref.end()) {
    const Municipality& other = c.municipalities[it->second];
    ctx.error(m.get("name"), other.name == mu.name
                                 ? "duplicate municipality name '" + mu.name + "' (first at " +
                                       ReadContext::where(other.pos) + ")"
                                 : "municipality name '" + mu.name + "' is also the id of '" +
                                       other.name + "'; references to it would be ambiguous");
    return;
  }
  if (!mu.id.empty()) {
    if (const auto it = c.municipality_by_ref.find(mu.id); it != c.municipality_by_ref.end()) {
      const Municipality& other = c.municipalities[it->second];
      ctx.error(m.get("id"),
                other.id == mu.id
                    ? "duplicate municipality id '" + mu.id + "' (first at " +
                          ReadContext::where(other.pos) + ")"
                    : "municipality id '" + mu.id + "' is also the name of '" + other.name + "'");
      return;
    }
    c.municipality_by_ref.emplace(mu.id, idx);
  }
  c.municipality_by_ref.emplace(mu.name, idx);
  c.municipalities.push_back(std::move(mu));
}

}  // namespace

void read_municipalities(ReadContext& ctx, yaml::NodeRef root) {
  MapReader top(ctx, root, "municipalities.yaml", kTopKeys);
  if (!top.ok()) return;
  if (const yaml::NodeRef regions = top.list("regions"); regions.present()) {
    read_regions(ctx, regions);
  }
  ctx.regions_read = true;
  const yaml::NodeRef list = top.list("municipalities", true);
  if (!list.present()) return;
  ctx.content.municipalities.reserve(list.size());
  ctx.content.municipality_by_ref.reserve(2 * list.size());
  for (std::size_t i = 0; i < list.size(); ++i) read_municipality(ctx, list.item(i));
  ctx.municipalities_read = true;
}

}  // namespace samrapport::content
