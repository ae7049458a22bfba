#include "testutil.hpp"
#include "mentor/store/parse.hpp"
#include "mentor/store/source_error.hpp"

#include <doctest/doctest.h>

#include <string>

using mentor::testutil::contains;

using mentor::store::Document;
using mentor::store::k_max_depth;
using mentor::store::k_max_file_bytes;
using mentor::store::Node;
using mentor::store::parse_document;
using mentor::store::Problem;
using mentor::store::SourceError;

namespace {

Document parse(const std::string& text)
{
  return parse_document("people/alice.yaml", text);
}

// The one problem parse_document reports for `text`.
Problem refusal(const std::string& text)
{
  try {
    parse(text);
  } catch (const SourceError& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(std::string(e.what()).starts_with("people/alice.yaml"));
    return e.problems().front();
  }
  FAIL("the text was accepted: " << text);
  return {};
}

#define CHECK_AT(problem, l, c)                                                                    \
  do {                                                                                             \
    CHECK((problem).line == (l));                                                                  \
    CHECK((problem).col == (c));                                                                   \
  } while (false)

} // namespace

TEST_SUITE("store::parse")
{
  TEST_CASE("a well-formed file becomes a tree with positions")
  {
    const std::string text = "name: Alice Smith\n"
                             "tags: [library, \"new manager\"]\n"
                             "notes: |\n"
                             "  Promoted in March.\n"
                             "sessions:\n"
                             "  - date: 2026-01-12\n"
                             "    topics:\n"
                             "    - a\n";
    const Document doc = parse(text);
    CHECK(doc.path == "people/alice.yaml");
    CHECK(doc.text == text);
    const Node& root = doc.root;
    REQUIRE(root.is_map());
    CHECK_FALSE(root.flow);
    REQUIRE(root.entries.size() == 4);

    SUBCASE("keys and values with line, column and byte offset")
    {
      const auto& name = root.entries[0];
      CHECK(name.key == "name");
      CHECK(name.key_mark.line == 1);
      CHECK(name.key_mark.col == 1);
      CHECK(name.key_mark.offset == 0u);
      CHECK(name.value.value == "Alice Smith");
      CHECK(name.value.mark.line == 1);
      CHECK(name.value.mark.col == 7);
      CHECK(name.value.mark.offset == 6u);

      const auto& tags = root.entries[1];
      CHECK(tags.key_mark.line == 2);
      CHECK(tags.key_mark.offset == text.find("tags"));
      CHECK(tags.value.mark.offset == text.find('['));
      REQUIRE(tags.value.items.size() == 2);
      CHECK(tags.value.items[1].value == "new manager");
      CHECK(tags.value.items[1].mark.offset == text.find("\"new"));
      CHECK(tags.value.items[1].mark.col == 17);
    }
    SUBCASE("flow and block collections")
    {
      CHECK(root.find("tags")->is_sequence());
      CHECK(root.find("tags")->flow);
      const Node* sessions = root.find("sessions");
      REQUIRE(sessions != nullptr);
      CHECK(sessions->is_sequence());
      CHECK_FALSE(sessions->flow);
      CHECK(sessions->mark.line == 6);
      CHECK(sessions->mark.col == 3);
      const Node& session = sessions->items[0];
      CHECK(session.is_map());
      CHECK_FALSE(session.flow);
      CHECK(session.mark.offset == text.find("date"));
      const Node* topics = session.find("topics");
      REQUIRE(topics != nullptr);
      CHECK(topics->mark.line == 8);
      CHECK(topics->mark.col == 5);
      CHECK(topics->items[0].value == "a");
    }
    SUBCASE("block scalars keep their line break and are not plain")
    {
      const Node* notes = root.find("notes");
      CHECK(notes->value == "Promoted in March.\n");
      CHECK_FALSE(notes->plain);
      CHECK(notes->mark.line == 3);
      CHECK(notes->mark.col == 8);
    }
  }

  TEST_CASE("plain, quoted and null values")
  {
    const Document doc = parse("plain: a b\n"
                               "double: \"a b\"\n"
                               "single: 'it''s'\n"
                               "literal: |-\n  x\n"
                               "folded: >-\n  x\n  y\n"
                               "str_tag: !!str 3\n"
                               "bang: ! 3\n"
                               "number: 007\n"
                               "boolean: yes\n"
                               "empty_quoted: \"\"\n"
                               "tilde: ~\n"
                               "null_word: null\n"
                               "upper_null: NULL\n"
                               "empty:\n"
                               "quoted_tilde: \"~\"\n");
    const Node& r = doc.root;

    auto plain = [&](const char* key) { return r.find(key)->plain; };
    CHECK(plain("plain"));
    CHECK_FALSE(plain("double"));
    CHECK_FALSE(plain("single"));
    CHECK_FALSE(plain("literal"));
    CHECK_FALSE(plain("folded"));
    CHECK_FALSE(plain("str_tag"));
    CHECK_FALSE(plain("bang"));
    CHECK(plain("number"));
    CHECK(plain("boolean"));
    CHECK_FALSE(plain("empty_quoted"));

    CHECK(r.find("single")->value == "it's");
    CHECK(r.find("folded")->value == "x y");
    CHECK(r.find("str_tag")->value == "3");
    CHECK(r.find("bang")->value == "3");
    // Every value is text: mentor reads no YAML types.
    CHECK(r.find("number")->value == "007");
    CHECK(r.find("boolean")->value == "yes");
    CHECK(r.find("empty_quoted")->is_scalar());
    CHECK(r.find("empty_quoted")->value.empty());
    CHECK(r.find("tilde")->is_null());
    CHECK(r.find("null_word")->is_null());
    CHECK(r.find("upper_null")->is_null());
    CHECK(r.find("empty")->is_null());
    CHECK(r.find("quoted_tilde")->is_scalar());
    CHECK(r.find("quoted_tilde")->value == "~");
  }

  TEST_CASE("files with nothing in them, and other roots")
  {
    CHECK(parse("").root.is_null());
    CHECK(parse("# only a comment\n\n").root.is_null());
    CHECK(parse("---\n").root.is_null());
    const Document seq = parse("- a\n- b\n");
    REQUIRE(seq.root.is_sequence());
    CHECK(seq.root.items.size() == 2);
    CHECK(parse("just text\n").root.value == "just text");
    CHECK(parse("---\na: 1\n...\n").root.find("a")->value == "1");
    CHECK(parse("a: 1\n...\n# a comment after the end\n").root.find("a")->value == "1");
  }

  TEST_CASE("a byte-order mark is accepted and positions stay right")
  {
    const std::string text = "\xEF\xBB\xBFname: A\nrole: b\n";
    const Document doc = parse(text);
    CHECK(doc.text == text);
    const auto& name = doc.root.entries[0];
    CHECK(name.key == "name");
    CHECK(name.key_mark.line == 1);
    CHECK(name.key_mark.col == 1);
    CHECK(name.key_mark.offset == 3u);
    CHECK(name.value.mark.col == 7);
    CHECK(name.value.mark.offset == 9u);
    CHECK(text.substr(name.value.mark.offset, 1) == "A");
    const auto& role = doc.root.entries[1];
    CHECK(role.key_mark.line == 2);
    CHECK(role.key_mark.col == 1);
    CHECK(role.key_mark.offset == 11u);
    CHECK(text.substr(role.value.mark.offset, 1) == "b");

    SUBCASE("and in refusals")
    {
      const Problem dup = refusal("\xEF\xBB\xBF" "a: 1\na: 2\n");
      CHECK_AT(dup, 2, 1);
      const Problem syntax = refusal("\xEF\xBB\xBF" "a: b: c\n");
      CHECK_AT(syntax, 1, 5);
      CHECK(syntax.excerpt == "a: b: c");
      CHECK(syntax.caret == 5);
      const Problem utf8 = refusal("\xEF\xBB\xBF" "a: \x80\n");
      CHECK_AT(utf8, 1, 4);
      const Problem nul = refusal(std::string("\xEF\xBB\xBF" "a: \0\n", 7));
      CHECK_AT(nul, 1, 4);
    }
  }

  TEST_CASE("line breaks: CRLF files read like LF files")
  {
    const std::string text = "a: 1\r\nnotes: |\r\n  x\r\n  y\r\nb: \"q\"\r\n";
    const Document doc = parse(text);
    CHECK(doc.root.find("a")->value == "1");
    CHECK(doc.root.find("notes")->value == "x\ny\n");
    CHECK(doc.root.find("b")->value == "q");
    CHECK(doc.root.find_entry("b")->key_mark.line == 5);
    CHECK(doc.root.find_entry("b")->key_mark.offset == text.find("b:"));
  }

  TEST_CASE("syntax errors")
  {
    SUBCASE("a colon in a plain value")
    {
      const Problem p = refusal("name: Alice\nrole: lead: team\n");
      CHECK_AT(p, 2, 11);
      CHECK(p.message == "YAML syntax error: illegal map value");
      CHECK(p.excerpt == "role: lead: team");
      CHECK(contains(p.hint, "indentation"));
    }
    SUBCASE("an unclosed flow list")
    {
      const Problem p = refusal("tags: [a, b\nname: x\n");
      CHECK(p.line >= 1);
      CHECK(contains(p.message, "YAML syntax error"));
      CHECK(contains(p.message, "flow"));
    }
    SUBCASE("a quoted value that is never closed")
    {
      Problem p = refusal("a: 1\nname: \"Alice\nrole: x\n");
      CHECK_AT(p, 2, 7);
      CHECK(contains(p.message, "no closing \""));
      p = refusal("name: 'Alice\n");
      CHECK_AT(p, 1, 7);
      CHECK(contains(p.message, "no closing '"));
      p = refusal("name: !!str \"Alice\n");
      CHECK(contains(p.message, "no closing \""));
      p = refusal("name: \"Alice");
      CHECK(p.line == 1);
      // Escaped quotes do not close, doubled single quotes neither.
      CHECK(contains(refusal("a: \"x\\\"\n").message, "no closing"));
      CHECK(contains(refusal("a: 'it''\n").message, "no closing"));
      CHECK(parse("a: \"x\\\\\"\nb: 'it''s'\n").root.find("a")->value == "x\\");
      CHECK(parse("a: \"x\n  y\"\n").root.find("a")->value == "x y");
    }
    SUBCASE("indentation that goes wrong")
    {
      const Problem p = refusal("a:\n  b: 1\n c: 2\n");
      CHECK(p.line >= 2);
      CHECK(contains(p.message, "YAML syntax error"));
    }
  }

  TEST_CASE("tabs used for indentation")
  {
    SUBCASE("where yaml-cpp names the tab")
    {
      const Problem p = refusal("a: 1\n\tb: 2\n");
      CHECK_AT(p, 2, 1);
      CHECK(contains(p.message, "tab"));
      CHECK(contains(p.hint, "indent with spaces"));
    }
    SUBCASE("where it does not, the line's indentation is looked at")
    {
      Problem p = refusal("a:\n\tb: 1\n");
      CHECK_AT(p, 2, 3);
      CHECK(contains(p.message, "indented with a tab"));
      CHECK(contains(p.hint, "indent with spaces"));
      p = refusal("a:\n\t- 1\n");
      CHECK(p.line == 2);
      CHECK(contains(p.message, "indented with a tab"));
      p = refusal("x: 1\ny:\n  \t z: 1\n");
      CHECK(p.line == 3);
      CHECK(contains(p.message, "tab"));
    }
    SUBCASE("a tab after the colon is fine")
    {
      CHECK(parse("a:\t1\n").root.find("a")->value == "1");
    }
  }

  TEST_CASE("duplicate keys are refused at the second one")
  {
    SUBCASE("top level")
    {
      const Problem p = refusal("name: A\nrole: r\nname: B\n");
      CHECK_AT(p, 3, 1);
      CHECK(p.message == "duplicate key \"name\" (first at line 1)");
      CHECK(contains(p.hint, "merge"));
    }
    SUBCASE("in a session")
    {
      const Problem p = refusal("sessions:\n  - date: 2026-01-01\n    notes: x\n    date: 2026-01-02\n");
      CHECK_AT(p, 4, 5);
      CHECK(contains(p.message, "\"date\" (first at line 2)"));
    }
    SUBCASE("in a flow map")
    {
      const Problem p = refusal("a: {b: 1, b: 2}\n");
      CHECK_AT(p, 1, 11);
      CHECK(contains(p.message, "duplicate key \"b\""));
    }
    SUBCASE("quoting does not make a key different")
    {
      const Problem p = refusal("name: A\n\"name\": B\n");
      CHECK_AT(p, 2, 1);
    }
    SUBCASE("the same key in different maps is fine")
    {
      CHECK(parse("a:\n  id: 1\nb:\n  id: 1\n").root.entries.size() == 2);
    }
  }

  TEST_CASE("more than one document")
  {
    SUBCASE("a second ---")
    {
      Problem p = refusal("a: 1\n---\nb: 2\n");
      CHECK_AT(p, 2, 1);
      CHECK(contains(p.message, "more than one YAML document"));
      CHECK(contains(p.hint, "---"));
      p = refusal("---\na: 1\n---\nb: 2\n");
      CHECK_AT(p, 3, 1);
      p = refusal("---\n---\n");
      CHECK_AT(p, 2, 1);
      p = refusal("a: 1\n--- \n");
      CHECK_AT(p, 2, 1);
      p = refusal("a: 1\r\n---\r\nb: 1\r\n");
      CHECK_AT(p, 2, 1);
    }
    SUBCASE("content after ...")
    {
      Problem p = refusal("a: 1\n...\nb: 2\n");
      CHECK_AT(p, 3, 1);
      CHECK(contains(p.message, "more than one YAML document"));
      p = refusal("---\na: 1\n...\n# fine\nb: 2\n");
      CHECK_AT(p, 5, 1);
      p = refusal("a: 1\n...\n---\nb: 2\n");
      CHECK_AT(p, 3, 1);
    }
  }

  TEST_CASE("anchors, aliases and tags")
  {
    SUBCASE("an anchor")
    {
      Problem p = refusal("name: A\nrole: &r lead\n");
      CHECK_AT(p, 2, 7);
      CHECK(p.message == "an anchor (&r) is not allowed in mentor's files");
      p = refusal("a: &m\n  b: 1\n");
      CHECK(contains(p.message, "anchor (&m)"));
      p = refusal("a: &l [1]\n");
      CHECK(contains(p.message, "anchor"));
    }
    SUBCASE("an alias")
    {
      Problem p = refusal("a: 1\nb: *x\n");
      CHECK_AT(p, 2, 4);
      CHECK(p.message == "an alias (*x) is not allowed in mentor's files");
      CHECK(contains(p.hint, "in full"));
      p = refusal("a: [b, *c]\n");
      CHECK_AT(p, 1, 8);
      CHECK(contains(p.message, "alias (*c)"));
    }
    SUBCASE("an anchor and an alias to it, even one that refers to itself")
    {
      Problem p = refusal("a: &x 1\nb: *x\n");
      CHECK_AT(p, 1, 4);
      p = refusal("a: &a [*a]\n");
      CHECK_AT(p, 1, 4);
      CHECK(contains(p.message, "anchor"));
    }
    SUBCASE("tags other than !!str")
    {
      Problem p = refusal("a: !!int 3\n");
      CHECK_AT(p, 1, 4);
      CHECK(contains(p.message, "tag"));
      CHECK(contains(p.message, "int"));
      CHECK(contains(p.hint, "remove the tag"));
      CHECK(contains(refusal("a: !!bool yes\n").message, "tag"));
      CHECK(contains(refusal("a: !custom x\n").message, "!custom"));
      CHECK(contains(refusal("a: !!map {b: 1}\n").message, "tag"));
      CHECK(contains(refusal("a: !!seq [1]\n").message, "tag"));
      CHECK(contains(refusal("a: !!null ~\n").message, "tag"));
    }
    SUBCASE("!!str and the non-specific ! only restate text")
    {
      CHECK(parse("a: !!str 3\n").root.find("a")->value == "3");
      CHECK(parse("a: ! 3\n").root.find("a")->value == "3");
      CHECK(parse("a: !<tag:yaml.org,2002:str> 3\n").root.find("a")->value == "3");
    }
  }

  TEST_CASE("keys must be plain text")
  {
    Problem p = refusal("? [a]\n: 1\n");
    CHECK_AT(p, 1, 3);
    CHECK(contains(p.message, "a key must be plain text"));
    p = refusal("{a: 1}: 2\n");
    CHECK_AT(p, 1, 1);
    CHECK(contains(p.message, "not a list or a map"));
    p = refusal("x: 1\n[a, b]: 2\n");
    CHECK_AT(p, 2, 1);
    p = refusal(": 1\n");
    CHECK_AT(p, 1, 1);
    CHECK(contains(p.hint, "empty key"));
    p = refusal("~: 1\n");
    CHECK(contains(p.message, "a key must be plain text"));
    // Keys are text whatever they look like.
    const Document doc = parse("1: a\nyes: b\n\"quoted key\": c\n");
    CHECK(doc.root.entries[0].key == "1");
    CHECK(doc.root.entries[1].key == "yes");
    CHECK(doc.root.entries[2].key == "quoted key");
  }

  TEST_CASE("bytes that are not UTF-8 text")
  {
    SUBCASE("an overlong encoding")
    {
      const Problem p = refusal("name: \xC0\xAF\n");
      CHECK_AT(p, 1, 7);
      CHECK(p.message == "the file is not valid UTF-8");
      CHECK(contains(p.hint, "UTF-8"));
    }
    SUBCASE("a lone continuation byte")
    {
      const Problem p = refusal("a: ok\nb: x\x80y\n");
      CHECK_AT(p, 2, 5);
      // The excerpt is safe to print.
      CHECK(p.excerpt == "b: x?y");
    }
    SUBCASE("a surrogate, a truncated sequence, a byte that never occurs")
    {
      CHECK_AT(refusal("a: \xED\xA0\x80\n"), 1, 4);
      CHECK_AT(refusal("a: \xE2\x82"), 1, 4);
      CHECK_AT(refusal("a: b\n\xFF\n"), 2, 1);
    }
    SUBCASE("a NUL byte")
    {
      const Problem p = refusal(std::string("a: 1\nb: x\0y\n", 12));
      CHECK_AT(p, 2, 5);
      CHECK(p.message == "the file contains a NUL byte");
      CHECK(p.excerpt == "b: x\\x00y");
      CHECK(p.caret == 5);
    }
    SUBCASE("valid multi-byte text is fine")
    {
      CHECK(parse("name: Zoë Núñez 😀\n").root.find("name")->value == "Zoë Núñez 😀");
    }
  }

  TEST_CASE("nesting deeper than k_max_depth")
  {
    SUBCASE("just below and at the limit")
    {
      // The top-level map is one level.
      const auto depth = static_cast<std::size_t>(k_max_depth - 1);
      CHECK_NOTHROW(parse("a: " + std::string(depth, '[') + std::string(depth, ']') + "\n"));
      const Problem p = refusal("a: " + std::string(depth + 1, '[') + std::string(depth + 1, ']') + "\n");
      CHECK_AT(p, 1, 3 + k_max_depth);
      CHECK(contains(p.message, "nested more than 64 levels"));
    }
    SUBCASE("100,000 brackets: a refusal, not a crash")
    {
      const Problem p = refusal(std::string(100000, '[') + std::string(100000, ']'));
      CHECK(p.line == 1);
      CHECK(contains(p.message, "nested"));
      CHECK(p.excerpt.size() < 200);
      CHECK_THROWS_AS(parse(std::string(100000, '[')), SourceError);
      CHECK_THROWS_AS(parse("a: " + std::string(100000, '{')), SourceError);
      std::string dashes;
      for (int i = 0; i < 50000; ++i) {
        dashes += "- ";
      }
      CHECK(contains(refusal(dashes + "x\n").message, "nested"));
    }
    SUBCASE("block nesting")
    {
      std::string text;
      for (int i = 0; i < 100; ++i) {
        text += std::string(static_cast<std::size_t>(2 * i), ' ') + "k:\n";
      }
      const Problem p = refusal(text);
      CHECK(p.line == k_max_depth + 1);
      CHECK(contains(p.message, "nested"));
    }
  }

  TEST_CASE("the size limit")
  {
    SUBCASE("one byte over is refused without a line")
    {
      const std::string text = "a: 1\n# " + std::string(k_max_file_bytes - 7, 'x') + "\n";
      REQUIRE(text.size() == k_max_file_bytes + 1);
      const Problem p = refusal(text);
      CHECK(p.line == 0);
      CHECK(p.excerpt.empty());
      CHECK(contains(p.message, std::to_string(k_max_file_bytes + 1)));
      CHECK(contains(p.message, std::to_string(k_max_file_bytes)));
    }
    SUBCASE("exactly at the limit is read")
    {
      const std::string text = "a: 1\n# " + std::string(k_max_file_bytes - 8, 'x') + "\n";
      REQUIRE(text.size() == k_max_file_bytes);
      CHECK(parse(text).root.find("a")->value == "1");
    }
  }

  TEST_CASE("what() names the file, line and column")
  {
    try {
      parse("a: 1\na: 2\n");
      FAIL("accepted");
    } catch (const SourceError& e) {
      const std::string what = e.what();
      CHECK(what.starts_with("people/alice.yaml:2:1: duplicate key \"a\""));
      CHECK(e.exit_code() == 1);
    }
  }
}
