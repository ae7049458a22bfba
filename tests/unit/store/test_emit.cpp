#include "mentor/store/emit.hpp"
#include "mentor/store/parse.hpp"
#include "mentor/store/source_error.hpp"
#include "mentor/util/error.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using mentor::store::Context;
using mentor::store::emit_entry;
using mentor::store::emit_inline_value;
using mentor::store::emit_sequence_item;
using mentor::store::inline_scalar;
using mentor::store::Node;
using mentor::store::parse_document;

namespace {

bool quoted(const std::string& emitted)
{
  return emitted.size() >= 2 && emitted.front() == '"' && emitted.back() == '"';
}

// What a YAML reader makes of `text`, at `path` under the top-level map.
Node read(const std::string& text)
{
  return parse_document("emitted.yaml", text).root;
}

std::string printable(const std::string& s)
{
  std::string out;
  for (char c : s.substr(0, 60)) {
    const auto u = static_cast<unsigned char>(c);
    out += u < 0x20 ? "\\x" + std::to_string(u) : std::string(1, c);
  }
  return out;
}

// Strings a user may type, or paste, that YAML could misread.
std::vector<std::string> hostile_strings()
{
  // clang-format off
  std::vector<std::string> out = {
    // YAML 1.1 booleans and nulls, in every case.
    "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
    "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "nUlL", "~", "<<", "=",
    // Numbers, times, things that look like them.
    "007", "0", "1e3", "1E3", "0x1F", "0o17", "0b101", "12:30", "1:30:00", ".5", "+1", "-1", "1_000",
    "3.14", ".inf", "-.inf", ".nan", ".NaN", "1.5h", "2026-1-5", "2026-01-12T10:00:00Z", "1h30",
    // Leading and trailing spaces, colons and hashes.
    " a", "a ", " ", "  ", "a: b", "a:", "a :b", "key: value", "a #b", "a#b", "#", "# not a comment",
    "http://example.org/x?a=b#c", "C-017",
    // Indicators at the start.
    "- a", "-a", "-", "--", "---", "--- a", "...", "... a", "?", "? a", "?a", ":", ":a", ",a", "[a", "]a",
    "{a", "}a", "#a", "&a", "*a", "!a", "!!int", "|", "|a", ">", ">a", "'a", "\"a", "%a", "@a", "`a",
    // Quotes and backslashes inside.
    "it's", "say \"hi\"", "a\\b", "\\", "\\n", "''", "\"\"",
    // Flow indicators and question marks inside.
    "a,b", "a[b]", "a{b}", "why?", "a?b", "x]", "{y}",
    // Empty, control characters, Unicode line breaks, BOM, noncharacters.
    "", std::string(1, '\0'), "a\x01" "b", "\x1b[31mred", "del\x7f", "a\tb", "\ttab", "tab\t",
    "nel\xC2\x85x", "c1\xC2\x80x", "c1\xC2\x9F", "ls\xE2\x80\xA8x", "ps\xE2\x80\xA9x", "\xEF\xBB\xBF" "bom",
    "mid\xEF\xBB\xBF" "bom", "nonchar\xEF\xBF\xBE", "\xEF\xBF\xBF",
    // Text that is fine as it is.
    "Alice Smith", "Zoë Núñez", "日本語", "😀 emoji", "שלום", "e\xCC\x81", "2026-01-12", "45m", "1h30m",
    // Several lines.
    "line one\nline two", "line one\nline two\n", "line one\nline two\n\n", "\n", "\n\n", "\na", "a\n",
    " leading\nspace", "  two\n  lines\n", "a\n  indented\nb", "a\n\n\nb", "trailing  \nspaces  ",
    "tab\n\tindented\n", "\tfirst\n", "crlf\r\nline", "cr\rline", "a\r\n", "---\nnot a document",
    "x\n...\ny", "x\n---\n", "# heading\nbody", "- item\n- item", "key: value\nother: x", "|\n>",
    "ends with spaces \n ", "a\n \n", " \n", "a\n\xE2\x80\xA8" "b", "a\n\x01", "quote \"\n'",
    "nel\n\xC2\x85", "😀\n😀\n",
  };
  // clang-format on
  // 20 KB of notes: many lines, some indented, some blank, one very long.
  std::string big;
  for (int i = 0; big.size() < 20 * 1024; ++i) {
    big += (i % 7 == 0 ? "  " : "") + std::string("line ") + std::to_string(i) + ": notes # and more\n";
    if (i % 11 == 0) {
      big += "\n";
    }
  }
  big += std::string(3000, 'x');
  out.push_back(big);
  out.push_back(big + "\n");
  return out;
}

} // namespace

TEST_SUITE("store::emit")
{
  TEST_CASE("inline_scalar quotes what a YAML 1.1 reader would misread")
  {
    SUBCASE("booleans and nulls, in any case")
    {
      for (const char* word : {"yes", "Yes", "YES", "no", "NO", "on", "On", "off", "OFF", "y", "Y", "n", "N", "true",
                               "True", "false", "FALSE", "null", "Null", "NULL", "~", "<<"}) {
        CAPTURE(std::string(word));
        CHECK(inline_scalar(word) == "\"" + std::string(word) + "\"");
      }
    }
    SUBCASE("numbers and times, and what only looks like a duration")
    {
      for (const char* word : {"007", "1e3", "0x1F", "12:30", ".5", "+1", "-1", "3.14", "0", "1_000", "12345m",
                               "1h30", "1hm", "1h123m", "1m30m", "1.5h", "1d", "1H"}) {
        CAPTURE(std::string(word));
        CHECK(inline_scalar(word) == "\"" + std::string(word) + "\"");
      }
    }
    SUBCASE("spaces at the ends, `: ` and ` #` inside, a colon at the end")
    {
      CHECK(inline_scalar(" a") == "\" a\"");
      CHECK(inline_scalar("a ") == "\"a \"");
      CHECK(inline_scalar("a: b") == "\"a: b\"");
      CHECK(inline_scalar("a #b") == "\"a #b\"");
      CHECK(inline_scalar("a:") == "\"a:\"");
      CHECK(inline_scalar("a#b") == "a#b");
      CHECK(inline_scalar("a:b") == "a:b");
    }
    SUBCASE("an indicator at the start")
    {
      for (char c : std::string("-?:,[]{}#&*!|>'\"%@`")) {
        const std::string value = std::string(1, c) + "x";
        CAPTURE(value);
        CHECK(quoted(inline_scalar(value)));
      }
    }
    SUBCASE("empty text, control characters, Unicode line breaks, BOM")
    {
      CHECK(inline_scalar("") == "\"\"");
      CHECK(inline_scalar("a\tb") == "\"a\\tb\"");
      CHECK(inline_scalar("a\nb") == "\"a\\nb\"");
      CHECK(inline_scalar("a\rb") == "\"a\\rb\"");
      CHECK(inline_scalar("a\x01" "b") == "\"a\\x01b\"");
      CHECK(inline_scalar("a\x7f") == "\"a\\x7F\"");
      CHECK(inline_scalar("a\xC2\x85" "b") == "\"a\\x85b\"");
      CHECK(inline_scalar("a\xE2\x80\xA8" "b") == "\"a\\Lb\"");
      CHECK(inline_scalar("a\xE2\x80\xA9" "b") == "\"a\\Pb\"");
      CHECK(inline_scalar("\xEF\xBB\xBF" "a") == "\"\\uFEFFa\"");
      CHECK(inline_scalar("a\xC2\x80") == "\"a\\x80\"");
      CHECK(inline_scalar("a\xEF\xBF\xBE") == "\"a\\uFFFE\"");
      CHECK(inline_scalar("say \"hi\" \\o/") == "say \"hi\" \\o/");
      CHECK(inline_scalar("\"hi\" \\o/\t") == "\"\\\"hi\\\" \\\\o/\\t\"");
    }
    SUBCASE("ISO dates, durations and ordinary text stay plain")
    {
      for (const char* word : {"2026-01-12", "45m", "1h", "1h30m", "0m", "9999m", "24h", "1h5m", "Alice Smith", "Zoë Núñez", "C-017",
                               "alice@example.org", "it's", "a-b", "phil-rumens--zoe-nunez", "Team lead"}) {
        CAPTURE(std::string(word));
        CHECK(inline_scalar(word) == word);
      }
    }
    SUBCASE("the flow context also quotes , [ ] { } and ?")
    {
      for (const char* word : {"a,b", "a[b", "a]b", "a{b", "a}b", "why?", "a?b"}) {
        CAPTURE(std::string(word));
        CHECK(inline_scalar(word) == word);
        CHECK(inline_scalar(word, Context::flow) == "\"" + std::string(word) + "\"");
      }
      CHECK(inline_scalar("new manager", Context::flow) == "new manager");
      CHECK(inline_scalar("yes", Context::flow) == "\"yes\"");
    }
  }

  TEST_CASE("every emitted value reads back exactly")
  {
    for (const auto& value : hostile_strings()) {
      CAPTURE(printable(value));
      CAPTURE(value.size());

      // One line, after a key.
      const auto inline_text = inline_scalar(value);
      CHECK(inline_text.find('\n') == std::string::npos);
      CHECK(inline_text.find('\r') == std::string::npos);
      CHECK(read("k: " + inline_text + "\n").find("k")->value == value);
      CHECK(emit_inline_value(Node::scalar(value)) == inline_text);

      // A map entry at the top and nested.
      const auto entry = emit_entry("notes", Node::scalar(value), 0);
      CHECK(entry.starts_with("notes: "));
      CHECK(entry.ends_with("\n"));
      CHECK(read(entry).find("notes")->value == value);
      const auto nested = read("session:\n" + emit_entry("notes", Node::scalar(value), 2) + "after: x\n");
      CHECK(nested.find("session")->find("notes")->value == value);
      CHECK(nested.find("after")->value == "x");

      // A sequence item, alone and in a map.
      const auto item = read("list:\n" + emit_sequence_item(Node::scalar(value), 2) + "  - next\n");
      REQUIRE(item.find("list")->items.size() == 2);
      CHECK(item.find("list")->items[0].value == value);
      Node session = Node::map();
      session.add("date", Node::scalar("2026-01-12")).add("notes", Node::scalar(value)).add("type",
                                                                                          Node::scalar(value));
      for (int dash_col : {0, 2, 4}) {
        const auto pad = std::string(static_cast<std::size_t>(dash_col), ' ');
        const auto doc = read("sessions:\n" + emit_sequence_item(session, dash_col) + pad + "- last\n");
        REQUIRE(doc.find("sessions")->items.size() == 2);
        const Node& back = doc.find("sessions")->items[0];
        CHECK(back.find("notes")->value == value);
        CHECK(back.find("type")->value == value);
      }

      // A key (YAML limits an implicit key to 1024 characters).
      if (!value.empty() && value.size() < 1000) {
        CHECK(read(emit_entry(value, Node::scalar("v"), 0)).entries.at(0).key == value);
      }

      // A flow list.
      if (value.find_first_of("\n") == std::string::npos) {
        Node list = Node::sequence({Node::scalar(value), Node::scalar("z")});
        list.flow = true;
        const auto text = emit_entry("topics", list, 0);
        CHECK(text.find('\n') + 1 == text.size());
        const Node doc = read(text);
        REQUIRE(doc.find("topics") != nullptr);
        const Node& back = *doc.find("topics");
        REQUIRE(back.items.size() == 2);
        CHECK(back.items[0].value == value);
        CHECK(back.items[1].value == "z");
      }
    }
  }

  TEST_CASE("multi-line text becomes a literal block when it reads back exactly")
  {
    SUBCASE("the chomping indicator follows the trailing line breaks: 0, 1, 2")
    {
      CHECK(emit_entry("notes", Node::scalar("a\nb"), 0) == "notes: |-\n  a\n  b\n");
      CHECK(emit_entry("notes", Node::scalar("a\nb\n"), 0) == "notes: |\n  a\n  b\n");
      CHECK(emit_entry("notes", Node::scalar("a\nb\n\n"), 0) == "notes: |+\n  a\n  b\n\n");
    }
    SUBCASE("blank lines inside carry no indentation")
    {
      CHECK(emit_entry("notes", Node::scalar("a\n\nb\n"), 2) == "  notes: |\n    a\n\n    b\n");
    }
    SUBCASE("text that starts with spaces gets an indentation indicator")
    {
      CHECK(emit_entry("notes", Node::scalar("  a\nb\n"), 0) == "notes: |2\n    a\n  b\n");
    }
    SUBCASE("text a block cannot hold is double-quoted")
    {
      CHECK(emit_entry("notes", Node::scalar("a\r\nb"), 0) == "notes: \"a\\r\\nb\"\n");
      CHECK(emit_entry("notes", Node::scalar("a\n\x01"), 0) == "notes: \"a\\n\\x01\"\n");
      CHECK(emit_entry("notes", Node::scalar("\n"), 0) == "notes: \"\\n\"\n");
      CHECK(emit_entry("notes", Node::scalar("a\n\xE2\x80\xA8" "b"), 0) == "notes: \"a\\n\\Lb\"\n");
    }
    SUBCASE("lines that look like YAML are just text inside the block")
    {
      CHECK(emit_entry("notes", Node::scalar("---\n# x\nkey: v\n"), 0) == "notes: |\n  ---\n  # x\n  key: v\n");
    }
  }

  TEST_CASE("emit_entry and emit_sequence_item write block text at the right indentation")
  {
    Node action = Node::map();
    action.add("id", Node::scalar("a1")).add("text", Node::scalar("Draft an agenda")).add("due",
                                                                                       Node::scalar("2026-01-19"));
    Node topics = Node::sequence({Node::scalar("delegation"), Node::scalar("yes"), Node::scalar("a, b")});
    topics.flow = true;
    Node session = Node::map();
    session.add("date", Node::scalar("2026-01-12"))
      .add("duration", Node::scalar("60m"))
      .add("type", Node::scalar("session"))
      .add("topics", topics)
      .add("notes", Node::scalar("Mapped her stakeholders.\nBiggest worry: Tuesday.\n"))
      .add("actions", Node::sequence({action}));

    SUBCASE("a session under `sessions:` with its dash at column 2")
    {
      CHECK(emit_sequence_item(session, 2) == "  - date: 2026-01-12\n"
                                              "    duration: 60m\n"
                                              "    type: session\n"
                                              "    topics: [delegation, \"yes\", \"a, b\"]\n"
                                              "    notes: |\n"
                                              "      Mapped her stakeholders.\n"
                                              "      Biggest worry: Tuesday.\n"
                                              "    actions:\n"
                                              "      - id: a1\n"
                                              "        text: Draft an agenda\n"
                                              "        due: 2026-01-19\n");
    }
    SUBCASE("and with its dash at column 0")
    {
      CHECK(emit_sequence_item(session, 0) == "- date: 2026-01-12\n"
                                              "  duration: 60m\n"
                                              "  type: session\n"
                                              "  topics: [delegation, \"yes\", \"a, b\"]\n"
                                              "  notes: |\n"
                                              "    Mapped her stakeholders.\n"
                                              "    Biggest worry: Tuesday.\n"
                                              "  actions:\n"
                                              "    - id: a1\n"
                                              "      text: Draft an agenda\n"
                                              "      due: 2026-01-19\n");
    }
    SUBCASE("a whole list as a map entry")
    {
      CHECK(emit_entry("actions", Node::sequence({action}), 0) == "actions:\n"
                                                                 "  - id: a1\n"
                                                                 "    text: Draft an agenda\n"
                                                                 "    due: 2026-01-19\n");
    }
    SUBCASE("a nested map, empty collections, null")
    {
      Node map = Node::map();
      map.add("kind", Node::scalar("coaching")).add("cadence", Node::scalar("4w"));
      CHECK(emit_entry("defaults", map, 0) == "defaults:\n  kind: coaching\n  cadence: \"4w\"\n");
      CHECK(emit_entry("goals", Node::sequence(), 0) == "goals: []\n");
      CHECK(emit_entry("meta", Node::map(), 2) == "  meta: {}\n");
      CHECK(emit_entry("ended", Node(), 0) == "ended:\n");
      CHECK(emit_sequence_item(Node(), 2) == "  -\n");
      CHECK(emit_sequence_item(Node::map(), 2) == "  - {}\n");
      CHECK(emit_sequence_item(Node::scalar("yes"), 2) == "  - \"yes\"\n");
      CHECK(emit_sequence_item(Node::scalar("a\nb\n"), 2) == "  - |\n    a\n    b\n");
    }
    SUBCASE("a block list of scalars stays a block list")
    {
      CHECK(emit_entry("tags", Node::sequence({Node::scalar("a"), Node::scalar("no")}), 0)
            == "tags:\n  - a\n  - \"no\"\n");
    }
    SUBCASE("a flow list with multi-line items is written as a block")
    {
      Node list = Node::sequence({Node::scalar("a\nb")});
      list.flow = true;
      const auto text = emit_entry("topics", list, 0);
      CHECK(text == "topics:\n  - |-\n    a\n    b\n");
    }
    SUBCASE("keys are quoted like values")
    {
      CHECK(emit_entry("yes", Node::scalar("x"), 0) == "\"yes\": x\n");
      CHECK(emit_entry("a: b", Node::scalar("x"), 0) == "\"a: b\": x\n");
    }
    SUBCASE("what was emitted parses to the same tree")
    {
      const Node back = read("sessions:\n" + emit_sequence_item(session, 2));
      CHECK(mentor::store::same_content(back.find("sessions")->items[0], session));
    }
  }

  TEST_CASE("emit_inline_value")
  {
    Node list = Node::sequence({Node::scalar("a"), Node::scalar("on"), Node::scalar("x]")});
    CHECK(emit_inline_value(list) == "[a, \"on\", \"x]\"]");
    CHECK(emit_inline_value(Node::sequence()) == "[]");
    CHECK(emit_inline_value(Node::scalar("2026-01-19")) == "2026-01-19");
    CHECK(emit_inline_value(Node::scalar("two\nlines")) == "\"two\\nlines\"");
    CHECK(emit_inline_value(Node()) == "");
    CHECK_THROWS_AS(emit_inline_value(Node::map()), mentor::Error);
  }
}
