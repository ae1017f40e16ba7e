// The template engine's value model, with Python semantics where Jinja inherits them.
//
// A Value is 16 bytes: a kind tag and either an immediate (bool, int64, double) or an
// intrusive reference-counted pointer (strings, lists, dicts, objects, undefined info).
// Copying a Value never copies a container, so passing a big context around is cheap.
// Lists and dicts are shared and mutable, as in Python.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace samrapport::jinja {

enum class Kind : std::uint8_t {
  None,
  Bool,
  Int,
  Float,
  Undefined,  // first kind that may hold a pointer
  Str,
  Markup,  // a string that is safe for the current output format
  List,
  Tuple,
  Dict,
  Object,  // macros, loop, namespace, cycler, modules, bound methods, ...
};

/// Base of every heap-allocated value part; atomically reference counted so that a
/// context may be shared between threads that render in parallel.
class RcBase {
 public:
  RcBase() = default;
  RcBase(const RcBase&) = delete;
  RcBase& operator=(const RcBase&) = delete;
  virtual ~RcBase() = default;

  void incref() const noexcept { rc_.fetch_add(1, std::memory_order_relaxed); }
  void decref() const noexcept {
    if (rc_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
  }
  std::uint32_t refcount() const noexcept { return rc_.load(std::memory_order_relaxed); }

  /// A serial number given to the object the first time the reference cycle check walks it
  /// (0 until then): tells a remembered object from a new one at the same address.
  std::uint32_t mark() const noexcept { return mark_.load(std::memory_order_relaxed); }
  /// Gives the object mark `m` unless it has one already; returns the mark it has then
  /// (two threads walking the same object agree on one).
  std::uint32_t claim_mark(std::uint32_t m) const noexcept {
    std::uint32_t had = 0;
    return mark_.compare_exchange_strong(had, m, std::memory_order_relaxed) ? m : had;
  }

 private:
  mutable std::atomic<std::uint32_t> rc_{0};
  mutable std::atomic<std::uint32_t> mark_{0};  // fills the padding after rc_
};

/// Intrusive shared pointer for RcBase subclasses.
template <class T>
class Rc {
 public:
  Rc() noexcept = default;
  explicit Rc(T* p) noexcept : p_(p) {
    if (p_) p_->incref();
  }
  Rc(const Rc& o) noexcept : p_(o.p_) {
    if (p_) p_->incref();
  }
  Rc(Rc&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  template <class U, class = std::enable_if_t<std::is_convertible_v<U*, T*>>>
  Rc(const Rc<U>& o) noexcept : p_(o.get()) {
    if (p_) p_->incref();
  }
  ~Rc() {
    if (p_) p_->decref();
  }
  Rc& operator=(Rc o) noexcept {
    std::swap(p_, o.p_);
    return *this;
  }
  T* get() const noexcept { return p_; }
  T* operator->() const noexcept { return p_; }
  T& operator*() const noexcept { return *p_; }
  explicit operator bool() const noexcept { return p_ != nullptr; }

 private:
  T* p_ = nullptr;
};

template <class T, class... A>
Rc<T> make_rc(A&&... a) {
  return Rc<T>(new T(std::forward<A>(a)...));
}

class Value;
class Object;
class Context;
struct CallArgs;

struct StrObj final : RcBase {
  explicit StrObj(std::string v) : s(std::move(v)) {}
  std::string s;
  /// Whether every byte is ASCII (computed lazily), so that indexing can use bytes.
  bool is_ascii() const;
  /// Length in code points (cached).
  std::size_t cp_length() const;

 private:
  // Caches filled at first use; atomic because threads rendering in parallel share strings.
  mutable std::atomic<std::int8_t> ascii_{-1};
  mutable std::atomic<std::int64_t> cp_len_{-1};
};

/// How a list prints and which Python type it stands for; the data is always a vector.
enum class ListFlavor : std::uint8_t { Plain, DictItems, DictKeys, DictValues, Range, Group };

struct ListObj final : RcBase {
  ListObj();
  /// Out of line (Value is incomplete here). Containers nested in containers are released
  /// in a loop rather than by recursion, so a list nested 100 000 deep frees safely.
  ~ListObj() override;
  std::vector<Value> items;
  ListFlavor flavor = ListFlavor::Plain;
  std::int64_t range_start = 0, range_stop = 0, range_step = 1;  // ListFlavor::Range
};

class DictObj;
struct UndefinedInfo;

class Value {
 public:
  Value() noexcept : kind_(Kind::None), p_(nullptr) {}
  Value(std::nullptr_t) noexcept : Value() {}
  Value(bool b) noexcept : kind_(Kind::Bool), p_(nullptr) { b_ = b; }
  template <class I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool> &&
                                          !std::is_same_v<I, char>,
                                      int> = 0>
  Value(I i) noexcept : kind_(Kind::Int), p_(nullptr) {
    i_ = static_cast<std::int64_t>(i);
  }
  Value(double d) noexcept : kind_(Kind::Float), p_(nullptr) { d_ = d; }
  Value(const char* s) : Value(std::string(s)) {}
  Value(std::string_view s) : Value(std::string(s)) {}
  Value(std::string s) : kind_(Kind::Str), p_(new StrObj(std::move(s))) { p_->incref(); }
  Value(Rc<StrObj> s, bool markup = false) noexcept;
  Value(Rc<ListObj> l, bool tuple = false) noexcept;
  Value(Rc<DictObj> d) noexcept;
  Value(Rc<Object> o) noexcept;

  Value(const Value& o) noexcept : kind_(o.kind_), p_(nullptr) {
    bits_ = o.bits_;
    if (holds_ptr() && p_) p_->incref();
  }
  Value(Value&& o) noexcept : kind_(o.kind_), p_(nullptr) {
    bits_ = o.bits_;
    o.kind_ = Kind::None;
    o.bits_ = 0;
  }
  Value& operator=(const Value& o) noexcept {
    Value tmp(o);
    swap(tmp);
    return *this;
  }
  Value& operator=(Value&& o) noexcept {
    Value tmp(std::move(o));
    swap(tmp);
    return *this;
  }
  ~Value() {
    if (holds_ptr() && p_) p_->decref();
  }
  void swap(Value& o) noexcept {
    std::swap(kind_, o.kind_);
    std::swap(bits_, o.bits_);
  }

  // ------------------------------------------------------------ construction
  static Value none() { return Value(); }
  /// A plain undefined value (prints empty unless strict).
  static Value undefined() {
    Value v;
    v.kind_ = Kind::Undefined;
    return v;
  }
  static Value undefined(Rc<UndefinedInfo> info);
  static Value markup(std::string s);
  static Value list(std::vector<Value> items = {});
  static Value list(std::initializer_list<Value> items) { return list(std::vector<Value>(items)); }
  static Value tuple(std::vector<Value> items = {});
  static Value dict();

  // ------------------------------------------------------------ inspection
  Kind kind() const noexcept { return kind_; }
  bool is_none() const noexcept { return kind_ == Kind::None; }
  bool is_bool() const noexcept { return kind_ == Kind::Bool; }
  bool is_int() const noexcept { return kind_ == Kind::Int; }
  bool is_float() const noexcept { return kind_ == Kind::Float; }
  /// int, float or bool (Python's numbers; bool is an int subclass).
  bool is_number() const noexcept {
    return kind_ == Kind::Int || kind_ == Kind::Float || kind_ == Kind::Bool;
  }
  bool is_undefined() const noexcept { return kind_ == Kind::Undefined; }
  /// str or Markup.
  bool is_string() const noexcept { return kind_ == Kind::Str || kind_ == Kind::Markup; }
  bool is_markup() const noexcept { return kind_ == Kind::Markup; }
  bool is_list() const noexcept { return kind_ == Kind::List; }
  bool is_tuple() const noexcept { return kind_ == Kind::Tuple; }
  /// list or tuple.
  bool is_sequence() const noexcept { return kind_ == Kind::List || kind_ == Kind::Tuple; }
  bool is_dict() const noexcept { return kind_ == Kind::Dict; }
  bool is_object() const noexcept { return kind_ == Kind::Object; }

  bool as_bool() const noexcept { return b_; }
  std::int64_t as_int() const noexcept { return kind_ == Kind::Bool ? (b_ ? 1 : 0) : i_; }
  /// Numeric value of an int, float or bool.
  double as_double() const noexcept {
    return kind_ == Kind::Float ? d_ : static_cast<double>(as_int());
  }
  const std::string& str() const noexcept { return static_cast<const StrObj*>(p_)->s; }
  const StrObj& str_obj() const noexcept { return *static_cast<const StrObj*>(p_); }
  Rc<StrObj> str_rc() const noexcept { return Rc<StrObj>(static_cast<StrObj*>(p_)); }
  ListObj& list_obj() const noexcept { return *static_cast<ListObj*>(p_); }
  const std::vector<Value>& items() const noexcept { return static_cast<ListObj*>(p_)->items; }
  DictObj& dict_obj() const noexcept;
  Object& object() const noexcept;
  Rc<Object> object_rc() const noexcept;
  const UndefinedInfo* undefined_info() const noexcept;
  /// Identity of the heap part (for `sameas` and cycle detection); null for immediates.
  const void* identity() const noexcept { return holds_ptr() ? p_ : nullptr; }

  /// Python type name: 'int', 'str', 'dict', 'NoneType', ...
  std::string_view type_name() const noexcept;

 private:
  bool holds_ptr() const noexcept { return kind_ >= Kind::Undefined; }

  Kind kind_;
  union {
    bool b_;
    std::int64_t i_;
    double d_;
    RcBase* p_;
    std::uint64_t bits_;
  };
};

/// Insertion-ordered dict with Python key equality (1 == 1.0 == True). Small dicts are
/// scanned linearly; larger ones get an open-addressing index.
class DictObj final : public RcBase {
 public:
  DictObj() = default;
  ~DictObj() override;  // hands nested containers to an iterative release (no deep recursion)
  struct Entry {
    Value key;
    Value value;
    std::size_t hash;
  };

  std::size_t size() const noexcept { return entries_.size(); }
  bool empty() const noexcept { return entries_.empty(); }
  const std::vector<Entry>& entries() const noexcept { return entries_; }

  /// Throws TemplateError (TypeError) for unhashable keys.
  const Value* find(const Value& key) const;
  const Value* find(std::string_view key) const { return find(key, hash_string(key)); }
  const Value* find(const std::string& key) const { return find(std::string_view(key)); }
  const Value* find(const char* key) const { return find(std::string_view(key)); }
  const Value* find(std::string_view key, std::size_t hash) const;
  void set(Value key, Value value);
  void set(std::string_view key, Value value);
  void set(const std::string& key, Value value) { set(std::string_view(key), std::move(value)); }
  void set(const char* key, Value value) { set(std::string_view(key), std::move(value)); }
  bool erase(const Value& key);
  void clear();
  void reserve(std::size_t n) { entries_.reserve(n); }

  static std::size_t hash_string(std::string_view s) noexcept;

 private:
  std::size_t lookup(const Value& key, std::size_t hash) const;  // index or npos
  void rebuild_index();
  void index_insert(std::size_t entry_index);

  std::vector<Entry> entries_;
  std::vector<std::uint32_t> table_;  // slot = entry index + 1; 0 = empty
};

/// Why a value is undefined, for error messages ("'m' has no attribute 'x'") and the
/// "did you mean" suggestion.
struct UndefinedInfo final : RcBase {
  std::string name;        // missing variable/attribute; an element key in repr form
  std::string owner;       // source text of the object it was looked up on ("" for variables)
  std::string owner_type;  // Python type name of that object
  Value owner_value;       // the object itself (for suggestions)
  bool is_item = false;    // looked up with [] rather than as attribute/variable
  std::string hint;        // complete message when set (e.g. "no caller defined")
  // Where the lookup happened (strict rendering only): an error raised later, where the
  // value is used, points at the misspelt name rather than at the use.
  std::string template_name;
  int line = 0;
  int column = 0;
  std::string source_line;
};

/// Arguments of a call: positional values and keyword arguments in call order.
struct CallArgs {
  std::vector<Value> pos;
  std::vector<std::pair<std::string, Value>> kw;
};

/// Base of the engine's callable and attribute-bearing objects. Subclasses implement
/// what they support; the defaults behave like a plain Python object.
class Object : public RcBase {
 public:
  virtual std::string_view type_name() const = 0;
  /// Attribute lookup; false when there is no such attribute.
  virtual bool get_attr(std::string_view name, Value& out) const;
  /// Attribute assignment (namespace); false when not supported.
  virtual bool set_attr(std::string_view name, const Value& value);
  /// Names of the attributes, for "did you mean" suggestions.
  virtual std::vector<std::string> attr_names() const { return {}; }
  virtual bool is_callable() const { return false; }
  virtual Value call(Context& ctx, CallArgs& args);
  virtual void repr(std::string& out) const;
  /// Python iteration; false when the object is not iterable.
  virtual bool iterate(std::vector<Value>& out) const;
  /// Calls `fn` for every value the object owns (for reference cycle checks).
  virtual void visit_children(const std::function<void(const Value&)>& fn) const;
};

// ------------------------------------------------------------------ inline details

inline Value::Value(Rc<StrObj> s, bool markup) noexcept
    : kind_(markup ? Kind::Markup : Kind::Str), p_(s.get()) {
  if (p_) p_->incref();
}
inline Value::Value(Rc<ListObj> l, bool tuple) noexcept
    : kind_(tuple ? Kind::Tuple : Kind::List), p_(l.get()) {
  if (p_) p_->incref();
}
inline Value::Value(Rc<DictObj> d) noexcept : kind_(Kind::Dict), p_(d.get()) {
  if (p_) p_->incref();
}
inline DictObj& Value::dict_obj() const noexcept {
  return *static_cast<DictObj*>(p_);
}
inline Object& Value::object() const noexcept {
  return *static_cast<Object*>(p_);
}
inline const UndefinedInfo* Value::undefined_info() const noexcept {
  return static_cast<const UndefinedInfo*>(p_);
}

// ------------------------------------------------------------------ Python semantics

/// Python ==.
bool py_equal(const Value& a, const Value& b);
/// Python hash(); throws TemplateError (TypeError) for unhashable values.
std::size_t py_hash(const Value& v);
/// Python truthiness; Undefined is false (strictness is the renderer's business).
bool py_truthy(const Value& v);

/// Whether undefined values are strict on this thread: the renderer sets it for the length of
/// a render with strict undefined. Then ==, hash() and truth of an Undefined raise, as with
/// Jinja2's StrictUndefined, also inside filters and methods.
bool strict_undefined_active() noexcept;

class StrictUndefinedScope {
 public:
  explicit StrictUndefinedScope(bool strict);
  ~StrictUndefinedScope();
  StrictUndefinedScope(const StrictUndefinedScope&) = delete;
  StrictUndefinedScope& operator=(const StrictUndefinedScope&) = delete;

 private:
  bool saved_;
};

/// Raises TemplateError (Value) if storing `value` inside the container `container` would
/// make a reference cycle (values are reference counted, so a cycle would never be freed).
///
/// Linear in what is new: during a render, the containers walked for one container are
/// remembered as "does not reach it" until something is stored into another container, so
/// storing into the same container again and again (`{% set ns.x = [ns.x] %}` in a loop,
/// `xs.append(...)`) walks only what was not seen before.
void check_no_cycle(const Value& value, const void* container);
/// Forgets what check_no_cycle remembers (at the start and end of each outermost render).
void reset_cycle_memo();

}  // namespace samrapport::jinja
