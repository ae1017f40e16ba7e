#include "locale/transliterate.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>

namespace samrapport::locale {

namespace {

// One transliterator per thread: ICU's Transliterator is not safe to share.
icu::Transliterator& ascii_transliterator() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; [:^ASCII:] Remove", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !made) throw std::runtime_error("ICU transliterator unavailable");
    return made;
  }();
  return *t;
}

}  // namespace

std::string to_ascii(std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return std::string(utf8);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
  ascii_transliterator().transliterate(s);
  std::string out;
  s.toUTF8String(out);
  return out;
}

}  // namespace samrapport::locale
