#include "jinja/undefined.hpp"

#include "jinja/error.hpp"
#include "jinja/value_print.hpp"

namespace samrapport::jinja {

std::vector<std::string> existing_names(const Value& owner) {
  std::vector<std::string> names;
  if (owner.is_dict()) {
    for (const auto& e : owner.dict_obj().entries()) {
      if (e.key.is_string()) names.push_back(e.key.str());
    }
  } else if (owner.is_object()) {
    names = owner.object().attr_names();
  }
  return names;
}

std::string undefined_message(const Value& u) {
  const UndefinedInfo* info = u.undefined_info();
  if (!info) return "undefined value";
  if (!info->hint.empty()) return info->hint;
  std::string msg;
  std::vector<std::string> candidates;
  if (info->owner.empty() && info->owner_type.empty()) {
    msg = "'" + info->name + "' is undefined";
    // candidates for variables are stored in owner_value as a list of names
    if (info->owner_value.is_list()) {
      for (const auto& v : info->owner_value.items()) candidates.push_back(v.str());
    }
  } else {
    std::string owner = info->owner.empty() ? info->owner_type + " object" : info->owner;
    if (info->is_item) {
      msg = "'" + owner + "' has no element " + info->name;
    } else {
      msg = "'" + owner + "' has no attribute '" + info->name + "'";
    }
    candidates = existing_names(info->owner_value);
  }
  if (!candidates.empty()) {
    std::string key = info->name;
    if (info->is_item && key.size() >= 2 && (key.front() == '\'' || key.front() == '"')) {
      key = key.substr(1, key.size() - 2);
    }
    std::string best = closest_match(key, candidates);
    if (!best.empty()) msg += " (did you mean '" + best + "'?)";
  }
  return msg;
}

void raise_undefined(const Value& u) {
  TemplateError e(ErrorKind::Undefined, undefined_message(u));
  if (const UndefinedInfo* info = u.undefined_info(); info && info->line > 0) {
    e.set_position(info->template_name, info->line, info->column, info->source_line);
  }
  throw e;
}

Value make_missing(const Value& owner, std::string name, std::string owner_text, bool is_item) {
  auto info = make_rc<UndefinedInfo>();
  info->name = std::move(name);
  info->owner = std::move(owner_text);
  info->owner_type = std::string(owner.type_name());
  info->owner_value = owner;
  info->is_item = is_item;
  return Value::undefined(std::move(info));
}

Value make_undefined_hint(std::string message) {
  auto info = make_rc<UndefinedInfo>();
  info->hint = std::move(message);
  return Value::undefined(std::move(info));
}

}  // namespace samrapport::jinja
