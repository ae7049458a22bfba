#include "mentor/core/build.hpp"

#include "mentor/util/date.hpp"
#include "mentor/util/duration.hpp"
#include "mentor/util/slug.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace mentor::core {

using store::Document;
using store::Node;

void Problems::error(const Document& document, const store::Mark& mark, std::string message,
                     std::string hint)
{
  m_list.push_back(store::problem_at(document.path, document.text, mark.line, mark.col,
                                     std::move(message), std::move(hint)));
}

void Problems::warning(const Document& document, const store::Mark& mark, std::string message,
                       std::string hint)
{
  auto problem = store::problem_at(document.path, document.text, mark.line, mark.col,
                                   std::move(message), std::move(hint));
  problem.severity = store::Severity::warning;
  m_list.push_back(std::move(problem));
}

bool Problems::has_errors() const
{
  return std::any_of(m_list.begin(), m_list.end(),
                     [](const store::Problem& p) { return p.severity == store::Severity::error; });
}

void Problems::throw_if_errors() const
{
  std::vector<store::Problem> errors;
  std::copy_if(m_list.begin(), m_list.end(), std::back_inserter(errors),
               [](const store::Problem& p) { return p.severity == store::Severity::error; });
  if (!errors.empty()) {
    throw store::SourceError(std::move(errors));
  }
}

namespace {

Pos pos_of(const store::Mark& mark)
{
  return Pos{mark.line, mark.col};
}

// Reads the fields of one map, remembering positions and reporting problems
// at the value (or at the map, for a missing key).
class Fields
{
public:
  Fields(const Document& document, const Node& map, Problems& problems, Positions& at)
    : m_document(document), m_map(map), m_problems(problems)
  {
    for (const auto& entry : map.entries) {
      at.set(entry.key, pos_of(entry.value.is_null() ? entry.key_mark : entry.value.mark));
    }
  }

  const Node* get(std::string_view key) const
  {
    const Node* node = m_map.find(key);
    return node && !node->is_null() ? node : nullptr;
  }

  void error(const Node& node, std::string message, std::string hint = {})
  {
    m_problems.error(m_document, node.mark, std::move(message), std::move(hint));
  }

  // Reported at the key when it is there with nothing after it, else at the
  // start of the map.
  void missing(std::string_view key, std::string hint)
  {
    if (const store::Entry* entry = m_map.find_entry(key)) {
      m_problems.error(m_document, entry->key_mark, fmt::format("`{}:` is empty", key), std::move(hint));
      return;
    }
    m_problems.error(m_document, m_map.mark, fmt::format("`{}:` is missing", key), std::move(hint));
  }

  std::optional<std::string> text(std::string_view key)
  {
    const Node* node = get(key);
    if (!node) {
      return std::nullopt;
    }
    if (!node->is_scalar()) {
      error(*node, fmt::format("`{}:` must be text, not a {}", key, node->is_map() ? "map" : "list"),
            fmt::format("write it as `{}: some text`", key));
      return std::nullopt;
    }
    return node->value;
  }

  std::string required_text(std::string_view key, std::string hint)
  {
    if (!get(key)) {
      missing(key, std::move(hint));
      return {};
    }
    return text(key).value_or("");
  }

  std::optional<Date> date(std::string_view key)
  {
    auto value = text(key);
    if (!value) {
      return std::nullopt;
    }
    auto parsed = util::parse_iso_date(*value);
    if (!parsed) {
      error(*get(key), fmt::format("`{}:` is not a date: \"{}\"", key, *value),
            "write dates as YYYY-MM-DD, such as 2026-01-31");
    }
    return parsed;
  }

  std::optional<int> duration(std::string_view key)
  {
    auto value = text(key);
    if (!value) {
      return std::nullopt;
    }
    auto parsed = util::parse_duration(*value);
    if (!parsed) {
      error(*get(key), fmt::format("`{}:` is not a duration: \"{}\"", key, *value),
            "write durations like 45m, 1h or 1h30m (at most 24h)");
    }
    return parsed;
  }

  std::optional<int> cadence(std::string_view key)
  {
    auto value = text(key);
    if (!value) {
      return std::nullopt;
    }
    auto parsed = util::parse_cadence(*value);
    if (!parsed) {
      error(*get(key), fmt::format("`{}:` is not a cadence: \"{}\"", key, *value),
            "write a cadence like 2w, 4w or 10d, or none for as needed");
    }
    return parsed;
  }

  std::optional<bool> boolean(std::string_view key)
  {
    auto value = text(key);
    if (!value) {
      return std::nullopt;
    }
    // YAML 1.2's spellings; yes/no/on/off are YAML 1.1 only, and refused.
    if (*value == "true" || *value == "True" || *value == "TRUE") {
      return true;
    }
    if (*value == "false" || *value == "False" || *value == "FALSE") {
      return false;
    }
    error(*get(key), fmt::format("`{}:` must be true or false, not \"{}\"", key, *value),
          fmt::format("write `{}: true` or `{}: false`", key, key));
    return std::nullopt;
  }

  std::optional<int> whole_number(std::string_view key, int low, int high)
  {
    auto value = text(key);
    if (!value) {
      return std::nullopt;
    }
    int number = 0;
    const bool digits = !value->empty() && value->size() <= 6
                        && std::all_of(value->begin(), value->end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits) {
      number = std::stoi(*value);
    }
    if (!digits || number < low || number > high) {
      error(*get(key), fmt::format("`{}:` must be a whole number from {} to {}, not \"{}\"", key, low, high, *value));
      return std::nullopt;
    }
    return number;
  }

  template <typename Enum, typename Parse>
  std::optional<Enum> choice(std::string_view key, Parse parse, const std::string& choices)
  {
    auto value = text(key);
    if (!value) {
      return std::nullopt;
    }
    auto parsed = parse(*value);
    if (!parsed) {
      error(*get(key), fmt::format("`{}:` is \"{}\", which is not one of {}", key, *value, choices),
            fmt::format("write one of: {}", choices));
    }
    return parsed;
  }

  std::vector<std::string> text_list(std::string_view key)
  {
    std::vector<std::string> out;
    const Node* node = get(key);
    if (!node) {
      return out;
    }
    if (!node->is_sequence()) {
      error(*node, fmt::format("`{}:` must be a list", key), fmt::format("write it as `{}: [first, second]`", key));
      return out;
    }
    for (const auto& item : node->items) {
      if (!item.is_scalar()) {
        error(item, fmt::format("each item of `{}:` must be text", key));
        continue;
      }
      out.push_back(item.value);
    }
    return out;
  }

  const Node* list(std::string_view key)
  {
    const Node* node = get(key);
    if (node && !node->is_sequence()) {
      error(*node, fmt::format("`{}:` must be a list of items, each starting with `- `", key));
      return nullptr;
    }
    return node;
  }

private:
  const Document& m_document;
  const Node& m_map;
  Problems& m_problems;
};

// Text read from a block ends with the block's line break; mentor's notes
// are the text without it.
std::string strip_final_newlines(std::string text)
{
  while (!text.empty() && text.back() == '\n') {
    text.pop_back();
  }
  return text;
}

bool require_map(const Document& document, const Node& node, std::string_view what, Problems& problems)
{
  if (node.is_map()) {
    return true;
  }
  problems.error(document, node.mark,
                 node.is_null() ? fmt::format("the file is empty; it should hold {}", what)
                                : fmt::format("expected {} as `key: value` lines", what));
  return false;
}

void check_slug_field(Fields& fields, const Node* node, std::string_view key, const std::string& value)
{
  if (node && !value.empty() && !util::is_valid_slug(value)) {
    fields.error(*node, fmt::format("`{}:` is \"{}\", which is not a person's id", key, value),
                 "use the id of a file in people/, such as alice-smith");
  }
}

Action build_action(const Document& document, const Node& node, Problems& problems)
{
  Action action;
  action.pos = pos_of(node.mark);
  if (!require_map(document, node, "an action (id, text, due, done)", problems)) {
    return action;
  }
  Fields f(document, node, problems, action.at);
  action.id = f.required_text("id", "give each action an id such as `id: a1`, unique in the pairing");
  action.text = f.text("text").value_or("");
  action.due = f.date("due");
  action.done = f.date("done");
  return action;
}

Session build_session(const Document& document, const Node& node, Problems& problems)
{
  Session session;
  session.pos = pos_of(node.mark);
  if (!require_map(document, node, "a session (date, duration, notes, …)", problems)) {
    return session;
  }
  Fields f(document, node, problems, session.at);
  if (!f.get("date")) {
    f.missing("date", "every session needs `date: YYYY-MM-DD`");
  }
  session.date = f.date("date").value_or(Date());
  session.duration = f.duration("duration");
  session.type = f.choice<SessionType>("type", parse_session_type, session_type_choices())
                   .value_or(SessionType::session);
  session.topics = f.text_list("topics");
  session.notes = strip_final_newlines(f.text("notes").value_or(""));
  session.paid = f.boolean("paid");
  session.group = f.whole_number("group", 1, 1000).value_or(0);
  if (const Node* actions = f.list("actions")) {
    for (const auto& item : actions->items) {
      session.actions.push_back(build_action(document, item, problems));
    }
  }
  if (const Node* goals = f.get("goals")) {
    if (!goals->is_map()) {
      f.error(*goals, "`goals:` in a session must map goal ids to their new status",
              "write it as lines such as `g1: achieved` under `goals:`");
    } else {
      Positions ignored;
      Fields changes(document, *goals, problems, ignored);
      for (const auto& entry : goals->entries) {
        if (auto status = changes.choice<GoalStatus>(entry.key, parse_goal_status, goal_status_choices())) {
          session.goal_changes.emplace_back(entry.key, *status);
        }
      }
    }
  }
  return session;
}

Goal build_goal(const Document& document, const Node& node, Problems& problems)
{
  Goal goal;
  goal.pos = pos_of(node.mark);
  if (!require_map(document, node, "a goal (id, title, measure, due, status)", problems)) {
    return goal;
  }
  Fields f(document, node, problems, goal.at);
  goal.id = f.required_text("id", "give each goal an id such as `id: g1`, unique in the pairing");
  goal.title = f.text("title").value_or("");
  goal.measure = f.text("measure").value_or("");
  goal.due = f.date("due");
  goal.status = f.choice<GoalStatus>("status", parse_goal_status, goal_status_choices()).value_or(GoalStatus::open);
  return goal;
}

// Fields are checked in a fixed order, not the file's; the problems of one
// record are put in file order before they join the others.
template <typename Build>
auto in_file_order(Problems& problems, Build build)
{
  Problems local;
  auto record = build(local);
  auto list = local.list();
  std::stable_sort(list.begin(), list.end(), [](const store::Problem& a, const store::Problem& b) {
    return a.line != b.line ? a.line < b.line : a.col < b.col;
  });
  for (auto& problem : list) {
    problems.add(std::move(problem));
  }
  return record;
}

Config config_from(const Document& document, Problems& problems)
{
  Config config;
  config.file = document.path;
  if (!require_map(document, document.root, "the settings (version, me, defaults)", problems)) {
    return config;
  }
  Fields f(document, document.root, problems, config.at);
  if (!f.get("version")) {
    f.missing("version", "add `version: 1` at the top of mentor.yaml");
  } else if (auto version = f.whole_number("version", 1, 999)) {
    config.version = *version;
    if (*version != 1) {
      f.error(*f.get("version"), fmt::format("this mentor reads version 1 records, not version {}", *version),
              "install a newer mentor to read these records");
    }
  }
  config.me = f.required_text("me", "name yourself with `me: your-id` (a file in people/)");
  check_slug_field(f, f.get("me"), "me", config.me);
  if (const Node* defaults = f.get("defaults")) {
    if (!defaults->is_map()) {
      f.error(*defaults, "`defaults:` must hold `key: value` lines (kind, duration, cadence)");
    } else {
      Positions ignored;
      Fields d(document, *defaults, problems, ignored);
      config.default_kind = d.choice<Kind>("kind", parse_kind, kind_choices()).value_or(Kind::coaching);
      config.default_duration = d.duration("duration").value_or(60);
      config.default_cadence = d.cadence("cadence").value_or(28);
    }
  }
  if (const Node* git = f.get("git")) {
    if (!git->is_map()) {
      f.error(*git, "`git:` must hold `key: value` lines (commit)", "write it as `git:` and, below it, `  commit: true`");
    } else {
      Positions ignored;
      Fields g(document, *git, problems, ignored);
      config.git_commit = g.boolean("commit").value_or(false);
    }
  }
  return config;
}

Person person_from(const Document& document, std::string slug, Problems& problems)
{
  Person person;
  person.slug = std::move(slug);
  person.file = document.path;
  if (!require_map(document, document.root, "a person (name, email, …)", problems)) {
    return person;
  }
  Fields f(document, document.root, problems, person.at);
  person.name = f.required_text("name", "add `name: Their Name`");
  person.email = f.text("email").value_or("");
  person.organisation = f.text("organisation").value_or("");
  person.role = f.text("role").value_or("");
  person.pseudonym = f.text("pseudonym").value_or("");
  person.tags = f.text_list("tags");
  person.notes = strip_final_newlines(f.text("notes").value_or(""));
  return person;
}

Pairing pairing_from(const Document& document, std::string slug, Problems& problems)
{
  Pairing pairing;
  pairing.slug = std::move(slug);
  pairing.file = document.path;
  if (!require_map(document, document.root, "a pairing (mentor, mentee, kind, …)", problems)) {
    return pairing;
  }
  Fields f(document, document.root, problems, pairing.at);
  pairing.mentor = f.required_text("mentor", "add `mentor: id` (the coach or mentor, a file in people/)");
  check_slug_field(f, f.get("mentor"), "mentor", pairing.mentor);
  pairing.mentee = f.required_text("mentee", "add `mentee: id` (the coachee or mentee, a file in people/)");
  check_slug_field(f, f.get("mentee"), "mentee", pairing.mentee);
  if (!f.get("kind")) {
    f.missing("kind", fmt::format("add `kind:` with one of: {}", kind_choices()));
  }
  pairing.kind = f.choice<Kind>("kind", parse_kind, kind_choices()).value_or(Kind::coaching);
  if (!f.get("status")) {
    f.missing("status", "add `status: active` (or paused, ended)");
  }
  pairing.status = f.choice<Status>("status", parse_status, "active | paused | ended").value_or(Status::active);
  if (!f.get("started")) {
    f.missing("started", "add `started: YYYY-MM-DD`");
  }
  pairing.started = f.date("started").value_or(Date());
  pairing.until = f.date("until");
  pairing.ended = f.date("ended");
  pairing.cadence = f.cadence("cadence");
  pairing.duration = f.duration("duration");
  pairing.paid = f.boolean("paid").value_or(true);
  pairing.sponsor = f.text("sponsor").value_or("");
  pairing.outcome = f.text("outcome").value_or("");
  if (const Node* goals = f.list("goals")) {
    for (const auto& item : goals->items) {
      pairing.goals.push_back(build_goal(document, item, problems));
    }
  }
  if (const Node* sessions = f.list("sessions")) {
    for (const auto& item : sessions->items) {
      pairing.sessions.push_back(build_session(document, item, problems));
    }
  }
  return pairing;
}

} // namespace

Config build_config(const Document& document, Problems& problems)
{
  return in_file_order(problems, [&](Problems& local) { return config_from(document, local); });
}

Person build_person(const Document& document, std::string slug, Problems& problems)
{
  return in_file_order(problems, [&](Problems& local) { return person_from(document, std::move(slug), local); });
}

Pairing build_pairing(const Document& document, std::string slug, Problems& problems)
{
  return in_file_order(problems, [&](Problems& local) { return pairing_from(document, std::move(slug), local); });
}

} // namespace mentor::core
