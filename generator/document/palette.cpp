#include "document/palette.hpp"

#include <array>

namespace samrapport::document::palette {
namespace {

constexpr std::string_view kBlue = "#0072B2";
constexpr std::string_view kOrange = "#E69F00";
constexpr std::string_view kGreen = "#009E73";
constexpr std::string_view kVermillion = "#D55E00";
constexpr std::string_view kSkyBlue = "#56B4E9";
constexpr std::string_view kPurple = "#CC79A7";
constexpr std::string_view kYellow = "#F0E442";
constexpr std::string_view kBlack = "#000000";
constexpr std::string_view kGrey = "#999999";
constexpr std::string_view kLightGrey = "#BBBBBB";

constexpr std::array kCategorical{kBlue,    kOrange, kGreen,  kVermillion,
                                  kSkyBlue, kPurple, kYellow, kBlack};
constexpr std::array kReference{kGrey, kSkyBlue, kPurple, kYellow, kBlack};

}  // namespace

std::string_view categorical(std::size_t i) {
  return kCategorical[i % kCategorical.size()];
}

std::string_view reference(std::size_t i) {
  return kReference[i % kReference.size()];
}

std::string_view diverging(std::size_t i, std::size_t n) {
  switch (n) {
    case 1:
      return kBlue;
    case 2:
      return std::array{kVermillion, kBlue}[i % 2];
    case 3:
      return std::array{kVermillion, kLightGrey, kBlue}[i % 3];
    case 4:
      return std::array{kVermillion, kOrange, kSkyBlue, kBlue}[i % 4];
    default:
      break;
  }
  constexpr std::array five{kVermillion, kOrange, kLightGrey, kSkyBlue, kBlue};
  if (i < five.size()) return five[i];
  constexpr std::array extra{kPurple, kBlack, kYellow, kGreen};
  return extra[(i - five.size()) % extra.size()];
}

std::string resolve(std::string_view name_or_hex) {
  struct Named {
    std::string_view name;
    std::string_view hex;
  };
  constexpr Named kNames[] = {
      {"blue", kBlue},       {"orange", kOrange}, {"green", kGreen},   {"vermillion", kVermillion},
      {"skyblue", kSkyBlue}, {"purple", kPurple}, {"yellow", kYellow}, {"black", kBlack},
      {"grey", kGrey},
  };
  for (const Named& n : kNames) {
    if (n.name == name_or_hex) return std::string(n.hex);
  }
  if (name_or_hex.size() != 7 || name_or_hex[0] != '#') return {};
  std::string out = "#";
  for (std::size_t i = 1; i < 7; ++i) {
    char c = name_or_hex[i];
    if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) return {};
    out += c;
  }
  return out;
}

}  // namespace samrapport::document::palette
