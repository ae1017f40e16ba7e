// municipalities.yaml: regions (display order) and every municipality that appears
// anywhere, in scope or not.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
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
    "id",   "name",      "population", "region",   "county",           "former_county", "in_scope",
    "edge", "staff_fte", "area_km2",   "language", "eierskapsmelding", "map_tile"};
constexpr std::string_view kLanguages[] = {"nb", "nn", "en"};
/// More inhabitants than any country has: a typing error (and sums stay far from overflow).
constexpr std::int64_t kMaxPopulation = 100'000'000;
/// Man-years and square kilometres of one municipality.
constexpr double kMaxStaffFte = 1'000'000;
constexpr double kMaxAreaKm2 = 1'000'000;
/// Columns and rows of a tile map: far more than any county or country needs.
constexpr std::int64_t kMaxTile = 999;

/// The first municipality seen at each tile, for the duplicate check.
using TilesSeen = std::map<std::pair<int, int>, std::pair<std::string, SourcePos>>;

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

/// `map_tile: [column, row]`: two whole numbers from 0 to kMaxTile.
std::optional<MapTile> read_map_tile(ReadContext& ctx, yaml::NodeRef node) {
  if (!expect_list(ctx, node, "map_tile")) return std::nullopt;
  if (node.size() != 2) {
    ctx.error(node, "'map_tile' must be a list of two whole numbers [column, row], not " +
                        std::to_string(node.size()) + (node.size() == 1 ? " item" : " items"));
    return std::nullopt;
  }
  MapTile tile;
  bool ok = true;
  for (const auto& [i, field, target] :
       {std::tuple{std::size_t{0}, "map_tile column", &tile.column},
        std::tuple{std::size_t{1}, "map_tile row", &tile.row}}) {
    const yaml::NodeRef v = node.item(i);
    const auto n = as_integer(ctx, v, field);
    if (!n) {
      ok = false;
      continue;
    }
    if (!check_int_range(ctx, v, field, *n, 0, kMaxTile)) {
      ok = false;
      continue;
    }
    *target = static_cast<int>(*n);
  }
  if (!ok) return std::nullopt;
  return tile;
}

void read_municipality(ReadContext& ctx, yaml::NodeRef item, TilesSeen& tiles) {
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
  const yaml::NodeRef tile_node = m.get("map_tile");
  if (tile_node.present()) mu.map_tile = read_map_tile(ctx, tile_node);
  if (!name) return;
  mu.name = std::move(*name);
  if (mu.map_tile) {
    const auto [it, inserted] =
        tiles.try_emplace({mu.map_tile->column, mu.map_tile->row}, mu.name, tile_node.pos());
    if (!inserted) {
      ctx.error(tile_node, "municipality '" + mu.name + "' has the same 'map_tile' [" +
                               std::to_string(mu.map_tile->column) + ", " +
                               std::to_string(mu.map_tile->row) + "] as '" + it->second.first +
                               "' (at " + ReadContext::where(it->second.second) + ")");
      mu.map_tile.reset();
    }
  }
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
  TilesSeen tiles;
  for (std::size_t i = 0; i < list.size(); ++i) read_municipality(ctx, list.item(i), tiles);
  ctx.municipalities_read = true;
}

}  // namespace samrapport::content
