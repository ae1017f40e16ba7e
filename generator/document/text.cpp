#include "document/text.hpp"

namespace samrapport::document {
namespace {

void append_plain(const Inlines& inlines, std::string& out) {
  for (const Inline& in : inlines) {
    switch (in.kind) {
      case InlineKind::text:
      case InlineKind::code:
      case InlineKind::cross_ref:
        out += in.text;
        break;
      case InlineKind::soft_break:
      case InlineKind::line_break:
        out += ' ';
        break;
      case InlineKind::raw_html:
      case InlineKind::footnote_ref:
        break;
      case InlineKind::emphasis:
      case InlineKind::strong:
      case InlineKind::strikethrough:
      case InlineKind::link:
      case InlineKind::image:
        append_plain(in.children, out);
        break;
    }
  }
}

}  // namespace

std::string plain_text(const Inlines& inlines) {
  std::string out;
  append_plain(inlines, out);
  return out;
}

Inlines text_inlines(std::string_view text) {
  Inlines out;
  if (!text.empty()) out.push_back(make_inline(InlineKind::text, std::string(text)));
  return out;
}

std::string slug(std::string_view title) {
  std::string out;
  bool pending_hyphen = false;
  auto put = [&](std::string_view s) {
    if (pending_hyphen && !out.empty()) out += '-';
    pending_hyphen = false;
    out += s;
  };
  for (std::size_t i = 0; i < title.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(title[i]);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      put(std::string_view(&title[i], 1));
    } else if (c >= 'A' && c <= 'Z') {
      const char lower = static_cast<char>(c - 'A' + 'a');
      put(std::string_view(&lower, 1));
    } else if (c == 0xC3 && i + 1 < title.size()) {
      const unsigned char d = static_cast<unsigned char>(title[i + 1]);
      ++i;
      if (d == 0xA6 || d == 0x86) {
        put("ae");  // æ Æ
      } else if (d == 0xB8 || d == 0x98 || d == 0xB6 || d == 0x96) {
        put("o");  // ø Ø ö Ö
      } else if (d == 0xA5 || d == 0x85 || d == 0xA4 || d == 0x84) {
        put("a");  // å Å ä Ä
      } else if (d == 0xA9 || d == 0x89 || d == 0xA8 || d == 0x88) {
        put("e");  // é É è È
      } else {
        pending_hyphen = true;
      }
    } else {
      pending_hyphen = true;
      // skip the continuation bytes of other multi-byte characters
      if (c >= 0xC0) {
        while (i + 1 < title.size() && (static_cast<unsigned char>(title[i + 1]) & 0xC0) == 0x80) {
          ++i;
        }
      }
    }
  }
  return out;
}

std::string dotted_to_hyphens(std::string_view number) {
  std::string out(number);
  for (char& c : out) {
    if (c == '.') c = '-';
  }
  return out;
}

}  // namespace samrapport::document
