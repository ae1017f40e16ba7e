#include "writers/html_sanitize.hpp"

#include "document/safety.hpp"
#include "writers/xml_escape.hpp"

namespace samrapport::writers {
namespace {

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_alnum(char c) {
  return is_alpha(c) || (c >= '0' && c <= '9');
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool allowed_tag(std::string_view name) {
  for (const std::string_view t : {"b", "i", "em", "strong", "sup", "sub", "br", "span", "abbr",
                                   "small", "u", "s", "mark", "a"}) {
    if (name == t) return true;
  }
  return false;
}

bool allowed_attribute(std::string_view tag, std::string_view name) {
  return name == "title" || name == "lang" || (tag == "a" && name == "href");
}

struct Attribute {
  std::string name;
  std::string value;  // entities as written
};

struct Tag {
  bool closing = false;
  bool self_closing = false;
  std::string name;
  std::vector<Attribute> attributes;
  std::size_t length = 0;  // of the tag in the input
};

// Parses an HTML tag at html[0] == '<'; false when it is not one (then '<' is text).
bool parse_tag(std::string_view html, Tag& tag) {
  std::size_t i = 1;
  if (i < html.size() && html[i] == '/') {
    tag.closing = true;
    ++i;
  }
  const std::size_t name_begin = i;
  if (i >= html.size() || !is_alpha(html[i])) return false;
  while (i < html.size() && (is_alnum(html[i]) || html[i] == '-')) ++i;
  tag.name = lower(html.substr(name_begin, i - name_begin));
  while (true) {
    while (i < html.size() && is_space(html[i])) ++i;
    if (i >= html.size()) return false;
    if (html[i] == '>') {
      tag.length = i + 1;
      return true;
    }
    if (html[i] == '/' && i + 1 < html.size() && html[i + 1] == '>') {
      tag.self_closing = true;
      tag.length = i + 2;
      return true;
    }
    if (tag.closing) return false;
    const std::size_t attr_begin = i;
    while (i < html.size() && !is_space(html[i]) && html[i] != '=' && html[i] != '>' &&
           html[i] != '/' && html[i] != '"' && html[i] != '\'' && html[i] != '<') {
      ++i;
    }
    if (i == attr_begin) return false;
    Attribute a;
    a.name = lower(html.substr(attr_begin, i - attr_begin));
    while (i < html.size() && is_space(html[i])) ++i;
    if (i < html.size() && html[i] == '=') {
      ++i;
      while (i < html.size() && is_space(html[i])) ++i;
      if (i >= html.size()) return false;
      if (html[i] == '"' || html[i] == '\'') {
        const char q = html[i];
        const std::size_t end = html.find(q, i + 1);
        if (end == std::string_view::npos) return false;
        a.value = std::string(html.substr(i + 1, end - i - 1));
        i = end + 1;
      } else {
        const std::size_t begin = i;
        while (i < html.size() && !is_space(html[i]) && html[i] != '>' && html[i] != '"' &&
               html[i] != '\'' && html[i] != '<' && html[i] != '=' && html[i] != '`') {
          ++i;
        }
        a.value = std::string(html.substr(begin, i - begin));
      }
    }
    tag.attributes.push_back(std::move(a));
  }
}

// A character reference as written ("&amp;", "&#123;", "&#x7b;"): its length, else 0.
std::size_t entity_length(std::string_view s) {
  std::size_t i = 1;
  if (i < s.size() && s[i] == '#') {
    ++i;
    const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    const std::size_t digits = i;
    while (i < s.size() && i - digits < 8 &&
           ((s[i] >= '0' && s[i] <= '9') ||
            (hex && ((s[i] >= 'a' && s[i] <= 'f') || (s[i] >= 'A' && s[i] <= 'F'))))) {
      ++i;
    }
    if (i == digits) return 0;
  } else {
    const std::size_t name = i;
    while (i < s.size() && i - name < 32 && is_alnum(s[i])) ++i;
    if (i == name) return 0;
  }
  return i < s.size() && s[i] == ';' ? i + 1 : 0;
}

// Text: entities kept, every other markup character escaped.
void append_text(std::string& out, std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '&') {
      const std::size_t n = entity_length(text.substr(i));
      if (n > 0) {
        out.append(text.substr(i, n));
        i += n;
        continue;
      }
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else {
      out += c;
    }
    ++i;
  }
}

// An attribute value as written (entities decoded by the browser): the few entities that
// could hide a scheme are decoded before the URL check, so "&#106;avascript:" is refused.
std::string decode_for_check(std::string_view v) {
  std::string out;
  std::size_t i = 0;
  while (i < v.size()) {
    if (v[i] == '&') {
      const std::size_t n = entity_length(v.substr(i));
      if (n == 5 && v.compare(i, 5, "&amp;") == 0) {
        out += '&';
        i += n;
        continue;
      }
      if (n > 0) {
        // Any other reference might stand for a scheme character: mark it as a control
        // character, which allowed_url refuses before a scheme.
        out += '\x01';
        i += n;
        continue;
      }
    }
    out += v[i];
    ++i;
  }
  return out;
}

}  // namespace

void HtmlSanitizer::append(std::string& out, std::string_view html) {
  std::size_t i = 0;
  std::size_t text_begin = 0;
  auto flush_text = [&](std::size_t end) {
    append_text(out, html.substr(text_begin, end - text_begin));
  };
  while (i < html.size()) {
    if (html[i] != '<') {
      ++i;
      continue;
    }
    if (html.compare(i, 4, "<!--") == 0) {
      const std::size_t end = html.find("-->", i + 4);
      if (end != std::string_view::npos) {
        flush_text(i);
        i = end + 3;
        text_begin = i;
        continue;
      }
    }
    Tag tag;
    if (!parse_tag(html.substr(i), tag) || !allowed_tag(tag.name)) {
      ++i;  // shown as text: the '<' is escaped with the rest
      continue;
    }
    flush_text(i);
    i += tag.length;
    text_begin = i;
    if (tag.closing) {
      if (!open_.empty() && open_.back() == tag.name) {
        out += "</" + tag.name + ">";
        open_.pop_back();
      } else {
        append_text(out, "</" + tag.name + ">");
      }
      continue;
    }
    out += "<" + tag.name;
    for (const Attribute& a : tag.attributes) {
      if (!allowed_attribute(tag.name, a.name)) continue;
      if (a.name == "href" && !document::allowed_url(decode_for_check(a.value))) continue;
      out += " " + a.name + "=\"";
      std::string value;
      append_text(value, a.value);
      for (const char c : value) {
        if (c == '"') {
          out += "&quot;";
        } else if (c == '\'') {
          out += "&#39;";
        } else {
          out += c;
        }
      }
      out += "\"";
    }
    out += ">";
    if (tag.name != "br" && !tag.self_closing) open_.push_back(tag.name);
  }
  flush_text(html.size());
}

void HtmlSanitizer::close_all(std::string& out) {
  while (!open_.empty()) {
    out += "</" + open_.back() + ">";
    open_.pop_back();
  }
}

std::string sanitize_html(std::string_view html) {
  std::string out;
  HtmlSanitizer s;
  s.append(out, html);
  s.close_all(out);
  return out;
}

}  // namespace samrapport::writers
