#include "products/slug.hpp"

#include "locale/transliterate.hpp"

namespace samrapport::products {

std::string slugify(std::string_view text, std::size_t max_length, std::string_view fallback) {
  std::string out;
  bool dash = false;
  for (char ch : locale::to_ascii(text)) {
    const bool lower = ch >= 'a' && ch <= 'z';
    const bool upper = ch >= 'A' && ch <= 'Z';
    if (!lower && !upper && !(ch >= '0' && ch <= '9')) {
      dash = true;
      continue;
    }
    if (dash && !out.empty()) out += '-';
    dash = false;
    out += upper ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  if (out.size() > max_length) {
    const std::size_t cut = out.rfind('-', max_length);
    out.resize(cut != std::string::npos && cut > max_length / 2 ? cut : max_length);
    while (!out.empty() && out.back() == '-') out.pop_back();
  }
  return out.empty() ? std::string(fallback) : out;
}

}  // namespace samrapport::products
