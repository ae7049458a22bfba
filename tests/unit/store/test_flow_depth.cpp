#include "mentor/store/flow_depth.hpp"
#include "mentor/store/parse.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <string>

using mentor::store::find_deep_flow;
using mentor::store::k_max_depth;
using mentor::store::parse_document;

namespace {

const std::string k_open(100, '[');
const std::string k_close(100, ']');

std::optional<std::size_t> deep(const std::string& text)
{
  return find_deep_flow(text, k_max_depth);
}

// Text that holds brackets but no deep flow collection must also be what
// the parser reads without complaint, or the test proves nothing.
void check_not_counted(const std::string& text)
{
  CHECK_MESSAGE(!deep(text), text);
  CHECK_NOTHROW(parse_document("x.yaml", text));
}

} // namespace

TEST_SUITE("store::flow_depth")
{
  TEST_CASE("deep flow collections are found at the bracket past the limit")
  {
    SUBCASE("a top-level run of brackets")
    {
      CHECK(deep(std::string(100000, '[')) == std::size_t(k_max_depth));
    }
    SUBCASE("as a value, a list item, after an anchor, over several lines")
    {
      CHECK(deep("a: " + k_open) == 3 + std::size_t(k_max_depth));
      CHECK(deep("a:\n  - b: x\n    c: " + k_open).has_value());
      CHECK(deep("- " + std::string(100, '{')).has_value());
      CHECK(deep("a: &x " + k_open).has_value());
      std::string lines = "a:\n";
      for (int i = 0; i < 100; ++i) {
        lines += "  [\n";
      }
      CHECK(deep(lines).has_value());
      CHECK(deep("a: [x, [y, " + std::string(100, '{') + "]]").has_value());
    }
    SUBCASE("after a session whose notes go on over lines")
    {
      CHECK(deep("sessions:\n  - date: 2026-01-01\n    notes: one\n      two\n  - notes: " + k_open).has_value());
    }
    SUBCASE("just at the limit is left to the parser")
    {
      CHECK(!deep("a: " + std::string(std::size_t(k_max_depth), '[') + std::string(std::size_t(k_max_depth), ']')));
      CHECK(deep(std::string(std::size_t(k_max_depth) + 1, '[')).has_value());
    }
    SUBCASE("sibling collections do not add up")
    {
      std::string many;
      for (int i = 0; i < 1000; ++i) {
        many += "a" + std::to_string(i) + ": [[[x]], {b: [y]}]\n";
      }
      check_not_counted(many);
    }
  }

  TEST_CASE("brackets in text are not counted")
  {
    SUBCASE("comments")
    {
      check_not_counted("# " + k_open + "\na: 1 # " + k_open + "\n");
      check_not_counted("a: [x, # " + k_open + "\n  y]\n");
    }
    SUBCASE("quoted scalars, over lines too")
    {
      check_not_counted("a: \"" + k_open + "\"\n");
      check_not_counted("a: '" + k_open + "'\n");
      check_not_counted("a: 'it''s " + k_open + "'\n");
      check_not_counted("a: \"say \\\" " + k_open + "\"\n");
      check_not_counted("a: \"one\n  " + k_open + "\"\n");
      check_not_counted("a: [\"" + k_open + "\", '" + k_open + "']\n");
      check_not_counted("\"" + k_open + "\": x\n");
    }
    SUBCASE("block scalars")
    {
      check_not_counted("a: |\n  " + k_open + "\nb: 1\n");
      check_not_counted("a: >-\n  x\n\n  " + k_open + "\n");
      check_not_counted("- |\n  " + k_open + "\n");
      check_not_counted("s:\n  - notes: |\n      " + k_open + "\n    date: x\n");
      check_not_counted("a:\n  |\n    " + k_open + "\n");
    }
    SUBCASE("plain scalars, and the lines that go on with them")
    {
      check_not_counted("a: see " + k_open + "\n");
      check_not_counted("a: one\n  " + k_open + "\n");
      check_not_counted("a:\n  one\n  " + k_open + "\n");
      check_not_counted("- one\n  " + k_open + "\n");
      check_not_counted("s:\n  - b: one\n      " + k_open + "\n");
      check_not_counted("one\n" + k_open + "\n");
      check_not_counted("a: [it's, x]\nb: " + k_open.substr(0, 1) + "\n  x]\n");
    }
  }

  TEST_CASE("refusing megabytes of brackets is quick")
  {
    for (const auto& text : {std::string(4 * 1024 * 1024 - 8, '['), "a: " + std::string(4 * 1024 * 1024 - 8, '{'),
                             "- " + std::string(4 * 1024 * 1024 - 8, '[')}) {
      const auto start = std::chrono::steady_clock::now();
      CHECK_THROWS(parse_document("x.yaml", text));
      const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      // yaml-cpp alone takes seconds on this (more under the sanitizers);
      // the scan milliseconds. The bound leaves room for a loaded machine.
      MESSAGE("refused " << text.size() << " bytes of brackets in " << seconds << " s");
      CHECK(seconds < 3.0);
    }
  }
}
