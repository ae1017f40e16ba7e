// surveys/*.yaml: one questionnaire per file with its responses. Whether a municipality
// is covered by two responses is checked in validate.cpp.
#include <algorithm>
#include <functional>
#include <unordered_map>

#include "content/readers.hpp"
#include "content/suggest.hpp"
#include "content/yaml_fields.hpp"

namespace samrapport::content {

namespace {

constexpr std::string_view kSurveyKeys[] = {"id",         "title",     "sent",     "deadline",
                                            "population", "questions", "responses"};
constexpr std::string_view kQuestionKeys[] = {"id", "text", "kind", "options", "themes"};
constexpr std::string_view kThemeKeys[] = {"id", "label"};
constexpr std::string_view kResponseKeys[] = {"respondent", "role",   "covers", "joint",
                                              "summary",    "region", "answers"};
constexpr std::string_view kAnswerKeys[] = {"text", "themes", "choice", "choices", "value"};
constexpr std::string_view kKinds[] = {"text", "single", "multi", "likert", "number"};

/// The answer field that carries each kind's answer.
std::string_view answer_field(QuestionKind k) {
  switch (k) {
    case QuestionKind::text:
      return "text";
    case QuestionKind::single:
      return "choice";
    case QuestionKind::multi:
      return "choices";
    case QuestionKind::likert:
    case QuestionKind::number:
      return "value";
  }
  return "text";
}

bool uses_options(QuestionKind k) {
  return k == QuestionKind::single || k == QuestionKind::multi || k == QuestionKind::likert;
}

std::string option_list(const Question& q) {
  std::string out;
  for (std::size_t i = 0; i < q.options.size(); ++i) {
    if (i > 0) out += ", ";
    out += "'" + q.options[i] + "'";
  }
  return out;
}

struct SurveyReader {
  ReadContext& ctx;
  Survey& survey;
  SurveySource& src;
  std::unordered_map<std::string, std::size_t> question_by_id;
  // Parallel to survey.questions: option text -> index, theme id -> index.
  std::vector<std::unordered_map<std::string, std::size_t>> option_index;
  std::vector<std::unordered_map<std::string, std::size_t>> theme_index;

  void read_population(yaml::NodeRef list) {
    survey.population = ctx.municipality_list(list, "in 'population'", &src.population_items,
                                              &src.population_unresolved);
  }

  void read_themes(yaml::NodeRef list, Question& q,
                   std::unordered_map<std::string, std::size_t>& index) {
    std::unordered_map<std::string, SourcePos> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const yaml::NodeRef item = list.item(i);
      MapReader m(ctx, item, describe("theme", item), kThemeKeys);
      if (!m.ok()) continue;
      auto id = m.text("id", true);
      auto label = m.text("label", true);
      if (!id || !label) continue;
      if (const auto [it, inserted] = seen.emplace(*id, item.pos()); !inserted) {
        ctx.error(m.get("id"), "duplicate theme id '" + *id + "' in question '" + q.id +
                                   "' (first at " + ReadContext::where(it->second) + ")");
        continue;
      }
      index.emplace(*id, q.themes.size());
      q.themes.push_back(Theme{std::move(*id), std::move(*label)});
    }
  }

  void read_question(yaml::NodeRef item) {
    static const std::function<std::optional<QuestionKind>(std::string_view)> kParse =
        question_kind_from;
    MapReader m(ctx, item, describe("question", item), kQuestionKeys);
    if (!m.ok()) return;
    Question q;
    q.pos = item.pos();
    auto id = m.text("id", true);
    auto text = m.text("text", true);
    const yaml::NodeRef kind_node = m.require("kind");
    const auto parsed = kind_node.present()
                            ? as_enum<QuestionKind>(ctx, kind_node, "kind", kKinds, kParse)
                            : std::nullopt;
    const bool has_kind = parsed.has_value();
    const QuestionKind kind = parsed.value_or(QuestionKind::text);
    if (!id) return;
    q.id = std::move(*id);
    if (text) q.text = std::move(*text);
    q.kind = kind;
    std::unordered_map<std::string, std::size_t> options_by_text;
    std::unordered_map<std::string, std::size_t> themes_by_id;
    const yaml::NodeRef options = m.get("options");
    if (has_kind && uses_options(kind)) {
      if (!options.present()) {
        ctx.error(item, "question '" + q.id + "' of kind " + std::string(to_string(kind)) +
                            " needs 'options'");
      }
      for (auto& o : as_text_list(ctx, options, "options")) {
        if (!options_by_text.emplace(o, q.options.size()).second) {
          ctx.error(options, "option '" + o + "' is given twice in question '" + q.id + "'");
          continue;
        }
        q.options.push_back(std::move(o));
      }
      if (options.present() && options.is_sequence() && q.options.empty()) {
        ctx.error(options, "question '" + q.id + "' has no options");
      }
    } else if (has_kind && options.present()) {
      ctx.error(options, "'options' are only used by single, multi and likert questions; '" + q.id +
                             "' is a " + std::string(to_string(kind)) + " question");
    }
    if (const yaml::NodeRef themes = m.list("themes"); themes.present()) {
      if (has_kind && kind != QuestionKind::text) {
        ctx.error(themes, "'themes' are only used by text questions; '" + q.id + "' is a " +
                              std::string(to_string(kind)) + " question");
      } else {
        read_themes(themes, q, themes_by_id);
      }
    }
    if (const auto [it, inserted] = question_by_id.emplace(q.id, survey.questions.size());
        !inserted) {
      ctx.error(m.get("id"), "duplicate question id '" + q.id + "' (first at " +
                                 ReadContext::where(survey.questions[it->second].pos) + ")");
      return;
    }
    survey.questions.push_back(std::move(q));
    option_index.push_back(std::move(options_by_text));
    theme_index.push_back(std::move(themes_by_id));
  }

  /// An option of `q` by its text; reports one that is not offered.
  std::optional<std::size_t> option(std::size_t qi, yaml::NodeRef node, std::string_view field) {
    const Question& q = survey.questions[qi];
    const auto text = as_text(ctx, node, field);
    if (!text) return std::nullopt;
    if (const auto it = option_index[qi].find(*text); it != option_index[qi].end()) {
      return it->second;
    }
    if (ctx.error_over_limit(node)) return std::nullopt;
    const auto suggestion = closest(*text, q.options);
    ctx.error(node, "option '" + *text + "' is not offered by question '" + q.id + "'" +
                        (suggestion ? did_you_mean(suggestion) + " Options: "
                                    : std::string("; options: ")) +
                        option_list(q));
    return std::nullopt;
  }

  void read_answer_themes(std::size_t qi, yaml::NodeRef list, Answer& a) {
    const Question& q = survey.questions[qi];
    IndexSet seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const yaml::NodeRef ref = list.item(i);
      const auto id = as_text(ctx, ref, "themes");
      if (!id) continue;
      const auto it = theme_index[qi].find(*id);
      const std::optional<std::size_t> found =
          it == theme_index[qi].end() ? std::nullopt : std::optional<std::size_t>(it->second);
      if (!found) {
        if (ctx.error_over_limit(ref)) continue;
        std::vector<std::string> ids;
        for (const auto& t : q.themes) ids.push_back(t.id);
        ctx.error(ref, "unknown theme '" + *id + "' for question '" + q.id + "'" +
                           (q.themes.empty() ? std::string(" (the question has no themes)")
                                             : did_you_mean(closest(*id, ids))));
        continue;
      }
      if (!seen.insert(*found)) {
        ctx.error(ref, "theme '" + *id + "' is given twice");
        continue;
      }
      a.themes.push_back(*found);
    }
  }

  void read_answer(std::size_t qi, yaml::NodeRef node, Answer& a) {
    const Question& q = survey.questions[qi];
    MapReader m(ctx, node, "the answer to question '" + q.id + "'", kAnswerKeys);
    if (!m.ok()) return;
    a.pos = node.pos();
    const std::string_view expected = answer_field(q.kind);
    bool misfit = false;
    for (std::size_t i = 0; i < node.size(); ++i) {
      const yaml::NodeRef key = node.key(i);
      if (!key.is_scalar()) continue;
      const std::string_view field = key.scalar();
      const bool fits = field == expected || (field == "themes" && q.kind == QuestionKind::text);
      const bool known =
          std::find(std::begin(kAnswerKeys), std::end(kAnswerKeys), field) != std::end(kAnswerKeys);
      if (known && !fits) {
        misfit = true;
        ctx.error(key, "answer field '" + std::string(field) + "' does not fit question '" + q.id +
                           "' of kind " + std::string(to_string(q.kind)) + " (use '" +
                           std::string(expected) + "')");
      }
    }
    if (!m.get(expected).present()) {
      if (misfit) return;  // reported above, with the field to use
      ctx.error(node,
                "the answer to question '" + q.id + "' lacks '" + std::string(expected) + "'");
      return;
    }
    switch (q.kind) {
      case QuestionKind::text:
        a.text = m.text("text");
        if (const yaml::NodeRef themes = m.list("themes"); themes.present()) {
          read_answer_themes(qi, themes, a);
        }
        break;
      case QuestionKind::single:
        a.choice = option(qi, m.get("choice"), "choice");
        break;
      case QuestionKind::multi: {
        const yaml::NodeRef list = m.list("choices");
        IndexSet seen;
        for (std::size_t i = 0; i < list.size(); ++i) {
          const auto o = option(qi, list.item(i), "choices");
          if (!o) continue;
          if (!seen.insert(*o)) {
            ctx.error(list.item(i), "option '" + q.options[*o] + "' is chosen twice");
            continue;
          }
          a.choices.push_back(*o);
        }
        break;
      }
      case QuestionKind::likert: {
        const yaml::NodeRef v = m.get("value");
        if (const auto value = as_integer(ctx, v, "value")) {
          if (*value < 1 || *value > static_cast<std::int64_t>(q.options.size())) {
            ctx.error(v, "likert value " + std::to_string(*value) + " is out of range 1.." +
                             std::to_string(q.options.size()) + " for question '" + q.id + "'");
          } else {
            a.value = static_cast<double>(*value);
          }
        }
        break;
      }
      case QuestionKind::number:
        a.value = m.number("value");
        break;
    }
  }

  void read_response(yaml::NodeRef item) {
    MapReader m(ctx, item, describe("response", item, "respondent"), kResponseKeys);
    if (!m.ok()) return;
    Response r;
    ResponseSource rs;
    r.pos = item.pos();
    rs.item = item;
    auto respondent = m.text("respondent", true);
    r.role = m.text("role");
    if (const yaml::NodeRef covers = m.list("covers"); covers.present())
      r.covers = ctx.municipality_list(covers, "in 'covers'", &rs.covers);
    r.joint = m.boolean("joint").value_or(false);
    r.summary = m.boolean("summary").value_or(false);
    if (const yaml::NodeRef region = m.get("region"); region.present())
      r.region = ctx.region(region);
    if (const yaml::NodeRef answers = m.get("answers"); answers.present()) {
      if (expect_mapping(ctx, answers, "'answers'")) {
        r.answers.reserve(answers.size());
        for (std::size_t i = 0; i < answers.size(); ++i) {
          const yaml::NodeRef key = answers.key(i);
          const auto qid = as_text(ctx, key, "answers");
          if (!qid) continue;
          const auto it = question_by_id.find(*qid);
          if (it == question_by_id.end()) {
            if (ctx.error_over_limit(key)) continue;
            std::vector<std::string> ids;
            for (const auto& q : survey.questions) ids.push_back(q.id);
            std::string listed;
            for (std::size_t k = 0; k < ids.size() && k < 20; ++k)
              listed += (k ? ", " : "") + ids[k];
            if (ids.size() > 20) listed += ", ...";
            ctx.error(key, "answer to unknown question '" + *qid + "'" +
                               did_you_mean(closest(*qid, ids)) + " (the survey's questions: " +
                               (listed.empty() ? "none" : listed) + ")");
            continue;
          }
          Answer a;
          read_answer(it->second, answers.value(i), a);
          r.answers.emplace_back(it->second, std::move(a));
        }
      }
    }
    if (!respondent) return;
    r.respondent = std::move(*respondent);
    survey.responses.push_back(std::move(r));
    src.responses.push_back(std::move(rs));
  }
};

}  // namespace

void read_survey(ReadContext& ctx, yaml::NodeRef root, const std::string& file) {
  MapReader m(ctx, root, describe("survey", root), kSurveyKeys);
  if (!m.ok()) return;
  Survey survey;
  SurveySource src;
  survey.file = file;
  src.root = root;
  auto id = m.text("id", true);
  if (id) check_slug(ctx, m.get("id"), *id, "survey");
  if (auto title = m.text("title", true)) survey.title = std::move(*title);
  survey.sent = m.date("sent");
  survey.deadline = m.date("deadline");
  if (survey.sent && survey.deadline && *survey.deadline < *survey.sent) {
    ctx.error(m.get("deadline"), "'deadline' " + to_string(*survey.deadline) +
                                     " is before 'sent' " + to_string(*survey.sent));
  }
  SurveyReader reader{ctx, survey, src, {}, {}, {}};
  if (const yaml::NodeRef population = m.list("population"); population.present()) {
    src.population = population;
    reader.read_population(population);
  }
  if (const yaml::NodeRef questions = m.list("questions", true); questions.present()) {
    survey.questions.reserve(questions.size());
    for (std::size_t i = 0; i < questions.size(); ++i) reader.read_question(questions.item(i));
  }
  if (const yaml::NodeRef responses = m.list("responses"); responses.present()) {
    survey.responses.reserve(responses.size());
    src.responses.reserve(responses.size());
    for (std::size_t i = 0; i < responses.size(); ++i) reader.read_response(responses.item(i));
  }
  if (!id) return;
  survey.id = std::move(*id);
  ctx.content.surveys.push_back(std::move(survey));
  ctx.survey_sources.push_back(std::move(src));
}

}  // namespace samrapport::content
