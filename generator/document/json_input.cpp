#include "document/json_input.hpp"

#include <charconv>
#include <cmath>

namespace samrapport::document {

void JsonInput::error(std::string_view path, std::string_view message) {
  ok_ = false;
  std::string text = what_;
  if (!path.empty()) {
    text += ": ";
    text += path;
  }
  text += ": ";
  text += message;
  diags_.error(pos_, std::move(text));
}

void JsonInput::relocate(const nlohmann::json& root) {
  if (!root.is_object()) return;
  const auto it = root.find("at");
  if (it == root.end() || !it->is_string()) return;
  // "file:line:column", the file name itself possibly holding ':'.
  const std::string& at = it->get_ref<const std::string&>();
  const std::size_t c2 = at.rfind(':');
  if (c2 == std::string::npos || c2 == 0) return;
  const std::size_t c1 = at.rfind(':', c2 - 1);
  if (c1 == std::string::npos || c1 == 0) return;
  int line = 0, column = 0;
  const auto [p1, e1] = std::from_chars(at.data() + c1 + 1, at.data() + c2, line);
  const auto [p2, e2] = std::from_chars(at.data() + c2 + 1, at.data() + at.size(), column);
  if (e1 != std::errc() || e2 != std::errc() || p1 != at.data() + c2 ||
      p2 != at.data() + at.size() || line <= 0) {
    return;
  }
  pos_.file = at.substr(0, c1);
  pos_.line = line;
  pos_.column = column;
}

bool JsonInput::parse(std::string_view text, nlohmann::json& out) {
  try {
    out = nlohmann::json::parse(text.begin(), text.end());
    return true;
  } catch (const nlohmann::json::parse_error& e) {
    SourcePos at = pos_;
    const std::size_t byte = e.byte > 0 ? e.byte - 1 : 0;
    int column = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        if (at.line > 0) ++at.line;
        column = 1;
      } else {
        ++column;
      }
    }
    at.column = column;
    ok_ = false;
    std::string message = e.what();
    const auto colon = message.find("] ");
    if (colon != std::string::npos) message = message.substr(colon + 2);
    // "parse error at line 2, column 13: syntax error ..." -> "syntax error ..."
    if (message.rfind("parse error", 0) == 0) {
      const auto sep = message.find(": ");
      if (sep != std::string::npos) message = message.substr(sep + 2);
    }
    diags_.error(at, what_ + ": invalid JSON: " + message);
    return false;
  }
}

bool JsonInput::check_object(const nlohmann::json& object, std::string_view path,
                             std::initializer_list<std::string_view> allowed) {
  if (!object.is_object()) {
    error(path, "expected an object");
    return false;
  }
  for (const auto& [key, value] : object.items()) {
    bool known = false;
    for (const std::string_view a : allowed) known = known || a == key;
    if (!known) {
      std::string list;
      for (const std::string_view a : allowed) {
        if (!list.empty()) list += ", ";
        list += a;
      }
      error(join(path, key), "unknown key (expected one of: " + list + ")");
    }
  }
  return true;
}

std::string JsonInput::string(const nlohmann::json& object, std::string_view key,
                              std::string_view path, bool required, std::string_view fallback) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    if (required) error(join(path, key), "missing");
    return std::string(fallback);
  }
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return scalar_text(*it);
  error(join(path, key), "expected a string");
  return std::string(fallback);
}

bool JsonInput::boolean(const nlohmann::json& object, std::string_view key, std::string_view path,
                        bool fallback) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return fallback;
  if (it->is_boolean()) return it->get<bool>();
  error(join(path, key), "expected true or false");
  return fallback;
}

int JsonInput::integer(const nlohmann::json& object, std::string_view key, std::string_view path,
                       int fallback, int min, int max) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return fallback;
  if (it->is_number()) {
    const double v = it->get<double>();
    if (v == std::floor(v) && v >= min && v <= max) return static_cast<int>(v);
  }
  error(join(path, key),
        "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max));
  return fallback;
}

std::string JsonInput::scalar_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_number()) {
    char buf[32];
    const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, value.get<double>());
    return ec == std::errc() ? std::string(buf, ptr) : std::string();
  }
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  return {};
}

std::string JsonInput::join(std::string_view path, std::string_view key) {
  if (path.empty()) return std::string(key);
  return std::string(path) + "." + std::string(key);
}

std::string JsonInput::index(std::string_view path, std::size_t i) {
  return std::string(path) + "[" + std::to_string(i) + "]";
}

}  // namespace samrapport::document
