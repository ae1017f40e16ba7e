#include "products/registry.hpp"

#include <sstream>
#include <stdexcept>

namespace samrapport::products {

const std::vector<Product>& all_products() {
  static const std::vector<Product> products = {survey_report_product(), eierskap_product()};
  return products;
}

std::vector<const Product*> parse_products(const std::string& list) {
  std::vector<const Product*> out;
  std::stringstream ss(list);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (item.empty()) continue;
    const Product* found = nullptr;
    std::string known;
    for (const auto& p : all_products()) {
      if (p.id == item) found = &p;
      known += (known.empty() ? "" : ", ") + p.id;
    }
    if (!found)
      throw std::invalid_argument("unknown product '" + item + "' (expected " + known + ")");
    bool dup = false;
    for (const Product* p : out) dup = dup || p == found;
    if (!dup) out.push_back(found);
  }
  if (out.empty()) throw std::invalid_argument("no product given");
  return out;
}

}  // namespace samrapport::products
