// Typed access to the fields of YAML mappings, reporting every problem to a ReadContext:
// unknown keys (with "did you mean"), missing required fields, wrong types, values
// outside an enum (listing the allowed ones). Null values count as "not given".
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.hpp"
#include "content/reader_context.hpp"
#include "content/yaml_tree.hpp"

namespace samrapport::content {

// ---------------------------------------------------------------- single values
// Each converter reports a wrong type at the node and returns nullopt; `field` names the
// field in the message.

std::optional<std::string> as_text(ReadContext& ctx, yaml::NodeRef node, std::string_view field);
/// A whole number written plain (not quoted).
std::optional<std::int64_t> as_integer(ReadContext& ctx, yaml::NodeRef node,
                                       std::string_view field);
/// As as_integer, within the range of int.
std::optional<int> as_int(ReadContext& ctx, yaml::NodeRef node, std::string_view field);
/// A finite number written plain.
std::optional<double> as_number(ReadContext& ctx, yaml::NodeRef node, std::string_view field);
/// true or false, written plain.
std::optional<bool> as_boolean(ReadContext& ctx, yaml::NodeRef node, std::string_view field);
/// YYYY-MM-DD, a real calendar date.
std::optional<Date> as_date(ReadContext& ctx, yaml::NodeRef node, std::string_view field);
/// A year: a whole number from 1000 to 9999.
std::optional<int> as_year(ReadContext& ctx, yaml::NodeRef node, std::string_view field);

/// Whether `value` (the value of `field`, written at `node`) lies in [min, max]; reports it
/// otherwise: "'X' must not be negative" when min is 0, else "'X' V is below the minimum
/// MIN", and "'X' V is above the maximum MAX".
bool check_range(ReadContext& ctx, yaml::NodeRef node, std::string_view field, double value,
                 double min, double max);
/// The same for a whole number (printed exactly).
bool check_int_range(ReadContext& ctx, yaml::NodeRef node, std::string_view field,
                     std::int64_t value, std::int64_t min, std::int64_t max);
/// A number for messages: 100, 62.5, 1e+308; bounds up to 1e15 in plain digits.
std::string number_text(double v);

/// Whether `node` is a list; reports it otherwise (null counts as an empty list).
bool expect_list(ReadContext& ctx, yaml::NodeRef node, std::string_view field);
/// Whether `node` is a mapping; reports it otherwise.
bool expect_mapping(ReadContext& ctx, yaml::NodeRef node, std::string_view what);

/// The texts of a list of single values.
std::vector<std::string> as_text_list(ReadContext& ctx, yaml::NodeRef node, std::string_view field);

/// An enum value: `parse` maps a text to the value. Reports a value outside `allowed`.
template <typename E>
std::optional<E> as_enum(ReadContext& ctx, yaml::NodeRef node, std::string_view field,
                         std::span<const std::string_view> allowed,
                         const std::function<std::optional<E>(std::string_view)>& parse);
void report_enum_value(ReadContext& ctx, yaml::NodeRef node, std::string_view field,
                       std::string_view value, std::span<const std::string_view> allowed);

/// "'name'": a name in quotes, for messages.
std::string in_quotes(std::string_view s);

/// Lower-case ASCII letters, digits, '-' and '_', starting with a letter or digit.
bool is_slug(std::string_view s);
/// Reports an id that is not a slug; returns whether it is one.
bool check_slug(ReadContext& ctx, yaml::NodeRef node, std::string_view id, std::string_view what);

/// "arrangement 'ikt-hallingdal'" when `item` has a scalar `key`, else "arrangement".
std::string describe(std::string_view kind, yaml::NodeRef item, std::string_view key = "id");

// ---------------------------------------------------------------- mappings

/// The fields of one mapping. Construction reports unknown keys; `what` names the
/// object in messages ("arrangement 'ikt-hallingdal'").
class MapReader {
 public:
  MapReader(ReadContext& ctx, yaml::NodeRef node, std::string what,
            std::span<const std::string_view> allowed);

  /// Whether the node is a mapping (if not, it was reported and every field is absent).
  [[nodiscard]] bool ok() const { return node_.is_mapping(); }
  [[nodiscard]] yaml::NodeRef node() const { return node_; }
  [[nodiscard]] const std::string& what() const { return what_; }
  void set_what(std::string what) { what_ = std::move(what); }

  /// The value of `key`, absent when not given or null.
  [[nodiscard]] yaml::NodeRef get(std::string_view key) const;
  /// As get(), and reports a missing (or null) required field.
  yaml::NodeRef require(std::string_view key);

  std::optional<std::string> text(std::string_view key, bool required = false);
  std::optional<std::int64_t> integer(std::string_view key, bool required = false);
  std::optional<int> int_value(std::string_view key, bool required = false);
  std::optional<double> number(std::string_view key, bool required = false);
  std::optional<bool> boolean(std::string_view key);
  std::optional<Date> date(std::string_view key, bool required = false);
  std::optional<int> year(std::string_view key);
  std::vector<std::string> text_list(std::string_view key, bool required = false);
  /// The list node, or absent (reported when it is not a list).
  yaml::NodeRef list(std::string_view key, bool required = false);

 private:
  ReadContext& ctx_;
  yaml::NodeRef node_;
  std::string what_;
};

// ---------------------------------------------------------------- template

template <typename E>
std::optional<E> as_enum(ReadContext& ctx, yaml::NodeRef node, std::string_view field,
                         std::span<const std::string_view> allowed,
                         const std::function<std::optional<E>(std::string_view)>& parse) {
  const auto text = as_text(ctx, node, field);
  if (!text) return std::nullopt;
  if (auto value = parse(*text)) return value;
  report_enum_value(ctx, node, field, *text, allowed);
  return std::nullopt;
}

}  // namespace samrapport::content
