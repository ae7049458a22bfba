#include "mentor/store/document.hpp"
#include "mentor/store/parse.hpp"

#include <doctest/doctest.h>

#include <string>

using mentor::store::describe_difference;
using mentor::store::Entry;
using mentor::store::Node;
using mentor::store::NodePath;
using mentor::store::parse_document;
using mentor::store::path_to_string;
using mentor::store::same_content;
using mentor::store::walk;

namespace {

Node parse(const std::string& text)
{
  return parse_document("t.yaml", text).root;
}

// sessions[0].actions[1] of a small pairing.
Node sample()
{
  return parse("mentor: a\n"
               "sessions:\n"
               "  - date: 2026-01-12\n"
               "    actions:\n"
               "      - id: a1\n"
               "      - id: a2\n"
               "        text: Call\n");
}

} // namespace

TEST_SUITE("store::document")
{
  TEST_CASE("building nodes")
  {
    SUBCASE("a scalar")
    {
      const Node n = Node::scalar("hello");
      CHECK(n.is_scalar());
      CHECK_FALSE(n.is_null());
      CHECK(n.value == "hello");
      CHECK(n.plain);
      CHECK_FALSE(n.flow);
    }
    SUBCASE("a default node is null")
    {
      const Node n;
      CHECK(n.is_null());
      CHECK_FALSE(n.is_scalar());
      CHECK_FALSE(n.is_map());
      CHECK_FALSE(n.is_sequence());
    }
    SUBCASE("a sequence keeps its items in order")
    {
      const Node n = Node::sequence({Node::scalar("a"), Node::scalar("b")});
      CHECK(n.is_sequence());
      REQUIRE(n.items.size() == 2);
      CHECK(n.items[0].value == "a");
      CHECK(n.items[1].value == "b");
      CHECK(Node::sequence().items.empty());
    }
    SUBCASE("a map: add chains and keeps insertion order")
    {
      Node n = Node::map();
      n.add("z", Node::scalar("1")).add("a", Node::scalar("2")).add("m", Node());
      CHECK(n.is_map());
      REQUIRE(n.entries.size() == 3);
      CHECK(n.entries[0].key == "z");
      CHECK(n.entries[1].key == "a");
      CHECK(n.entries[2].key == "m");
      CHECK(n.entries[2].value.is_null());
    }
  }

  TEST_CASE("map lookups")
  {
    Node n = Node::map();
    n.add("name", Node::scalar("Alice")).add("tags", Node::sequence({Node::scalar("x")})).add("empty", Node());

    SUBCASE("find returns the value, or nullptr")
    {
      REQUIRE(n.find("name") != nullptr);
      CHECK(n.find("name")->value == "Alice");
      CHECK(n.find("tags")->is_sequence());
      REQUIRE(n.find("empty") != nullptr);
      CHECK(n.find("empty")->is_null());
      CHECK(n.find("nope") == nullptr);
      CHECK(n.find("") == nullptr);
      CHECK(n.find("Name") == nullptr);
    }
    SUBCASE("the mutable find changes the map itself")
    {
      n.find("name")->value = "Bob";
      CHECK(n.entries[0].value.value == "Bob");
    }
    SUBCASE("find_entry and entry_index")
    {
      const Entry* entry = n.find_entry("tags");
      REQUIRE(entry != nullptr);
      CHECK(entry->key == "tags");
      CHECK(n.entry_index("name") == 0u);
      CHECK(n.entry_index("tags") == 1u);
      CHECK(n.entry_index("empty") == 2u);
      CHECK(n.entry_index("nope") == std::string::npos);
    }
    SUBCASE("lookups on something that is not a map find nothing")
    {
      const Node s = Node::scalar("name");
      CHECK(s.find("name") == nullptr);
      CHECK(s.find_entry("name") == nullptr);
      CHECK(s.entry_index("name") == std::string::npos);
      CHECK(Node::sequence({Node::scalar("name")}).find("name") == nullptr);
      CHECK(Node().find("name") == nullptr);
    }
  }

  TEST_CASE("walk")
  {
    const Node root = sample();

    SUBCASE("through keys and indices")
    {
      const Node* action =
          walk(root, {std::string("sessions"), std::size_t{0}, std::string("actions"), std::size_t{1}});
      REQUIRE(action != nullptr);
      REQUIRE(action->find("text") != nullptr);
      CHECK(action->find("text")->value == "Call");
      CHECK(walk(root, {}) == &root);
      CHECK(walk(root, {std::string("mentor")})->value == "a");
    }
    SUBCASE("nullptr for a path that is not there")
    {
      CHECK(walk(root, {std::string("nope")}) == nullptr);
      CHECK(walk(root, {std::string("sessions"), std::size_t{1}}) == nullptr);
      CHECK(walk(root, {std::string("sessions"), std::size_t{0}, std::string("actions"), std::size_t{2}}) == nullptr);
      // An index into a map, a key into a sequence, anything into a scalar.
      CHECK(walk(root, {std::size_t{0}}) == nullptr);
      CHECK(walk(root, {std::string("sessions"), std::string("date")}) == nullptr);
      CHECK(walk(root, {std::string("mentor"), std::string("x")}) == nullptr);
      CHECK(walk(root, {std::string("mentor"), std::size_t{0}}) == nullptr);
    }
    SUBCASE("the mutable walk reaches the node itself")
    {
      Node copy = root;
      Node* date = walk(copy, {std::string("sessions"), std::size_t{0}, std::string("date")});
      REQUIRE(date != nullptr);
      date->value = "2026-02-01";
      CHECK(copy.find("sessions")->items[0].find("date")->value == "2026-02-01");
      CHECK(root.find("sessions")->items[0].find("date")->value == "2026-01-12");
    }
  }

  TEST_CASE("path_to_string")
  {
    CHECK(path_to_string({}) == "(top)");
    CHECK(path_to_string({std::string("sessions")}) == "sessions");
    CHECK(path_to_string({std::string("sessions"), std::size_t{3}, std::string("actions"), std::size_t{0},
                          std::string("done")})
          == "sessions[3].actions[0].done");
    CHECK(path_to_string({std::size_t{2}}) == "[2]");
  }

  TEST_CASE("same_content compares what a reader gets")
  {
    SUBCASE("marks, quoting and flow or block style do not count")
    {
      const Node a = parse("name: Alice\ntags: [x, y]\nmeta: {k: v}\n");
      const Node b = parse("# comment\nname: \"Alice\"\ntags:\n  - 'x'\n  - y\nmeta:\n  k: v\n");
      CHECK(same_content(a, b));
      CHECK(same_content(b, a));
      CHECK(same_content(a, a));
      CHECK(a.entries[0].value.plain != b.entries[0].value.plain);
    }
    SUBCASE("a different value, key, order, count or kind does")
    {
      const Node a = parse("a: 1\nb: 2\n");
      CHECK_FALSE(same_content(a, parse("a: 1\nb: 3\n")));
      CHECK_FALSE(same_content(a, parse("a: 1\nc: 2\n")));
      CHECK_FALSE(same_content(a, parse("b: 2\na: 1\n")));
      CHECK_FALSE(same_content(a, parse("a: 1\n")));
      CHECK_FALSE(same_content(a, parse("a: 1\nb: 2\nc: 3\n")));
      CHECK_FALSE(same_content(a, parse("a: 1\nb: [2]\n")));
      CHECK_FALSE(same_content(a, parse("a: 1\nb: {2: 2}\n")));
      CHECK_FALSE(same_content(parse("a: [1, 2]\n"), parse("a: [2, 1]\n")));
      CHECK_FALSE(same_content(parse("a: [1, 2]\n"), parse("a: [1, 2, 3]\n")));
    }
    SUBCASE("null is not the empty string, and whitespace counts")
    {
      CHECK_FALSE(same_content(parse("a:\n"), parse("a: \"\"\n")));
      CHECK(same_content(parse("a:\n"), parse("a: ~\n")));
      CHECK_FALSE(same_content(parse("a: \"x \"\n"), parse("a: x\n")));
      CHECK_FALSE(same_content(parse("a: |\n  x\n"), parse("a: x\n")));
    }
    SUBCASE("deep differences are found")
    {
      Node a = sample();
      Node b = sample();
      CHECK(same_content(a, b));
      walk(b, {std::string("sessions"), std::size_t{0}, std::string("actions"), std::size_t{1},
               std::string("text")})
        ->value = "call";
      CHECK_FALSE(same_content(a, b));
    }
  }

  TEST_CASE("describe_difference says where")
  {
    CHECK(describe_difference(parse("a: 1\n"), parse("a: 1\n")) == "no difference");
    CHECK(describe_difference(parse("a: 1\n"), parse("a: 2\n")) == "(top).a: \"2\" instead of \"1\"");
    CHECK(describe_difference(parse("a: 1\n"), parse("b: 1\n")) == "(top): key \"b\" instead of \"a\"");
    CHECK(describe_difference(parse("a: 1\n"), parse("a: 1\nb: 2\n")) == "(top): 2 keys instead of 1");
    CHECK(describe_difference(parse("a: [1]\n"), parse("a: [1, 2]\n")) == "(top).a: 2 items instead of 1");
    CHECK(describe_difference(parse("a: [1]\n"), parse("a: {b: 1}\n")) == "(top).a: the kind of value differs");
    CHECK(describe_difference(sample(), parse("mentor: a\n"
                                              "sessions:\n"
                                              "  - date: 2026-01-12\n"
                                              "    actions:\n"
                                              "      - id: a1\n"
                                              "      - id: a2\n"
                                              "        text: Cal\n"))
          == "(top).sessions[0].actions[1].text: \"Cal\" instead of \"Call\"");
  }
}
