// The fields of the eierskapsmelding (additive, not in schema v1): on an arrangement its
// organisation number, purpose, own legal person, liability shares, representatives,
// owners' purposes, agreement and key figures; on a municipality its eierskapsmelding
// metadata. Internal to samrapport_content; the pure checks are exposed for tests.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "content/model.hpp"
#include "content/reader_context.hpp"
#include "content/yaml_fields.hpp"
#include "content/yaml_tree.hpp"

namespace samrapport::content {

/// The keys read_arrangement_ownership() reads, for the arrangement's list of allowed keys.
inline constexpr std::string_view kArrangementOwnershipKeys[] = {
    "org_number",      "purpose",        "own_legal_person", "liability_share",
    "representatives", "owner_purposes", "agreement",        "key_figures"};

/// Reads the eierskapsmelding fields of an arrangement whose participants, legal form and
/// other owners are already read into `a`. `id` names the arrangement in messages.
void read_arrangement_ownership(ReadContext& ctx, MapReader& m, std::string_view id, Arrangement& a,
                                ArrangementSource& src);

/// A municipality's `eierskapsmelding` mapping.
std::optional<OwnershipReportInfo> read_ownership_report_info(ReadContext& ctx, yaml::NodeRef node);

/// The modulus-11 check digit of an organisation number's first eight digits (weights 3, 2,
/// 7, 6, 5, 4, 3, 2): 0 for remainder 0, nullopt for remainder 1 (no valid number has
/// these eight digits), else 11 - remainder.
std::optional<int> org_number_check_digit(std::string_view first_eight);

/// "2023-2027" as a YearSpan (two years of four digits, the first from 1000); nullopt
/// when it is not written so.
std::optional<YearSpan> parse_year_span(std::string_view s);

/// Whether `s` is an http:// or https:// URL with a host and no spaces.
bool is_http_url(std::string_view s);

}  // namespace samrapport::content
