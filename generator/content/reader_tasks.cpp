// tasks.yaml: the sectors (display order) and the catalogue of task areas.
#include <unordered_map>

#include "content/readers.hpp"
#include "content/yaml_fields.hpp"

namespace samrapport::content {

namespace {

constexpr std::string_view kTopKeys[] = {"sectors", "tasks"};
constexpr std::string_view kSectorKeys[] = {"id", "name"};
constexpr std::string_view kTaskKeys[] = {"id", "name", "sector", "reference"};

/// Reports a duplicate name among `seen`; returns whether `name` was new.
bool unique_name(ReadContext& ctx, std::unordered_map<std::string, SourcePos>& seen,
                 const std::string& kind, const std::string& name, yaml::NodeRef at) {
  const auto [it, inserted] = seen.emplace(name, at.pos());
  if (!inserted) {
    ctx.error(at, "duplicate " + kind + " name '" + name + "' (first at " +
                      ReadContext::where(it->second) + ")");
  }
  return inserted;
}

void read_sectors(ReadContext& ctx, yaml::NodeRef list) {
  Content& c = ctx.content;
  std::unordered_map<std::string, SourcePos> names;
  c.sectors.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    const yaml::NodeRef item = list.item(i);
    MapReader m(ctx, item, describe("sector", item), kSectorKeys);
    if (!m.ok()) continue;
    auto id = m.text("id", true);
    auto name = m.text("name", true);
    if (!id || !name) continue;
    check_slug(ctx, m.get("id"), *id, "sector");
    const SectorIdx idx = c.sectors.size();
    if (const auto [it, inserted] = c.sector_by_id.emplace(*id, idx); !inserted) {
      ctx.error(m.get("id"), "duplicate sector id '" + *id + "' (first at " +
                                 ReadContext::where(c.sectors[it->second].pos) + ")");
      continue;
    }
    unique_name(ctx, names, "sector", *name, m.get("name"));
    c.sectors.push_back(Sector{std::move(*id), std::move(*name), item.pos()});
  }
}

void read_task(ReadContext& ctx, yaml::NodeRef item,
               std::unordered_map<std::string, SourcePos>& names) {
  Content& c = ctx.content;
  MapReader m(ctx, item, describe("task", item), kTaskKeys);
  if (!m.ok()) return;
  Task t;
  t.pos = item.pos();
  auto id = m.text("id", true);
  auto name = m.text("name", true);
  const yaml::NodeRef sector = m.require("sector");
  if (sector.present()) {
    if (auto s = ctx.sector(sector)) t.sector = *s;
  }
  if (const yaml::NodeRef ref = m.get("reference"); ref.present()) {
    if (expect_mapping(ctx, ref, "'reference'")) {
      t.reference.reserve(ref.size());
      for (std::size_t i = 0; i < ref.size(); ++i) {
        auto label = as_text(ctx, ref.key(i), "reference");
        auto percent = as_number(ctx, ref.value(i), "reference");
        if (label && percent) t.reference.emplace_back(std::move(*label), *percent);
      }
    }
  }
  if (!id || !name) return;
  check_slug(ctx, m.get("id"), *id, "task");
  const TaskIdx idx = c.tasks.size();
  if (const auto [it, inserted] = c.task_by_id.emplace(*id, idx); !inserted) {
    ctx.error(m.get("id"), "duplicate task id '" + *id + "' (first at " +
                               ReadContext::where(c.tasks[it->second].pos) + ")");
    return;
  }
  unique_name(ctx, names, "task", *name, m.get("name"));
  t.id = std::move(*id);
  t.name = std::move(*name);
  c.tasks.push_back(std::move(t));
}

}  // namespace

void read_tasks(ReadContext& ctx, yaml::NodeRef root) {
  MapReader top(ctx, root, "tasks.yaml", kTopKeys);
  if (!top.ok()) return;
  if (const yaml::NodeRef sectors = top.list("sectors", true); sectors.present()) {
    read_sectors(ctx, sectors);
  }
  ctx.tasks_read = true;  // sectors are known from here on
  const yaml::NodeRef tasks = top.list("tasks", true);
  if (!tasks.present()) return;
  std::unordered_map<std::string, SourcePos> names;
  ctx.content.tasks.reserve(tasks.size());
  for (std::size_t i = 0; i < tasks.size(); ++i) read_task(ctx, tasks.item(i), names);
}

}  // namespace samrapport::content
