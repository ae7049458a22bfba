#include "mentor/store/source_error.hpp"

#include <doctest/doctest.h>

#include <string>

using mentor::store::format_problem;
using mentor::store::Problem;
using mentor::store::problem_at;
using mentor::store::Severity;
using mentor::store::SourceError;

TEST_SUITE("store::source_error")
{
  TEST_CASE("format_problem")
  {
    Problem p;
    p.file = "people/alice.yaml";
    p.line = 3;
    p.col = 7;
    p.message = "duplicate key \"name\" (first at line 1)";
    p.hint = "merge the two";
    p.excerpt = "name: Bob";
    p.caret = 7;

    SUBCASE("file:line:col, the line with a caret under the column, the hint")
    {
      CHECK(format_problem(p) == "people/alice.yaml:3:7: duplicate key \"name\" (first at line 1)\n"
                                 " 3 | name: Bob\n"
                                 "   |       ^\n"
                                 "  hint: merge the two");
    }
    SUBCASE("the gutter is as wide as the line number")
    {
      p.line = 1234;
      p.caret = 1;
      CHECK(format_problem(p) == "people/alice.yaml:1234:7: duplicate key \"name\" (first at line 1)\n"
                                 " 1234 | name: Bob\n"
                                 "      | ^\n"
                                 "  hint: merge the two");
    }
    SUBCASE("a warning")
    {
      p.severity = Severity::warning;
      p.hint.clear();
      p.excerpt.clear();
      CHECK(format_problem(p) == "people/alice.yaml:3:7: warning: duplicate key \"name\" (first at line 1)");
    }
    SUBCASE("no caret, no hint")
    {
      p.caret = 0;
      p.hint.clear();
      CHECK(format_problem(p) == "people/alice.yaml:3:7: duplicate key \"name\" (first at line 1)\n"
                                 " 3 | name: Bob");
    }
    SUBCASE("a problem with the whole file has no position")
    {
      Problem whole;
      whole.file = "mentor.yaml";
      whole.message = "the file is too large";
      whole.hint = "split it";
      CHECK(format_problem(whole) == "mentor.yaml: the file is too large\n  hint: split it");
      whole.hint.clear();
      CHECK(format_problem(whole) == "mentor.yaml: the file is too large");
    }
  }

  TEST_CASE("problem_at fills the position and the excerpt")
  {
    const std::string text = "name: Alice\nrole: lead: team\nlast: x";

    SUBCASE("an ordinary line")
    {
      const Problem p = problem_at("people/alice.yaml", text, 2, 11, "illegal map value", "check the colons");
      CHECK(p.file == "people/alice.yaml");
      CHECK(p.line == 2);
      CHECK(p.col == 11);
      CHECK(p.severity == Severity::error);
      CHECK(p.excerpt == "role: lead: team");
      CHECK(p.caret == 11);
      CHECK(format_problem(p) == "people/alice.yaml:2:11: illegal map value\n"
                                 " 2 | role: lead: team\n"
                                 "   |           ^\n"
                                 "  hint: check the colons");
    }
    SUBCASE("the last line, without a line break")
    {
      CHECK(problem_at("f", text, 3, 1, "m").excerpt == "last: x");
    }
    SUBCASE("a line past the end, or no line at all")
    {
      Problem p = problem_at("f", text, 9, 1, "m");
      CHECK(p.excerpt.empty());
      CHECK(format_problem(p) == "f:9:1: m");
      p = problem_at("f", text, 0, 0, "m", "h");
      CHECK(p.excerpt.empty());
      CHECK(p.caret == 0);
      CHECK(format_problem(p) == "f: m\n  hint: h");
    }
    SUBCASE("control characters are escaped and the caret moves with them")
    {
      const Problem p = problem_at("f", "a: 1\nname: x\x01y\x1b[2J\n", 2, 9, "m");
      CHECK(p.excerpt == "name: x\\x01y\\x1b[2J");
      CHECK(p.caret == 12);
      CHECK(p.excerpt.substr(static_cast<std::size_t>(p.caret - 1), 1) == "y");
      CHECK(problem_at("f", "a: \x7f\n", 1, 4, "m").excerpt == "a: \\x7f");
      CHECK(problem_at("f", "a: x\ry\n", 1, 6, "m").excerpt == "a: x\\x0dy");
      CHECK(problem_at("f", std::string("a: \0\n", 5), 1, 4, "m").excerpt == "a: \\x00");
    }
    SUBCASE("a tab shows as one space, so the caret stays in place")
    {
      const Problem p = problem_at("f", "a:\n\tb: 1\n", 2, 3, "m");
      CHECK(p.excerpt == " b: 1");
      CHECK(p.caret == 3);
    }
    SUBCASE("the line break of a CRLF file is not part of the excerpt")
    {
      CHECK(problem_at("f", "a: 1\r\nb: 2\r\n", 1, 1, "m").excerpt == "a: 1");
    }
    SUBCASE("a byte-order mark is not shown and not counted")
    {
      const Problem p = problem_at("f", "\xEF\xBB\xBF" "a: b: c\n", 1, 5, "m");
      CHECK(p.excerpt == "a: b: c");
      CHECK(p.caret == 5);
    }
    SUBCASE("bytes that are not UTF-8 become ?")
    {
      CHECK(problem_at("f", "a: \xC0\xAF z\xC3\xA9\n", 1, 4, "m").excerpt == "a: ?? z??");
      CHECK(problem_at("f", "a: Zoë\n", 1, 4, "m").excerpt == "a: Zoë");
    }
    SUBCASE("a long line is cut, and a caret past the cut is left out")
    {
      const std::string long_line = "notes: " + std::string(300, 'x');
      Problem p = problem_at("f", long_line, 1, 250, "m");
      CHECK(p.excerpt == "notes: " + std::string(153, 'x') + "…");
      CHECK(p.caret == 0);
      p = problem_at("f", long_line, 1, 8, "m");
      CHECK(p.caret == 8);
      // Cut between characters: accented text stays readable.
      std::string accents = "notes: ";
      for (int i = 0; i < 200; ++i) {
        accents += "é";
      }
      p = problem_at("f", accents, 1, 1, "m");
      CHECK(p.excerpt.find('?') == std::string::npos);
      CHECK(p.excerpt.ends_with("é…"));
    }
  }

  TEST_CASE("SourceError carries every problem")
  {
    const Problem first = problem_at("a.yaml", "x: 1\n", 1, 1, "first", "h1");
    const Problem second = problem_at("b.yaml", "y: 2\n", 0, 0, "second");
    const SourceError error({first, second});
    CHECK(error.problems().size() == 2);
    CHECK(error.problems()[1].message == "second");
    CHECK(std::string(error.what()) == format_problem(first) + "\n" + format_problem(second));
    CHECK(error.exit_code() == 1);
    const mentor::Error& base = error;
    CHECK(base.exit_code() == 1);
    CHECK(std::string(SourceError({first}).what()) == "a.yaml:1:1: first\n 1 | x: 1\n   | ^\n  hint: h1");
  }
}
