#include "mentor/core/report.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace mentor;
using core::GroupBy;
using core::Side;
using mentor::util::Date;
using mentor::util::Period;

namespace {

Date ymd(int y, int m, int d)
{
  return Date::from_ymd(y, m, d);
}

const Period k_october = util::month_of(2026, 10);  // 2026-10-01 to 2026-11-01

core::Person person(std::string slug, std::string name, std::string email = "", std::string pseudonym = "")
{
  core::Person p;
  p.slug = std::move(slug);
  p.name = std::move(name);
  p.email = std::move(email);
  p.pseudonym = std::move(pseudonym);
  return p;
}

core::Pairing pairing(std::string mentor, std::string mentee, Date started, core::Kind kind = core::Kind::coaching,
                      std::string slug = "")
{
  core::Pairing p;
  p.slug = slug.empty() ? mentor + "--" + mentee : std::move(slug);
  p.mentor = std::move(mentor);
  p.mentee = std::move(mentee);
  p.kind = kind;
  p.status = core::Status::active;
  p.started = started;
  return p;
}

core::Session session(Date date, std::optional<int> duration = std::nullopt,
                      core::SessionType type = core::SessionType::session)
{
  core::Session s;
  s.date = date;
  s.duration = duration;
  s.type = type;
  return s;
}

core::Session with_topics(core::Session s, std::vector<std::string> topics)
{
  s.topics = std::move(topics);
  return s;
}

core::Action action(std::string id, std::optional<Date> due = std::nullopt, std::optional<Date> done = std::nullopt)
{
  core::Action a;
  a.id = std::move(id);
  a.text = "Do " + a.id;
  a.due = due;
  a.done = done;
  return a;
}

// Records whose "me" is `me`, people and pairings sorted by slug as the
// loader leaves them (lookups are by binary search). Sessions default to 60m.
core::Records records_of(std::vector<core::Person> people, std::vector<core::Pairing> pairings,
                         std::string me = "me")
{
  core::Records records;
  records.config.me = std::move(me);
  records.config.default_duration = 60;
  std::sort(people.begin(), people.end(), [](const auto& a, const auto& b) { return a.slug < b.slug; });
  std::sort(pairings.begin(), pairings.end(), [](const auto& a, const auto& b) { return a.slug < b.slug; });
  records.people = std::move(people);
  records.pairings = std::move(pairings);
  return records;
}

core::Records records_of(std::vector<core::Pairing> pairings)
{
  return records_of({person("me", "Me Myself")}, std::move(pairings));
}

core::Report report_of(const core::Records& records, const Period& period = k_october, GroupBy by = GroupBy::pairing)
{
  const core::Names names(records, core::Redact::no);
  return core::build_report(records, period, by, names);
}

const core::SideReport* find_side(const core::Report& report, Side side)
{
  for (const auto& s : report.sides) {
    if (s.side == side) {
      return &s;
    }
  }
  return nullptr;
}

// The side, which must be there (a copy: reports are often temporaries here).
core::SideReport side_of(const core::Report& report, Side side = Side::gave)
{
  const auto* found = find_side(report, side);
  REQUIRE_MESSAGE(found != nullptr, "no side " << core::to_string(side));
  return *found;
}

std::vector<std::string> keys_of(const core::SideReport& side)
{
  std::vector<std::string> keys;
  for (const auto& row : side.rows) {
    keys.push_back(row.key);
  }
  return keys;
}

const core::Row* find_row(const core::SideReport& side, std::string_view key)
{
  for (const auto& row : side.rows) {
    if (row.key == key) {
      return &row;
    }
  }
  return nullptr;
}

const core::Row& row_of(const core::SideReport& side, std::string_view key)
{
  const auto* row = find_row(side, key);
  REQUIRE_MESSAGE(row != nullptr, "no row " << key);
  return *row;
}

core::IcfLog icf_of(const core::Records& records, const Period& period, Date today = ymd(2026, 11, 22),
                    core::Redact redact = core::Redact::no)
{
  const core::Names names(records, redact);
  return core::build_icf_log(records, period, today, names);
}

const Period k_all_time{ymd(2000, 1, 1), ymd(2100, 1, 1)};

bool is_code(const std::string& text)
{
  return text.size() == 5 && text.starts_with("P-") && std::all_of(text.begin() + 2, text.end(), [](char c) {
           return c >= '0' && c <= '9';
         });
}

} // namespace

TEST_SUITE("core::report")
{
  TEST_CASE("parse_group_by: the four groupings, exactly as spelled")
  {
    CHECK(core::parse_group_by("pairing") == GroupBy::pairing);
    CHECK(core::parse_group_by("person") == GroupBy::person);
    CHECK(core::parse_group_by("kind") == GroupBy::kind);
    CHECK(core::parse_group_by("month") == GroupBy::month);
    for (auto by : {GroupBy::pairing, GroupBy::person, GroupBy::kind, GroupBy::month}) {
      CHECK(core::parse_group_by(core::to_string(by)) == by);
    }
    CHECK_FALSE(core::parse_group_by(""));
    CHECK_FALSE(core::parse_group_by("week"));
    CHECK_FALSE(core::parse_group_by("people"));
    CHECK_FALSE(core::parse_group_by("pairings"));
    CHECK_FALSE(core::parse_group_by(" month"));
  }

  TEST_CASE("to_string names every side")
  {
    CHECK(core::to_string(Side::gave) == "gave");
    CHECK(core::to_string(Side::received) == "received");
    CHECK(core::to_string(Side::others) == "others");
  }

  TEST_CASE("sides: I am the mentor (gave), the mentee (received), or neither (others), kept apart")
  {
    auto gave = pairing("me", "zoe", ymd(2026, 1, 1));
    gave.sessions = {session(ymd(2026, 10, 5), 60), session(ymd(2026, 10, 12), 30)};
    auto received = pairing("ann", "me", ymd(2026, 1, 1), core::Kind::mentoring);
    received.sessions = {session(ymd(2026, 10, 7), 45)};
    auto others = pairing("bob", "cat", ymd(2026, 1, 1));
    others.sessions = {session(ymd(2026, 10, 8), 90), session(ymd(2026, 10, 9), 90), session(ymd(2026, 10, 10), 90)};
    const auto records = records_of({gave, received, others});
    const auto report = report_of(records);

    CHECK(report.period.from == k_october.from);
    CHECK(report.period.to == k_october.to);
    CHECK(report.by == GroupBy::pairing);
    CHECK_FALSE(report.redacted);
    REQUIRE(report.sides.size() == 3);
    CHECK(report.sides[0].side == Side::gave);
    CHECK(report.sides[1].side == Side::received);
    CHECK(report.sides[2].side == Side::others);

    const auto& g = side_of(report, Side::gave);
    CHECK(g.totals.sessions == 2);
    CHECK(g.totals.minutes == 90);
    CHECK(g.totals.people_seen == 1);
    CHECK(keys_of(g) == std::vector<std::string>{"me--zoe"});
    CHECK(g.rows[0].label == "zoe");  // no such person: the slug

    const auto& r = side_of(report, Side::received);
    CHECK(r.totals.sessions == 1);
    CHECK(r.totals.minutes == 45);
    CHECK(r.totals.people_seen == 1);
    CHECK(keys_of(r) == std::vector<std::string>{"ann--me"});
    CHECK(r.rows[0].label == "ann");  // the other person: my mentor
    CHECK(r.rows[0].kind == "mentoring");

    const auto& o = side_of(report, Side::others);
    CHECK(o.totals.sessions == 3);
    CHECK(o.totals.minutes == 270);
    CHECK(o.totals.people_seen == 1);
    CHECK(keys_of(o) == std::vector<std::string>{"bob--cat"});
    CHECK(o.rows[0].label == "bob and cat");
  }

  TEST_CASE("sides: only those with something in the period; an empty report has none")
  {
    auto gave = pairing("me", "zoe", ymd(2026, 1, 1));
    gave.sessions = {session(ymd(2026, 10, 5))};
    auto old_received = pairing("ann", "me", ymd(2020, 1, 1));
    old_received.status = core::Status::ended;
    old_received.ended = ymd(2020, 6, 1);
    old_received.sessions = {session(ymd(2020, 2, 1))};
    const auto records = records_of({gave, old_received});
    const auto report = report_of(records);
    REQUIRE(report.sides.size() == 1);
    CHECK(report.sides[0].side == Side::gave);

    CHECK(report_of(records_of({}, {})).sides.empty());
    CHECK(report_of(records, util::month_of(2019, 1)).sides.empty());
  }

  TEST_CASE("period: the first and the last day are in, the day after (`to`) and the day before are not")
  {
    auto p = pairing("me", "zoe", ymd(2026, 1, 1));
    p.sessions = {session(ymd(2026, 9, 30), 1), session(ymd(2026, 10, 1), 10), session(ymd(2026, 10, 31), 100),
                  session(ymd(2026, 11, 1), 1000)};
    const auto records = records_of({p});
    const auto& g = side_of(report_of(records));
    CHECK(g.totals.sessions == 2);
    CHECK(g.totals.minutes == 110);

    // A leap day in a year period; 31 December but not 1 January.
    auto q = pairing("me", "ann", ymd(2023, 1, 1));
    q.sessions = {session(ymd(2024, 2, 29), 60), session(ymd(2025, 12, 31), 45), session(ymd(2026, 1, 1), 30)};
    const auto more = records_of({q});
    CHECK(side_of(report_of(more, Period{ymd(2024, 1, 1), ymd(2025, 1, 1)})).totals.minutes == 60);
    const auto& eve = side_of(report_of(more, Period{ymd(2025, 12, 31), ymd(2026, 1, 1)}));
    CHECK(eve.totals.sessions == 1);
    CHECK(eve.totals.minutes == 45);
  }

  TEST_CASE("pairings active, started and ended in the period")
  {
    const auto all_of = [](const core::Records& records) { return side_of(report_of(records)).totals; };

    SUBCASE("running since before the period: active")
    {
      const auto t = all_of(records_of({pairing("me", "zoe", ymd(2025, 1, 1))}));
      CHECK(t.pairings_active == 1);
      CHECK(t.pairings_started == 0);
      CHECK(t.pairings_ended == 0);
    }
    SUBCASE("started on the first and on the last day: active and started")
    {
      const auto t = all_of(records_of({pairing("me", "zoe", ymd(2026, 10, 1)), pairing("me", "ann", ymd(2026, 10, 31))}));
      CHECK(t.pairings_active == 2);
      CHECK(t.pairings_started == 2);
    }
    SUBCASE("started on `to`: not in the period at all")
    {
      const auto records = records_of({pairing("me", "zoe", ymd(2026, 11, 1)), pairing("me", "ann", ymd(2026, 1, 1))});
      const auto t = all_of(records);
      CHECK(t.pairings_active == 1);
      CHECK(t.pairings_started == 0);
      CHECK(keys_of(side_of(report_of(records))) == std::vector<std::string>{"me--ann"});
    }
    SUBCASE("ended with `ended:` in the period, on its first day, and the day before it")
    {
      auto a = pairing("me", "a", ymd(2025, 1, 1));
      a.status = core::Status::ended;
      a.ended = ymd(2026, 10, 20);
      auto b = pairing("me", "b", ymd(2025, 1, 1));
      b.status = core::Status::ended;
      b.ended = ymd(2026, 10, 1);
      auto c = pairing("me", "c", ymd(2025, 1, 1));
      c.status = core::Status::ended;
      c.ended = ymd(2026, 9, 30);
      auto d = pairing("me", "d", ymd(2025, 1, 1));
      d.status = core::Status::ended;
      d.ended = ymd(2026, 11, 1);  // ended on `to`: active in October, ended in November
      const auto records = records_of({a, b, c, d});
      const auto t = all_of(records);
      CHECK(t.pairings_active == 3);
      CHECK(t.pairings_ended == 2);
      CHECK(keys_of(side_of(report_of(records))) == std::vector<std::string>{"me--a", "me--b", "me--d"});
    }
    SUBCASE("ended without `ended:`: it ended with its last entry (by date, reviews too)")
    {
      auto in = pairing("me", "in", ymd(2025, 1, 1));
      in.status = core::Status::ended;
      in.sessions = {session(ymd(2026, 10, 20)), session(ymd(2026, 9, 1))};  // not in date order
      auto review = pairing("me", "review", ymd(2025, 1, 1));
      review.status = core::Status::ended;
      review.sessions = {session(ymd(2026, 9, 1)), session(ymd(2026, 10, 3), std::nullopt, core::SessionType::review)};
      auto before = pairing("me", "before", ymd(2025, 1, 1));
      before.status = core::Status::ended;
      before.sessions = {session(ymd(2026, 9, 30))};
      auto never = pairing("me", "never", ymd(2026, 10, 12));  // no sessions: ended the day it started
      never.status = core::Status::ended;
      const auto records = records_of({in, review, before, never});
      const auto t = all_of(records);
      CHECK(t.pairings_active == 3);
      CHECK(t.pairings_started == 1);
      CHECK(t.pairings_ended == 3);
      CHECK(keys_of(side_of(report_of(records))) == std::vector<std::string>{"me--in", "me--never", "me--review"});
      // In September, the one that ended on 2026-09-30 ended then.
      const auto september = side_of(report_of(records, util::month_of(2026, 9))).totals;
      CHECK(september.pairings_ended == 1);
      CHECK(september.pairings_active == 3);
    }
  }

  TEST_CASE("a review recorded without a duration is no session and counts no time; one with a duration is")
  {
    auto p = pairing("me", "zoe", ymd(2026, 1, 1));
    auto quiet = with_topics(session(ymd(2026, 10, 5), std::nullopt, core::SessionType::review), {"hidden"});
    auto timed = with_topics(session(ymd(2026, 10, 6), 30, core::SessionType::review), {"shown"});
    p.sessions = {quiet, timed};
    auto only_review = pairing("me", "ann", ymd(2026, 1, 1));
    only_review.sessions = {session(ymd(2026, 10, 7), std::nullopt, core::SessionType::review)};
    const auto records = records_of({p, only_review});
    const auto& g = side_of(report_of(records));
    CHECK(g.totals.sessions == 1);
    CHECK(g.totals.minutes == 30);
    CHECK(g.totals.people_seen == 1);
    REQUIRE(g.topics.size() == 1);
    CHECK(g.topics[0].topic == "shown");
    CHECK(row_of(g, "me--ann").sessions == 0);
    CHECK(row_of(g, "me--ann").minutes == 0);
    CHECK(row_of(g, "me--zoe").sessions == 1);

    const auto& by_month = side_of(report_of(records, k_october, GroupBy::month));
    CHECK(row_of(by_month, "2026-10").sessions == 1);
    CHECK(row_of(by_month, "2026-10").minutes == 30);
  }

  TEST_CASE("durations: the session's own, else the pairing's, else mentor.yaml's")
  {
    auto p = pairing("me", "zoe", ymd(2026, 1, 1));
    p.duration = 45;
    p.sessions = {session(ymd(2026, 10, 5)), session(ymd(2026, 10, 6), 90)};
    auto q = pairing("me", "ann", ymd(2026, 1, 1));
    q.sessions = {session(ymd(2026, 10, 5))};
    const auto& g = side_of(report_of(records_of({p, q})));
    CHECK(row_of(g, "me--zoe").minutes == 135);
    CHECK(row_of(g, "me--ann").minutes == 60);
    CHECK(g.totals.minutes == 195);
  }

  TEST_CASE("goals achieved: changes to achieved recorded in the period")
  {
    auto p = pairing("me", "zoe", ymd(2026, 1, 1));
    auto before = session(ymd(2026, 9, 30), std::nullopt, core::SessionType::review);
    before.goal_changes = {{"g1", core::GoalStatus::achieved}};
    auto first = session(ymd(2026, 10, 1), std::nullopt, core::SessionType::review);
    first.goal_changes = {{"g2", core::GoalStatus::achieved}, {"g3", core::GoalStatus::dropped}};
    auto last = session(ymd(2026, 10, 31), 60);
    last.goal_changes = {{"g4", core::GoalStatus::achieved}, {"g5", core::GoalStatus::achieved}};
    auto after = session(ymd(2026, 11, 1), std::nullopt, core::SessionType::review);
    after.goal_changes = {{"g6", core::GoalStatus::achieved}};
    auto reopened = session(ymd(2026, 10, 15), std::nullopt, core::SessionType::review);
    reopened.goal_changes = {{"g7", core::GoalStatus::open}};
    p.sessions = {before, first, reopened, last, after};
    auto other = pairing("me", "ann", ymd(2026, 1, 1));
    auto theirs = session(ymd(2026, 10, 10));
    theirs.goal_changes = {{"g1", core::GoalStatus::achieved}};
    other.sessions = {theirs};
    auto received = pairing("ann", "me", ymd(2026, 1, 1));
    received.sessions = {theirs};
    const auto report = report_of(records_of({p, other, received}));
    CHECK(side_of(report, Side::gave).totals.goals_achieved == 4);
    CHECK(side_of(report, Side::received).totals.goals_achieved == 1);
  }

  TEST_CASE("actions: agreed and done in the period, open and overdue at its end")
  {
    auto p = pairing("me", "zoe", ymd(2026, 1, 1));
    auto earlier = session(ymd(2026, 9, 10));
    earlier.actions = {
        action("e1", ymd(2026, 9, 20), ymd(2026, 9, 25)),   // done before: nothing in October
        action("e2", ymd(2026, 9, 20), ymd(2026, 10, 2)),   // done in October
        action("e3", ymd(2026, 9, 20)),                     // still open, overdue
        action("e4", ymd(2026, 12, 1)),                     // still open, not yet due
        action("e5", ymd(2026, 9, 20), ymd(2026, 11, 1)),   // done on `to`: open at the end, overdue
    };
    auto during = session(ymd(2026, 10, 31));
    during.actions = {
        action("d1", ymd(2026, 10, 31)),                    // due on the last day: overdue at the end
        action("d2", ymd(2026, 11, 1)),                     // due on `to`: not overdue
        action("d3"),                                       // no due date: open, never overdue
        action("d4", std::nullopt, ymd(2026, 10, 31)),      // done the day it was agreed
    };
    auto later = session(ymd(2026, 11, 1));
    later.actions = {action("l1", ymd(2026, 10, 1))};       // agreed after the period: not counted at all
    p.sessions = {earlier, during, later};
    const auto t = side_of(report_of(records_of({p}))).totals;
    CHECK(t.actions_agreed == 4);
    CHECK(t.actions_done == 2);             // e2, d4
    CHECK(t.actions_open_at_end == 6);      // e3, e4, e5, d1, d2, d3
    CHECK(t.actions_overdue_at_end == 3);   // e3, e5, d1
  }

  TEST_CASE("actions of a review entry and of each side are counted on that side")
  {
    auto mine = pairing("me", "zoe", ymd(2026, 1, 1));
    auto review = session(ymd(2026, 10, 3), std::nullopt, core::SessionType::review);
    review.actions = {action("a1", ymd(2026, 10, 10))};
    mine.sessions = {review};
    auto theirs = pairing("bob", "cat", ymd(2026, 1, 1));
    auto s = session(ymd(2026, 10, 3));
    s.actions = {action("a1"), action("a2", std::nullopt, ymd(2026, 10, 4))};
    theirs.sessions = {s};
    const auto report = report_of(records_of({mine, theirs}));
    const auto g = side_of(report, Side::gave).totals;
    CHECK(g.actions_agreed == 1);
    CHECK(g.actions_open_at_end == 1);
    CHECK(g.actions_overdue_at_end == 1);
    const auto o = side_of(report, Side::others).totals;
    CHECK(o.actions_agreed == 2);
    CHECK(o.actions_done == 1);
    CHECK(o.actions_open_at_end == 1);
    CHECK(o.actions_overdue_at_end == 0);
    CHECK(find_side(report, Side::received) == nullptr);
  }

  TEST_CASE("people seen: distinct people met in the period, across pairings")
  {
    auto a = pairing("me", "zoe", ymd(2026, 1, 1), core::Kind::coaching, "me--zoe");
    a.sessions = {session(ymd(2026, 10, 1)), session(ymd(2026, 10, 8))};
    auto b = pairing("me", "zoe", ymd(2026, 1, 1), core::Kind::mentoring, "me--zoe-2");
    b.sessions = {session(ymd(2026, 10, 15))};
    auto c = pairing("me", "ann", ymd(2026, 1, 1));
    c.sessions = {session(ymd(2026, 10, 2))};
    auto quiet = pairing("me", "kim", ymd(2026, 1, 1));  // active, not met
    quiet.sessions = {session(ymd(2026, 9, 2))};
    // Between others: the mentees met.
    auto o1 = pairing("bob", "cat", ymd(2026, 1, 1));
    o1.sessions = {session(ymd(2026, 10, 2))};
    auto o2 = pairing("dan", "cat", ymd(2026, 1, 1));
    o2.sessions = {session(ymd(2026, 10, 2))};
    const auto report = report_of(records_of({a, b, c, quiet, o1, o2}));
    CHECK(side_of(report, Side::gave).totals.people_seen == 2);
    CHECK(side_of(report, Side::gave).totals.sessions == 4);
    CHECK(side_of(report, Side::gave).totals.pairings_active == 4);
    CHECK(side_of(report, Side::others).totals.people_seen == 1);
  }

  TEST_CASE("rows by pairing: every active pairing, with or without sessions, by key")
  {
    auto a = pairing("me", "zoe", ymd(2026, 1, 1));
    a.sessions = {session(ymd(2026, 10, 1), 60), session(ymd(2026, 10, 2), 30)};
    auto b = pairing("me", "ann", ymd(2026, 1, 1), core::Kind::mentoring);  // no session
    auto c = pairing("me", "kim", ymd(2026, 10, 20), core::Kind::shadowing);  // started in the period, no session
    auto gone = pairing("me", "old", ymd(2020, 1, 1));
    gone.status = core::Status::ended;
    gone.ended = ymd(2021, 1, 1);
    auto future = pairing("me", "new", ymd(2026, 12, 1));
    const auto records = records_of({person("me", "Me"), person("zoe", "Zoë Núñez"), person("ann", "Ann Bell")},
                                    {a, b, c, gone, future});
    const auto& g = side_of(report_of(records));
    CHECK(keys_of(g) == std::vector<std::string>{"me--ann", "me--kim", "me--zoe"});
    CHECK(row_of(g, "me--ann").label == "Ann Bell");
    CHECK(row_of(g, "me--ann").kind == "mentoring");
    CHECK(row_of(g, "me--ann").sessions == 0);
    CHECK(row_of(g, "me--kim").kind == "shadowing");
    CHECK(row_of(g, "me--kim").label == "kim");
    CHECK(row_of(g, "me--zoe").label == "Zoë Núñez");
    CHECK(row_of(g, "me--zoe").sessions == 2);
    CHECK(row_of(g, "me--zoe").minutes == 90);
  }

  TEST_CASE("rows by person: pairings with the same person merged, active ones without sessions listed")
  {
    auto a = pairing("me", "zoe", ymd(2026, 1, 1), core::Kind::coaching, "me--zoe");
    a.sessions = {session(ymd(2026, 10, 1), 60)};
    auto b = pairing("me", "zoe", ymd(2026, 1, 1), core::Kind::mentoring, "me--zoe-2");
    b.sessions = {session(ymd(2026, 10, 9), 45)};
    auto c = pairing("me", "ann", ymd(2026, 1, 1));
    auto r = pairing("kim", "me", ymd(2026, 1, 1));
    r.sessions = {session(ymd(2026, 10, 9), 30)};
    const auto records = records_of({person("me", "Me"), person("zoe", "Zoë Núñez"), person("ann", "Ann Bell")},
                                    {a, b, c, r});
    const auto report = report_of(records, k_october, GroupBy::person);
    CHECK(report.by == GroupBy::person);
    const auto& g = side_of(report, Side::gave);
    CHECK(keys_of(g) == std::vector<std::string>{"ann", "zoe"});
    CHECK(row_of(g, "zoe").label == "Zoë Núñez");
    CHECK(row_of(g, "zoe").sessions == 2);
    CHECK(row_of(g, "zoe").minutes == 105);
    CHECK(row_of(g, "zoe").kind.empty());
    CHECK(row_of(g, "ann").sessions == 0);
    const auto& rec = side_of(report, Side::received);
    CHECK(keys_of(rec) == std::vector<std::string>{"kim"});
  }

  TEST_CASE("rows by kind: sessions and time per kind, in key order")
  {
    auto a = pairing("me", "zoe", ymd(2026, 1, 1), core::Kind::mentoring);
    a.sessions = {session(ymd(2026, 10, 1), 60)};
    auto b = pairing("me", "ann", ymd(2026, 1, 1), core::Kind::coaching);
    b.sessions = {session(ymd(2026, 10, 1), 30), session(ymd(2026, 10, 2), 30)};
    auto c = pairing("me", "kim", ymd(2026, 1, 1), core::Kind::coaching);
    c.sessions = {session(ymd(2026, 10, 3), 15)};
    auto d = pairing("me", "sam", ymd(2026, 1, 1), core::Kind::supervision);  // active, no session
    const auto& g = side_of(report_of(records_of({a, b, c, d}), k_october, GroupBy::kind));
    CHECK(keys_of(g) == std::vector<std::string>{"coaching", "mentoring"});
    CHECK(row_of(g, "coaching").label == "coaching");
    CHECK(row_of(g, "coaching").sessions == 3);
    CHECK(row_of(g, "coaching").minutes == 75);
    CHECK(row_of(g, "mentoring").minutes == 60);
  }

  TEST_CASE("rows by month: every month of the period in time order, empty ones too")
  {
    auto p = pairing("me", "zoe", ymd(2025, 1, 1));
    p.sessions = {session(ymd(2026, 1, 31), 60), session(ymd(2025, 11, 3), 30), session(ymd(2026, 1, 1), 15),
                  session(ymd(2026, 3, 1), 999)};
    const auto records = records_of({p});
    const auto& g = side_of(report_of(records, Period{ymd(2025, 11, 1), ymd(2026, 3, 1)}, GroupBy::month));
    CHECK(keys_of(g) == std::vector<std::string>{"2025-11", "2025-12", "2026-01", "2026-02"});
    CHECK(row_of(g, "2025-11").minutes == 30);
    CHECK(row_of(g, "2025-12").sessions == 0);
    CHECK(row_of(g, "2025-12").label == "2025-12");
    CHECK(row_of(g, "2026-01").sessions == 2);
    CHECK(row_of(g, "2026-01").minutes == 75);
    CHECK(row_of(g, "2026-02").sessions == 0);

    // A period that starts and ends inside months lists the months it touches.
    const auto& part = side_of(report_of(records, Period{ymd(2025, 12, 31), ymd(2026, 1, 2)}, GroupBy::month));
    CHECK(keys_of(part) == std::vector<std::string>{"2025-12", "2026-01"});
    CHECK(row_of(part, "2026-01").minutes == 15);

    // An active pairing without sessions gives months but no pairing row.
    auto idle = pairing("me", "ann", ymd(2026, 1, 1));
    const auto& empty = side_of(report_of(records_of({idle}), util::month_of(2026, 10), GroupBy::month));
    CHECK(keys_of(empty) == std::vector<std::string>{"2026-10"});
  }

  TEST_CASE("topics: most discussed first, ties in the order first seen, at most 10")
  {
    auto a = pairing("me", "a", ymd(2026, 1, 1));  // pairings are visited in slug order: me--a first
    a.sessions = {with_topics(session(ymd(2026, 10, 20)), {"t01", "t02", "t03", "t04"}),
                  with_topics(session(ymd(2026, 9, 1)), {"old", "old", "old"}),  // before the period
                  with_topics(session(ymd(2026, 10, 21)), {"t05", "t06", "t07", "t08"})};
    auto b = pairing("me", "b", ymd(2026, 1, 1));
    b.sessions = {with_topics(session(ymd(2026, 10, 1)), {"t09", "t10", "t11", "t12", "t06"}),
                  with_topics(session(ymd(2026, 10, 2)), {"t12"})};
    auto theirs = pairing("bob", "cat", ymd(2026, 1, 1));
    theirs.sessions = {with_topics(session(ymd(2026, 10, 2)), {"t01"}), with_topics(session(ymd(2026, 10, 3)), {"t01"}),
                       with_topics(session(ymd(2026, 10, 4)), {"t01", "t13"})};
    const auto report = report_of(records_of({a, b, theirs}));
    const auto& g = side_of(report, Side::gave);
    REQUIRE(g.topics.size() == 10);
    std::vector<std::string> topics;
    for (const auto& t : g.topics) {
      topics.push_back(t.topic);
    }
    CHECK(topics == std::vector<std::string>{"t06", "t12", "t01", "t02", "t03", "t04", "t05", "t07", "t08", "t09"});
    CHECK(g.topics[0].count == 2);
    CHECK(g.topics[1].count == 2);
    CHECK(g.topics[2].count == 1);
    const auto& o = side_of(report, Side::others);
    REQUIRE(o.topics.size() == 2);
    CHECK(o.topics[0].topic == "t01");
    CHECK(o.topics[0].count == 3);
    CHECK(o.topics[1].topic == "t13");
  }

  TEST_CASE("redacted report: names and keys from the names, two pairings of the same two kept apart")
  {
    auto a = pairing("me", "zoe", ymd(2026, 1, 1), core::Kind::coaching, "me--zoe");
    a.sessions = {session(ymd(2026, 10, 1), 60)};
    auto b = pairing("me", "zoe", ymd(2026, 1, 1), core::Kind::mentoring, "me--zoe-2");
    auto o = pairing("bob", "cat", ymd(2026, 1, 1));
    o.sessions = {session(ymd(2026, 10, 1), 60)};
    const auto records = records_of({person("me", "Me Myself", "", "Coach"), person("zoe", "Zoë Núñez", "z@x", "C-1"),
                                     person("bob", "Bob Stone"), person("cat", "Cat Hale")},
                                    {a, b, o});
    const core::Names names(records, core::Redact::yes);
    const auto report = core::build_report(records, k_october, GroupBy::pairing, names);
    CHECK(report.redacted);
    const auto& g = side_of(report, Side::gave);
    CHECK(keys_of(g) == std::vector<std::string>{"Coach--C-1", "Coach--C-1-2"});
    CHECK(row_of(g, "Coach--C-1").sessions == 1);
    CHECK(row_of(g, "Coach--C-1").kind == "coaching");
    CHECK(row_of(g, "Coach--C-1-2").sessions == 0);
    CHECK(row_of(g, "Coach--C-1-2").kind == "mentoring");
    CHECK(row_of(g, "Coach--C-1-2").label == "C-1");
    const auto& others = side_of(report, Side::others);
    REQUIRE(others.rows.size() == 1);
    const auto& row = others.rows[0];
    CHECK(row.key == names("bob") + "--" + names("cat"));
    CHECK(row.label == names("bob") + " and " + names("cat"));
    CHECK(row.key.find("bob") == std::string::npos);
    CHECK(row.label.find("Bob") == std::string::npos);

    const auto by_person = core::build_report(records, k_october, GroupBy::person, names);
    CHECK(keys_of(side_of(by_person, Side::gave)) == std::vector<std::string>{"C-1"});
    CHECK(keys_of(side_of(by_person, Side::others)) == std::vector<std::string>{names("cat")});
  }

  // ---- ICF -------------------------------------------------------------------

  TEST_CASE("ICF: only coaching where I am the coach")
  {
    const auto s = session(ymd(2026, 10, 5), 60);
    auto coaching = pairing("me", "zoe", ymd(2026, 1, 1));
    coaching.sessions = {s};
    auto mentoring = pairing("me", "ann", ymd(2026, 1, 1), core::Kind::mentoring);
    mentoring.sessions = {s};
    auto supervision = pairing("me", "kim", ymd(2026, 1, 1), core::Kind::supervision);
    supervision.sessions = {s};
    auto peer = pairing("me", "pat", ymd(2026, 1, 1), core::Kind::peer);
    peer.sessions = {s};
    auto received = pairing("bea", "me", ymd(2026, 1, 1));  // coaching I received
    received.sessions = {s};
    auto others = pairing("bob", "cat", ymd(2026, 1, 1));  // coaching between others
    others.sessions = {s};
    const auto records = records_of({person("me", "Me"), person("zoe", "Zoë Núñez", "zoe@example.org")},
                                    {coaching, mentoring, supervision, peer, received, others});
    const auto log = icf_of(records, k_october);
    REQUIRE(log.rows.size() == 1);
    CHECK(log.rows[0].client == "Zoë Núñez");
    CHECK(log.rows[0].contact == "zoe@example.org");
    CHECK_FALSE(log.rows[0].group);
    CHECK(log.rows[0].number_in_group == 1);
    CHECK(log.total_minutes == 60);
    CHECK(log.clients == 1);
    CHECK(log.last_18_months_minutes == 60);
    CHECK(log.period.from == k_october.from);
    CHECK(log.period.to == k_october.to);
    CHECK_FALSE(log.redacted);
  }

  TEST_CASE("ICF: paid from the pairing, a session's `paid:` overrides it either way")
  {
    auto paid = pairing("me", "zoe", ymd(2026, 1, 1));
    paid.paid = true;
    auto free_one = session(ymd(2026, 10, 6), 30);
    free_one.paid = false;
    auto marked_paid = session(ymd(2026, 10, 7), 15);
    marked_paid.paid = true;
    paid.sessions = {session(ymd(2026, 10, 5), 60), free_one, marked_paid};
    auto pro_bono = pairing("me", "ann", ymd(2026, 1, 1));
    pro_bono.paid = false;
    auto paid_one = session(ymd(2026, 10, 9), 45);
    paid_one.paid = true;
    pro_bono.sessions = {session(ymd(2026, 10, 8), 90), paid_one};
    const auto records = records_of({person("me", "Me"), person("zoe", "Zoe"), person("ann", "Ann")}, {paid, pro_bono});
    const auto log = icf_of(records, k_october);
    REQUIRE(log.rows.size() == 2);
    const auto& z = log.rows[0];  // started first
    CHECK(z.client == "Zoe");
    CHECK(z.paid_minutes == 75);
    CHECK(z.pro_bono_minutes == 30);
    const auto& a = log.rows[1];
    CHECK(a.client == "Ann");
    CHECK(a.paid_minutes == 45);
    CHECK(a.pro_bono_minutes == 90);
    CHECK(log.total_minutes == 240);
    CHECK(log.paid_minutes == 120);
    CHECK(log.clients == 2);
  }

  TEST_CASE("ICF: `group: N` sessions are a Group row of their own with the number in the group")
  {
    auto p = pairing("me", "zoe", ymd(2026, 1, 1));
    auto g4a = session(ymd(2026, 10, 10), 120);
    g4a.group = 4;
    auto g4b = session(ymd(2026, 10, 20), 60);
    g4b.group = 4;
    auto g6 = session(ymd(2026, 10, 25), 90);
    g6.group = 6;
    auto g1 = session(ymd(2026, 10, 26), 15);
    g1.group = 1;  // a group of one is one-to-one
    p.sessions = {session(ymd(2026, 10, 2), 60), g4a, g4b, g6, g1};
    const auto log = icf_of(records_of({person("me", "Me"), person("zoe", "Zoe")}, {p}), k_october);
    REQUIRE(log.rows.size() == 3);
    CHECK_FALSE(log.rows[0].group);
    CHECK(log.rows[0].number_in_group == 1);
    CHECK(log.rows[0].start == ymd(2026, 10, 2));
    CHECK(log.rows[0].end == ymd(2026, 10, 26));
    CHECK(log.rows[0].paid_minutes == 75);
    CHECK(log.rows[1].group);
    CHECK(log.rows[1].number_in_group == 4);
    CHECK(log.rows[1].start == ymd(2026, 10, 10));
    CHECK(log.rows[1].end == ymd(2026, 10, 20));
    CHECK(log.rows[1].paid_minutes == 180);
    CHECK(log.rows[2].group);
    CHECK(log.rows[2].number_in_group == 6);
    CHECK(log.rows[2].paid_minutes == 90);
    CHECK(log.clients == 1);
    CHECK(log.total_minutes == 345);
  }

  TEST_CASE("ICF: one row per client across pairings; start and end within the period; by start")
  {
    auto first = pairing("me", "zoe", ymd(2025, 1, 1), core::Kind::coaching, "me--zoe");
    first.status = core::Status::ended;
    first.ended = ymd(2026, 10, 10);
    first.sessions = {session(ymd(2026, 9, 30), 60), session(ymd(2026, 10, 3), 60)};
    auto second = pairing("me", "zoe", ymd(2026, 10, 15), core::Kind::coaching, "me--zoe-2");
    second.paid = false;
    second.sessions = {session(ymd(2026, 10, 20), 30), session(ymd(2026, 11, 1), 60)};
    auto ann = pairing("me", "ann", ymd(2026, 1, 1));
    ann.sessions = {session(ymd(2026, 10, 3), 45), session(ymd(2026, 10, 31), 45)};
    auto review = session(ymd(2026, 10, 2), std::nullopt, core::SessionType::review);
    ann.sessions.push_back(review);  // no duration: not a session, not the start
    const auto records = records_of({person("me", "Me"), person("zoe", "Zoe"), person("ann", "Ann")}, {first, second, ann});
    const auto log = icf_of(records, k_october);
    REQUIRE(log.rows.size() == 2);
    // Same start day: by client.
    CHECK(log.rows[0].client == "Ann");
    CHECK(log.rows[0].start == ymd(2026, 10, 3));
    CHECK(log.rows[0].end == ymd(2026, 10, 31));
    CHECK(log.rows[0].paid_minutes == 90);
    CHECK(log.rows[1].client == "Zoe");
    CHECK(log.rows[1].start == ymd(2026, 10, 3));
    CHECK(log.rows[1].end == ymd(2026, 10, 20));
    CHECK(log.rows[1].paid_minutes == 60);
    CHECK(log.rows[1].pro_bono_minutes == 30);
    CHECK(log.clients == 2);
    CHECK(log.total_minutes == 180);
    CHECK(log.paid_minutes == 150);

    const auto all = icf_of(records, k_all_time);
    REQUIRE(all.rows.size() == 2);
    CHECK(all.rows[0].client == "Zoe");
    CHECK(all.rows[0].start == ymd(2026, 9, 30));
    CHECK(all.rows[0].end == ymd(2026, 11, 1));
    CHECK(all.rows[1].client == "Ann");

    CHECK(icf_of(records, util::month_of(2026, 12)).rows.empty());
    CHECK(icf_of(records, util::month_of(2026, 12)).clients == 0);
  }

  TEST_CASE("ICF: the last 18 months, up to today, whatever the period")
  {
    const Date today = ymd(2026, 11, 22);
    const Date edge = today.add_months(-18);
    REQUIRE(edge == ymd(2025, 5, 22));
    auto p = pairing("me", "zoe", ymd(2020, 1, 1));
    p.sessions = {session(edge.add_days(-1), 1), session(edge, 10), session(ymd(2026, 1, 1), 100),
                  session(today, 1000), session(today.add_days(1), 10000)};
    auto mentoring = pairing("me", "ann", ymd(2020, 1, 1), core::Kind::mentoring);
    mentoring.sessions = {session(ymd(2026, 1, 1), 100000)};
    const auto records = records_of({p, mentoring});
    CHECK(icf_of(records, k_all_time, today).last_18_months_minutes == 1110);
    CHECK(icf_of(records, util::month_of(2019, 1), today).last_18_months_minutes == 1110);
    CHECK(icf_of(records, util::month_of(2019, 1), today).rows.empty());

    // Month ends: 18 months before 2026-08-31 is 2025-02-28.
    const Date august = ymd(2026, 8, 31);
    auto q = pairing("me", "zoe", ymd(2020, 1, 1));
    q.sessions = {session(ymd(2025, 2, 27), 1), session(ymd(2025, 2, 28), 10)};
    CHECK(icf_of(records_of({q}), k_all_time, august).last_18_months_minutes == 10);
  }

  TEST_CASE("ICF redacted: pseudonym or code, no contact")
  {
    auto a = pairing("me", "zoe", ymd(2026, 1, 1));
    a.sessions = {session(ymd(2026, 10, 1), 60)};
    auto b = pairing("me", "ann", ymd(2026, 1, 1));
    b.sessions = {session(ymd(2026, 10, 2), 60)};
    const auto records = records_of(
        {person("me", "Me"), person("zoe", "Zoë Núñez", "zoe@example.org", "C-017"), person("ann", "Ann Bell", "ann@example.org")},
        {a, b});
    const auto log = icf_of(records, k_october, ymd(2026, 11, 22), core::Redact::yes);
    CHECK(log.redacted);
    REQUIRE(log.rows.size() == 2);
    CHECK(log.rows[0].client == "C-017");
    CHECK(log.rows[0].contact.empty());
    CHECK(is_code(log.rows[1].client));
    CHECK(log.rows[1].contact.empty());
  }

  // ---- Names -----------------------------------------------------------------

  TEST_CASE("Names: real names without redaction")
  {
    const auto records = records_of({person("zoe", "Zoë Núñez", "", "C-017"), person("nameless", "")}, {});
    const core::Names names(records, core::Redact::no);
    CHECK_FALSE(names.redacted());
    CHECK(names("zoe") == "Zoë Núñez");
    CHECK(names("nameless") == "nameless");
    CHECK(names("ghost") == "ghost");
  }

  TEST_CASE("Names redacted: the pseudonym when set, else a stable P-NNN code")
  {
    auto p = pairing("me", "ghost", ymd(2026, 1, 1));  // a pairing with someone who has no file
    const auto records = records_of({person("me", "Me Myself"), person("zoe", "Zoë Núñez", "", "C-017"),
                                     person("ann", "Ann Bell"), person("kim", "Kim Lee")},
                                    {p});
    const core::Names names(records, core::Redact::yes);
    CHECK(names.redacted());
    CHECK(names("zoe") == "C-017");
    for (const char* slug : {"me", "ann", "kim", "ghost"}) {
      CAPTURE(slug);
      CHECK(is_code(names(slug)));
    }
    std::set<std::string> codes{names("me"), names("ann"), names("kim"), names("ghost")};
    CHECK(codes.size() == 4);
    // The same in another Names over the same records.
    const core::Names again(records, core::Redact::yes);
    CHECK(again("ann") == names("ann"));
    CHECK(again("kim") == names("kim"));
  }

  TEST_CASE("Names redacted: a person's code does not depend on who else is in the records")
  {
    const std::vector<core::Person> base = {person("me", "Me Myself"), person("ann-bell", "Ann Bell"),
                                            person("kim-lee", "Kim Lee"), person("zoe-nunez", "Zoë Núñez")};
    auto one = base;
    one.push_back(person("aaron-abbot", "Aaron Abbot"));
    one.push_back(person("mo-said", "Mo Said"));
    auto two = base;
    for (int i = 0; i < 20; ++i) {
      two.push_back(person("extra-" + std::to_string(i), "Extra " + std::to_string(i)));
    }
    const auto small = records_of(base, {});
    const auto r1 = records_of(one, {});
    const auto r2 = records_of(two, {pairing("bob", "cat", ymd(2026, 1, 1))});
    const core::Names n0(small, core::Redact::yes);
    const core::Names n1(r1, core::Redact::yes);
    const core::Names n2(r2, core::Redact::yes);
    for (const char* slug : {"me", "ann-bell", "kim-lee", "zoe-nunez"}) {
      CAPTURE(slug);
      CHECK(is_code(n0(slug)));
      CHECK(n1(slug) == n0(slug));
      CHECK(n2(slug) == n0(slug));
    }
  }

  TEST_CASE("Names redacted: distinct codes for different people")
  {
    std::vector<core::Person> people;
    for (int i = 0; i < 200; ++i) {
      people.push_back(person("person-" + std::to_string(i), "Person " + std::to_string(i)));
    }
    const auto records = records_of(people, {});
    const core::Names names(records, core::Redact::yes);
    std::set<std::string> codes;
    for (const auto& p : records.people) {
      const auto code = names(p.slug);
      CAPTURE(p.slug);
      CHECK(is_code(code));
      codes.insert(code);
    }
    CHECK(codes.size() == records.people.size());
  }
}
