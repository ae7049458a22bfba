#include <doctest/doctest.h>

#include <string>

#include "cli/cli_test.hpp"

using mentor::testutil::contains;

using mentor::testutil::read_text;
using mentor::testutil::Records;

TEST_SUITE("cli::list")
{
  TEST_CASE("list shows people, then pairings")
  {
    Records records;
    REQUIRE(records.run({"log", "zoe", "x", "--today", "2026-11-20"}).code == 0);
    const auto before = read_text(records.pairing_file());

    SUBCASE("both")
    {
      const auto result = records.run({"list"});
      CHECK(result.code == 0);
      CHECK(result.err.empty());
      CHECK(result.out
            == "ID           NAME              ORGANISATION  ROLE\n"
               "phil-rumens  Phil Rumens (me)\n"
               "zoe-nunez    Zoë Núñez         City Library\n"
               "\n"
               "ID                      KIND      STATUS  STARTED     SESSIONS  LAST\n"
               "phil-rumens--zoe-nunez  coaching  active  2026-11-01  1         2026-11-20\n");
    }
    SUBCASE("people")
    {
      const auto result = records.run({"list", "people"});
      CHECK(result.code == 0);
      CHECK(result.out.starts_with("ID           NAME"));
      CHECK_FALSE(contains(result.out, "phil-rumens--zoe-nunez"));
    }
    SUBCASE("pairings")
    {
      const auto result = records.run({"list", "pairings"});
      CHECK(result.code == 0);
      CHECK(result.out.starts_with("ID                      KIND"));
      CHECK_FALSE(contains(result.out, "City Library"));
    }
    // Listing writes nothing.
    CHECK(read_text(records.pairing_file()) == before);
  }

  TEST_CASE("list with no pairings says how to start one")
  {
    Records records(false);
    const auto result = records.run({"list", "pairings"});
    CHECK(result.code == 0);
    CHECK(result.out == "No pairings yet: start one with `mentor pair NAME`.\n");
  }
}
