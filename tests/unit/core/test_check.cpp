#include "mentor/core/check.hpp"

#include "testutil.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using namespace mentor;
using mentor::testutil::contains;
using mentor::util::Date;
using store::Severity;

namespace {

Date ymd(int y, int m, int d)
{
  return Date::from_ymd(y, m, d);
}

core::Person person(std::string slug)
{
  core::Person p;
  p.slug = std::move(slug);
  p.file = "people/" + p.slug + ".yaml";
  p.name = p.slug;
  return p;
}

// Keys at lines 1.. in the order of a pairing file written by `mentor new`.
constexpr core::Pos k_mentor{1, 1};
constexpr core::Pos k_mentee{2, 1};
constexpr core::Pos k_status{4, 1};
constexpr core::Pos k_started{5, 1};
constexpr core::Pos k_until{6, 1};
constexpr core::Pos k_ended{7, 1};

// A clean active pairing phil--zoe started on 2026-01-05, file named after
// its people, with every top-level key's position recorded.
core::Pairing pairing(std::string mentor = "phil", std::string mentee = "zoe")
{
  core::Pairing p;
  p.mentor = std::move(mentor);
  p.mentee = std::move(mentee);
  p.slug = p.mentor + "--" + p.mentee;
  p.file = "pairings/" + p.slug + ".yaml";
  p.kind = core::Kind::coaching;
  p.status = core::Status::active;
  p.started = ymd(2026, 1, 5);
  p.at.set("mentor", k_mentor);
  p.at.set("mentee", k_mentee);
  p.at.set("kind", {3, 1});
  p.at.set("status", k_status);
  p.at.set("started", k_started);
  return p;
}

core::Records records_with(std::vector<core::Pairing> pairings,
                           std::vector<std::string> people = {"phil", "zoe"}, std::string me = "phil")
{
  core::Records records;
  records.config.file = "mentor.yaml";
  records.config.me = std::move(me);
  records.config.at.set("version", {1, 1});
  records.config.at.set("me", {2, 1});
  std::sort(people.begin(), people.end());
  for (auto& slug : people) {
    records.people.push_back(person(slug));
  }
  records.pairings = std::move(pairings);
  return records;
}

// A session entry starting at `line` (the `- date:` line), its keys below.
core::Session session(Date date, int line)
{
  core::Session s;
  s.date = date;
  s.pos = {line, 5};
  s.at.set("date", {line, 5});
  s.at.set("duration", {line + 1, 5});
  return s;
}

core::Action action(std::string id, int line, std::optional<Date> done = std::nullopt)
{
  core::Action a;
  a.id = std::move(id);
  a.text = "Do " + a.id;
  a.done = done;
  a.pos = {line, 9};
  a.at.set("id", {line, 9});
  a.at.set("text", {line + 1, 9});
  if (done) {
    a.at.set("done", {line + 2, 9});
  }
  return a;
}

core::Goal goal(std::string id, int line)
{
  core::Goal g;
  g.id = std::move(id);
  g.title = "Goal " + g.id;
  g.pos = {line, 5};
  g.at.set("id", {line, 5});
  g.at.set("title", {line + 1, 5});
  return g;
}

std::vector<store::Problem> check(const core::Records& records)
{
  core::Problems problems;
  core::check_records(records, problems);
  return problems.list();
}

std::vector<store::Problem> check(const core::Pairing& pairing)
{
  return check(records_with({pairing}));
}

// Every problem, one a line, for failure messages.
std::string describe(const std::vector<store::Problem>& problems)
{
  std::string out;
  for (const auto& p : problems) {
    out += p.file + ":" + std::to_string(p.line) + ":" + std::to_string(p.col) + ": " +
           (p.severity == Severity::error ? "error: " : "warning: ") + p.message + " [hint: " + p.hint + "]\n";
  }
  return out;
}

// The one problem there must be.
store::Problem only(const std::vector<store::Problem>& problems)
{
  INFO(describe(problems));
  REQUIRE(problems.size() == 1);
  return problems.front();
}

void expect_at(const store::Problem& problem, const std::string& file, core::Pos pos)
{
  INFO(problem.message);
  CHECK(problem.file == file);
  CHECK(problem.line == pos.line);
  CHECK(problem.col == pos.col);
}

} // namespace

TEST_SUITE("core::check")
{
  TEST_CASE("a clean record set has no problems")
  {
    auto p = pairing();
    p.until = ymd(2026, 12, 31);
    p.goals = {goal("g1", 10), goal("g2", 13)};
    auto s1 = session(ymd(2026, 1, 5), 17);
    s1.actions = {action("a1", 20, ymd(2026, 1, 20))};
    auto s2 = session(ymd(2026, 2, 2), 25);  // same-day and later sessions are in order
    s2.actions = {action("a2", 28), action("a3", 31, ymd(2026, 2, 2))};  // done the day it was agreed
    auto s3 = session(ymd(2026, 2, 2), 35);
    s3.type = core::SessionType::review;
    s3.goal_changes = {{"g1", core::GoalStatus::achieved}, {"g2", core::GoalStatus::dropped}};
    s3.at.set("goals", {37, 5});
    p.sessions = {s1, s2, s3};

    auto ended = pairing("zoe", "phil");
    ended.status = core::Status::ended;
    ended.ended = ymd(2026, 1, 5);  // ending on the day it started is fine
    ended.until = ymd(2026, 1, 5);
    ended.at.set("ended", k_ended);
    // Ids are per pairing: the same goal and action ids in another pairing are fine.
    ended.goals = {goal("g1", 10)};
    auto e1 = session(ymd(2026, 1, 5), 17);
    e1.actions = {action("a1", 20)};
    ended.sessions = {e1};

    auto counted = pairing();
    counted.slug = "phil--zoe-2";  // a second pairing of the same people
    counted.file = "pairings/phil--zoe-2.yaml";
    auto counted10 = pairing();
    counted10.slug = "phil--zoe-10";
    counted10.file = "pairings/phil--zoe-10.yaml";

    const auto problems = check(records_with({counted, counted10, p, ended}));
    INFO(describe(problems));
    CHECK(problems.empty());
  }

  TEST_CASE("no records at all, and an empty `me:`, are fine")
  {
    CHECK(check(core::Records{}).empty());
    CHECK(check(records_with({}, {}, "")).empty());
  }

  TEST_CASE("`me:` names a person without a file: an error at `me:` in mentor.yaml")
  {
    const auto problem = only(check(records_with({}, {"zoe"}, "phil")));
    CHECK(problem.severity == Severity::error);
    expect_at(problem, "mentor.yaml", {2, 1});
    CHECK(contains(problem.message, "`me:`"));
    CHECK(contains(problem.message, "\"phil\""));
    CHECK(contains(problem.message, "people/phil.yaml"));
    CHECK(contains(problem.hint, "mentor add"));
    CHECK(contains(problem.hint, "--id phil"));
    CHECK(problem.excerpt.empty());  // no I/O in core: the command adds excerpts
  }

  TEST_CASE("a pairing's mentor without a person file: an error at `mentor:`")
  {
    const auto problem = only(check(records_with({pairing("ann", "zoe")}, {"phil", "zoe"})));
    CHECK(problem.severity == Severity::error);
    expect_at(problem, "pairings/ann--zoe.yaml", k_mentor);
    CHECK(contains(problem.message, "`mentor:`"));
    CHECK(contains(problem.message, "\"ann\""));
    CHECK(contains(problem.message, "people/ann.yaml"));
    CHECK(contains(problem.hint, "mentor add"));
    CHECK(contains(problem.hint, "--id ann"));
  }

  TEST_CASE("a pairing's mentee without a person file: an error at `mentee:`")
  {
    const auto problem = only(check(records_with({pairing("phil", "bob")}, {"phil", "zoe"})));
    CHECK(problem.severity == Severity::error);
    expect_at(problem, "pairings/phil--bob.yaml", k_mentee);
    CHECK(contains(problem.message, "`mentee:`"));
    CHECK(contains(problem.message, "\"bob\""));
    CHECK(contains(problem.message, "people/bob.yaml"));
    CHECK(contains(problem.hint, "--id bob"));
  }

  TEST_CASE("both people missing: two errors, mentor first")
  {
    const auto problems = check(records_with({pairing("ann", "bob")}, {"phil"}));
    INFO(describe(problems));
    REQUIRE(problems.size() == 2);
    expect_at(problems[0], "pairings/ann--bob.yaml", k_mentor);
    expect_at(problems[1], "pairings/ann--bob.yaml", k_mentee);
    CHECK(problems[0].severity == Severity::error);
    CHECK(problems[1].severity == Severity::error);
    CHECK(contains(problems[0].message, "ann"));
    CHECK(contains(problems[1].message, "bob"));
  }

  TEST_CASE("an empty mentor or mentee (reported when the file was read) is not reported again")
  {
    auto p = pairing("", "zoe");
    p.slug = "phil--zoe";
    p.file = "pairings/phil--zoe.yaml";
    CHECK(check(p).empty());
    auto q = pairing("phil", "");
    q.slug = "phil--zoe";
    q.file = "pairings/phil--zoe.yaml";
    CHECK(check(q).empty());
  }

  TEST_CASE("a missing person without a recorded position still gets an error")
  {
    auto p = pairing("ann", "zoe");
    p.at = core::Positions{};
    const auto problem = only(check(records_with({p})));
    CHECK(problem.severity == Severity::error);
    CHECK(problem.file == "pairings/ann--zoe.yaml");
    CHECK(problem.line == 0);
  }

  TEST_CASE("the mentee is the mentor: an error at `mentee:`")
  {
    const auto problem = only(check(pairing("phil", "phil")));
    CHECK(problem.severity == Severity::error);
    expect_at(problem, "pairings/phil--phil.yaml", k_mentee);
    CHECK(contains(problem.message, "mentee is the mentor"));
    CHECK(contains(problem.hint, "two different people"));
  }

  TEST_CASE("a file not named after its people: a warning about the whole file")
  {
    for (const auto* slug : {"zoe--phil", "phil--zoe-x", "phil--zoe-", "phil--zoe-2x", "phil--zoey", "phil--zo",
                             "phil--zoe--2", "phil-zoe"}) {
      CAPTURE(slug);
      auto p = pairing();
      p.slug = slug;
      p.file = std::string("pairings/") + slug + ".yaml";
      const auto problem = only(check(p));
      CHECK(problem.severity == Severity::warning);
      CHECK(problem.file == p.file);
      CHECK(problem.line == 0);
      CHECK(problem.col == 0);
      CHECK(contains(problem.message, "file name"));
      CHECK(contains(problem.message, "expected pairings/phil--zoe.yaml"));
      CHECK(contains(problem.hint, "rename"));
    }
  }

  TEST_CASE("a file named after its people, with or without a numeric counter, is fine")
  {
    for (const auto* slug : {"phil--zoe", "phil--zoe-2", "phil--zoe-3", "phil--zoe-10", "phil--zoe-123"}) {
      CAPTURE(slug);
      auto p = pairing();
      p.slug = slug;
      p.file = std::string("pairings/") + slug + ".yaml";
      const auto problems = check(p);
      INFO(describe(problems));
      CHECK(problems.empty());
    }
  }

  TEST_CASE("the file name is not checked while a person is unknown from the file")
  {
    auto p = pairing("", "zoe");
    p.slug = "somebody--else";
    p.file = "pairings/somebody--else.yaml";
    CHECK(check(p).empty());
  }

  TEST_CASE("a planned end before the start: an error at `until:`")
  {
    auto p = pairing();
    p.until = ymd(2026, 1, 4);
    p.at.set("until", k_until);
    const auto problem = only(check(p));
    CHECK(problem.severity == Severity::error);
    expect_at(problem, p.file, k_until);
    CHECK(contains(problem.message, "planned end"));
    CHECK(contains(problem.message, "2026-01-04"));
    CHECK(contains(problem.message, "2026-01-05"));

    p.until = ymd(2026, 1, 5);  // the same day is not before
    CHECK(check(p).empty());
  }

  TEST_CASE("an end before the start: an error at `ended:`")
  {
    auto p = pairing();
    p.status = core::Status::ended;
    p.ended = ymd(2025, 12, 31);
    p.at.set("ended", k_ended);
    const auto problem = only(check(p));
    CHECK(problem.severity == Severity::error);
    expect_at(problem, p.file, k_ended);
    CHECK(contains(problem.message, "2025-12-31"));
    CHECK(contains(problem.message, "2026-01-05"));
    CHECK(contains(problem.message, "before it started"));

    p.ended = ymd(2026, 1, 5);
    CHECK(check(p).empty());
  }

  TEST_CASE("`status: ended` without an `ended:` date: a warning at `status:`")
  {
    auto p = pairing();
    p.status = core::Status::ended;
    const auto problem = only(check(p));
    CHECK(problem.severity == Severity::warning);
    expect_at(problem, p.file, k_status);
    CHECK(contains(problem.message, "has ended"));
    CHECK(contains(problem.message, "`ended:`"));
    CHECK(contains(problem.hint, "ended: YYYY-MM-DD"));
  }

  TEST_CASE("an `ended:` date while the status is active or paused: a warning at `ended:`")
  {
    for (const auto status : {core::Status::active, core::Status::paused}) {
      auto p = pairing();
      p.status = status;
      p.ended = ymd(2026, 6, 1);
      p.at.set("ended", k_ended);
      const auto problem = only(check(p));
      CHECK(problem.severity == Severity::warning);
      expect_at(problem, p.file, k_ended);
      CHECK(contains(problem.message, "`ended:`"));
      CHECK(contains(problem.message, std::string(core::to_string(status))));
      CHECK(contains(problem.hint, "status: ended"));
    }
  }

  TEST_CASE("an end before the start with the status still active: both problems")
  {
    auto p = pairing();
    p.ended = ymd(2025, 12, 1);
    p.at.set("ended", k_ended);
    const auto problems = check(p);
    INFO(describe(problems));
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].severity == Severity::error);
    CHECK(problems[1].severity == Severity::warning);
    expect_at(problems[0], p.file, k_ended);
    expect_at(problems[1], p.file, k_ended);
  }

  TEST_CASE("a goal id used twice: an error at the second goal's `id:`")
  {
    auto p = pairing();
    p.goals = {goal("g1", 10), goal("g2", 13), goal("g1", 16), goal("g1", 19)};
    const auto problems = check(p);
    INFO(describe(problems));
    REQUIRE(problems.size() == 2);  // once for each repeat
    for (std::size_t i = 0; i < problems.size(); ++i) {
      CHECK(problems[i].severity == Severity::error);
      CHECK(contains(problems[i].message, "goal id g1"));
      CHECK(contains(problems[i].message, "used twice"));
      CHECK(contains(problems[i].hint, "its own id"));
    }
    expect_at(problems[0], p.file, {16, 5});
    expect_at(problems[1], p.file, {19, 5});
  }

  TEST_CASE("a goal id used twice, the repeat without a recorded `id:` position: at the goal's entry")
  {
    auto p = pairing();
    auto second = goal("g1", 13);
    second.at = core::Positions{};
    second.pos = {12, 3};
    p.goals = {goal("g1", 10), second};
    const auto problem = only(check(p));
    expect_at(problem, p.file, {12, 3});
  }

  TEST_CASE("goals without an id (reported when the file was read) are not duplicates of each other")
  {
    auto p = pairing();
    p.goals = {goal("", 10), goal("", 13)};
    CHECK(check(p).empty());
  }

  TEST_CASE("an action id used twice, across sessions: an error at the second action's `id:`")
  {
    auto p = pairing();
    auto s1 = session(ymd(2026, 1, 5), 10);
    s1.actions = {action("a1", 13), action("a2", 16)};
    auto s2 = session(ymd(2026, 2, 2), 20);
    s2.actions = {action("a3", 23), action("a1", 26)};
    p.sessions = {s1, s2};
    const auto problem = only(check(p));
    CHECK(problem.severity == Severity::error);
    expect_at(problem, p.file, {26, 9});
    CHECK(contains(problem.message, "action id a1"));
    CHECK(contains(problem.message, "used twice"));
    CHECK(contains(problem.hint, "mentor log --done"));
  }

  TEST_CASE("an action id used twice within one session is an error too")
  {
    auto p = pairing();
    auto s1 = session(ymd(2026, 1, 5), 10);
    s1.actions = {action("a1", 13), action("a1", 16), action("", 19), action("", 22)};
    p.sessions = {s1};
    const auto problem = only(check(p));
    CHECK(problem.severity == Severity::error);
    expect_at(problem, p.file, {16, 9});
  }

  TEST_CASE("a session dated before the one above it: a warning at the later entry's `date:`")
  {
    auto p = pairing();
    p.sessions = {session(ymd(2026, 1, 5), 10), session(ymd(2026, 3, 2), 13), session(ymd(2026, 2, 2), 16),
                  session(ymd(2026, 3, 2), 19)};
    const auto problem = only(check(p));
    CHECK(problem.severity == Severity::warning);
    expect_at(problem, p.file, {16, 5});
    CHECK(contains(problem.message, "2026-02-02"));
    CHECK(contains(problem.message, "2026-03-02"));
    CHECK(contains(problem.hint, "oldest first"));
  }

  TEST_CASE("sessions on the same day are in order")
  {
    auto p = pairing();
    p.sessions = {session(ymd(2026, 1, 5), 10), session(ymd(2026, 1, 5), 13)};
    CHECK(check(p).empty());
  }

  TEST_CASE("a session before the pairing started: a warning at its `date:`")
  {
    auto p = pairing();
    p.sessions = {session(ymd(2026, 1, 4), 10), session(ymd(2026, 1, 5), 13)};
    const auto problem = only(check(p));
    CHECK(problem.severity == Severity::warning);
    expect_at(problem, p.file, {10, 5});
    CHECK(contains(problem.message, "before the pairing started"));
    CHECK(contains(problem.message, "2026-01-04"));
    CHECK(contains(problem.message, "2026-01-05"));
  }

  TEST_CASE("a session both out of order and before the start: two warnings at its `date:`")
  {
    auto p = pairing();
    p.sessions = {session(ymd(2026, 1, 5), 10), session(ymd(2025, 12, 1), 13)};
    const auto problems = check(p);
    INFO(describe(problems));
    REQUIRE(problems.size() == 2);
    for (const auto& problem : problems) {
      CHECK(problem.severity == Severity::warning);
      expect_at(problem, p.file, {13, 5});
    }
  }

  TEST_CASE("a session without a recorded `date:` position: the warning is at the entry")
  {
    auto p = pairing();
    auto late = session(ymd(2026, 1, 1), 10);
    late.at = core::Positions{};
    late.pos = {10, 3};
    p.sessions = {late};
    const auto problem = only(check(p));
    expect_at(problem, p.file, {10, 3});
  }

  TEST_CASE("an action done before it was agreed: a warning at its `done:`")
  {
    auto p = pairing();
    auto s1 = session(ymd(2026, 2, 2), 10);
    s1.actions = {action("a1", 13, ymd(2026, 2, 1)), action("a2", 17, ymd(2026, 2, 2))};
    p.sessions = {s1};
    const auto problem = only(check(p));
    CHECK(problem.severity == Severity::warning);
    expect_at(problem, p.file, {15, 9});
    CHECK(contains(problem.message, "action a1"));
    CHECK(contains(problem.message, "2026-02-01"));
    CHECK(contains(problem.message, "2026-02-02"));
    CHECK(contains(problem.message, "before it was agreed"));
  }

  TEST_CASE("a review entry that changes an unknown goal: an error at its `goals:`")
  {
    auto p = pairing();
    p.goals = {goal("g1", 10)};
    auto review = session(ymd(2026, 3, 2), 20);
    review.type = core::SessionType::review;
    review.goal_changes = {{"g1", core::GoalStatus::achieved}, {"g7", core::GoalStatus::dropped}};
    review.at.set("goals", {22, 5});
    p.sessions = {review};
    const auto problem = only(check(p));
    CHECK(problem.severity == Severity::error);
    expect_at(problem, p.file, {22, 5});
    CHECK(contains(problem.message, "goal g7"));
    CHECK(contains(problem.message, "does not exist"));
    CHECK(contains(problem.hint, "goals:"));
  }

  TEST_CASE("a review entry that changes a goal when the pairing has none: an error for each")
  {
    auto p = pairing();
    auto review = session(ymd(2026, 3, 2), 20);
    review.goal_changes = {{"g1", core::GoalStatus::achieved}, {"g2", core::GoalStatus::open}};
    review.at.set("goals", {22, 5});
    p.sessions = {review};
    const auto problems = check(p);
    INFO(describe(problems));
    REQUIRE(problems.size() == 2);
    CHECK(contains(problems[0].message, "goal g1"));
    CHECK(contains(problems[1].message, "goal g2"));
  }

  TEST_CASE("a date that could not be read (left at Date()) is not compared with others")
  {
    // build_pairing reports an unreadable or missing date and leaves it at
    // Date(); check must not add warnings about a 1970-01-01 nobody wrote.
    auto p = pairing();
    auto unknown = session(Date(), 13);
    unknown.actions = {action("a1", 16, ymd(2026, 1, 6))};
    p.sessions = {session(ymd(2026, 1, 5), 10), unknown, session(ymd(2026, 2, 2), 20)};
    {
      const auto problems = check(p);
      INFO(describe(problems));
      CHECK(problems.empty());
    }
    // The order of the sessions around it still counts.
    p.sessions = {session(ymd(2026, 2, 2), 10), unknown, session(ymd(2026, 1, 12), 20)};
    {
      const auto problem = only(check(p));
      CHECK(problem.severity == Severity::warning);
      expect_at(problem, p.file, {20, 5});
      CHECK(contains(problem.message, "2026-01-12"));
      CHECK(contains(problem.message, "2026-02-02"));
    }

    auto q = pairing();
    q.started = Date();
    q.until = ymd(2026, 6, 1);
    q.at.set("until", k_until);
    q.sessions = {session(ymd(2026, 1, 5), 10)};
    const auto problems = check(q);
    INFO(describe(problems));
    CHECK(problems.empty());
  }

  TEST_CASE("every problem says how to fix it: a hint each")
  {
    auto p = pairing("phil", "phil");  // the mentee is the mentor
    p.slug = "phil--zoe";               // and the file name does not match
    p.file = "pairings/phil--zoe.yaml";
    p.status = core::Status::ended;     // without `ended:`
    p.until = ymd(2025, 1, 1);          // before the start
    p.at.set("until", k_until);
    p.goals = {goal("g1", 10), goal("g1", 13)};
    auto s1 = session(ymd(2026, 3, 2), 20);
    s1.actions = {action("a1", 23, ymd(2026, 3, 1))};  // done before agreed
    auto s2 = session(ymd(2026, 1, 1), 30);            // out of order, before the start
    s2.actions = {action("a1", 33)};                   // duplicate action id
    s2.goal_changes = {{"g9", core::GoalStatus::achieved}};
    s2.at.set("goals", {36, 5});
    p.sessions = {s1, s2};
    auto q = pairing("ann", "bob");  // nobody
    q.status = core::Status::paused;
    q.ended = ymd(2025, 1, 1);  // before the start, and not ended
    q.at.set("ended", k_ended);
    const auto problems = check(records_with({q, p}, {"phil"}, "me"));
    INFO(describe(problems));
    CHECK(problems.size() == 15);
    for (const auto& problem : problems) {
      CAPTURE(problem.message);
      CHECK_FALSE(problem.hint.empty());
      CHECK_FALSE(problem.message.empty());
    }
  }

  TEST_CASE("problems from several files are all reported, each with its own file")
  {
    auto a = pairing("phil", "zoe");
    a.status = core::Status::ended;  // warning
    auto b = pairing("phil", "ann");  // ann missing: error
    b.until = ymd(2025, 1, 1);        // error
    b.at.set("until", k_until);
    auto c = pairing("zoe", "zoe");  // mentor == mentee: error
    const auto problems = check(records_with({b, a, c}, {"phil", "zoe"}, "nobody"));
    INFO(describe(problems));
    REQUIRE(problems.size() == 5);
    CHECK(problems[0].file == "mentor.yaml");
    CHECK(problems[1].file == "pairings/phil--ann.yaml");
    CHECK(problems[2].file == "pairings/phil--ann.yaml");
    CHECK(problems[3].file == "pairings/phil--zoe.yaml");
    CHECK(problems[4].file == "pairings/zoe--zoe.yaml");
    core::Problems collected;
    core::check_records(records_with({b, a, c}, {"phil", "zoe"}, "nobody"), collected);
    CHECK(collected.has_errors());
  }

  TEST_CASE("problems already collected are kept")
  {
    core::Problems problems;
    store::Problem earlier;
    earlier.file = "people/x.yaml";
    earlier.message = "earlier";
    problems.add(earlier);
    auto p = pairing();
    p.status = core::Status::ended;
    core::check_records(records_with({p}), problems);
    REQUIRE(problems.list().size() == 2);
    CHECK(problems.list()[0].message == "earlier");
    CHECK(problems.list()[1].severity == Severity::warning);
  }

  TEST_CASE("warnings alone are not errors")
  {
    auto p = pairing();
    p.status = core::Status::ended;
    core::Problems problems;
    core::check_records(records_with({p}), problems);
    CHECK(problems.list().size() == 1);
    CHECK_FALSE(problems.has_errors());
  }
}
