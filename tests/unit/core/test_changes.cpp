#include "mentor/core/build.hpp"
#include "mentor/core/changes.hpp"
#include "mentor/store/emit.hpp"
#include "mentor/store/parse.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace mentor::core;
using mentor::store::Node;
using mentor::util::Date;

namespace {

std::vector<std::string> keys_of(const Node& map)
{
  std::vector<std::string> keys;
  for (const auto& entry : map.entries) {
    keys.push_back(entry.key);
  }
  return keys;
}

Session session_with(std::vector<std::string> ids)
{
  Session s;
  for (auto& id : ids) {
    Action a;
    a.id = std::move(id);
    s.actions.push_back(std::move(a));
  }
  return s;
}

Goal goal(std::string id)
{
  Goal g;
  g.id = std::move(id);
  return g;
}

Records with_pairings(std::vector<std::string> slugs)
{
  std::sort(slugs.begin(), slugs.end());
  Records r;
  for (auto& slug : slugs) {
    Pairing p;
    p.slug = std::move(slug);
    r.pairings.push_back(std::move(p));
  }
  return r;
}

} // namespace

TEST_SUITE("core::changes")
{
  TEST_CASE("session_node")
  {
    NewSession s;
    s.date = Date::from_ymd(2026, 1, 12);
    s.duration = 90;

    SUBCASE("only what was given, in DESIGN.md's key order")
    {
      const Node node = session_node(s);
      CHECK(keys_of(node) == std::vector<std::string>{"date", "duration", "type"});
      CHECK(node.find("date")->value == "2026-01-12");
      CHECK(node.find("duration")->value == "1h30m");
      CHECK(node.find("type")->value == "session");
    }
    SUBCASE("everything")
    {
      s.type = SessionType::review;
      s.topics = {"delegation", "yes"};
      s.notes = "One line";
      s.actions = {NewAction{"a3", "Draft an agenda", Date::from_ymd(2026, 1, 19)}, NewAction{"a4", "Call", {}}};
      const Node node = session_node(s);
      CHECK(keys_of(node) == std::vector<std::string>{"date", "duration", "type", "topics", "notes", "actions"});
      CHECK(node.find("type")->value == "review");
      const Node* topics = node.find("topics");
      CHECK(topics->flow);
      REQUIRE(topics->items.size() == 2);
      CHECK(topics->items[1].value == "yes");
      CHECK(node.find("notes")->value == "One line");
      const Node* actions = node.find("actions");
      REQUIRE(actions->items.size() == 2);
      CHECK(keys_of(actions->items[0]) == std::vector<std::string>{"id", "text", "due"});
      CHECK(actions->items[0].find("due")->value == "2026-01-19");
      CHECK(keys_of(actions->items[1]) == std::vector<std::string>{"id", "text"});
      CHECK(actions->items[1].find("text")->value == "Call");

      CHECK(mentor::store::emit_sequence_item(node, 2) == "  - date: 2026-01-12\n"
                                                          "    duration: 1h30m\n"
                                                          "    type: review\n"
                                                          "    topics: [delegation, \"yes\"]\n"
                                                          "    notes: One line\n"
                                                          "    actions:\n"
                                                          "      - id: a3\n"
                                                          "        text: Draft an agenda\n"
                                                          "        due: 2026-01-19\n"
                                                          "      - id: a4\n"
                                                          "        text: Call\n");
    }
    SUBCASE("durations are written the canonical way")
    {
      s.duration = 45;
      CHECK(session_node(s).find("duration")->value == "45m");
      s.duration = 60;
      CHECK(session_node(s).find("duration")->value == "1h");
    }
    SUBCASE("multi-line notes get exactly one final line break, so they are written as `|`")
    {
      s.notes = "Line one\nLine two";
      const Node node = session_node(s);
      CHECK(node.find("notes")->value == "Line one\nLine two\n");
      CHECK(mentor::store::emit_entry("notes", *node.find("notes"), 4) == "    notes: |\n"
                                                                         "      Line one\n"
                                                                         "      Line two\n");
    }
    SUBCASE("what is written reads back as the session asked for")
    {
      s.type = SessionType::closing;
      s.topics = {"a, b", "why?", "on"};
      s.notes = "  indented first\n\nand: a colon\n# not a comment";
      s.actions = {NewAction{"a1", "yes", Date::from_ymd(2026, 2, 1)}};
      const std::string text = "mentor: phil\nmentee: zoe\nkind: coaching\nstatus: active\nstarted: 2026-01-05\n"
                               "sessions:\n"
                               + mentor::store::emit_sequence_item(session_node(s), 2);
      Problems problems;
      const Pairing p = build_pairing(mentor::store::parse_document("p.yaml", text), "phil--zoe", problems);
      CHECK(problems.list().empty());
      REQUIRE(p.sessions.size() == 1);
      const Session& back = p.sessions[0];
      CHECK(back.date == s.date);
      CHECK(back.duration == 90);
      CHECK(back.type == SessionType::closing);
      CHECK(back.topics == s.topics);
      CHECK(back.notes == s.notes);
      REQUIRE(back.actions.size() == 1);
      CHECK(back.actions[0].text == "yes");
      CHECK(back.actions[0].due == Date::from_ymd(2026, 2, 1));
    }
  }

  TEST_CASE("next_action_id: one past the highest number used")
  {
    Pairing p;
    CHECK(next_action_id(p) == "a1");
    CHECK(next_action_id(p, 2) == "a3");
    p.sessions = {session_with({"a1", "a3"}), Session(), session_with({"a2"})};
    CHECK(next_action_id(p) == "a4");
    CHECK(next_action_id(p, 1) == "a5");

    SUBCASE("ids that are not a<number> are skipped")
    {
      p.sessions.push_back(session_with({"ax", "b9", "a", "A7", "a5x", "a 6", "", "a-9", "a1000000000000000000"}));
      CHECK(next_action_id(p) == "a4");
    }
    SUBCASE("gaps and leading zeros")
    {
      p.sessions.push_back(session_with({"a10", "a007"}));
      CHECK(next_action_id(p) == "a11");
    }
    SUBCASE("large numbers (one past 2147483647 overflowed an int)")
    {
      p.sessions.push_back(session_with({"a2147483647", "a2147483648"}));
      CHECK(next_action_id(p) == "a2147483649");
      p.sessions.push_back(session_with({"a999999999999999999"}));
      CHECK(next_action_id(p, 2) == "a1000000000000000002");
    }
  }

  TEST_CASE("next_goal_id")
  {
    CHECK(next_goal_id({}) == "g1");
    CHECK(next_goal_id({goal("g1"), goal("g2")}) == "g3");
    CHECK(next_goal_id({goal("g2"), goal("g12"), goal("x"), goal("a40"), goal("g3b")}) == "g13");
    CHECK(next_goal_id({goal("g1")}, 1) == "g3");
    CHECK(next_goal_id({goal("g2147483647")}) == "g2147483648");
  }

  TEST_CASE("new_pairing_slug adds -2, -3 … when the id is taken")
  {
    CHECK(new_pairing_slug(Records(), "phil", "zoe") == "phil--zoe");
    CHECK(new_pairing_slug(with_pairings({"phil--zoe"}), "phil", "zoe") == "phil--zoe-2");
    CHECK(new_pairing_slug(with_pairings({"phil--zoe", "phil--zoe-2"}), "phil", "zoe") == "phil--zoe-3");
    CHECK(new_pairing_slug(with_pairings({"phil--zoe", "phil--zoe-2", "phil--zoe-3", "phil--zoe-5"}), "phil", "zoe")
          == "phil--zoe-4");
    CHECK(new_pairing_slug(with_pairings({"phil--zoe-2"}), "phil", "zoe") == "phil--zoe");
    CHECK(new_pairing_slug(with_pairings({"zoe--phil"}), "phil", "zoe") == "phil--zoe");
    CHECK(new_pairing_slug(with_pairings({"phil--zoe"}), "zoe", "phil") == "zoe--phil");
  }
}
