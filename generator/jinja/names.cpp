#include "jinja/names.hpp"

#include <deque>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace samrapport::jinja {

namespace {

struct NameTable {
  std::shared_mutex mutex;
  std::deque<std::string> texts;  // stable addresses
  std::unordered_map<std::string_view, NameId> ids;
};

NameTable& table() {
  static NameTable t;
  return t;
}

}  // namespace

NameId intern_name(std::string_view name) {
  NameTable& t = table();
  {
    std::shared_lock lock(t.mutex);
    auto it = t.ids.find(name);
    if (it != t.ids.end()) return it->second;
  }
  std::unique_lock lock(t.mutex);
  auto it = t.ids.find(name);
  if (it != t.ids.end()) return it->second;
  t.texts.emplace_back(name);
  auto id = static_cast<NameId>(t.texts.size() - 1);
  t.ids.emplace(t.texts.back(), id);
  return id;
}

std::string_view name_text(NameId id) {
  NameTable& t = table();
  std::shared_lock lock(t.mutex);
  return t.texts[id];
}

}  // namespace samrapport::jinja
