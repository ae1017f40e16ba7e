// The committed fuzz corpora (tests/fuzz/corpus/<target>.b64, one base64 line per input;
// see corpus.py), read back for the replay tests that run in every build.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace samrapport::fuzz {

inline std::string base64_decode(const std::string& line) {
  const auto value_of = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;  // '=' padding, line ends
  };
  std::string out;
  int bits = 0;
  unsigned value = 0;
  for (const char c : line) {
    const int v = value_of(c);
    if (v < 0) continue;
    value = (value << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((value >> bits) & 0xFF);
    }
  }
  return out;
}

/// The inputs of `<corpus_dir>/<target>.b64`.
inline std::vector<std::string> read_corpus(const std::filesystem::path& corpus_dir,
                                            const std::string& target) {
  std::vector<std::string> out;
  std::ifstream in(corpus_dir / (target + ".b64"));
  std::string line;
  while (std::getline(in, line)) out.push_back(base64_decode(line));
  return out;
}

inline const std::uint8_t* bytes_of(const std::string& s) {
  return reinterpret_cast<const std::uint8_t*>(s.data());
}

}  // namespace samrapport::fuzz
