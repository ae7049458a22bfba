#include "testutil.hpp"
#include "mentor/store/writer.hpp"
#include "mentor/store/parse.hpp"
#include "mentor/store/source_error.hpp"
#include "mentor/util/error.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

using mentor::testutil::contains;

using mentor::store::Document;
using mentor::store::Entry;
using mentor::store::Node;
using mentor::store::NodePath;
using mentor::store::parse_document;
using mentor::store::Patch;
using mentor::store::Problem;
using mentor::store::same_content;
using mentor::store::single_line_extent;
using mentor::store::SourceError;
using mentor::store::walk;

namespace {

const char* const k_file = "pairings/phil--zoe.yaml";

Document parse(const std::string& text)
{
  return parse_document(k_file, text);
}

// A session as `mentor log` adds one, and how it is written with its dash
// at column 2 and at column 0.
Node new_session()
{
  Node session = Node::map();
  session.add("date", Node::scalar("2026-02-01"))
    .add("duration", Node::scalar("45m"))
    .add("notes", Node::scalar("Line one\nLine two\n"));
  return session;
}

const std::string k_item2 = "  - date: 2026-02-01\n"
                            "    duration: 45m\n"
                            "    notes: |\n"
                            "      Line one\n"
                            "      Line two\n";
const std::string k_item0 = "- date: 2026-02-01\n"
                            "  duration: 45m\n"
                            "  notes: |\n"
                            "    Line one\n"
                            "    Line two\n";

std::string crlf(const std::string& text)
{
  std::string out;
  for (char c : text) {
    out += c == '\n' ? std::string("\r\n") : std::string(1, c);
  }
  return out;
}

// Applies `edit` to `before` and returns the verified text. Checks on the way
// that the new text reads back as the patch's expected tree, that the
// document is left as it was, and that result() gives the same text twice.
std::string patched(const std::string& before, const std::function<void(Patch&)>& edit)
{
  const Document doc = parse(before);
  const Node old_root = doc.root;
  Patch patch(doc);
  edit(patch);
  const std::string after = patch.result();
  CHECK(patch.result() == after);
  CHECK(doc.text == before);
  CHECK(same_content(doc.root, old_root));
  const Document reread = parse(after);
  CHECK(same_content(reread.root, patch.expected()));
  return after;
}

std::string appended(const std::string& before, const Node& item = new_session())
{
  const std::string after = patched(before, [&](Patch& p) { p.append_to_top_sequence("sessions", item); });
  // The tree is the old one with one more session at the end.
  Node expected = parse(before).root;
  Node* sessions = expected.find("sessions");
  if (!sessions) {
    expected.add("sessions", Node::sequence());
    sessions = expected.find("sessions");
  } else if (sessions->is_null()) {
    *sessions = Node::sequence();
  }
  sessions->items.push_back(item);
  CHECK(same_content(parse(after).root, expected));
  return after;
}

// The problem a patch step refuses with.
Problem refusal(const std::string& before, const std::function<void(Patch&)>& edit)
{
  const Document doc = parse(before);
  Patch patch(doc);
  try {
    edit(patch);
  } catch (const SourceError& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems().front().file == k_file);
    CHECK(doc.text == before);
    return e.problems().front();
  }
  FAIL("the edit was accepted");
  return {};
}

// The message of the mentor::Error result() throws.
std::string result_error(const std::string& before, const std::function<void(Patch&)>& edit)
{
  const Document doc = parse(before);
  Patch patch(doc);
  edit(patch);
  try {
    (void)patch.result();
  } catch (const SourceError& e) {
    FAIL("result() threw a SourceError: " << e.what());
  } catch (const mentor::Error& e) {
    CHECK(doc.text == before);
    CHECK(e.exit_code() == 1);
    CHECK(!e.hint().empty());
    return e.what();
  }
  FAIL("result() did not throw");
  return {};
}

NodePath path(std::vector<mentor::store::PathStep> steps)
{
  return steps;
}

} // namespace

TEST_SUITE("store::writer")
{
  TEST_CASE("append_to_top_sequence: a block list at the end of the file")
  {
    SUBCASE("items at column 2")
    {
      const std::string before = "mentor: phil\n"
                                 "mentee: zoe\n"
                                 "sessions:\n"
                                 "  - date: 2026-01-12\n"
                                 "    notes: First.\n";
      CHECK(appended(before) == before + k_item2);
    }
    SUBCASE("items at column 0")
    {
      const std::string before = "mentor: phil\nsessions:\n- date: 2026-01-12\n  notes: First.\n";
      CHECK(appended(before) == before + k_item0);
    }
    SUBCASE("items at column 4")
    {
      const std::string before = "sessions:\n    - date: 2026-01-12\n";
      CHECK(appended(before) == before + "    - date: 2026-02-01\n"
                                         "      duration: 45m\n"
                                         "      notes: |\n"
                                         "        Line one\n"
                                         "        Line two\n");
    }
    SUBCASE("trailing comments and blank lines stay where they are")
    {
      const std::string before = "sessions:\n  - date: 2026-01-12\n\n# next time: ask about X\n  # indented\n\n";
      CHECK(appended(before) == before + k_item2);
    }
    SUBCASE("a last session whose notes end in a block")
    {
      const std::string before = "sessions:\n  - date: 2026-01-12\n    notes: |\n      x\n\n\n";
      CHECK(appended(before) == before + k_item2);
      const std::string keep = "sessions:\n  - date: 2026-01-12\n    notes: |+\n      x\n\n";
      CHECK(appended(keep) == keep + k_item2);
    }
    SUBCASE("a file without a final line break")
    {
      const std::string before = "mentor: phil\nsessions:\n  - date: 2026-01-12";
      CHECK(appended(before) == before + "\n" + k_item2);
      const std::string comment = "sessions:\n  - date: 2026-01-12\n# the end";
      CHECK(appended(comment) == comment + "\n" + k_item2);
    }
    SUBCASE("two appends in one patch keep their order")
    {
      Node second = Node::map();
      second.add("date", Node::scalar("2026-02-08"));
      const std::string before = "sessions:\n  - date: 2026-01-12\n";
      const std::string after = patched(before, [&](Patch& p) {
        p.append_to_top_sequence("sessions", new_session());
        p.append_to_top_sequence("sessions", second);
      });
      CHECK(after == before + k_item2 + "  - date: 2026-02-08\n");
    }
  }

  TEST_CASE("append_to_top_sequence: an empty or missing list")
  {
    SUBCASE("`sessions:` with nothing after it but a comment")
    {
      const std::string before = "mentor: phil\nsessions:   # none yet\n";
      CHECK(appended(before) == before + k_item2);
      CHECK(appended("mentor: phil\nsessions:\n") == "mentor: phil\nsessions:\n" + k_item2);
    }
    SUBCASE("`sessions:` as the very last bytes")
    {
      CHECK(appended("mentor: phil\nsessions:") == "mentor: phil\nsessions:\n" + k_item2);
    }
    SUBCASE("`sessions: []` loses its brackets, keeps its comment")
    {
      CHECK(appended("mentor: phil\nsessions: []\n") == "mentor: phil\nsessions:\n" + k_item2);
      CHECK(appended("mentor: phil\nsessions: [] # none yet\n") == "mentor: phil\nsessions: # none yet\n" + k_item2);
      CHECK(appended("mentor: phil\nsessions: [ ]") == "mentor: phil\nsessions:\n" + k_item2);
    }
    SUBCASE("`sessions: ~` and `sessions: null`")
    {
      CHECK(appended("mentor: phil\nsessions: ~\n") == "mentor: phil\nsessions:\n" + k_item2);
      CHECK(appended("sessions: null # c\nmentor: phil\n") == "sessions: # c\n" + k_item2 + "mentor: phil\n");
      CHECK(appended("sessions: NULL\n") == "sessions:\n" + k_item2);
    }
    SUBCASE("no `sessions:` key at all: one is added at the end")
    {
      CHECK(appended("mentor: phil\nmentee: zoe\n") == "mentor: phil\nmentee: zoe\nsessions:\n" + k_item2);
      CHECK(appended("mentor: phil") == "mentor: phil\nsessions:\n" + k_item2);
      CHECK(appended("mentor: phil\n# the end\n") == "mentor: phil\n# the end\nsessions:\n" + k_item2);
    }
  }

  TEST_CASE("append_to_top_sequence: `sessions:` is not the last key")
  {
    SUBCASE("the item goes before the next key and the comments that lead up to it")
    {
      const std::string head = "mentor: phil\n"
                               "sessions:\n"
                               "  - date: 2026-01-12\n"
                               "    notes: First.\n";
      const std::string tail = "\n"
                               "# Custom notes of mine\n"
                               "# (two lines)\n"
                               "my_key: 1\n"
                               "other: [a, b]\n";
      CHECK(appended(head + tail) == head + k_item2 + tail);
    }
    SUBCASE("an indented comment belongs to the list")
    {
      const std::string head = "sessions:\n  - date: 2026-01-12\n  # about the next one\n";
      const std::string tail = "# about my_key\nmy_key: 1\n";
      CHECK(appended(head + tail) == head + k_item2 + tail);
    }
    SUBCASE("items at column 0 followed by a key")
    {
      const std::string head = "sessions:\n- date: 2026-01-12\n";
      const std::string tail = "my_key: 1\n";
      CHECK(appended(head + tail) == head + k_item0 + tail);
    }
    SUBCASE("an empty list followed by a key")
    {
      CHECK(appended("sessions:\nmy_key: 1\n") == "sessions:\n" + k_item2 + "my_key: 1\n");
      CHECK(appended("sessions: []\nmy_key: 1\n") == "sessions:\n" + k_item2 + "my_key: 1\n");
    }
    SUBCASE("another list after it is left alone")
    {
      const std::string after = appended("sessions:\n  - date: 2026-01-12\nother:\n  - x\n");
      CHECK(after == "sessions:\n  - date: 2026-01-12\n" + k_item2 + "other:\n  - x\n");
    }
  }

  TEST_CASE("append_to_top_sequence: a CRLF file stays CRLF")
  {
    const std::string before = crlf("mentor: phil\nsessions:\n  - date: 2026-01-12\n");
    CHECK(appended(before) == before + crlf(k_item2));
    CHECK(appended(crlf("sessions: []\n")) == crlf("sessions:\n" + k_item2));
    CHECK(appended("mentor: phil\r\nsessions:\r\n  - date: 2026-01-12")
          == crlf("mentor: phil\nsessions:\n  - date: 2026-01-12\n" + k_item2));
    CHECK(appended(crlf("sessions:\n  - x: 1\n# c\nmy_key: 1\n"))
          == crlf("sessions:\n  - x: 1\n" + k_item2 + "# c\nmy_key: 1\n"));
  }

  TEST_CASE("append_to_top_sequence refuses what it cannot add to")
  {
    auto append = [](Patch& p) { p.append_to_top_sequence("sessions", new_session()); };

    SUBCASE("a flow list with items")
    {
      const Problem p = refusal("mentor: phil\nsessions: [{date: 2026-01-12}]\n", append);
      CHECK(p.line == 2);
      CHECK(p.col == 11);
      CHECK(contains(p.message, "`sessions:` must be a list written one item per line"));
      CHECK(contains(p.hint, "  - "));
    }
    SUBCASE("an empty flow list over several lines, a text, a map")
    {
      CHECK(refusal("sessions: [\n]\n", append).line == 1);
      CHECK(refusal("sessions:\n  []\n", append).line == 2);
      CHECK(refusal("sessions: none\n", append).col == 11);
      CHECK(refusal("sessions:\n  date: 2026-01-12\n", append).line == 2);
    }
    SUBCASE("a file that is not a block map")
    {
      CHECK(contains(refusal("- a\n- b\n", append).message, "not a block of `key: value` lines"));
      CHECK(contains(refusal("{mentor: phil}\n", append).message, "not a block"));
      CHECK(contains(refusal("", append).message, "not a block"));
    }
  }

  TEST_CASE("result() refuses a change that would not read back as intended")
  {
    SUBCASE("a document-end marker at the end of the file")
    {
      const std::string message = result_error("sessions:\n  - date: 2026-01-12\n...\n", [](Patch& p) {
        p.append_to_top_sequence("sessions", new_session());
      });
      CHECK(message.starts_with(k_file));
      CHECK(contains(message, "nothing was written"));
      CHECK(contains(message, "unreadable"));
      CHECK(contains(message, "more than one YAML document"));
    }
    SUBCASE("a kept block before the next key would lose its blank line")
    {
      const std::string message =
        result_error("sessions:\n  - notes: |+\n      x\n\nnext: 1\n", [](Patch& p) {
          p.append_to_top_sequence("sessions", new_session());
        });
      CHECK(contains(message, "would not read back as intended"));
      CHECK(contains(message, "nothing was written"));
      CHECK(contains(message, "sessions[0].notes"));
    }
    SUBCASE("top-level keys that are indented")
    {
      const std::string message = result_error("  mentor: phil\n  mentee: zoe\n", [](Patch& p) {
        p.append_to_top_sequence("sessions", new_session());
      });
      CHECK(contains(message, "nothing was written"));
    }
  }

  TEST_CASE("replace_scalar changes one value and nothing else")
  {
    auto replace = [](const std::string& before, const std::string& key, const std::string& value) {
      return patched(before, [&](Patch& p) { p.replace_scalar({}, key, value); });
    };

    SUBCASE("a plain value")
    {
      CHECK(replace("mentor: phil\nstatus: active\nstarted: 2026-01-05\n", "status", "paused")
            == "mentor: phil\nstatus: paused\nstarted: 2026-01-05\n");
      CHECK(replace("status: active", "status", "ended") == "status: ended");
    }
    SUBCASE("a double-quoted value, with escapes")
    {
      CHECK(replace("status: \"active\"\nx: 1\n", "status", "ended") == "status: ended\nx: 1\n");
      CHECK(replace("outcome: \"said \\\"no\\\"\"\nx: 1\n", "outcome", "done") == "outcome: done\nx: 1\n");
    }
    SUBCASE("a single-quoted value with a doubled quote")
    {
      CHECK(replace("outcome: 'it''s done'\nx: 1\n", "outcome", "Bob's") == "outcome: Bob's\nx: 1\n");
    }
    SUBCASE("a value followed by a comment keeps the comment and the spacing")
    {
      CHECK(replace("status: active    # why\n", "status", "paused") == "status: paused    # why\n");
      CHECK(replace("status: \"a # b\" # c\n", "status", "x") == "status: x # c\n");
      CHECK(replace("status: 'a # b'   # c\n", "status", "x") == "status: x   # c\n");
      CHECK(replace("sponsor: a#b\n", "sponsor", "c") == "sponsor: c\n");
    }
    SUBCASE("an empty value")
    {
      CHECK(replace("ended:\nstatus: active\n", "ended", "2026-04-02") == "ended: 2026-04-02\nstatus: active\n");
      CHECK(replace("ended:   # when it ended\nx: 1\n", "ended", "2026-04-02")
            == "ended: 2026-04-02   # when it ended\nx: 1\n");
      CHECK(replace("x: 1\nended:", "ended", "2026-04-02") == "x: 1\nended: 2026-04-02");
      CHECK(replace("x: 1\nended: ", "ended", "2026-04-02") == "x: 1\nended: 2026-04-02 ");
      CHECK(replace("ended: ~\n", "ended", "2026-04-02") == "ended: 2026-04-02\n");
      CHECK(replace("ended: null # c\n", "ended", "2026-04-02") == "ended: 2026-04-02 # c\n");
      CHECK(replace("ended: \"\"\n", "ended", "2026-04-02") == "ended: 2026-04-02\n");
    }
    SUBCASE("the new value is quoted as needed")
    {
      CHECK(replace("outcome: x\n", "outcome", "yes") == "outcome: \"yes\"\n");
      CHECK(replace("outcome: x\n", "outcome", "a: b # c") == "outcome: \"a: b # c\"\n");
      CHECK(replace("outcome: x\n", "outcome", "two\nlines") == "outcome: \"two\\nlines\"\n");
      CHECK(replace("outcome: x\n", "outcome", "") == "outcome: \"\"\n");
    }
    SUBCASE("in a nested map")
    {
      const std::string before = "sessions:\n"
                                 "  - date: 2026-01-12\n"
                                 "    actions:\n"
                                 "      - id: a1\n"
                                 "        text: Draft\n"
                                 "      - id: a2\n"
                                 "        text: Call   # soon\n";
      const std::string after = patched(before, [](Patch& p) {
        p.replace_scalar(path({std::string("sessions"), std::size_t{0}, std::string("actions"), std::size_t{1}}),
                         "text", "Call Bob");
      });
      CHECK(after == "sessions:\n"
                     "  - date: 2026-01-12\n"
                     "    actions:\n"
                     "      - id: a1\n"
                     "        text: Draft\n"
                     "      - id: a2\n"
                     "        text: Call Bob   # soon\n");
    }
    SUBCASE("a CRLF file")
    {
      CHECK(replace("status: active\r\nx: 1\r\n", "status", "paused") == "status: paused\r\nx: 1\r\n");
      CHECK(replace("ended:\r\nx: 1\r\n", "ended", "2026-04-02") == "ended: 2026-04-02\r\nx: 1\r\n");
    }
    SUBCASE("the expected tree holds the new value")
    {
      const Document doc = parse("a: 1\nstatus: active\n");
      Patch patch(doc);
      patch.replace_scalar({}, "status", "ended");
      CHECK(patch.expected().find("status")->value == "ended");
      CHECK(patch.expected().find("a")->value == "1");
    }
  }

  TEST_CASE("replace_scalar refuses values that are not on one line")
  {
    auto replace = [](const std::string& key) { return [key](Patch& p) { p.replace_scalar({}, key, "new"); }; };

    SUBCASE("a block scalar")
    {
      Problem p = refusal("x: 1\noutcome: |\n  done\n", replace("outcome"));
      CHECK(p.line == 2);
      CHECK(p.col == 10);
      CHECK(contains(p.message, "block of text"));
      CHECK(contains(p.hint, "one line"));
      CHECK(contains(refusal("outcome: >-\n  done\n", replace("outcome")).message, "block of text"));
    }
    SUBCASE("plain and quoted values over several lines")
    {
      CHECK(contains(refusal("outcome: a\n  b\n", replace("outcome")).message, "spans several lines"));
      CHECK(contains(refusal("outcome: \"a\n  b\"\n", replace("outcome")).message, "spans several lines"));
      CHECK(contains(refusal("outcome: 'a\n  b'\n", replace("outcome")).message, "spans several lines"));
    }
    SUBCASE("a list or a map")
    {
      CHECK(contains(refusal("outcome: [a]\n", replace("outcome")).message, "a list or a map"));
      CHECK(contains(refusal("outcome:\n  a: 1\n", replace("outcome")).message, "a list or a map"));
    }
    SUBCASE("a value in a flow map")
    {
      auto in_m = [](Patch& p) { p.replace_scalar(path({std::string("m")}), "outcome", "y"); };
      CHECK(refusal("m: {outcome: x, b: 1}\n", in_m).col == 14);
      CHECK(refusal("m: {outcome: \"x\", b: 1}\n", in_m).col == 14);
    }
    SUBCASE("a key that is not there is a bug in the caller")
    {
      const Document doc = parse("a: 1\n");
      Patch patch(doc);
      CHECK_THROWS_WITH_AS(patch.replace_scalar({}, "nope", "x"), doctest::Contains("internal error"),
                           mentor::Error);
      CHECK_THROWS_AS(patch.replace_scalar(path({std::string("missing")}), "a", "x"), mentor::Error);
    }
  }

  TEST_CASE("insert_keys adds lines after an anchor key")
  {
    const std::string before = "sessions:\n"
                               "  - date: 2026-01-12\n"
                               "    actions:\n"
                               "      - id: a1\n"
                               "        text: Draft\n"
                               "        due: 2026-01-19\n"
                               "        my_key: kept\n"
                               "      - id: a2\n"
                               "        text: Call\n";
    const NodePath a1 = path({std::string("sessions"), std::size_t{0}, std::string("actions"), std::size_t{0}});
    const NodePath a2 = path({std::string("sessions"), std::size_t{0}, std::string("actions"), std::size_t{1}});
    const std::vector<Entry> done = {Entry{"done", {}, Node::scalar("2026-01-18")}};

    SUBCASE("into an action in a session, after the first of `after` it has")
    {
      const std::string after = patched(before, [&](Patch& p) { p.insert_keys(a1, done, {"due", "text"}); });
      CHECK(after == "sessions:\n"
                     "  - date: 2026-01-12\n"
                     "    actions:\n"
                     "      - id: a1\n"
                     "        text: Draft\n"
                     "        due: 2026-01-19\n"
                     "        done: 2026-01-18\n"
                     "        my_key: kept\n"
                     "      - id: a2\n"
                     "        text: Call\n");
      const Node reread = parse(after).root;
      const Node* action = walk(reread, a1);
      REQUIRE(action != nullptr);
      CHECK(action->entries[3].key == "done");
      CHECK(action->entries[4].key == "my_key");
    }
    SUBCASE("the next of `after` when the first is not there")
    {
      const std::string after = patched(before, [&](Patch& p) { p.insert_keys(a2, done, {"due", "text"}); });
      CHECK(after == before + "        done: 2026-01-18\n");
    }
    SUBCASE("after the last one-line key when none of `after` is there")
    {
      const std::string after = patched(before, [&](Patch& p) { p.insert_keys(a1, done, {"nope"}); });
      CHECK(contains(after, "        my_key: kept\n        done: 2026-01-18\n      - id: a2\n"));
    }
    SUBCASE("several keys, in order, with values quoted as needed")
    {
      const std::vector<Entry> entries = {Entry{"ended", {}, Node::scalar("2026-04-02")},
                                          Entry{"outcome", {}, Node::scalar("yes: done")},
                                          Entry{"tags", {}, Node::sequence({Node::scalar("a"), Node::scalar("b,c")})}};
      const std::string top = "mentor: phil\nstatus: ended   # c\nstarted: 2026-01-05\n";
      const std::string after = patched(top, [&](Patch& p) { p.insert_keys({}, entries, {"status"}); });
      CHECK(after == "mentor: phil\n"
                     "status: ended   # c\n"
                     "ended: 2026-04-02\n"
                     "outcome: \"yes: done\"\n"
                     "tags: [a, \"b,c\"]\n"
                     "started: 2026-01-05\n");
    }
    SUBCASE("a list at column 0 and a comment after the anchor")
    {
      const std::string flat = "sessions:\n"
                               "- date: 2026-01-12\n"
                               "  actions:\n"
                               "  - id: a1\n"
                               "    due: 2026-01-19 # friday\n"
                               "    text: T\n";
      const std::string after = patched(flat, [&](Patch& p) { p.insert_keys(a1, done, {"due"}); });
      CHECK(after == "sessions:\n"
                     "- date: 2026-01-12\n"
                     "  actions:\n"
                     "  - id: a1\n"
                     "    due: 2026-01-19 # friday\n"
                     "    done: 2026-01-18\n"
                     "    text: T\n");
    }
    SUBCASE("quoted anchor values, and keys whose values are blocks are passed over")
    {
      const std::string quoted = "sessions:\n  - actions:\n      - id: \"a1\"\n        text: |\n          x\n";
      const std::string after = patched(quoted, [&](Patch& p) { p.insert_keys(a1, done, {"text"}); });
      CHECK(after
            == "sessions:\n  - actions:\n      - id: \"a1\"\n        done: 2026-01-18\n        text: |\n          x\n");
    }
    SUBCASE("at the end of a file without a final line break")
    {
      const std::string last = "sessions:\n  - actions:\n      - id: a1\n        text: T";
      const std::string after = patched(last, [&](Patch& p) { p.insert_keys(a1, done, {"text"}); });
      CHECK(after == last + "\n        done: 2026-01-18\n");
    }
    SUBCASE("a CRLF file")
    {
      const std::string after = patched(crlf(before), [&](Patch& p) { p.insert_keys(a1, done, {"due"}); });
      CHECK(after == crlf("sessions:\n"
                          "  - date: 2026-01-12\n"
                          "    actions:\n"
                          "      - id: a1\n"
                          "        text: Draft\n"
                          "        due: 2026-01-19\n"
                          "        done: 2026-01-18\n"
                          "        my_key: kept\n"
                          "      - id: a2\n"
                          "        text: Call\n"));
    }
    SUBCASE("together with an append")
    {
      const std::string after = patched(before, [&](Patch& p) {
        p.insert_keys(a1, done, {"due"});
        p.append_to_top_sequence("sessions", new_session());
      });
      CHECK(after == "sessions:\n"
                     "  - date: 2026-01-12\n"
                     "    actions:\n"
                     "      - id: a1\n"
                     "        text: Draft\n"
                     "        due: 2026-01-19\n"
                     "        done: 2026-01-18\n"
                     "        my_key: kept\n"
                     "      - id: a2\n"
                     "        text: Call\n"
                     + k_item2);
    }
  }

  TEST_CASE("insert_keys refuses maps it cannot add a line to")
  {
    const NodePath a1 = path({std::string("sessions"), std::size_t{0}, std::string("actions"), std::size_t{0}});
    const std::vector<Entry> done = {Entry{"done", {}, Node::scalar("2026-01-18")}};
    auto insert = [&](Patch& p) { p.insert_keys(a1, done, {"due"}); };

    SUBCASE("a flow map")
    {
      const Problem p = refusal("sessions:\n  - actions:\n      - {id: a1, due: 2026-01-19}\n", insert);
      CHECK(p.line == 3);
      CHECK(p.col == 9);
      CHECK(contains(p.message, "flow style"));
    }
    SUBCASE("no one-line value to put the line after")
    {
      const Problem p = refusal("sessions:\n  - actions:\n      - text: |\n          x\n", insert);
      CHECK(contains(p.message, "no one-line value"));
    }
    SUBCASE("an anchor whose plain value goes on to the next line")
    {
      const Problem p = refusal("sessions:\n  - actions:\n      - id: a1\n        due: 2026-01-19\n          later\n",
                                insert);
      CHECK(p.line == 4);
      CHECK(contains(p.message, "spans several lines"));
    }
    SUBCASE("a path that is not a map")
    {
      const Document doc = parse("sessions:\n  - x\n");
      Patch patch(doc);
      CHECK_THROWS_AS(patch.insert_keys(path({std::string("sessions")}), done, {}), mentor::Error);
      CHECK_THROWS_AS(patch.insert_keys(a1, done, {}), mentor::Error);
    }
  }

  TEST_CASE("rename_key renames one key in place")
  {
    const auto goals = path({std::string("sessions"), std::size_t{0}, std::string("goals")});
    auto rename = [&](const std::string& before) {
      return patched(before, [&](Patch& p) { p.rename_key(goals, "g2", "g3"); });
    };
    CHECK(rename("sessions:\n  - date: 2026-01-12\n    goals:\n      g1: open\n      g2: achieved  # yes\n")
          == "sessions:\n  - date: 2026-01-12\n    goals:\n      g1: open\n      g3: achieved  # yes\n");
    CHECK(rename("sessions:\n  - goals: {g2: achieved, g1: open}\n")
          == "sessions:\n  - goals: {g3: achieved, g1: open}\n");
    CHECK(rename("sessions:\n  - goals:\n      \"g2\": achieved\n") == "sessions:\n  - goals:\n      g3: achieved\n");
    CHECK(patched("a: 1\nb: 2\n", [](Patch& p) { p.rename_key({}, "b", "yes"); }) == "a: 1\n\"yes\": 2\n");
    SUBCASE("a key written with escapes is refused")
    {
      const Document doc = parse("sessions:\n  - goals:\n      \"g\\x32\": achieved\n");
      Patch patch(doc);
      CHECK_THROWS_AS(patch.rename_key(goals, "g2", "g3"), SourceError);
    }
    SUBCASE("a key that is not there")
    {
      const Document doc = parse("a: 1\n");
      Patch patch(doc);
      CHECK_THROWS_AS(patch.rename_key({}, "b", "c"), mentor::Error);
    }
  }

  TEST_CASE("single_line_extent")
  {
    auto extent_text = [](const std::string& text, const char* key) {
      const Document doc = parse(text);
      const auto extent = single_line_extent(doc, *doc.root.find(key));
      return text.substr(extent.begin, extent.end - extent.begin);
    };
    CHECK(extent_text("a: hello world  # c\n", "a") == "hello world");
    CHECK(extent_text("a: \"x\\\" # y\" # c\n", "a") == "\"x\\\" # y\"");
    CHECK(extent_text("a: 'it''s'\n", "a") == "'it''s'");
    CHECK(extent_text("a: ~\n", "a") == "~");
    CHECK(extent_text("a: x\r\n", "a") == "x");
    const Document doc = parse("a: |\n  x\n");
    CHECK_THROWS_AS(single_line_extent(doc, *doc.root.find("a")), SourceError);
  }
}
