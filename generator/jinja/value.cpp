#include "jinja/value.hpp"

#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "jinja/error.hpp"
#include "jinja/limits.hpp"
#include "jinja/undefined.hpp"
#include "jinja/unicode.hpp"

namespace samrapport::jinja {

bool StrObj::is_ascii() const {
  std::int8_t a = ascii_.load(std::memory_order_relaxed);
  if (a < 0) {
    a = unicode::is_ascii(s) ? 1 : 0;
    ascii_.store(a, std::memory_order_relaxed);
  }
  return a == 1;
}

std::size_t StrObj::cp_length() const {
  std::int64_t n = cp_len_.load(std::memory_order_relaxed);
  if (n < 0) {
    n = static_cast<std::int64_t>(is_ascii() ? s.size() : unicode::length(s));
    cp_len_.store(n, std::memory_order_relaxed);
  }
  return static_cast<std::size_t>(n);
}

namespace {

// Releasing a value may release containers inside it, and those the containers inside them:
// recursion as deep as the value. Only the outermost release on a thread runs the loop;
// destructors inside it hand over the values that may hold containers.
thread_local std::vector<Value>* t_release_queue = nullptr;

bool may_hold_containers(const Value& v) {
  return v.is_sequence() || v.is_dict() || v.is_object() || v.is_undefined();
}

template <class Fn>
void release_iteratively(Fn&& hand_over_children) {
  if (t_release_queue) {
    hand_over_children(*t_release_queue);
    return;
  }
  std::vector<Value> queue;
  t_release_queue = &queue;
  hand_over_children(queue);
  while (!queue.empty()) {
    Value v = std::move(queue.back());
    queue.pop_back();
    // v's destructor runs here; nested containers go to the queue
  }
  t_release_queue = nullptr;
}

}  // namespace

ListObj::ListObj() = default;

ListObj::~ListObj() {
  bool nested = false;
  for (const Value& v : items) {
    if (may_hold_containers(v)) {
      nested = true;
      break;
    }
  }
  if (!nested) return;
  release_iteratively([this](std::vector<Value>& queue) {
    for (Value& v : items) {
      if (may_hold_containers(v)) queue.push_back(std::move(v));
    }
    items.clear();
  });
}

DictObj::~DictObj() {
  bool nested = false;
  for (const Entry& e : entries_) {
    if (may_hold_containers(e.value) || may_hold_containers(e.key)) {
      nested = true;
      break;
    }
  }
  if (!nested) return;
  release_iteratively([this](std::vector<Value>& queue) {
    for (Entry& e : entries_) {
      if (may_hold_containers(e.value)) queue.push_back(std::move(e.value));
      if (may_hold_containers(e.key)) queue.push_back(std::move(e.key));
    }
    entries_.clear();
  });
}

Value::Value(Rc<Object> o) noexcept : kind_(Kind::Object), p_(o.get()) {
  if (p_) p_->incref();
}

Rc<Object> Value::object_rc() const noexcept {
  return Rc<Object>(static_cast<Object*>(p_));
}

Value Value::undefined(Rc<UndefinedInfo> info) {
  Value v;
  v.kind_ = Kind::Undefined;
  v.p_ = info.get();
  if (v.p_) v.p_->incref();
  return v;
}

Value Value::markup(std::string s) {
  return Value(make_rc<StrObj>(std::move(s)), true);
}

Value Value::list(std::vector<Value> items) {
  auto l = make_rc<ListObj>();
  l->items = std::move(items);
  return Value(std::move(l));
}

Value Value::tuple(std::vector<Value> items) {
  auto l = make_rc<ListObj>();
  l->items = std::move(items);
  return Value(std::move(l), true);
}

Value Value::dict() {
  return Value(make_rc<DictObj>());
}

std::string_view Value::type_name() const noexcept {
  switch (kind_) {
    case Kind::None:
      return "NoneType";
    case Kind::Bool:
      return "bool";
    case Kind::Int:
      return "int";
    case Kind::Float:
      return "float";
    case Kind::Undefined:
      return "Undefined";
    case Kind::Str:
      return "str";
    case Kind::Markup:
      return "Markup";
    case Kind::List:
      switch (list_obj().flavor) {
        case ListFlavor::DictItems:
          return "dict_items";
        case ListFlavor::DictKeys:
          return "dict_keys";
        case ListFlavor::DictValues:
          return "dict_values";
        case ListFlavor::Range:
          return "range";
        default:
          return "list";
      }
    case Kind::Tuple:
      return "tuple";
    case Kind::Dict:
      return "dict";
    case Kind::Object:
      return object().type_name();
  }
  return "object";
}

// ------------------------------------------------------------------ DictObj

std::size_t DictObj::hash_string(std::string_view s) noexcept {
  return std::hash<std::string_view>{}(s);
}

const Value* DictObj::find(const Value& key) const {
  std::size_t h = py_hash(key);
  std::size_t i = lookup(key, h);
  return i == static_cast<std::size_t>(-1) ? nullptr : &entries_[i].value;
}

const Value* DictObj::find(std::string_view key, std::size_t hash) const {
  if (table_.empty()) {
    for (const auto& e : entries_) {
      if (e.hash == hash && e.key.is_string() && e.key.str() == key) return &e.value;
    }
    return nullptr;
  }
  std::size_t mask = table_.size() - 1;
  for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    std::uint32_t idx = table_[slot];
    if (idx == 0) return nullptr;
    const Entry& e = entries_[idx - 1];
    if (e.hash == hash && e.key.is_string() && e.key.str() == key) return &e.value;
  }
}

std::size_t DictObj::lookup(const Value& key, std::size_t hash) const {
  if (table_.empty()) {
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].hash == hash && py_equal(entries_[i].key, key)) return i;
    }
    return static_cast<std::size_t>(-1);
  }
  std::size_t mask = table_.size() - 1;
  for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    std::uint32_t idx = table_[slot];
    if (idx == 0) return static_cast<std::size_t>(-1);
    const Entry& e = entries_[idx - 1];
    if (e.hash == hash && py_equal(e.key, key)) return idx - 1;
  }
}

void DictObj::index_insert(std::size_t entry_index) {
  std::size_t mask = table_.size() - 1;
  for (std::size_t slot = entries_[entry_index].hash & mask;; slot = (slot + 1) & mask) {
    if (table_[slot] == 0) {
      table_[slot] = static_cast<std::uint32_t>(entry_index + 1);
      return;
    }
  }
}

void DictObj::rebuild_index() {
  constexpr std::size_t kLinearLimit = 8;
  if (entries_.size() <= kLinearLimit) {
    table_.clear();
    return;
  }
  std::size_t cap = 16;
  while (cap < entries_.size() * 2) cap *= 2;
  table_.assign(cap, 0);
  for (std::size_t i = 0; i < entries_.size(); ++i) index_insert(i);
}

void DictObj::set(Value key, Value value) {
  std::size_t h = py_hash(key);
  std::size_t i = lookup(key, h);
  if (i != static_cast<std::size_t>(-1)) {
    entries_[i].value = std::move(value);
    return;
  }
  entries_.push_back(Entry{std::move(key), std::move(value), h});
  if (!table_.empty() && entries_.size() * 2 <= table_.size()) {
    index_insert(entries_.size() - 1);
  } else if (entries_.size() > 8) {
    rebuild_index();
  }
}

void DictObj::set(std::string_view key, Value value) {
  set(Value(key), std::move(value));
}

bool DictObj::erase(const Value& key) {
  std::size_t i = lookup(key, py_hash(key));
  if (i == static_cast<std::size_t>(-1)) return false;
  entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(i));
  rebuild_index();
  return true;
}

void DictObj::clear() {
  entries_.clear();
  table_.clear();
}

// ------------------------------------------------------------------ Object defaults

bool Object::get_attr(std::string_view, Value&) const {
  return false;
}
bool Object::set_attr(std::string_view, const Value&) {
  return false;
}
Value Object::call(Context&, CallArgs&) {
  throw_error(ErrorKind::Type, "'" + std::string(type_name()) + "' object is not callable");
}
void Object::repr(std::string& out) const {
  out += '<';
  out += type_name();
  out += " object>";
}
bool Object::iterate(std::vector<Value>&) const {
  return false;
}
void Object::visit_children(const std::function<void(const Value&)>&) const {}

namespace {

/// What check_no_cycle knows: the containers (by address and mark) that do not reach
/// `target`. Storing into `target` adds no path to it, so the knowledge stays true until
/// something is stored into another container; removing items never adds paths.
struct CycleMemo {
  const void* target = nullptr;
  std::unordered_map<const void*, std::uint32_t> clear;
};

thread_local CycleMemo t_cycle_memo;
std::atomic<std::uint32_t> g_next_mark{0};

constexpr std::size_t kCycleMemoLimit = std::size_t{1} << 20;

std::uint32_t mark_of(const RcBase* obj) {
  std::uint32_t m = obj->mark();
  if (m == 0) {
    do {
      m = g_next_mark.fetch_add(1, std::memory_order_relaxed) + 1;
    } while (m == 0);
    m = obj->claim_mark(m);
  }
  return m;
}

}  // namespace

void reset_cycle_memo() {
  CycleMemo& memo = t_cycle_memo;
  memo.target = nullptr;
  // clear() costs the number of buckets: a map grown by one big walk is dropped instead,
  // so that resetting stays as cheap as the walk that filled it
  if (memo.clear.bucket_count() > 64) {
    std::unordered_map<const void*, std::uint32_t>().swap(memo.clear);
  } else if (!memo.clear.empty()) {
    memo.clear.clear();
  }
}

void check_no_cycle(const Value& value, const void* container) {
  if (!value.identity() || value.is_string() || value.is_undefined()) return;
  CycleMemo& memo = t_cycle_memo;
  // Outside a render nobody tells the memo when containers change: walk everything.
  if (memo.target != container || !detail::t_budget || memo.clear.size() > kCycleMemoLimit) {
    reset_cycle_memo();
    memo.target = container;
  }
  std::vector<Value> stack{value};
  while (!stack.empty()) {
    Value v = std::move(stack.back());
    stack.pop_back();
    const void* id = v.identity();
    if (!id || v.is_string() || v.is_undefined()) continue;
    if (id == container) {
      reset_cycle_memo();
      throw_error(ErrorKind::Value,
                  "cannot store a container inside itself (reference cycles are not supported)");
    }
    const auto* obj = static_cast<const RcBase*>(id);
    auto [it, inserted] = memo.clear.try_emplace(id, 0);
    const std::uint32_t mark = mark_of(obj);
    if (!inserted && it->second == mark) continue;  // walked before: does not reach it
    it->second = mark;
    if (v.is_sequence()) {
      for (const auto& x : v.items()) stack.push_back(x);
    } else if (v.is_dict()) {
      for (const auto& e : v.dict_obj().entries()) {
        stack.push_back(e.key);
        stack.push_back(e.value);
      }
    } else if (v.is_object()) {
      v.object().visit_children([&](const Value& c) { stack.push_back(c); });
    }
  }
}

// ------------------------------------------------------------------ Python semantics

namespace {

bool numbers_equal(const Value& a, const Value& b) {
  if (a.kind() != Kind::Float && b.kind() != Kind::Float) return a.as_int() == b.as_int();
  if (a.kind() == Kind::Float && b.kind() == Kind::Float) return a.as_double() == b.as_double();
  // int vs float: exact comparison
  const Value& f = a.kind() == Kind::Float ? a : b;
  const Value& i = a.kind() == Kind::Float ? b : a;
  double d = f.as_double();
  if (!std::isfinite(d) || d != std::floor(d)) return false;
  if (d < -9.3e18 || d > 9.3e18) return false;
  return static_cast<std::int64_t>(d) == i.as_int();
}

std::size_t hash_int(std::int64_t i) {
  return std::hash<std::int64_t>{}(i);
}

// The Python type a list/tuple value stands for: a groupby group is a tuple, dict views
// and ranges are their own types.
int sequence_type(const Value& v) {
  if (v.is_tuple()) return static_cast<int>(ListFlavor::Group);
  if (!v.is_list()) return -1;
  return static_cast<int>(v.list_obj().flavor);
}

}  // namespace

namespace {
thread_local bool g_strict_undefined = false;
}  // namespace

bool strict_undefined_active() noexcept {
  return g_strict_undefined;
}

StrictUndefinedScope::StrictUndefinedScope(bool strict) : saved_(g_strict_undefined) {
  g_strict_undefined = strict;
}

StrictUndefinedScope::~StrictUndefinedScope() {
  g_strict_undefined = saved_;
}

bool py_equal(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) return numbers_equal(a, b);
  if (g_strict_undefined) {
    if (a.is_undefined()) raise_undefined(a);
    if (b.is_undefined()) raise_undefined(b);
  }
  if (a.is_string() && b.is_string()) {
    return a.identity() == b.identity() || a.str() == b.str();
  }
  switch (a.kind()) {
    case Kind::None:
      return b.is_none();
    case Kind::Undefined:
      return b.is_undefined();
    case Kind::List:
    case Kind::Tuple: {
      if (sequence_type(a) != sequence_type(b)) return false;
      if (a.identity() == b.identity()) return true;
      ValueDepthGuard depth;
      count_operations();
      const auto& x = a.items();
      const auto& y = b.items();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (!py_equal(x[i], y[i])) return false;
      }
      return true;
    }
    case Kind::Dict: {
      if (!b.is_dict()) return false;
      if (a.identity() == b.identity()) return true;
      ValueDepthGuard depth;
      count_operations();
      const auto& x = a.dict_obj();
      const auto& y = b.dict_obj();
      if (x.size() != y.size()) return false;
      for (const auto& e : x.entries()) {
        const Value* v = y.find(e.key);
        if (!v || !py_equal(e.value, *v)) return false;
      }
      return true;
    }
    case Kind::Object:
      return b.is_object() && a.identity() == b.identity();
    default:
      return false;
  }
}

std::size_t py_hash(const Value& v) {
  if (v.is_undefined() && g_strict_undefined) raise_undefined(v);
  switch (v.kind()) {
    case Kind::None:
      return 0x9e3779b97f4a7c15ULL;
    case Kind::Bool:
    case Kind::Int:
      return hash_int(v.as_int());
    case Kind::Float: {
      double d = v.as_double();
      if (std::isfinite(d) && d == std::floor(d) && d > -9.2e18 && d < 9.2e18) {
        return hash_int(static_cast<std::int64_t>(d));
      }
      return std::hash<double>{}(d);
    }
    case Kind::Str:
    case Kind::Markup:
      return DictObj::hash_string(v.str());
    case Kind::Tuple: {
      ValueDepthGuard depth;
      count_operations();
      std::size_t h = 0x345678;
      for (const auto& x : v.items()) h = (h ^ py_hash(x)) * 1000003;
      return h;
    }
    case Kind::Undefined:
      return 0x1234567;
    case Kind::Object:
      return std::hash<const void*>{}(v.identity());
    case Kind::List:
      if (v.list_obj().flavor == ListFlavor::Group || v.list_obj().flavor == ListFlavor::Range) {
        ValueDepthGuard depth;
        count_operations();
        std::size_t h = 0x345678;  // hashable like the tuple / range they stand for
        for (const auto& x : v.items()) h = (h ^ py_hash(x)) * 1000003;
        return h;
      }
      break;
    case Kind::Dict:
      break;
  }
  throw_error(ErrorKind::Type, "unhashable type: '" + std::string(v.type_name()) + "'");
}

bool py_truthy(const Value& v) {
  switch (v.kind()) {
    case Kind::None:
      return false;
    case Kind::Undefined:
      if (g_strict_undefined) raise_undefined(v);
      return false;
    case Kind::Bool:
      return v.as_bool();
    case Kind::Int:
      return v.as_int() != 0;
    case Kind::Float:
      return v.as_double() != 0.0;
    case Kind::Str:
    case Kind::Markup:
      return !v.str().empty();
    case Kind::List:
    case Kind::Tuple:
      return !v.items().empty();
    case Kind::Dict:
      return !v.dict_obj().empty();
    case Kind::Object:
      return true;
  }
  return true;
}

}  // namespace samrapport::jinja
