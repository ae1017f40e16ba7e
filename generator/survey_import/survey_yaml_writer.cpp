#include "survey_import/survey_yaml_writer.hpp"

#include <fmt/format.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <charconv>
#include <cmath>

namespace samrapport::survey_import {

namespace {

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Words YAML 1.1 readers (yaml-cpp among them) may take as booleans or null.
bool reserved_word(std::string_view s) {
  static constexpr std::array<std::string_view, 11> kWords = {
      "y", "n", "yes", "no", "true", "false", "on", "off", "null", "nil", "none"};
  std::string lower;
  for (char c : s) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::string_view w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

/// Plain scalars are used only for conservative text: a letter first, then letters, digits,
/// single spaces and `-._()/'`, nothing at the end but a letter, digit, `.` or `)`.
bool plain_safe(std::string_view s) {
  if (s.empty() || reserved_word(s)) return false;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  bool first = true;
  UChar32 last = 0;
  while (i < n) {
    UChar32 cp = 0;
    U8_NEXT(bytes, i, n, cp);
    if (cp < 0) return false;
    bool ok = false;
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      if (is_ascii_letter(c)) {
        ok = true;
      } else if (!first) {
        ok = (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '(' || c == ')' ||
             c == '/' || c == '\'' || (c == ' ' && last != ' ');
      }
    } else {
      ok = u_isalpha(cp) || (!first && u_isdigit(cp));
    }
    if (!ok) return false;
    first = false;
    last = cp;
  }
  return last != ' ' && last != '-' && last != '/' && last != '\'' && last != '_' && last != '(';
}

void append_hex_escape(std::string& out, char prefix, unsigned value, int digits) {
  fmt::format_to(std::back_inserter(out), "\\{}{:0{}X}", prefix, value, digits);
}

std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    const int32_t start = i;
    UChar32 cp = 0;
    U8_NEXT(bytes, i, n, cp);
    if (cp < 0) {
      // Not UTF-8 (the model holds UTF-8, so this does not happen): keep the bytes visible.
      for (int32_t k = start; k < i; ++k) append_hex_escape(out, 'x', bytes[k], 2);
      continue;
    }
    switch (cp) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case 0x2028:
        out += "\\L";
        break;
      case 0x2029:
        out += "\\P";
        break;
      default:
        // C0 and C1 controls (U+0085 too: yaml-cpp decodes "\N" to a lone byte).
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
          append_hex_escape(out, 'x', static_cast<unsigned>(cp), 2);
        } else if (cp == 0xFEFF) {
          append_hex_escape(out, 'u', static_cast<unsigned>(cp), 4);
        } else {
          out.append(
              s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
        }
    }
  }
  out += '"';
  return out;
}

std::string flow_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += yaml_scalar(items[i]);
  }
  out += "]";
  return out;
}

std::string municipality_list(const content::Content& c,
                              const std::vector<content::MunicipalityIdx>& ms) {
  std::vector<std::string> names;
  for (content::MunicipalityIdx m : ms) names.push_back(c.municipalities[m].name);
  return flow_list(names);
}

std::string answer_flow(const content::Question& q, const content::Answer& a) {
  std::vector<std::string> parts;
  if (a.text) parts.push_back("text: " + yaml_scalar(*a.text));
  if (!a.themes.empty()) {
    std::vector<std::string> ids;
    for (std::size_t t : a.themes) ids.push_back(q.themes.at(t).id);
    parts.push_back("themes: " + flow_list(ids));
  }
  if (a.choice) parts.push_back("choice: " + yaml_scalar(q.options.at(*a.choice)));
  if (!a.choices.empty()) {
    std::vector<std::string> labels;
    for (std::size_t o : a.choices) labels.push_back(q.options.at(o));
    parts.push_back("choices: " + flow_list(labels));
  }
  if (a.value) parts.push_back("value: " + yaml_number(*a.value));
  std::string out = "{ ";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += ", ";
    out += parts[i];
  }
  out += parts.empty() ? "}" : " }";
  return out;
}

}  // namespace

std::string yaml_scalar(std::string_view s) {
  if (plain_safe(s)) return std::string(s);
  return double_quoted(s);
}

std::string yaml_number(double v) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

std::string write_survey_yaml(const content::Content& c, const content::Survey& s,
                              std::string_view comment) {
  std::string out;
  while (!comment.empty()) {
    const std::size_t nl = comment.find('\n');
    const std::string_view line = comment.substr(0, nl);
    out += line.empty() ? "#\n" : "# " + std::string(line) + "\n";
    if (nl == std::string_view::npos) break;
    comment.remove_prefix(nl + 1);
  }
  out += "id: " + yaml_scalar(s.id) + "\n";
  out += "title: " + yaml_scalar(s.title) + "\n";
  if (s.sent) out += "sent: " + content::to_string(*s.sent) + "\n";
  if (s.deadline) out += "deadline: " + content::to_string(*s.deadline) + "\n";
  if (!s.population.empty()) out += "population: " + municipality_list(c, s.population) + "\n";

  out += "questions:\n";
  for (const content::Question& q : s.questions) {
    out += "  - id: " + yaml_scalar(q.id) + "\n";
    out += "    text: " + yaml_scalar(q.text) + "\n";
    out += "    kind: " + std::string(content::to_string(q.kind)) + "\n";
    if (!q.options.empty()) out += "    options: " + flow_list(q.options) + "\n";
    if (!q.themes.empty()) {
      out += "    themes:\n";
      for (const content::Theme& t : q.themes) {
        out += "      - { id: " + yaml_scalar(t.id) + ", label: " + yaml_scalar(t.label) + " }\n";
      }
    }
  }

  out += s.responses.empty() ? "responses: []\n" : "responses:\n";
  for (const content::Response& r : s.responses) {
    out += "  - respondent: " + yaml_scalar(r.respondent) + "\n";
    if (r.role) out += "    role: " + yaml_scalar(*r.role) + "\n";
    out += "    covers: " + municipality_list(c, r.covers) + "\n";
    out += std::string("    joint: ") + (r.joint ? "true" : "false") + "\n";
    if (r.summary) out += "    summary: true\n";
    if (r.answers.empty()) continue;
    out += "    answers:\n";
    for (const auto& [qi, a] : r.answers) {
      const content::Question& q = s.questions.at(qi);
      out += "      " + yaml_scalar(q.id) + ": " + answer_flow(q, a) + "\n";
    }
  }
  return out;
}

}  // namespace samrapport::survey_import
