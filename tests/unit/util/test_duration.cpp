#include "mentor/util/duration.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>

using mentor::util::format_cadence;
using mentor::util::format_duration;
using mentor::util::format_hours;
using mentor::util::parse_cadence;
using mentor::util::parse_duration;

TEST_SUITE("util::duration")
{
  TEST_CASE("parse_duration accepts the documented spellings")
  {
    SUBCASE("plain minutes")
    {
      CHECK(parse_duration("45") == 45);
      CHECK(parse_duration("45m") == 45);
      CHECK(parse_duration("45min") == 45);
      CHECK(parse_duration("90MIN") == 90);
      CHECK(parse_duration("1") == 1);
      CHECK(parse_duration("1440") == 1440);
    }
    SUBCASE("hours")
    {
      CHECK(parse_duration("1h") == 60);
      CHECK(parse_duration("2H") == 120);
      CHECK(parse_duration("24h") == 1440);
    }
    SUBCASE("fractional hours that come to whole minutes")
    {
      CHECK(parse_duration("1.5h") == 90);
      CHECK(parse_duration("1.25h") == 75);
      CHECK(parse_duration("0.5h") == 30);
      CHECK(parse_duration("1.05h") == 63);
      CHECK(parse_duration("1.50h") == 90);
    }
    SUBCASE("hours and minutes")
    {
      CHECK(parse_duration("1h30m") == 90);
      CHECK(parse_duration("1h30") == 90);
      CHECK(parse_duration("1H30M") == 90);
      CHECK(parse_duration("1h30min") == 90);
      CHECK(parse_duration("1h05m") == 65);
      CHECK(parse_duration("1h5") == 65);
      CHECK(parse_duration("1h0m") == 60);
      CHECK(parse_duration("0h45m") == 45);
      CHECK(parse_duration("23h59m") == 1439);
    }
  }

  TEST_CASE("parse_duration rejects everything else")
  {
    for (const char* bad : {"", "0", "0m", "0h", "0h0m", "-5", "-1h", " 45", "45 ", "1h 30m",
                            "1 h", "m", "h", "min", "1.3333h", "1.3h5", "1.h", ".5h", "1.5",
                            "1.5m", "1h75m", "1h60", "1h030m", "24h1m", "25h", "1441",
                            "99999999999", "1.5h30m", "1h30s", "1d", "45mins", "1hh",
                            "abc", "1,5h", "１h"}) {
      CAPTURE(bad);
      CHECK(parse_duration(bad) == std::nullopt);
    }
  }

  TEST_CASE("format_duration is canonical and round-trips")
  {
    CHECK(format_duration(45) == "45m");
    CHECK(format_duration(60) == "1h");
    CHECK(format_duration(90) == "1h30m");
    CHECK(format_duration(150) == "2h30m");
    CHECK(format_duration(1) == "1m");
    CHECK(format_duration(1440) == "24h");
    for (int minutes = 1; minutes <= 24 * 60; ++minutes) {
      CAPTURE(minutes);
      REQUIRE(parse_duration(format_duration(minutes)) == minutes);
    }
  }

  TEST_CASE("format_hours: two decimals, rounded half up")
  {
    CHECK(format_hours(90) == "1.50");
    CHECK(format_hours(20) == "0.33");
    CHECK(format_hours(40) == "0.67");
    CHECK(format_hours(0) == "0.00");
    CHECK(format_hours(1) == "0.02");
    CHECK(format_hours(60) == "1.00");
    CHECK(format_hours(45) == "0.75");
    CHECK(format_hours(6000) == "100.00");
    CHECK(format_hours(150000) == "2500.00");
    CHECK(format_hours(-90) == "-1.50");
  }

  TEST_CASE("parse_cadence")
  {
    SUBCASE("accepted")
    {
      CHECK(parse_cadence("none") == 0);
      CHECK(parse_cadence("NONE") == 0);
      CHECK(parse_cadence("2w") == 14);
      CHECK(parse_cadence("1W") == 7);
      CHECK(parse_cadence("14d") == 14);
      CHECK(parse_cadence("1d") == 1);
      CHECK(parse_cadence("366d") == 366);
      CHECK(parse_cadence("52w") == 364);
    }
    SUBCASE("rejected")
    {
      for (const char* bad : {"", "0d", "0w", "367d", "53w", "2", "w", "d", "-1w", "2 w",
                              " 2w", "2m", "1.5w", "nothing", "as needed", "2wk", "1000d"}) {
        CAPTURE(bad);
        CHECK(parse_cadence(bad) == std::nullopt);
      }
    }
  }

  TEST_CASE("format_cadence prefers weeks and round-trips")
  {
    CHECK(format_cadence(0) == "none");
    CHECK(format_cadence(14) == "2w");
    CHECK(format_cadence(7) == "1w");
    CHECK(format_cadence(10) == "10d");
    CHECK(format_cadence(366) == "366d");
    for (int days = 0; days <= 366; ++days) {
      CAPTURE(days);
      REQUIRE(parse_cadence(format_cadence(days)) == days);
    }
  }
}
