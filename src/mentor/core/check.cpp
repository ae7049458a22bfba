#include "mentor/core/check.hpp"

#include <fmt/format.h>

#include <set>

namespace mentor::core {

namespace {

class Reporter
{
public:
  Reporter(Problems& problems, std::string file) : m_problems(problems), m_file(std::move(file)) {}

  void error(Pos pos, std::string message, std::string hint = {}) { add(store::Severity::error, pos, message, hint); }
  void warning(Pos pos, std::string message, std::string hint = {})
  {
    add(store::Severity::warning, pos, message, hint);
  }

private:
  void add(store::Severity severity, Pos pos, std::string& message, std::string& hint)
  {
    store::Problem problem;
    problem.file = m_file;
    problem.line = pos.line;
    problem.col = pos.col;
    problem.severity = severity;
    problem.message = std::move(message);
    problem.hint = std::move(hint);
    m_problems.add(std::move(problem));
  }

  Problems& m_problems;
  std::string m_file;
};

// "pairings/a--b.yaml" stands for the pairing of a and b (or "a--b-2"…).
bool named_after_people(const Pairing& pairing)
{
  const auto base = pairing.mentor + "--" + pairing.mentee;
  if (pairing.slug == base) {
    return true;
  }
  if (!pairing.slug.starts_with(base + "-")) {
    return false;
  }
  const auto counter = pairing.slug.substr(base.size() + 1);
  return !counter.empty() && counter.find_first_not_of("0123456789") == std::string::npos;
}

// The builders leave a date they could not read (or that is missing) at
// Date(), and report that: such a date is unknown, and comparing it would
// only add warnings about a 1970-01-01 nobody wrote.
bool known(const Date& date)
{
  return date != Date();
}

} // namespace

void check_pairing(const Pairing& pairing, const std::function<bool(std::string_view)>& person_exists,
                   Problems& problems)
{
  Reporter report(problems, pairing.file);
  for (const auto* role : {"mentor", "mentee"}) {
    const auto& slug = std::string_view(role) == "mentor" ? pairing.mentor : pairing.mentee;
    if (!slug.empty() && !person_exists(slug)) {
      report.error(pairing.at.of(role), fmt::format("`{}:` is \"{}\", but there is no people/{}.yaml", role, slug, slug),
                   fmt::format("add them with `mentor add NAME --id {}`, or correct the id", slug));
    }
  }
  if (!pairing.mentor.empty() && pairing.mentor == pairing.mentee) {
    report.error(pairing.at.of("mentee"), "the mentee is the mentor", "a pairing is between two different people");
  }
  if (!pairing.mentor.empty() && !pairing.mentee.empty() && !named_after_people(pairing)) {
    report.warning({}, fmt::format("the file name does not match its people: expected pairings/{}--{}.yaml",
                                   pairing.mentor, pairing.mentee),
                   "rename the file (git mv) so that mentor and other people can find it by name");
  }

  if (pairing.until && known(pairing.started) && *pairing.until < pairing.started) {
    report.error(pairing.at.of("until"),
                 fmt::format("the planned end {} is before the start, {}", pairing.until->iso(), pairing.started.iso()),
                 "correct `until:` (the planned end) or `started:`");
  }
  if (pairing.ended && known(pairing.started) && *pairing.ended < pairing.started) {
    report.error(pairing.at.of("ended"),
                 fmt::format("it ended on {}, before it started on {}", pairing.ended->iso(), pairing.started.iso()),
                 "correct `ended:` or `started:`");
  }
  if (pairing.status == Status::ended && !pairing.ended) {
    report.warning(pairing.at.of("status"), "the pairing has ended but has no `ended:` date",
                   "add `ended: YYYY-MM-DD` (reports use it to count pairings ended in a period)");
  }
  if (pairing.status != Status::ended && pairing.ended) {
    report.warning(pairing.at.of("ended"),
                   fmt::format("it has an `ended:` date but its status is {}", to_string(pairing.status)),
                   "set `status: ended`, or remove the `ended:` line");
  }

  std::set<std::string> goal_ids;
  for (const auto& goal : pairing.goals) {
    if (!goal.id.empty() && !goal_ids.insert(goal.id).second) {
      report.error(goal.at.of("id", goal.pos), fmt::format("goal id {} is used twice in this pairing", goal.id),
                   "give each goal its own id (g1, g2, …)");
    }
  }
  std::set<std::string> action_ids;
  const Session* previous = nullptr;
  for (const auto& session : pairing.sessions) {
    // A session whose date is unknown is left out of the date checks.
    if (known(session.date)) {
      if (previous && session.date < previous->date) {
        report.warning(session.at.of("date", session.pos),
                       fmt::format("this session ({}) comes after one dated {}", session.date.iso(),
                                   previous->date.iso()),
                       "sessions are kept oldest first; move this entry up to its place");
      }
      previous = &session;
      if (known(pairing.started) && session.date < pairing.started) {
        report.warning(session.at.of("date", session.pos),
                       fmt::format("this session ({}) is before the pairing started ({})", session.date.iso(),
                                   pairing.started.iso()),
                       "correct the session's `date:`, or `started:` if the pairing began earlier");
      }
    }
    for (const auto& action : session.actions) {
      if (!action.id.empty() && !action_ids.insert(action.id).second) {
        report.error(action.at.of("id", action.pos), fmt::format("action id {} is used twice in this pairing", action.id),
                     "give each action its own id (a1, a2, …), so `mentor log --done ID` finds the right one");
      }
      if (action.done && known(session.date) && *action.done < session.date) {
        report.warning(action.at.of("done", action.pos),
                       fmt::format("action {} was done on {}, before it was agreed on {}", action.id,
                                   action.done->iso(), session.date.iso()),
                       "correct `done:`, or the date of the session that agreed it");
      }
    }
    for (const auto& [id, status] : session.goal_changes) {
      if (!pairing.find_goal(id)) {
        report.error(session.at.of("goals", session.pos), fmt::format("this entry changes goal {}, which does not exist", id),
                     "correct the id to one under the pairing's `goals:`");
      }
    }
  }
}

void check_config(const Records& records, Problems& problems)
{
  if (!records.config.me.empty() && !records.person(records.config.me)) {
    Reporter(problems, records.config.file)
      .error(records.config.at.of("me"),
             fmt::format("`me:` is \"{}\", but there is no people/{}.yaml", records.config.me, records.config.me),
             fmt::format("add yourself with `mentor add \"Your Name\" --id {}`, or correct `me:`", records.config.me));
  }
}

void check_records(const Records& records, Problems& problems)
{
  check_config(records, problems);
  const auto exists = [&](std::string_view slug) { return records.person(slug) != nullptr; };
  for (const auto& pairing : records.pairings) {
    check_pairing(pairing, exists, problems);
  }
}

} // namespace mentor::core
