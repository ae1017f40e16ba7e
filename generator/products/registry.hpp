// Every product samrapport can make, in the order `samrapport products` lists them.
#pragma once

#include <string>
#include <vector>

#include "products/product.hpp"

namespace samrapport::products {

const std::vector<Product>& all_products();

/// The products named in "report,eierskap" (throws std::invalid_argument naming an unknown
/// id and the known ones).
std::vector<const Product*> parse_products(const std::string& list);

// The declarations, one file each.
Product survey_report_product();
Product eierskap_product();

}  // namespace samrapport::products
