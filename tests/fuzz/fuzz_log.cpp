// Fuzz target `log`: what `mentor log` does to a pairing's file. The input is
// the file's text, then a NUL byte and the session as `name=value` lines:
//
//   date=2026-05-01   duration=1h30m   type=review
//   topic=…  (repeat)   notes=…  (repeat: one line each)
//   action=…  (repeat)  due=2026-06-01  done=a1  (repeat)
//
// Values go through the same checks as the command's options; one that the
// command would refuse ends the run. The file is read as `log` reads it
// (parse, build the pairing; a file with errors is refused), the new text
// comes from core::append_session (what `log` writes), and then:
//   - either append_session refused with a mentor::Error (nothing written),
//   - or the new text reads back, through mentor's reader and through
//     yaml-cpp's Node API, as exactly the old records plus the new session
//     (and the actions given as done marked done), and keeps every byte of
//     the old file.
// Anything else aborts: libFuzzer and the replay test report it as a crash.

#include "fuzz_support.hpp"

#include "mentor/cli/context.hpp"
#include "mentor/core/build.hpp"
#include "mentor/core/changes.hpp"
#include "mentor/store/parse.hpp"
#include "mentor/util/duration.hpp"
#include "mentor/util/error.hpp"
#include "mentor/util/text.hpp"

#include <fmt/format.h>

#include <set>

using namespace mentor;

namespace {

const std::string k_path = "pairings/ann--bob.yaml";
const std::string k_slug = "ann--bob";

#define SAME(field) FUZZ_CHECK(a.field == b.field, fmt::format("{}: {}", what, #field))

void same_action(const core::Action& a, const core::Action& b, const std::string& what)
{
  SAME(id);
  SAME(text);
  SAME(due);
  SAME(done);
}

void same_session(const core::Session& a, const core::Session& b, const std::string& what)
{
  SAME(date);
  SAME(duration);
  SAME(type);
  SAME(topics);
  SAME(notes);
  SAME(paid);
  SAME(group);
  SAME(goal_changes);
  SAME(actions.size());
  for (std::size_t i = 0; i < a.actions.size(); ++i) {
    same_action(a.actions[i], b.actions[i], fmt::format("{}, action {}", what, i));
  }
}

void same_goal(const core::Goal& a, const core::Goal& b, const std::string& what)
{
  SAME(id);
  SAME(title);
  SAME(measure);
  SAME(due);
  SAME(status);
}

// Everything but the sessions.
void same_pairing(const core::Pairing& a, const core::Pairing& b)
{
  const std::string what = "pairing";
  SAME(mentor);
  SAME(mentee);
  SAME(kind);
  SAME(status);
  SAME(started);
  SAME(until);
  SAME(ended);
  SAME(cadence);
  SAME(duration);
  SAME(paid);
  SAME(sponsor);
  SAME(outcome);
  SAME(goals.size());
  for (std::size_t i = 0; i < a.goals.size(); ++i) {
    same_goal(a.goals[i], b.goals[i], fmt::format("goal {}", i));
  }
}

#undef SAME

// The session the input asks for, as `mentor log` would build it from its
// options; nullopt when the command would refuse them.
struct Request
{
  core::NewSession session;
  std::vector<std::string> done;
};

std::optional<Request> request_from(const fuzz::Input& input, const core::Pairing& pairing)
{
  Request request;
  auto& session = request.session;
  if (input.has("date")) {
    auto date = util::parse_iso_date(input.get("date"));
    if (!date) {
      return std::nullopt;
    }
    session.date = *date;
  } else {
    session.date = pairing.last_session() ? pairing.last_session()->date : pairing.started;
  }
  session.duration = pairing.duration.value_or(60);
  if (input.has("duration")) {
    auto minutes = util::parse_duration(input.get("duration"));
    if (!minutes) {
      return std::nullopt;
    }
    session.duration = *minutes;
  }
  if (input.has("type")) {
    auto type = core::parse_session_type(input.get("type"));
    if (!type) {
      return std::nullopt;
    }
    session.type = *type;
  }
  std::string notes;
  for (const auto& line : input.all("notes")) {
    notes += (notes.empty() ? "" : "\n") + line;
  }
  session.notes = util::normalize_note(notes);
  std::optional<util::Date> due;
  if (input.has("due")) {
    due = util::parse_iso_date(input.get("due"));
    if (!due) {
      return std::nullopt;
    }
  }
  try {
    for (const auto& topic : input.all("topic")) {
      session.topics.push_back(cli::single_line("--topic", topic));
    }
    const auto actions = input.all("action");
    for (std::size_t i = 0; i < actions.size(); ++i) {
      session.actions.push_back(core::NewAction{core::next_action_id(pairing, static_cast<int>(i)),
                                                cli::single_line("--action", actions[i]), due});
    }
  } catch (const UsageError&) {
    return std::nullopt;
  }
  std::set<std::string> seen;
  for (const auto& id : input.all("done")) {
    if (!seen.insert(id).second) {
      return std::nullopt;
    }
    request.done.push_back(id);
  }
  return request;
}

// The old file's tree through yaml-cpp, changed as `log` should have changed
// it, against the new file's tree.
void check_yaml(const std::string& before, const std::string& after, const core::Pairing& old_pairing,
                const Request& request)
{
  YAML::Node expected;
  try {
    expected = fuzz::load_yaml(before);
  } catch (const YAML::Exception&) {
    return;  // a file mentor reads but yaml-cpp's Node API does not: not the writer's doing
  }
  YAML::Node actual;
  try {
    actual = fuzz::load_yaml(after);
  } catch (const YAML::Exception& e) {
    FUZZ_CHECK(false, fmt::format("yaml-cpp cannot read the new file: {}\n{}", e.what(), after));
  }
  for (const auto& id : request.done) {
    const auto where = old_pairing.find_action(id);
    FUZZ_CHECK(where.has_value(), id);
    expected["sessions"][where->first]["actions"][where->second]["done"] = request.session.date.iso();
  }
  const auto& s = request.session;
  YAML::Node item;
  item["date"] = s.date.iso();
  item["duration"] = util::format_duration(s.duration);
  item["type"] = std::string(core::to_string(s.type));
  for (const auto& topic : s.topics) {
    item["topics"].push_back(topic);
  }
  if (!s.notes.empty()) {
    item["notes"] = s.notes.find('\n') != std::string::npos ? s.notes + "\n" : s.notes;
  }
  for (const auto& action : s.actions) {
    YAML::Node a;
    a["id"] = action.id;
    a["text"] = action.text;
    if (action.due) {
      a["due"] = action.due->iso();
    }
    item["actions"].push_back(a);
  }
  if (!expected["sessions"].IsSequence()) {
    expected["sessions"] = YAML::Node(YAML::NodeType::Sequence);
  }
  expected["sessions"].push_back(item);
  std::string where;
  FUZZ_CHECK(fuzz::same_yaml(expected, actual, where),
             fmt::format("yaml-cpp reads the new file differently from what was intended: {}\n--- before\n{}\n--- after\n{}",
                         where, before, after));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const auto input = fuzz::split_input(data, size);

  // `log` reads the file, and refuses it when it has an error.
  store::Document document;
  try {
    document = store::parse_document(k_path, input.text);
  } catch (const Error&) {
    fuzz::count("not read");
    return 0;
  }
  core::Problems problems;
  const auto pairing = core::build_pairing(document, k_slug, problems);
  if (problems.has_errors()) {
    fuzz::count("not read");
    return 0;
  }
  const auto request = request_from(input, pairing);
  if (!request) {
    fuzz::count("options refused");
    return 0;
  }

  std::string text;
  try {
    text = core::append_session(document, pairing, request->session, request->done);
  } catch (const Error& e) {
    FUZZ_CHECK(*e.what() != '\0', "a refusal says why");
    fuzz::count("refused");
    return 0;  // a clean refusal: nothing would be written
  }

  // Read back as `log` would read it next time.
  store::Document after;
  try {
    after = store::parse_document(k_path, text);
  } catch (const Error& e) {
    FUZZ_CHECK(false, fmt::format("the written file cannot be read: {}\n{}", e.what(), text));
  }
  core::Problems after_problems;
  const auto updated = core::build_pairing(after, k_slug, after_problems);
  FUZZ_CHECK(!after_problems.has_errors(), fmt::format("the written file has errors\n{}", text));

  // The old records plus exactly the new session.
  same_pairing(pairing, updated);
  FUZZ_CHECK(updated.sessions.size() == pairing.sessions.size() + 1, text);
  auto expected_old = pairing.sessions;
  for (const auto& id : request->done) {
    const auto where = pairing.find_action(id);
    FUZZ_CHECK(where.has_value(), "append_session accepted an unknown action " + id);
    FUZZ_CHECK(!expected_old[where->first].actions[where->second].done, "an action done twice");
    expected_old[where->first].actions[where->second].done = request->session.date;
  }
  for (std::size_t i = 0; i < expected_old.size(); ++i) {
    same_session(expected_old[i], updated.sessions[i], fmt::format("session {}", i));
  }
  core::Session added;
  const auto& s = request->session;
  added.date = s.date;
  added.duration = s.duration;
  added.type = s.type;
  added.topics = s.topics;
  added.notes = s.notes;
  for (const auto& action : s.actions) {
    core::Action a;
    a.id = action.id;
    a.text = action.text;
    a.due = action.due;
    added.actions.push_back(a);
  }
  same_session(added, updated.sessions.back(), "the new session");

  // Every byte of the old file is still there (only `sessions: []` or
  // `sessions: ~` is rewritten, as `sessions:`).
  const auto* old_sessions = document.root.find("sessions");
  const bool rewritten = old_sessions && (old_sessions->is_null() || old_sessions->flow);
  if (!rewritten) {
    FUZZ_CHECK(request->done.empty() ? fuzz::is_single_insertion(document.text, text)
                                     : fuzz::is_subsequence(document.text, text),
               fmt::format("bytes of the old file changed\n--- before\n{}\n--- after\n{}", document.text, text));
  }
  check_yaml(document.text, text, pairing, *request);
  fuzz::count(request->done.empty() ? "written" : "written, with actions done");
  return 0;
}
