#include "mentor/core/brief.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

using namespace mentor;
using mentor::util::Date;

namespace {

Date ymd(int y, int m, int d)
{
  return Date::from_ymd(y, m, d);
}

core::Records records_with(core::Pairing pairing, std::string me = "phil")
{
  core::Records records;
  records.config.me = std::move(me);
  records.config.default_cadence = 28;
  records.config.default_duration = 60;
  records.pairings.push_back(std::move(pairing));
  return records;
}

core::Pairing pairing(std::optional<int> cadence = 14)
{
  core::Pairing p;
  p.slug = "phil--zoe";
  p.mentor = "phil";
  p.mentee = "zoe";
  p.kind = core::Kind::coaching;
  p.status = core::Status::active;
  p.started = ymd(2026, 1, 1);
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

core::Action action(std::string id, std::optional<Date> due = std::nullopt, std::optional<Date> done = std::nullopt)
{
  core::Action a;
  a.id = std::move(id);
  a.text = "do " + a.id;
  a.due = due;
  a.done = done;
  return a;
}

const Date k_today = ymd(2026, 3, 1);

} // namespace

TEST_SUITE("core::brief")
{
  TEST_CASE("the other person, from my side")
  {
    auto p = pairing();
    SUBCASE("I am the mentor: the mentee")
    {
      const auto records = records_with(p, "phil");
      CHECK(core::brief(records, records.pairings[0], k_today).other == "zoe");
    }
    SUBCASE("I am the mentee: the mentor")
    {
      const auto records = records_with(p, "zoe");
      CHECK(core::brief(records, records.pairings[0], k_today).other == "phil");
    }
    SUBCASE("I am in neither role: the mentee")
    {
      const auto records = records_with(p, "someone-else");
      CHECK(core::brief(records, records.pairings[0], k_today).other == "zoe");
    }
  }

  TEST_CASE("the pairing and its cadence")
  {
    SUBCASE("its own")
    {
      const auto records = records_with(pairing(14));
      const auto b = core::brief(records, records.pairings[0], k_today);
      CHECK(b.pairing == &records.pairings[0]);
      CHECK(b.cadence == 14);
    }
    SUBCASE("mentor.yaml's")
    {
      const auto records = records_with(pairing(std::nullopt));
      CHECK(core::brief(records, records.pairings[0], k_today).cadence == 28);
    }
  }

  TEST_CASE("meetings and minutes: a review without a duration counts for neither")
  {
    auto p = pairing();
    p.duration = 50;
    p.sessions.push_back(session(ymd(2026, 1, 5)));                                 // 50 (the pairing's)
    p.sessions.push_back(session(ymd(2026, 1, 19), core::SessionType::session, 90)); // 90
    p.sessions.push_back(session(ymd(2026, 1, 25), core::SessionType::review));      // 0, no meeting
    p.sessions.push_back(session(ymd(2026, 2, 2), core::SessionType::review, 30));   // 30
    p.sessions.push_back(session(ymd(2026, 2, 9), core::SessionType::chemistry));    // 50
    const auto records = records_with(p);
    const auto b = core::brief(records, records.pairings[0], k_today);
    CHECK(b.meetings == 4);
    CHECK(b.minutes == 50 + 90 + 0 + 30 + 50);
    CHECK(b.last_meeting == ymd(2026, 2, 9));
    REQUIRE(b.average_gap_days);
    CHECK(*b.average_gap_days == doctest::Approx(35.0 / 3.0));
    CHECK(b.next_due == ymd(2026, 2, 23));
  }

  TEST_CASE("minutes fall back to mentor.yaml's duration")
  {
    auto p = pairing();
    p.sessions.push_back(session(ymd(2026, 1, 5)));
    const auto records = records_with(p);
    CHECK(core::brief(records, records.pairings[0], k_today).minutes == 60);
  }

  TEST_CASE("average gap between meetings")
  {
    auto p = pairing();
    SUBCASE("none without meetings")
    {
      const auto records = records_with(p);
      const auto b = core::brief(records, records.pairings[0], k_today);
      CHECK_FALSE(b.average_gap_days);
      CHECK(b.meetings == 0);
      CHECK(b.minutes == 0);
      CHECK_FALSE(b.last_meeting);
    }
    SUBCASE("none with one meeting")
    {
      p.sessions.push_back(session(ymd(2026, 1, 5)));
      p.sessions.push_back(session(ymd(2026, 1, 20), core::SessionType::review));
      const auto records = records_with(p);
      const auto b = core::brief(records, records.pairings[0], k_today);
      CHECK_FALSE(b.average_gap_days);
      CHECK(b.meetings == 1);
      CHECK(b.last_meeting == ymd(2026, 1, 5));
    }
    SUBCASE("first to last over the gaps, whatever the order in the file")
    {
      p.sessions.push_back(session(ymd(2026, 2, 5)));
      p.sessions.push_back(session(ymd(2026, 1, 1)));
      p.sessions.push_back(session(ymd(2026, 1, 15)));
      const auto records = records_with(p);
      const auto b = core::brief(records, records.pairings[0], k_today);
      REQUIRE(b.average_gap_days);
      CHECK(*b.average_gap_days == doctest::Approx(17.5));
      CHECK(b.last_meeting == ymd(2026, 2, 5));
      CHECK(b.next_due == ymd(2026, 2, 19));
    }
  }

  TEST_CASE("next due")
  {
    SUBCASE("the cadence after the last meeting")
    {
      auto p = pairing(7);
      p.sessions.push_back(session(ymd(2026, 2, 20)));
      p.sessions.push_back(session(ymd(2026, 2, 25), core::SessionType::review));
      const auto records = records_with(p);
      CHECK(core::brief(records, records.pairings[0], k_today).next_due == ymd(2026, 2, 27));
    }
    SUBCASE("none for cadence none")
    {
      auto p = pairing(0);
      p.sessions.push_back(session(ymd(2026, 2, 20)));
      const auto records = records_with(p);
      const auto b = core::brief(records, records.pairings[0], k_today);
      CHECK_FALSE(b.next_due);
      CHECK(b.cadence == 0);
    }
    SUBCASE("no sessions yet: the first is due a cadence after the start")
    {
      const auto records = records_with(pairing(14));
      CHECK(core::brief(records, records.pairings[0], k_today).next_due == ymd(2026, 1, 15));
    }
    SUBCASE("no sessions yet and cadence none: 28 days after the start")
    {
      const auto records = records_with(pairing(0));
      CHECK(core::brief(records, records.pairings[0], k_today).next_due == ymd(2026, 1, 29));
    }
    SUBCASE("no sessions yet, paused: nothing due")
    {
      auto p = pairing(14);
      p.status = core::Status::paused;
      const auto records = records_with(p);
      CHECK_FALSE(core::brief(records, records.pairings[0], k_today).next_due);
    }
  }

  TEST_CASE("open actions, oldest first")
  {
    auto p = pairing();
    auto later = session(ymd(2026, 2, 10));
    later.actions.push_back(action("a3", ymd(2026, 2, 28)));  // 1 day late
    later.actions.push_back(action("a4", ymd(2026, 3, 1)));   // due today: not late
    later.actions.push_back(action("a5", std::nullopt, ymd(2026, 2, 20)));
    p.sessions.push_back(later);
    auto earlier = session(ymd(2026, 1, 20));  // logged after the later one
    earlier.actions.push_back(action("a1"));
    earlier.actions.push_back(action("a2", ymd(2026, 3, 10)));
    p.sessions.push_back(earlier);
    const auto records = records_with(p);
    const auto b = core::brief(records, records.pairings[0], k_today);

    REQUIRE(b.open_actions.size() == 4);
    CHECK(b.open_actions[0].action->id == "a1");
    CHECK(b.open_actions[0].agreed == ymd(2026, 1, 20));
    CHECK(b.open_actions[0].age_days == 40);
    CHECK_FALSE(b.open_actions[0].days_late);
    CHECK(b.open_actions[1].action->id == "a2");
    CHECK_FALSE(b.open_actions[1].days_late);
    CHECK(b.open_actions[2].action->id == "a3");
    CHECK(b.open_actions[2].agreed == ymd(2026, 2, 10));
    CHECK(b.open_actions[2].age_days == 19);
    CHECK(b.open_actions[2].days_late == 1L);
    CHECK(b.open_actions[3].action->id == "a4");
    CHECK_FALSE(b.open_actions[3].days_late);
    // Pointers into the records, not copies.
    CHECK(b.open_actions[0].action == &records.pairings[0].sessions[1].actions[0]);
  }

  TEST_CASE("recent: the three latest entries, newest first")
  {
    auto p = pairing();
    for (int day = 1; day <= 5; ++day) {
      p.sessions.push_back(session(ymd(2026, 1, day * 5)));
    }
    p.sessions.back().type = core::SessionType::review;
    const auto records = records_with(p);
    const auto& sessions = records.pairings[0].sessions;

    SUBCASE("five entries")
    {
      const auto b = core::brief(records, records.pairings[0], k_today);
      REQUIRE(b.recent.size() == 3);
      CHECK(b.recent[0] == &sessions[4]);  // the review is an entry too
      CHECK(b.recent[1] == &sessions[3]);
      CHECK(b.recent[2] == &sessions[2]);
    }
    SUBCASE("fewer than three")
    {
      auto two = pairing();
      two.sessions.push_back(session(ymd(2026, 1, 1)));
      two.sessions.push_back(session(ymd(2026, 1, 8)));
      const auto r = records_with(two);
      const auto b = core::brief(r, r.pairings[0], k_today);
      REQUIRE(b.recent.size() == 2);
      CHECK(b.recent[0]->date == ymd(2026, 1, 8));
      CHECK(b.recent[1]->date == ymd(2026, 1, 1));
    }
    SUBCASE("none")
    {
      const auto r = records_with(pairing());
      CHECK(core::brief(r, r.pairings[0], k_today).recent.empty());
    }
    SUBCASE("by date, not by place in the file (a session logged late)")
    {
      auto late = pairing();
      late.sessions.push_back(session(ymd(2026, 1, 20)));
      late.sessions.push_back(session(ymd(2026, 1, 5)));
      late.sessions.push_back(session(ymd(2026, 1, 25), core::SessionType::review));
      late.sessions.push_back(session(ymd(2026, 1, 10)));
      const auto r = records_with(late);
      const auto b = core::brief(r, r.pairings[0], k_today);
      REQUIRE(b.recent.size() == 3);
      CHECK(b.recent[0] == &r.pairings[0].sessions[2]);
      CHECK(b.recent[1] == &r.pairings[0].sessions[0]);
      CHECK(b.recent[2] == &r.pairings[0].sessions[3]);
    }
  }

  TEST_CASE("topics: most discussed first, ties in the order they first came up")
  {
    auto p = pairing();
    auto s1 = session(ymd(2026, 1, 1));
    s1.topics = {"beta", "alpha"};
    auto s2 = session(ymd(2026, 1, 8));
    s2.topics = {"alpha", "gamma"};
    auto s3 = session(ymd(2026, 1, 15), core::SessionType::review);
    s3.topics = {"delta", "alpha", "gamma"};
    p.sessions = {s1, s2, s3};
    const auto records = records_with(p);
    const auto b = core::brief(records, records.pairings[0], k_today);
    REQUIRE(b.topics.size() == 4);
    CHECK(b.topics[0].topic == "alpha");
    CHECK(b.topics[0].count == 3);
    CHECK(b.topics[1].topic == "gamma");
    CHECK(b.topics[1].count == 2);
    CHECK(b.topics[2].topic == "beta");
    CHECK(b.topics[2].count == 1);
    CHECK(b.topics[3].topic == "delta");
    CHECK(b.topics[3].count == 1);
  }

  TEST_CASE("topics: at most eight")
  {
    auto p = pairing();
    auto s1 = session(ymd(2026, 1, 1));
    s1.topics = {"t10", "t09", "t08", "t07", "t06", "t05", "t04", "t03", "t02", "t01"};
    auto s2 = session(ymd(2026, 1, 8));
    s2.topics = {"t01"};
    p.sessions = {s1, s2};
    const auto records = records_with(p);
    const auto b = core::brief(records, records.pairings[0], k_today);
    REQUIRE(b.topics.size() == 8);
    CHECK(b.topics[0].topic == "t01");
    CHECK(b.topics[0].count == 2);
    const std::vector<std::string> rest = {"t10", "t09", "t08", "t07", "t06", "t05", "t04"};
    for (std::size_t i = 0; i < rest.size(); ++i) {
      CAPTURE(i);
      CHECK(b.topics[i + 1].topic == rest[i]);
      CHECK(b.topics[i + 1].count == 1);
    }
  }
}
