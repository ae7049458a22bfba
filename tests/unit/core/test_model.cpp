#include "mentor/core/model.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace mentor::core;

namespace {

Person person(std::string slug, std::string name)
{
  Person p;
  p.slug = std::move(slug);
  p.name = std::move(name);
  return p;
}

Pairing pairing(std::string slug)
{
  Pairing p;
  p.slug = std::move(slug);
  return p;
}

Action action(std::string id)
{
  Action a;
  a.id = std::move(id);
  return a;
}

} // namespace

TEST_SUITE("core::model")
{
  TEST_CASE("enumerations read back what they write")
  {
    for (auto kind : {Kind::coaching, Kind::mentoring, Kind::peer, Kind::shadowing, Kind::supervision}) {
      CHECK(parse_kind(to_string(kind)) == kind);
    }
    for (auto status : {Status::active, Status::paused, Status::ended}) {
      CHECK(parse_status(to_string(status)) == status);
    }
    for (auto status : {GoalStatus::open, GoalStatus::achieved, GoalStatus::dropped}) {
      CHECK(parse_goal_status(to_string(status)) == status);
    }
    for (auto type : {SessionType::session, SessionType::chemistry, SessionType::review, SessionType::closing}) {
      CHECK(parse_session_type(to_string(type)) == type);
    }

    SUBCASE("the words are the ones in DESIGN.md")
    {
      CHECK(to_string(Kind::coaching) == "coaching");
      CHECK(to_string(Kind::supervision) == "supervision");
      CHECK(to_string(Status::paused) == "paused");
      CHECK(to_string(GoalStatus::dropped) == "dropped");
      CHECK(to_string(SessionType::chemistry) == "chemistry");
      CHECK(kind_choices() == "coaching | mentoring | peer | shadowing | supervision");
      CHECK(session_type_choices() == "session | chemistry | review | closing");
      CHECK(goal_status_choices() == "open | achieved | dropped");
    }
    SUBCASE("anything else is not read, not even another case")
    {
      CHECK_FALSE(parse_kind("Coaching").has_value());
      CHECK_FALSE(parse_kind("").has_value());
      CHECK_FALSE(parse_kind("coaching ").has_value());
      CHECK_FALSE(parse_kind("therapy").has_value());
      CHECK_FALSE(parse_status("done").has_value());
      CHECK_FALSE(parse_status("ACTIVE").has_value());
      CHECK_FALSE(parse_goal_status("closed").has_value());
      CHECK_FALSE(parse_session_type("meeting").has_value());
      CHECK_FALSE(parse_session_type("open").has_value());
    }
  }

  TEST_CASE("Positions")
  {
    Positions at;
    CHECK(at.of("x").line == 0);
    at.set("date", Pos{3, 9});
    at.set("notes", Pos{4, 10});
    CHECK(at.of("date").line == 3);
    CHECK(at.of("date").col == 9);
    CHECK(at.of("notes").line == 4);
    CHECK(at.of("missing", Pos{1, 1}).line == 1);
    CHECK(at.of("missing").line == 0);
  }

  TEST_CASE("Positions: copies are deep, moves empty the source, and equality compares entries in order")
  {
    Positions empty;
    CHECK(empty.entries().empty());
    CHECK(empty == Positions());

    Positions at;
    for (int i = 0; i < 20; ++i) {  // past any first capacity
      REQUIRE(at.add(static_cast<std::uint8_t>(i), Pos{i + 1, i + 2}));
    }
    CHECK_FALSE(at.add(250, Pos{1, 1}));
    REQUIRE(at.entries().size() == 20);
    CHECK(at.entries()[19] == Positions::Entry{19, Pos{20, 21}});
    CHECK_FALSE(at == empty);

    Positions copy = at;
    CHECK(copy == at);
    copy.set("date", Pos{99, 1});
    CHECK_FALSE(copy == at);
    CHECK(at.entries().size() == 20);
    CHECK(copy.of("date").line == 99);

    Positions assigned;
    assigned.set("notes", Pos{5, 5});
    assigned = at;
    CHECK(assigned == at);
    const Positions& itself = assigned;
    assigned = itself;  // assigning a Positions to itself keeps its entries
    CHECK(assigned == at);

    Positions moved = std::move(copy);
    CHECK(moved.entries().size() == 21);
    CHECK(copy.entries().empty());  // NOLINT(bugprone-use-after-move): moved from is empty
    copy = std::move(moved);
    CHECK(copy.of("date").line == 99);

    Positions reserved;
    reserved.reserve(3);
    CHECK(reserved.entries().empty());
    CHECK(reserved == empty);
    reserved.set("date", Pos{1, 2});
    reserved.set("notes", Pos{3, 4});
    Positions other;
    other.set("notes", Pos{3, 4});
    other.set("date", Pos{1, 2});
    CHECK_FALSE(reserved == other);  // the same keys in another order
  }

  TEST_CASE("Pairing lookups")
  {
    Pairing p = pairing("a--b");
    Session first;
    first.actions = {action("a1"), action("a2")};
    Session second;
    Session third;
    third.actions = {action("a3"), action("a1")};
    p.sessions = {first, second, third};
    Goal g1;
    g1.id = "g1";
    Goal g2;
    g2.id = "g2";
    g2.title = "Second";
    p.goals = {g1, g2};

    SUBCASE("find_action gives the session and the action's index")
    {
      CHECK(p.find_action("a1") == std::pair<std::size_t, std::size_t>{0, 0});
      CHECK(p.find_action("a2") == std::pair<std::size_t, std::size_t>{0, 1});
      CHECK(p.find_action("a3") == std::pair<std::size_t, std::size_t>{2, 0});
      CHECK_FALSE(p.find_action("a4").has_value());
      CHECK_FALSE(p.find_action("").has_value());
      CHECK_FALSE(p.find_action("A1").has_value());
    }
    SUBCASE("find_goal")
    {
      REQUIRE(p.find_goal("g2") != nullptr);
      CHECK(p.find_goal("g2")->title == "Second");
      CHECK(p.find_goal("g3") == nullptr);
    }
    SUBCASE("last_session")
    {
      CHECK(p.last_session() == &p.sessions[2]);
      CHECK(pairing("x--y").last_session() == nullptr);
    }
  }

  TEST_CASE("Records lookups")
  {
    Records records;
    records.people = {person("alice", "Alice Smith"), person("bob", ""), person("zoe-nunez", "Zoë Núñez")};
    records.pairings = {pairing("alice--bob"), pairing("alice--bob-2"), pairing("zoe-nunez--alice")};

    CHECK(records.person("alice") == &records.people[0]);
    CHECK(records.person("zoe-nunez") == &records.people[2]);
    CHECK(records.person("ali") == nullptr);
    CHECK(records.person("alicex") == nullptr);
    CHECK(records.person("") == nullptr);
    CHECK(records.person("zzz") == nullptr);
    CHECK(records.pairing("alice--bob-2") == &records.pairings[1]);
    CHECK(records.pairing("alice--bob") == &records.pairings[0]);
    CHECK(records.pairing("alice--b") == nullptr);
    CHECK(records.name_of("zoe-nunez") == "Zoë Núñez");
    CHECK(records.name_of("bob") == "bob");
    CHECK(records.name_of("nobody") == "nobody");
    CHECK(Records().person("alice") == nullptr);
  }

  TEST_CASE("session_minutes: the session's, else the pairing's, else mentor.yaml's")
  {
    Config config;
    config.default_duration = 50;
    Pairing p = pairing("a--b");
    Session s;
    CHECK(session_minutes(s, p, config) == 50);
    p.duration = 90;
    CHECK(session_minutes(s, p, config) == 90);
    s.duration = 30;
    CHECK(session_minutes(s, p, config) == 30);
    p.duration.reset();
    CHECK(session_minutes(s, p, config) == 30);
    CHECK(Config().default_duration == 60);
  }

  TEST_CASE("pairing_cadence: the pairing's, else mentor.yaml's")
  {
    Config config;
    CHECK(config.default_cadence == 28);
    Pairing p = pairing("a--b");
    CHECK(pairing_cadence(p, config) == 28);
    config.default_cadence = 7;
    CHECK(pairing_cadence(p, config) == 7);
    p.cadence = 14;
    CHECK(pairing_cadence(p, config) == 14);
    // "none" (as needed) is a cadence of its own, not a missing one.
    p.cadence = 0;
    CHECK(pairing_cadence(p, config) == 0);
  }
}
