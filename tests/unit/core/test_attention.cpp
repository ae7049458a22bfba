#include "mentor/core/attention.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

using namespace mentor;
using core::Concern;
using mentor::util::Date;

namespace {

Date ymd(int y, int m, int d)
{
  return Date::from_ymd(y, m, d);
}

core::Records records_with(std::vector<core::Pairing> pairings, int default_cadence = 28)
{
  core::Records records;
  records.config.me = "phil";
  records.config.default_cadence = default_cadence;
  records.pairings = std::move(pairings);
  return records;
}

// An active mentoring pairing (mentoring: no six-monthly review is expected).
core::Pairing pairing(std::string slug, Date started, std::optional<int> cadence)
{
  core::Pairing p;
  p.slug = std::move(slug);
  p.mentor = "phil";
  p.mentee = "zoe";
  p.kind = core::Kind::mentoring;
  p.status = core::Status::active;
  p.started = started;
  p.cadence = cadence;
  return p;
}

core::Session session(Date date, core::SessionType type = core::SessionType::session,
                      std::optional<int> duration = std::nullopt)
{
  core::Session s;
  s.date = date;
  s.type = type;
  s.duration = duration;
  return s;
}

core::Action action(std::string id, std::string text, std::optional<Date> due = std::nullopt,
                    std::optional<Date> done = std::nullopt)
{
  core::Action a;
  a.id = std::move(id);
  a.text = std::move(text);
  a.due = due;
  a.done = done;
  return a;
}

core::Goal goal(std::string id, std::string title, std::optional<Date> due,
                core::GoalStatus status = core::GoalStatus::open)
{
  core::Goal g;
  g.id = std::move(id);
  g.title = std::move(title);
  g.due = due;
  g.status = status;
  return g;
}

std::vector<const core::AttentionItem*> of(const core::Attention& attention, Concern concern)
{
  std::vector<const core::AttentionItem*> out;
  for (const auto& item : attention.items) {
    if (item.concern == concern) {
      out.push_back(&item);
    }
  }
  return out;
}

} // namespace

TEST_SUITE("core::attention")
{
  TEST_CASE("to_string names every concern")
  {
    CHECK(core::to_string(Concern::session_overdue) == "session_overdue");
    CHECK(core::to_string(Concern::no_first_session) == "no_first_session");
    CHECK(core::to_string(Concern::action_overdue) == "action_overdue");
    CHECK(core::to_string(Concern::action_stale) == "action_stale");
    CHECK(core::to_string(Concern::goal_overdue) == "goal_overdue");
    CHECK(core::to_string(Concern::past_planned_end) == "past_planned_end");
    CHECK(core::to_string(Concern::no_review) == "no_review");
  }

  TEST_CASE("is_meeting: everything but a review without a duration")
  {
    CHECK(core::is_meeting(session(ymd(2026, 1, 1))));
    CHECK(core::is_meeting(session(ymd(2026, 1, 1), core::SessionType::session, 45)));
    CHECK(core::is_meeting(session(ymd(2026, 1, 1), core::SessionType::chemistry)));
    CHECK(core::is_meeting(session(ymd(2026, 1, 1), core::SessionType::closing)));
    CHECK_FALSE(core::is_meeting(session(ymd(2026, 1, 1), core::SessionType::review)));
    CHECK(core::is_meeting(session(ymd(2026, 1, 1), core::SessionType::review, 60)));
  }

  TEST_CASE("nag_interval: the cadence, or 28 days for none")
  {
    core::Config config;
    config.default_cadence = 21;
    CHECK(core::nag_interval(pairing("p", ymd(2026, 1, 1), 14), config) == 14);
    CHECK(core::nag_interval(pairing("p", ymd(2026, 1, 1), 0), config) == 28);
    CHECK(core::nag_interval(pairing("p", ymd(2026, 1, 1), std::nullopt), config) == 21);
    config.default_cadence = 0;
    CHECK(core::nag_interval(pairing("p", ymd(2026, 1, 1), std::nullopt), config) == 28);
  }

  TEST_CASE("session_overdue: due a cadence after the last session")
  {
    auto p = pairing("phil--zoe", ymd(2026, 1, 1), 14);
    p.sessions.push_back(session(ymd(2026, 1, 1)));
    const auto records = records_with({p});

    SUBCASE("due today is not late")
    {
      CHECK(core::attention(records, ymd(2026, 1, 15)).items.empty());
    }
    SUBCASE("one day past is one day late")
    {
      const auto a = core::attention(records, ymd(2026, 1, 16));
      REQUIRE(a.items.size() == 1);
      const auto& item = a.items[0];
      CHECK(item.concern == Concern::session_overdue);
      CHECK(item.pairing == &records.pairings[0]);
      CHECK(item.days_late == 1);
      CHECK(item.due == ymd(2026, 1, 15));
      CHECK(item.since == ymd(2026, 1, 1));
      CHECK(item.id.empty());
      CHECK(item.text.empty());
    }
    SUBCASE("counts on")
    {
      const auto a = core::attention(records, ymd(2026, 2, 14));
      REQUIRE(of(a, Concern::session_overdue).size() == 1);
      CHECK(of(a, Concern::session_overdue)[0]->days_late == 30);
    }
  }

  TEST_CASE("session_overdue: the cadence from mentor.yaml when the pairing has none")
  {
    auto p = pairing("phil--zoe", ymd(2026, 1, 1), std::nullopt);
    p.sessions.push_back(session(ymd(2026, 1, 1)));
    const auto records = records_with({p}, 21);
    CHECK(core::attention(records, ymd(2026, 1, 22)).items.empty());
    const auto a = core::attention(records, ymd(2026, 1, 23));
    REQUIRE(a.items.size() == 1);
    CHECK(a.items[0].concern == Concern::session_overdue);
    CHECK(a.items[0].due == ymd(2026, 1, 22));
    CHECK(a.items[0].days_late == 1);
  }

  TEST_CASE("cadence none never makes a session overdue")
  {
    SUBCASE("the pairing's own cadence")
    {
      auto p = pairing("phil--zoe", ymd(2020, 1, 1), 0);
      p.sessions.push_back(session(ymd(2020, 1, 1)));
      const auto a = core::attention(records_with({p}), ymd(2026, 1, 1));
      CHECK(a.items.empty());
      CHECK(a.coming_up.empty());
    }
    SUBCASE("mentor.yaml's default")
    {
      auto p = pairing("phil--zoe", ymd(2020, 1, 1), std::nullopt);
      p.sessions.push_back(session(ymd(2020, 1, 1)));
      const auto a = core::attention(records_with({p}, 0), ymd(2026, 1, 1));
      CHECK(a.items.empty());
      CHECK(a.coming_up.empty());
    }
  }

  TEST_CASE("no_first_session: a cadence after the start with no session")
  {
    SUBCASE("by the cadence")
    {
      const auto records = records_with({pairing("phil--zoe", ymd(2026, 1, 1), 14)});
      CHECK(core::attention(records, ymd(2026, 1, 15)).items.empty());
      const auto a = core::attention(records, ymd(2026, 1, 16));
      REQUIRE(a.items.size() == 1);
      CHECK(a.items[0].concern == Concern::no_first_session);
      CHECK(a.items[0].days_late == 1);
      CHECK(a.items[0].due == ymd(2026, 1, 15));
      CHECK(a.items[0].since == ymd(2026, 1, 1));
    }
    SUBCASE("28 days for cadence none")
    {
      const auto records = records_with({pairing("phil--zoe", ymd(2026, 1, 1), 0)});
      CHECK(core::attention(records, ymd(2026, 1, 29)).items.empty());
      const auto a = core::attention(records, ymd(2026, 1, 30));
      REQUIRE(a.items.size() == 1);
      CHECK(a.items[0].concern == Concern::no_first_session);
      CHECK(a.items[0].due == ymd(2026, 1, 29));
      CHECK(a.items[0].days_late == 1);
    }
    SUBCASE("a review without a duration is not a first session")
    {
      auto p = pairing("phil--zoe", ymd(2026, 1, 1), 14);
      p.sessions.push_back(session(ymd(2026, 1, 10), core::SessionType::review));
      const auto a = core::attention(records_with({p}), ymd(2026, 1, 16));
      REQUIRE(a.items.size() == 1);
      CHECK(a.items[0].concern == Concern::no_first_session);
    }
    SUBCASE("any session stops it")
    {
      auto p = pairing("phil--zoe", ymd(2026, 1, 1), 14);
      p.sessions.push_back(session(ymd(2026, 1, 10), core::SessionType::chemistry));
      CHECK(of(core::attention(records_with({p}), ymd(2026, 1, 16)), Concern::no_first_session).empty());
    }
  }

  TEST_CASE("action_overdue: an open action past its due date")
  {
    auto p = pairing("phil--zoe", ymd(2026, 1, 1), 0);
    auto s = session(ymd(2026, 1, 3));
    s.actions.push_back(action("a1", "Draft an agenda", ymd(2026, 1, 10)));
    s.actions.push_back(action("a2", "Done already", ymd(2026, 1, 5), ymd(2026, 1, 6)));
    p.sessions.push_back(s);
    const auto records = records_with({p});

    CHECK(of(core::attention(records, ymd(2026, 1, 10)), Concern::action_overdue).empty());
    const auto a = core::attention(records, ymd(2026, 1, 11));
    const auto items = of(a, Concern::action_overdue);
    REQUIRE(items.size() == 1);
    CHECK(items[0]->days_late == 1);
    CHECK(items[0]->due == ymd(2026, 1, 10));
    CHECK(items[0]->since == ymd(2026, 1, 3));
    CHECK(items[0]->id == "a1");
    CHECK(items[0]->text == "Draft an agenda");
    // An action with a due date is never "stale", however long it is open.
    CHECK(of(core::attention(records, ymd(2026, 6, 1)), Concern::action_stale).empty());
  }

  TEST_CASE("action_stale: an open action with no due date, open longer than the cadence")
  {
    SUBCASE("interval = the cadence")
    {
      auto p = pairing("phil--zoe", ymd(2026, 1, 1), 14);
      auto s = session(ymd(2026, 1, 3));
      s.actions.push_back(action("a1", "Read the book"));
      s.actions.push_back(action("a2", "Closed", std::nullopt, ymd(2026, 1, 4)));
      p.sessions.push_back(s);
      // A later session keeps the cadence happy.
      p.sessions.push_back(session(ymd(2026, 1, 16)));
      const auto records = records_with({p});
      CHECK(core::attention(records, ymd(2026, 1, 17)).items.empty());
      const auto a = core::attention(records, ymd(2026, 1, 18));
      REQUIRE(a.items.size() == 1);
      CHECK(a.items[0].concern == Concern::action_stale);
      CHECK(a.items[0].days_late == 1);
      CHECK(a.items[0].due == ymd(2026, 1, 17));
      CHECK(a.items[0].since == ymd(2026, 1, 3));
      CHECK(a.items[0].id == "a1");
      CHECK(a.items[0].text == "Read the book");
    }
    SUBCASE("interval = 28 days for cadence none")
    {
      auto p = pairing("phil--zoe", ymd(2026, 1, 1), 0);
      auto s = session(ymd(2026, 1, 3));
      s.actions.push_back(action("a1", "Read the book"));
      p.sessions.push_back(s);
      const auto records = records_with({p});
      CHECK(core::attention(records, ymd(2026, 1, 31)).items.empty());
      const auto a = core::attention(records, ymd(2026, 2, 1));
      REQUIRE(a.items.size() == 1);
      CHECK(a.items[0].concern == Concern::action_stale);
      CHECK(a.items[0].due == ymd(2026, 1, 31));
      CHECK(a.items[0].days_late == 1);
    }
  }

  TEST_CASE("goal_overdue: only open goals past their due date")
  {
    auto p = pairing("phil--zoe", ymd(2026, 1, 1), 0);
    p.sessions.push_back(session(ymd(2026, 3, 1)));
    p.goals.push_back(goal("g1", "Chair meetings", ymd(2026, 3, 1)));
    p.goals.push_back(goal("g2", "Achieved", ymd(2026, 2, 1), core::GoalStatus::achieved));
    p.goals.push_back(goal("g3", "Dropped", ymd(2026, 2, 1), core::GoalStatus::dropped));
    p.goals.push_back(goal("g4", "No due date", std::nullopt));
    const auto records = records_with({p});

    CHECK(core::attention(records, ymd(2026, 3, 1)).items.empty());
    const auto a = core::attention(records, ymd(2026, 3, 2));
    REQUIRE(a.items.size() == 1);
    CHECK(a.items[0].concern == Concern::goal_overdue);
    CHECK(a.items[0].days_late == 1);
    CHECK(a.items[0].due == ymd(2026, 3, 1));
    CHECK(a.items[0].since == ymd(2026, 1, 1));
    CHECK(a.items[0].id == "g1");
    CHECK(a.items[0].text == "Chair meetings");
  }

  TEST_CASE("past_planned_end: active after `until`")
  {
    auto p = pairing("phil--zoe", ymd(2026, 1, 1), 0);
    p.sessions.push_back(session(ymd(2026, 3, 1)));
    p.until = ymd(2026, 3, 31);
    const auto records = records_with({p});
    CHECK(core::attention(records, ymd(2026, 3, 31)).items.empty());
    const auto a = core::attention(records, ymd(2026, 4, 1));
    REQUIRE(a.items.size() == 1);
    CHECK(a.items[0].concern == Concern::past_planned_end);
    CHECK(a.items[0].days_late == 1);
    CHECK(a.items[0].due == ymd(2026, 3, 31));
    CHECK(a.items[0].since == ymd(2026, 1, 1));
  }

  TEST_CASE("no_review: coaching for six calendar months without a review")
  {
    auto p = pairing("phil--zoe", ymd(2026, 1, 15), 0);
    p.kind = core::Kind::coaching;
    p.sessions.push_back(session(ymd(2026, 7, 1)));

    SUBCASE("due six months after the start")
    {
      const auto records = records_with({p});
      CHECK(core::attention(records, ymd(2026, 7, 15)).items.empty());
      const auto a = core::attention(records, ymd(2026, 7, 16));
      REQUIRE(a.items.size() == 1);
      CHECK(a.items[0].concern == Concern::no_review);
      CHECK(a.items[0].days_late == 1);
      CHECK(a.items[0].due == ymd(2026, 7, 15));
      CHECK(a.items[0].since == ymd(2026, 1, 15));
    }
    SUBCASE("clamped to the end of a shorter month")
    {
      p.started = ymd(2025, 8, 31);
      const auto records = records_with({p});
      CHECK(core::attention(records, ymd(2026, 2, 28)).items.empty());
      const auto a = core::attention(records, ymd(2026, 3, 1));
      REQUIRE(a.items.size() == 1);
      CHECK(a.items[0].concern == Concern::no_review);
      CHECK(a.items[0].due == ymd(2026, 2, 28));
      CHECK(a.items[0].days_late == 1);
    }
    SUBCASE("a review without a duration satisfies it")
    {
      p.sessions.push_back(session(ymd(2026, 7, 2), core::SessionType::review));
      CHECK(core::attention(records_with({p}), ymd(2026, 8, 1)).items.empty());
    }
    SUBCASE("a review with a duration satisfies it")
    {
      p.sessions.push_back(session(ymd(2026, 2, 2), core::SessionType::review, 60));
      CHECK(core::attention(records_with({p}), ymd(2026, 8, 1)).items.empty());
    }
    SUBCASE("a review long ago still satisfies it")
    {
      p.sessions.insert(p.sessions.begin(), session(ymd(2026, 1, 20), core::SessionType::review));
      CHECK(core::attention(records_with({p}), ymd(2027, 8, 1)).items.empty());
    }
    SUBCASE("only coaching")
    {
      for (auto kind : {core::Kind::mentoring, core::Kind::peer, core::Kind::shadowing, core::Kind::supervision}) {
        p.kind = kind;
        CAPTURE(core::to_string(kind));
        CHECK(core::attention(records_with({p}), ymd(2027, 8, 1)).items.empty());
      }
    }
  }

  TEST_CASE("paused and ended pairings never appear")
  {
    auto p = pairing("phil--zoe", ymd(2020, 1, 1), 7);
    p.kind = core::Kind::coaching;
    p.until = ymd(2020, 6, 1);
    auto s = session(ymd(2020, 1, 2));
    s.actions.push_back(action("a1", "late", ymd(2020, 1, 3)));
    s.actions.push_back(action("a2", "stale"));
    p.sessions.push_back(s);
    p.goals.push_back(goal("g1", "late", ymd(2020, 2, 1)));
    const Date today = ymd(2026, 1, 1);
    // The same pairing, active, needs attention on every count...
    REQUIRE(core::attention(records_with({p}), today).items.size() == 6);

    for (auto status : {core::Status::paused, core::Status::ended}) {
      CAPTURE(core::to_string(status));
      p.status = status;
      const auto a = core::attention(records_with({p}), today);
      CHECK(a.items.empty());
      CHECK(a.coming_up.empty());
    }
    SUBCASE("nor in coming up")
    {
      auto soon = pairing("phil--zoe", ymd(2026, 1, 1), 7);
      soon.sessions.push_back(session(ymd(2026, 1, 1)));
      REQUIRE(core::attention(records_with({soon}), ymd(2026, 1, 3)).coming_up.size() == 1);
      soon.status = core::Status::paused;
      CHECK(core::attention(records_with({soon}), ymd(2026, 1, 3)).coming_up.empty());
    }
  }

  TEST_CASE("a review without a duration does not reset the cadence, one with a duration does")
  {
    auto p = pairing("phil--zoe", ymd(2026, 1, 1), 14);
    p.sessions.push_back(session(ymd(2026, 1, 1)));

    SUBCASE("without a duration")
    {
      p.sessions.push_back(session(ymd(2026, 1, 10), core::SessionType::review));
      const auto a = core::attention(records_with({p}), ymd(2026, 1, 16));
      REQUIRE(a.items.size() == 1);
      CHECK(a.items[0].concern == Concern::session_overdue);
      CHECK(a.items[0].since == ymd(2026, 1, 1));
      CHECK(a.items[0].due == ymd(2026, 1, 15));
    }
    SUBCASE("with a duration")
    {
      p.sessions.push_back(session(ymd(2026, 1, 10), core::SessionType::review, 30));
      const auto records = records_with({p});
      CHECK(core::attention(records, ymd(2026, 1, 24)).items.empty());
      const auto a = core::attention(records, ymd(2026, 1, 25));
      REQUIRE(a.items.size() == 1);
      CHECK(a.items[0].concern == Concern::session_overdue);
      CHECK(a.items[0].since == ymd(2026, 1, 10));
      CHECK(a.items[0].due == ymd(2026, 1, 24));
    }
  }

  TEST_CASE("the latest meeting by date counts, whatever the order in the file")
  {
    auto p = pairing("phil--zoe", ymd(2026, 1, 1), 14);
    p.sessions.push_back(session(ymd(2026, 1, 20)));
    p.sessions.push_back(session(ymd(2026, 1, 5)));  // logged late
    const auto records = records_with({p});
    CHECK(core::attention(records, ymd(2026, 2, 3)).items.empty());
    const auto a = core::attention(records, ymd(2026, 2, 4));
    REQUIRE(a.items.size() == 1);
    CHECK(a.items[0].concern == Concern::session_overdue);
    CHECK(a.items[0].since == ymd(2026, 1, 20));
    CHECK(a.items[0].due == ymd(2026, 2, 3));
  }

  TEST_CASE("coming up: sessions due within the next 0 to 7 days, soonest first")
  {
    auto p = pairing("phil--zoe", ymd(2026, 1, 1), 14);
    p.sessions.push_back(session(ymd(2026, 1, 1)));  // next due 2026-01-15
    const auto records = records_with({p});

    SUBCASE("8 days ahead is not yet")
    {
      CHECK(core::attention(records, ymd(2026, 1, 7)).coming_up.empty());
    }
    SUBCASE("7 days ahead")
    {
      const auto a = core::attention(records, ymd(2026, 1, 8));
      REQUIRE(a.coming_up.size() == 1);
      CHECK(a.coming_up[0].pairing == &records.pairings[0]);
      CHECK(a.coming_up[0].due == ymd(2026, 1, 15));
      CHECK(a.coming_up[0].in_days == 7);
    }
    SUBCASE("due today")
    {
      const auto a = core::attention(records, ymd(2026, 1, 15));
      REQUIRE(a.coming_up.size() == 1);
      CHECK(a.coming_up[0].in_days == 0);
      CHECK(a.items.empty());
    }
    SUBCASE("a day late is overdue, no longer coming up")
    {
      const auto a = core::attention(records, ymd(2026, 1, 16));
      CHECK(a.coming_up.empty());
      CHECK(a.items.size() == 1);
    }
    SUBCASE("a first session is coming up too")
    {
      const auto fresh = records_with({pairing("phil--new", ymd(2026, 1, 1), 0)});
      const auto a = core::attention(fresh, ymd(2026, 1, 25));
      REQUIRE(a.coming_up.size() == 1);
      CHECK(a.coming_up[0].due == ymd(2026, 1, 29));
      CHECK(a.coming_up[0].in_days == 4);
    }
    SUBCASE("sorted by due date, then slug")
    {
      auto a1 = pairing("aaa", ymd(2026, 1, 1), 7);
      a1.sessions.push_back(session(ymd(2026, 1, 6)));  // due 01-13
      auto b1 = pairing("bbb", ymd(2026, 1, 1), 7);
      b1.sessions.push_back(session(ymd(2026, 1, 3)));  // due 01-10
      auto c1 = pairing("ccc", ymd(2026, 1, 1), 7);
      c1.sessions.push_back(session(ymd(2026, 1, 6)));  // due 01-13
      const auto many = records_with({c1, a1, b1});
      const auto a = core::attention(many, ymd(2026, 1, 9));
      REQUIRE(a.coming_up.size() == 3);
      CHECK(a.coming_up[0].pairing->slug == "bbb");
      CHECK(a.coming_up[0].in_days == 1);
      CHECK(a.coming_up[1].pairing->slug == "aaa");
      CHECK(a.coming_up[1].in_days == 4);
      CHECK(a.coming_up[2].pairing->slug == "ccc");
    }
  }

  TEST_CASE("items: most days late first, then by pairing slug, then by concern")
  {
    const Date today = ymd(2026, 3, 1);
    // "bbb": session 5 days overdue (due 02-24), goal 5 days overdue, action 2 days.
    auto b = pairing("bbb", ymd(2026, 1, 1), 14);
    auto bs = session(ymd(2026, 2, 10));
    bs.actions.push_back(action("a1", "two days", ymd(2026, 2, 27)));
    b.sessions.push_back(bs);
    b.goals.push_back(goal("g1", "five days", ymd(2026, 2, 24)));
    // "aaa": an action 5 days overdue.
    auto a = pairing("aaa", ymd(2026, 1, 1), 0);
    auto as = session(ymd(2026, 2, 20));
    as.actions.push_back(action("a1", "five days", ymd(2026, 2, 24)));
    a.sessions.push_back(as);
    // "ccc": planned end 10 days ago.
    auto c = pairing("ccc", ymd(2026, 1, 1), 0);
    c.sessions.push_back(session(ymd(2026, 2, 25)));
    c.until = ymd(2026, 2, 19);

    const auto records = records_with({b, c, a});
    const auto result = core::attention(records, today);
    REQUIRE(result.items.size() == 5);
    CHECK(result.items[0].pairing->slug == "ccc");
    CHECK(result.items[0].concern == Concern::past_planned_end);
    CHECK(result.items[0].days_late == 10);
    CHECK(result.items[1].pairing->slug == "aaa");
    CHECK(result.items[1].concern == Concern::action_overdue);
    CHECK(result.items[1].days_late == 5);
    CHECK(result.items[2].pairing->slug == "bbb");
    CHECK(result.items[2].concern == Concern::session_overdue);
    CHECK(result.items[2].days_late == 5);
    CHECK(result.items[3].pairing->slug == "bbb");
    CHECK(result.items[3].concern == Concern::goal_overdue);
    CHECK(result.items[3].days_late == 5);
    CHECK(result.items[4].pairing->slug == "bbb");
    CHECK(result.items[4].concern == Concern::action_overdue);
    CHECK(result.items[4].days_late == 2);
  }

  TEST_CASE("nothing at all")
  {
    const auto a = core::attention(records_with({}), ymd(2026, 1, 1));
    CHECK(a.items.empty());
    CHECK(a.coming_up.empty());
  }
}
