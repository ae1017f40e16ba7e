#include "document/cross_refs.hpp"

#include <charconv>

#include "document/labels.hpp"
#include "document/walk.hpp"

namespace samrapport::document {
namespace {

bool id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':' || c == '.' || c == '-';
}

struct Prefix {
  std::string_view text;
  RefStyle style;
};
constexpr Prefix kPrefixes[] = {
    {"{refnum:", RefStyle::number},
    {"{ref:", RefStyle::word},
    {"{Ref:", RefStyle::capitalized},
};

// "kap3.md.j2:42" -> file "kap3.md.j2", line 42; "kap3.md.j2:42:7" also column 7 (no line:
// the whole text is the file).
SourcePos parse_origin(std::string_view origin) {
  SourcePos pos;
  auto trailing_number = [](std::string_view s, std::size_t colon, int& out) {
    const char* first = s.data() + colon + 1;
    const char* last = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(first, last, out);
    return ec == std::errc() && ptr == last && out > 0;
  };
  const auto colon = origin.rfind(':');
  int line = 0;
  if (colon != std::string_view::npos && trailing_number(origin, colon, line)) {
    const std::string_view head = origin.substr(0, colon);
    const auto colon2 = head.rfind(':');
    int first = 0;
    if (colon2 != std::string_view::npos && trailing_number(head, colon2, first)) {
      pos.file = std::string(head.substr(0, colon2));
      pos.line = first;
      pos.column = line;
      return pos;
    }
    pos.file = std::string(head);
    pos.line = line;
    return pos;
  }
  pos.file = std::string(origin);
  return pos;
}

std::string capitalize(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace

bool valid_id(std::string_view id) {
  if (id.empty()) return false;
  for (const char c : id) {
    if (!id_char(c)) return false;
  }
  return true;
}

namespace {

// Finds the next occurrence of marker `m` ("{ref:x}") in `source` from `cursor` by its tail
// ("ref:x}"), which an escaped or entity-written brace leaves intact, and tells whether it
// was written as a marker: an unescaped "{" right before the tail. When the source does not
// show the marker at all, it counts (a real marker is never dropped silently).
bool next_written_marker(std::string_view source, std::string_view m, std::size_t& cursor) {
  const std::string_view tail = m.substr(1);
  const std::size_t at = source.find(tail, cursor);
  if (at == std::string_view::npos) return true;  // cannot tell (e.g. a position mismatch)
  cursor = at + tail.size();
  return at >= 1 && source[at - 1] == '{' && (at < 2 || source[at - 2] != '\\');
}

}  // namespace

void append_text_with_refs(std::string_view text, const SourcePos& pos, Inlines& out, Document& doc,
                           Diagnostics& diags, const MarkerSource& source) {
  auto append_text = [&out](std::string_view t) {
    if (t.empty()) return;
    if (!out.empty() && out.back().kind == InlineKind::text) {
      out.back().text += t;
    } else {
      out.push_back(make_inline(InlineKind::text, std::string(t)));
    }
  };
  std::size_t done = 0;
  std::size_t search = 0;
  std::size_t source_cursor = 0;
  // Whether the marker text `m` at this place was written as a marker in the source.
  auto written_as_marker = [&](std::string_view m) {
    if (source.markdown.empty()) return true;
    return next_written_marker(source.markdown, m, source_cursor);
  };
  while (true) {
    const std::size_t brace = text.find('{', search);
    if (brace == std::string_view::npos) break;
    const Prefix* prefix = nullptr;
    for (const Prefix& p : kPrefixes) {
      if (text.substr(brace, p.text.size()) == p.text) {
        prefix = &p;
        break;
      }
    }
    if (prefix == nullptr) {
      search = brace + 1;
      continue;
    }
    if (source.backslash_escapes && brace > 0 && text[brace - 1] == '\\') {
      append_text(text.substr(done, brace - 1 - done));
      done = brace;
      search = brace + 1;
      continue;
    }
    SourcePos at = pos;
    if (at.column > 0) at.column += static_cast<int>(brace);
    const std::size_t id_begin = brace + prefix->text.size();
    std::size_t i = id_begin;
    while (i < text.size() && id_char(text[i])) ++i;
    const std::string_view id = text.substr(id_begin, i - id_begin);
    std::string_view origin;
    if (i < text.size() && text[i] == ';') {
      const std::size_t origin_begin = i + 1;
      while (i < text.size() && text[i] != '}' && text[i] != '{' && text[i] != ' ') ++i;
      origin = text.substr(origin_begin, i - origin_begin);
    }
    if (id.empty() || i >= text.size() || text[i] != '}') {
      if (written_as_marker(prefix->text)) {
        const std::size_t end = text.find('}', brace);
        const std::string_view shown =
            text.substr(brace, end == std::string_view::npos ? 24 : end - brace + 1);
        diags.error(at, "malformed cross-reference '" + std::string(shown) +
                            "': ids may only hold a-z, 0-9, ':', '.' and '-'");
      }
      search = brace + 1;
      continue;
    }
    if (!written_as_marker(text.substr(brace, i + 1 - brace))) {
      search = i + 1;
      continue;
    }
    if (!origin.empty()) at = parse_origin(origin);
    append_text(text.substr(done, brace - done));
    const auto index = static_cast<int>(doc.cross_refs.size());
    CrossRef ref;
    ref.target = std::string(id);
    ref.style = prefix->style;
    ref.pos = at;
    doc.cross_refs.push_back(std::move(ref));
    Inline in = make_inline(InlineKind::cross_ref);
    in.url = std::string(id);
    in.index = index;
    out.push_back(std::move(in));
    done = i + 1;
    search = done;
  }
  append_text(text.substr(done));
}

void resolve_cross_refs(Document& doc, const RefTargets& targets, Diagnostics& diags) {
  const Labels& labels = labels_for(locale::lang_from(doc.meta.language));
  for (CrossRef& ref : doc.cross_refs) {
    const auto it = targets.find(ref.target);
    if (it == targets.end()) {
      diags.error(ref.pos, "unknown reference '" + ref.target +
                               "': no table, figure or heading has this id");
      ref.text = "??";
      continue;
    }
    const RefTarget& target = it->second;
    if (target.number.empty()) {  // an unnumbered heading: its title
      ref.text = target.title;
      continue;
    }
    if (ref.style == RefStyle::number) {
      ref.text = target.number;
      continue;
    }
    std::string_view word;
    switch (target.kind) {
      case RefTarget::Kind::table:
        word = labels.table_ref;
        break;
      case RefTarget::Kind::figure:
        word = labels.figure_ref;
        break;
      case RefTarget::Kind::chapter:
        word = labels.chapter_ref;
        break;
      case RefTarget::Kind::section:
      case RefTarget::Kind::heading:
        word = labels.section_ref;
        break;
    }
    ref.text = (ref.style == RefStyle::capitalized ? capitalize(word) : std::string(word)) + " " +
               target.number;
  }
  for_each_inline(doc, [&doc](Inline& in) {
    if (in.kind != InlineKind::cross_ref) return;
    in.text = doc.cross_refs[static_cast<std::size_t>(in.index)].text;
  });
}

}  // namespace samrapport::document
