// Reading the values of single CSV cells: numbers as Norwegians and Excel write them,
// options of a question, lists of municipalities ("Hol, Ål og Gol"), yes/no flags.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.hpp"

namespace samrapport::survey_import {

/// Whitespace (including no-break spaces) trimmed at both ends and runs inside collapsed
/// to one space. Line breaks count as whitespace.
std::string normalize_space(std::string_view s);

/// normalize_space, then Unicode case folding (for comparing headers and labels).
std::string fold(std::string_view s);

/// Trims whitespace at both ends only (keeps line breaks inside).
std::string trim(std::string_view s);

/// "12", "-3,5", "1 234,5", "1.234,5", "1,234.5", "3.5" (a lone `.` or `,` is the decimal
/// mark; with both, the last one is). Returns nullopt for anything else, or non-finite.
std::optional<double> parse_number(std::string_view s);

/// "ja", "yes", "true", "x", "1" -> true; "nei", "no", "false", "0", "" -> false.
std::optional<bool> parse_flag(std::string_view s);

/// The option `s` names: equal after normalize_space, else equal after fold().
std::optional<std::size_t> match_option(const std::vector<std::string>& options,
                                        std::string_view s);

/// The options of a multi-choice cell, in cell order: options separated by `;`, `,` or
/// line breaks, where option labels may themselves contain commas (the longest label that
/// matches at each point wins). On failure, `bad` is the part that names no option.
std::optional<std::vector<std::size_t>> match_options(const std::vector<std::string>& options,
                                                      std::string_view s, std::string& bad);

/// Looks up municipalities by name or id, ignoring case and a trailing " kommune".
class MunicipalityMatcher {
 public:
  explicit MunicipalityMatcher(const content::Content& c);

  /// One reference ("Ål", "3043", "ål kommune").
  [[nodiscard]] std::optional<content::MunicipalityIdx> find(std::string_view ref) const;

  /// A cell naming one or more municipalities, separated by `,`, `;`, line breaks or " og "
  /// / " and " (a name that itself contains " og ", like Nore og Uvdal, is kept whole).
  /// On failure, `bad` is the first part that names no municipality.
  [[nodiscard]] std::optional<std::vector<content::MunicipalityIdx>> find_list(
      std::string_view cell, std::string& bad) const;

 private:
  const content::Content& c_;
  std::vector<std::pair<std::string, content::MunicipalityIdx>> folded_;  // sorted by key
};

}  // namespace samrapport::survey_import
