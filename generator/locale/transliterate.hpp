// Latin-script ASCII spellings of names, for file and folder names (ICU's transforms).
#pragma once

#include <string>
#include <string_view>

namespace samrapport::locale {

/// "Ål" -> "Al", "Bærum" -> "Baerum", "Øvre Eiker" -> "Ovre Eiker", "Guovdageaidnu-ŧ" ->
/// "Guovdageaidnu-t", Greek and Cyrillic romanised (ICU "Any-Latin; Latin-ASCII").
/// Characters without an ASCII form are dropped. Thread-safe.
std::string to_ascii(std::string_view utf8);

}  // namespace samrapport::locale
