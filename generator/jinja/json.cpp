#include "jinja/json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "jinja/error.hpp"
#include "jinja/limits.hpp"
#include "jinja/operators.hpp"
#include "jinja/unicode.hpp"
#include "jinja/value_print.hpp"

namespace samrapport::jinja {

namespace {

using KeyCache = std::unordered_map<std::string, Value>;

Value from_json_impl(const nlohmann::ordered_json& j, KeyCache& keys) {
  using T = nlohmann::ordered_json::value_t;
  switch (j.type()) {
    case T::null:
    case T::discarded:
      return Value();
    case T::boolean:
      return Value(j.get<bool>());
    case T::number_integer:
      return Value(j.get<std::int64_t>());
    case T::number_unsigned: {
      auto u = j.get<std::uint64_t>();
      if (u > static_cast<std::uint64_t>(INT64_MAX)) return Value(static_cast<double>(u));
      return Value(static_cast<std::int64_t>(u));
    }
    case T::number_float:
      return Value(j.get<double>());
    case T::string:
      return Value(j.get_ref<const std::string&>());
    case T::array: {
      ValueDepthGuard depth;
      std::vector<Value> items;
      items.reserve(j.size());
      for (const auto& x : j) items.push_back(from_json_impl(x, keys));
      return Value::list(std::move(items));
    }
    case T::object: {
      ValueDepthGuard depth;
      Value d = Value::dict();
      d.dict_obj().reserve(j.size());
      for (auto it = j.begin(); it != j.end(); ++it) {
        auto k = keys.find(it.key());
        if (k == keys.end()) k = keys.emplace(it.key(), Value(it.key())).first;
        d.dict_obj().set(k->second, from_json_impl(it.value(), keys));
      }
      return d;
    }
    case T::binary:
      break;
  }
  return Value();
}

}  // namespace

Value from_json(const nlohmann::ordered_json& j) {
  KeyCache keys;
  return from_json_impl(j, keys);
}

namespace {

// SAX handler building Values directly.
class ValueBuilder {
 public:
  using json = nlohmann::ordered_json;
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  bool null() { return add(Value()); }
  bool boolean(bool b) { return add(Value(b)); }
  bool number_integer(number_integer_t i) { return add(Value(static_cast<std::int64_t>(i))); }
  bool number_unsigned(number_unsigned_t u) {
    if (u > static_cast<number_unsigned_t>(INT64_MAX)) return add(Value(static_cast<double>(u)));
    return add(Value(static_cast<std::int64_t>(u)));
  }
  bool number_float(number_float_t d, const string_t&) { return add(Value(d)); }
  bool string(string_t& s) { return add(Value(std::move(s))); }
  bool binary(binary_t&) { return add(Value()); }
  bool start_object(std::size_t) {
    stack_.push_back(Frame{Value::dict(), Value()});
    return true;
  }
  bool key(string_t& k) {
    // Object keys repeat a lot (every row has "name", "id", ...): share one string each.
    auto it = keys_.find(k);
    if (it == keys_.end()) it = keys_.emplace(k, Value(k)).first;
    stack_.back().key = it->second;
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t) {
    stack_.push_back(Frame{Value::list(), Value()});
    return true;
  }
  bool end_array() { return close(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    throw_error(ErrorKind::Value,
                "invalid JSON at byte " + std::to_string(position) + ": " + e.what());
  }

  Value result;

 private:
  struct Frame {
    Value container;
    Value key;
  };

  bool add(Value v) {
    if (stack_.empty()) {
      result = std::move(v);
    } else if (stack_.back().container.is_list()) {
      stack_.back().container.list_obj().items.push_back(std::move(v));
    } else {
      stack_.back().container.dict_obj().set(std::move(stack_.back().key), std::move(v));
    }
    return true;
  }
  bool close() {
    Value done = std::move(stack_.back().container);
    stack_.pop_back();
    return add(std::move(done));
  }

  std::vector<Frame> stack_;
  std::unordered_map<std::string, Value> keys_;
};

}  // namespace

Value parse_json(std::string_view text) {
  ValueBuilder builder;
  nlohmann::ordered_json::sax_parse(text.begin(), text.end(), &builder);
  return std::move(builder.result);
}

nlohmann::ordered_json to_json(const Value& v) {
  switch (v.kind()) {
    case Kind::None:
      return nullptr;
    case Kind::Bool:
      return v.as_bool();
    case Kind::Int:
      return v.as_int();
    case Kind::Float:
      return v.as_double();
    case Kind::Str:
    case Kind::Markup:
      return v.str();
    case Kind::List:
    case Kind::Tuple: {
      auto a = nlohmann::ordered_json::array();
      for (const auto& x : v.items()) a.push_back(to_json(x));
      return a;
    }
    case Kind::Dict: {
      auto o = nlohmann::ordered_json::object();
      for (const auto& e : v.dict_obj().entries()) o[to_str(e.key)] = to_json(e.value);
      return o;
    }
    default:
      break;
  }
  throw_error(ErrorKind::Type,
              "Object of type " + std::string(v.type_name()) + " is not JSON serializable");
}

namespace {

void dump_string(std::string& out, std::string_view s) {
  out += '"';
  std::size_t i = 0;
  char buf[16];
  while (i < s.size()) {
    char32_t cp = unicode::decode(s, i);
    switch (cp) {
      case '"':
        out += "\\\"";
        continue;
      case '\\':
        out += "\\\\";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\r':
        out += "\\r";
        continue;
      case '\t':
        out += "\\t";
        continue;
      case '\b':
        out += "\\b";
        continue;
      case '\f':
        out += "\\f";
        continue;
      default:
        break;
    }
    if (cp >= 0x20 && cp < 0x7F) {
      out += static_cast<char>(cp);
    } else if (cp < 0x10000) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
      out += buf;
    } else {
      char32_t v = cp - 0x10000;
      std::snprintf(buf, sizeof buf, "\\u%04x\\u%04x", static_cast<unsigned>(0xD800 + (v >> 10)),
                    static_cast<unsigned>(0xDC00 + (v & 0x3FF)));
      out += buf;
    }
  }
  out += '"';
}

std::string key_string(const Value& k) {
  switch (k.kind()) {
    case Kind::Str:
    case Kind::Markup:
      return k.str();
    case Kind::None:
      return "null";
    case Kind::Bool:
      return k.as_bool() ? "true" : "false";
    case Kind::Int:
    case Kind::Float:
      return to_str(k);
    default:
      break;
  }
  throw_error(ErrorKind::Type,
              "keys must be str, int, float, bool or None, not " + std::string(k.type_name()));
}

void dump(std::string& out, const Value& v, bool sort_keys, int indent, int level,
          std::vector<const void*>& stack) {
  auto newline = [&](int lvl) {
    out += '\n';
    out.append(static_cast<std::size_t>(indent * lvl), ' ');
  };
  switch (v.kind()) {
    case Kind::None:
      out += "null";
      return;
    case Kind::Bool:
      out += v.as_bool() ? "true" : "false";
      return;
    case Kind::Int:
      append_int(out, v.as_int());
      return;
    case Kind::Float: {
      double d = v.as_double();
      if (std::isnan(d)) {
        out += "NaN";
      } else if (std::isinf(d)) {
        out += d < 0 ? "-Infinity" : "Infinity";
      } else {
        append_float_repr(out, d);
      }
      return;
    }
    case Kind::Str:
    case Kind::Markup:
      dump_string(out, v.str());
      return;
    case Kind::List:
    case Kind::Tuple: {
      if (v.is_list() && v.list_obj().flavor != ListFlavor::Plain &&
          v.list_obj().flavor != ListFlavor::Group) {
        break;  // dict views and ranges are not JSON serializable
      }
      if (std::find(stack.begin(), stack.end(), v.identity()) != stack.end()) {
        throw_error(ErrorKind::Value, "Circular reference detected");
      }
      ValueDepthGuard depth;
      count_operations();
      check_alloc(out.size());
      const auto& items = v.items();
      if (items.empty()) {
        out += "[]";
        return;
      }
      stack.push_back(v.identity());
      out += '[';
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += indent >= 0 ? "," : ", ";
        if (indent >= 0) newline(level + 1);
        dump(out, items[i], sort_keys, indent, level + 1, stack);
      }
      if (indent >= 0) newline(level);
      out += ']';
      stack.pop_back();
      return;
    }
    case Kind::Dict: {
      if (std::find(stack.begin(), stack.end(), v.identity()) != stack.end()) {
        throw_error(ErrorKind::Value, "Circular reference detected");
      }
      ValueDepthGuard depth;
      count_operations();
      check_alloc(out.size());
      const auto& entries = v.dict_obj().entries();
      if (entries.empty()) {
        out += "{}";
        return;
      }
      std::vector<std::pair<std::string, const Value*>> items;
      for (const auto& e : entries) items.emplace_back(key_string(e.key), &e.value);
      if (sort_keys) {
        std::stable_sort(items.begin(), items.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
      }
      stack.push_back(v.identity());
      out += '{';
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += indent >= 0 ? "," : ", ";
        if (indent >= 0) newline(level + 1);
        dump_string(out, items[i].first);
        out += ": ";
        dump(out, *items[i].second, sort_keys, indent, level + 1, stack);
      }
      if (indent >= 0) newline(level);
      out += '}';
      stack.pop_back();
      return;
    }
    default:
      break;
  }
  throw_error(ErrorKind::Type,
              "Object of type " + std::string(v.type_name()) + " is not JSON serializable");
}

}  // namespace

std::string dumps_json(const Value& v, bool sort_keys, int indent) {
  std::string out;
  std::vector<const void*> stack;
  dump(out, v, sort_keys, indent, 0, stack);
  return out;
}

}  // namespace samrapport::jinja
