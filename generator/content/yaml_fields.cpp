#include "content/yaml_fields.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "content/suggest.hpp"

namespace samrapport::content {

namespace {

std::string quote(std::string_view s) {
  constexpr std::size_t kMax = 60;
  std::string out = "'";
  if (s.size() > kMax) {
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    out += s.substr(0, cut);
    out += "...";
  } else {
    out += s;
  }
  out += "'";
  return out;
}

/// "not a list", "not the quoted text '12'", "not 'abc'": what was found instead.
std::string found(yaml::NodeRef node) {
  if (!node.is_scalar()) return "not " + std::string(node.kind_name());
  if (!node.plain()) return "not the quoted text " + quote(node.scalar()) + " (remove the quotes)";
  return "not " + quote(node.scalar());
}

enum class IntParse { ok, not_a_number, out_of_range };

IntParse parse_int64(std::string_view s, std::int64_t& out) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return IntParse::not_a_number;
  const auto* end = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), end, out);
  if (ptr != end) return IntParse::not_a_number;
  if (ec == std::errc::result_out_of_range) return IntParse::out_of_range;
  return ec == std::errc() ? IntParse::ok : IntParse::not_a_number;
}

bool parse_double(std::string_view s, double& out) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  // YAML numbers: digits, one '.', an exponent; no hex, no inf/nan.
  const bool allowed = std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == 'e' || c == 'E' || c == '+';
  });
  if (!allowed) return false;
  const auto* end = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && ptr == end && std::isfinite(out);
}

bool comma_decimal(std::string_view s) {
  const auto comma = s.find(',');
  if (comma == std::string_view::npos || comma == 0 || comma + 1 == s.size()) return false;
  std::string dotted(s);
  dotted[comma] = '.';
  double d = 0;
  return parse_double(dotted, d);
}

/// "12 500 000": digits in groups separated by spaces.
bool spaced_digits(std::string_view s) {
  if (s.find(' ') == std::string_view::npos) return false;
  std::string joined;
  for (const char c : s) {
    if (c != ' ') joined += c;
  }
  double d = 0;
  return parse_double(joined, d);
}

bool leap_year(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

}  // namespace

// ---------------------------------------------------------------- single values

std::optional<std::string> as_text(ReadContext& ctx, yaml::NodeRef node, std::string_view field) {
  if (!node.present() || node.is_null()) return std::nullopt;
  if (node.is_scalar()) return std::string(node.scalar());
  ctx.error(node, in_quotes(field) + " must be a single value, " + found(node));
  return std::nullopt;
}

std::optional<std::int64_t> as_integer(ReadContext& ctx, yaml::NodeRef node,
                                       std::string_view field) {
  if (!node.present() || node.is_null()) return std::nullopt;
  std::int64_t v = 0;
  const IntParse parsed =
      node.is_scalar() && node.plain() ? parse_int64(node.scalar(), v) : IntParse::not_a_number;
  if (parsed == IntParse::ok) return v;
  if (parsed == IntParse::out_of_range) {
    ctx.error(node, in_quotes(field) + " " + quote(node.scalar()) +
                        " is out of range (too large for a whole number)");
    return std::nullopt;
  }
  ctx.error(node, in_quotes(field) + " must be a whole number, " + found(node));
  return std::nullopt;
}

std::optional<int> as_int(ReadContext& ctx, yaml::NodeRef node, std::string_view field) {
  const auto v = as_integer(ctx, node, field);
  if (!v) return std::nullopt;
  if (*v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max()) {
    ctx.error(node, in_quotes(field) + " " + std::to_string(*v) + " is out of range");
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

std::optional<double> as_number(ReadContext& ctx, yaml::NodeRef node, std::string_view field) {
  if (!node.present() || node.is_null()) return std::nullopt;
  double v = 0;
  if (node.is_scalar() && node.plain() && parse_double(node.scalar(), v)) return v;
  std::string message = in_quotes(field) + " must be a number, " + found(node);
  if (node.is_scalar() && node.plain() && comma_decimal(node.scalar())) {
    message += " (use '.' as the decimal separator)";
  } else if (node.is_scalar() && node.plain() && spaced_digits(node.scalar())) {
    message += " (write the number without spaces)";
  }
  ctx.error(node, std::move(message));
  return std::nullopt;
}

std::optional<bool> as_boolean(ReadContext& ctx, yaml::NodeRef node, std::string_view field) {
  if (!node.present() || node.is_null()) return std::nullopt;
  if (node.is_scalar() && node.plain()) {
    const std::string_view s = node.scalar();
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
  }
  ctx.error(node, in_quotes(field) + " must be true or false, " + found(node));
  return std::nullopt;
}

std::optional<Date> as_date(ReadContext& ctx, yaml::NodeRef node, std::string_view field) {
  if (!node.present() || node.is_null()) return std::nullopt;
  if (node.is_scalar()) {
    const std::string_view s = node.scalar();
    const bool shape =
        s.size() == 10 && s[4] == '-' && s[7] == '-' &&
        std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
    if (shape) {
      Date d;
      d.year = std::stoi(std::string(s.substr(0, 4)));
      d.month = std::stoi(std::string(s.substr(5, 2)));
      d.day = std::stoi(std::string(s.substr(8, 2)));
      static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      const bool valid = d.month >= 1 && d.month <= 12 && d.day >= 1 &&
                         d.day <= kDays[d.month - 1] + (d.month == 2 && leap_year(d.year));
      if (valid && d.year < 1000) {
        ctx.error(node, in_quotes(field) + " " + quote(s) +
                            " is out of range: years run from 1000 to 9999");
        return std::nullopt;
      }
      if (valid) return d;
      ctx.error(node, in_quotes(field) + " " + quote(s) + " is not a calendar date");
      return std::nullopt;
    }
  }
  ctx.error(node, in_quotes(field) + " must be a date written YYYY-MM-DD, " +
                      (node.is_scalar() ? "not " + quote(node.scalar()) : found(node)));
  return std::nullopt;
}

std::optional<int> as_year(ReadContext& ctx, yaml::NodeRef node, std::string_view field) {
  if (!node.present() || node.is_null()) return std::nullopt;
  std::int64_t v = 0;
  if (node.is_scalar() && node.plain() && parse_int64(node.scalar(), v) == IntParse::ok &&
      v >= 1000 && v <= 9999) {
    return static_cast<int>(v);
  }
  ctx.error(node, in_quotes(field) + " must be a year (4 digits), " + found(node));
  return std::nullopt;
}

std::string number_text(double v) {
  if (std::abs(v) < 1e15 && v == std::floor(v)) return fmt::format("{:.0f}", v);
  return fmt::format("{:.6g}", v);
}

bool check_range(ReadContext& ctx, yaml::NodeRef node, std::string_view field, double value,
                 double min, double max) {
  if (value < min) {
    ctx.error(node, min == 0 ? in_quotes(field) + " must not be negative"
                             : in_quotes(field) + " " + number_text(value) +
                                   " is below the minimum " + number_text(min));
    return false;
  }
  if (value > max) {
    ctx.error(node, in_quotes(field) + " " + number_text(value) + " is above the maximum " +
                        number_text(max));
    return false;
  }
  return true;
}

bool check_int_range(ReadContext& ctx, yaml::NodeRef node, std::string_view field,
                     std::int64_t value, std::int64_t min, std::int64_t max) {
  if (value < min) {
    ctx.error(node, min == 0 ? in_quotes(field) + " must not be negative"
                             : in_quotes(field) + " " + std::to_string(value) +
                                   " is below the minimum " + std::to_string(min));
    return false;
  }
  if (value > max) {
    ctx.error(node, in_quotes(field) + " " + std::to_string(value) + " is above the maximum " +
                        std::to_string(max));
    return false;
  }
  return true;
}

bool expect_list(ReadContext& ctx, yaml::NodeRef node, std::string_view field) {
  if (!node.present() || node.is_null()) return false;
  if (node.is_sequence()) return true;
  ctx.error(node, in_quotes(field) + " must be a list, " + found(node));
  return false;
}

bool expect_mapping(ReadContext& ctx, yaml::NodeRef node, std::string_view what) {
  if (node.is_mapping()) return true;
  ctx.error(node, std::string(what) + " must be a mapping (key: value lines), " + found(node));
  return false;
}

std::vector<std::string> as_text_list(ReadContext& ctx, yaml::NodeRef node,
                                      std::string_view field) {
  std::vector<std::string> out;
  if (!expect_list(ctx, node, field)) return out;
  out.reserve(node.size());
  for (std::size_t i = 0; i < node.size(); ++i) {
    const yaml::NodeRef item = node.item(i);
    if (item.is_null()) {
      ctx.error(item, in_quotes(field) + " has an empty item");
      continue;
    }
    if (auto t = as_text(ctx, item, field)) out.push_back(std::move(*t));
  }
  return out;
}

void report_enum_value(ReadContext& ctx, yaml::NodeRef node, std::string_view field,
                       std::string_view value, std::span<const std::string_view> allowed) {
  const auto suggestion = closest(value, allowed);
  ctx.error(node, in_quotes(field) + " value " + quote(value) + " is not allowed" +
                      (suggestion ? did_you_mean(suggestion) + " Allowed values: "
                                  : std::string("; allowed values: ")) +
                      join_list(allowed));
}

std::string in_quotes(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '\'';
  out += s;
  out += '\'';
  return out;
}

bool is_slug(std::string_view s) {
  if (s.empty()) return false;
  const auto lower_or_digit = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  };
  if (!lower_or_digit(s.front())) return false;
  return std::all_of(s.begin(), s.end(),
                     [&](char c) { return lower_or_digit(c) || c == '-' || c == '_'; });
}

bool check_slug(ReadContext& ctx, yaml::NodeRef node, std::string_view id, std::string_view what) {
  if (is_slug(id)) return true;
  ctx.error(node, std::string(what) + " id " + quote(id) +
                      " is not a slug (use lower-case letters a-z, digits, '-' and '_')");
  return false;
}

std::string describe(std::string_view kind, yaml::NodeRef item, std::string_view key) {
  const yaml::NodeRef v = item.is_mapping() ? item.find(key) : yaml::NodeRef();
  if (v.is_scalar()) return std::string(kind) + " " + quote(v.scalar());
  return std::string(kind);
}

// ---------------------------------------------------------------- MapReader

MapReader::MapReader(ReadContext& ctx, yaml::NodeRef node, std::string what,
                     std::span<const std::string_view> allowed)
    : ctx_(ctx), node_(node), what_(std::move(what)) {
  if (!node.is_mapping()) {
    ctx.error(node, what_ + " must be a mapping (key: value lines), " + found(node));
    node_ = yaml::NodeRef();
    return;
  }
  for (std::size_t i = 0; i < node.size(); ++i) {
    const yaml::NodeRef k = node.key(i);
    if (!k.is_scalar()) {
      ctx.error(k, "keys in " + what_ + " must be names, " + found(k));
      continue;
    }
    const std::string_view key = k.scalar();
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    if (ctx.error_over_limit(k)) continue;
    const auto suggestion = closest(key, allowed);
    // Words without a value ("{ name: Hol, Ål og Gol }"): most likely the rest of the
    // value before them, cut at a ','.
    if (!suggestion && node.value(i).is_null() && key.find(' ') != std::string_view::npos) {
      ctx.error(k, "unknown key " + quote(key) + " in " + what_ +
                       ": a ',' inside a value in { } or [ ] starts a new entry; put the text in "
                       "quotes, e.g. name: \"Hol, Ål og Gol\"");
      continue;
    }
    ctx.error(
        k, "unknown key " + quote(key) + " in " + what_ +
               (suggestion ? did_you_mean(suggestion) : "; allowed keys: " + join_list(allowed)));
  }
}

yaml::NodeRef MapReader::get(std::string_view key) const {
  if (!node_.present()) return {};
  const yaml::NodeRef v = node_.find(key);
  return v.is_null() ? yaml::NodeRef() : v;
}

yaml::NodeRef MapReader::require(std::string_view key) {
  if (!node_.present()) return {};
  const yaml::NodeRef v = node_.find(key);
  if (!v.present()) {
    ctx_.error(node_, "missing required field '" + std::string(key) + "' in " + what_);
    return {};
  }
  if (v.is_null()) {
    ctx_.error(v, "required field '" + std::string(key) + "' in " + what_ + " has no value");
    return {};
  }
  return v;
}

std::optional<std::string> MapReader::text(std::string_view key, bool required) {
  return as_text(ctx_, required ? require(key) : get(key), key);
}

std::optional<std::int64_t> MapReader::integer(std::string_view key, bool required) {
  return as_integer(ctx_, required ? require(key) : get(key), key);
}

std::optional<int> MapReader::int_value(std::string_view key, bool required) {
  return as_int(ctx_, required ? require(key) : get(key), key);
}

std::optional<double> MapReader::number(std::string_view key, bool required) {
  return as_number(ctx_, required ? require(key) : get(key), key);
}

std::optional<bool> MapReader::boolean(std::string_view key) {
  return as_boolean(ctx_, get(key), key);
}

std::optional<Date> MapReader::date(std::string_view key, bool required) {
  return as_date(ctx_, required ? require(key) : get(key), key);
}

std::optional<int> MapReader::year(std::string_view key) {
  return as_year(ctx_, get(key), key);
}

std::vector<std::string> MapReader::text_list(std::string_view key, bool required) {
  return as_text_list(ctx_, required ? require(key) : get(key), key);
}

yaml::NodeRef MapReader::list(std::string_view key, bool required) {
  const yaml::NodeRef v = required ? require(key) : get(key);
  return expect_list(ctx_, v, key) ? v : yaml::NodeRef();
}

}  // namespace samrapport::content
