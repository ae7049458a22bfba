#include <doctest/doctest.h>

#include <string>

#include "cli/cli_test.hpp"

using mentor::testutil::contains;

using mentor::testutil::Records;

namespace {

std::size_t count(const std::string& text, const std::string& part)
{
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++n;
  }
  return n;
}

} // namespace

TEST_SUITE("cli::show")
{
  TEST_CASE("show a pairing by its id")
  {
    Records records;
    REQUIRE(records.run({"log", "zoe", "Mapped her stakeholders.", "--today", "2026-11-20"}).code == 0);
    const auto result = records.run({"show", "phil-rumens--zoe-nunez"});
    CHECK(result.code == 0);
    CHECK(result.err.empty());
    CHECK(result.out.starts_with("phil-rumens--zoe-nunez\n"));
    CHECK(contains(result.out, "  mentee:       Zoë Núñez (zoe-nunez)\n"));
    CHECK(contains(result.out, "  g1   open      Chair meetings\n"));
    CHECK(contains(result.out, "  2026-11-20  1h  session\n    Mapped her stakeholders.\n"));
    // A pairing alone: no person heading.
    CHECK_FALSE(contains(result.out, "Pairings"));
  }

  TEST_CASE("show a person: their details, then our pairings")
  {
    Records records;
    const auto result = records.run({"show", "núñez"});
    CHECK(result.code == 0);
    CHECK(result.out.starts_with("Zoë Núñez\n  id:           zoe-nunez\n"));
    CHECK(contains(result.out, "  organisation: City Library\n"));
    CHECK(contains(result.out, "\nPairings\n  phil-rumens--zoe-nunez  coaching by Phil Rumens, active, 0 sessions\n"));
    CHECK(contains(result.out, "\nphil-rumens--zoe-nunez\n  mentor:       Phil Rumens (phil-rumens)\n"));
  }

  TEST_CASE("show me: no pairing in full")
  {
    Records records;
    const auto result = records.run({"show", "phil"});
    CHECK(result.code == 0);
    CHECK(result.out.starts_with("Phil Rumens\n  id:           phil-rumens (me)\n"));
    CHECK(contains(result.out, "  phil-rumens--zoe-nunez  coaching of Zoë Núñez, active, 0 sessions\n"));
    CHECK(count(result.out, "phil-rumens--zoe-nunez") == 1);
  }

  TEST_CASE("show someone with pairings between others only")
  {
    Records records;
    REQUIRE(records.run({"add", "Aisha Rahman"}).code == 0);
    REQUIRE(records.run({"pair", "zoe", "--mentor", "aisha", "--kind", "mentoring", "--today", "2026-11-01"}).code
            == 0);
    const auto result = records.run({"show", "aisha"});
    CHECK(result.code == 0);
    CHECK(contains(result.out, "  aisha-rahman--zoe-nunez  mentoring of Zoë Núñez, active, 0 sessions\n"));
    // Not mine: listed, not shown in full.
    CHECK(count(result.out, "aisha-rahman--zoe-nunez") == 1);
  }

  TEST_CASE("show refuses")
  {
    Records records;
    SUBCASE("no one by that name (exit 1)")
    {
      const auto result = records.run({"show", "nobody-at-all"});
      CHECK(result.code == 1);
      CHECK(result.out.empty());
      CHECK(contains(result.err, "nobody-at-all"));
    }
    SUBCASE("an ambiguous name (exit 2)")
    {
      REQUIRE(records.run({"add", "Zoe Adams"}).code == 0);
      const auto result = records.run({"show", "zoe"});
      CHECK(result.code == 2);
      CHECK(contains(result.err, "zoe-adams"));
      CHECK(contains(result.err, "zoe-nunez"));
    }
  }
}
