#include "mentor/util/date.hpp"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

using mentor::util::Date;
using mentor::util::parse_date_expression;
using mentor::util::parse_iso_date;

namespace {

Date ymd(int y, int m, int d)
{
  return Date::from_ymd(y, m, d);
}

std::string expr(std::string_view text, Date today)
{
  const auto date = parse_date_expression(text, today);
  return date ? date->iso() : "<none>";
}

} // namespace

TEST_SUITE("util::date")
{
  TEST_CASE("days since the epoch")
  {
    CHECK(ymd(1970, 1, 1).days() == 0);
    CHECK(ymd(1970, 1, 2).days() == 1);
    CHECK(ymd(1969, 12, 31).days() == -1);
    CHECK(ymd(2000, 3, 1).days() == 11017);
    CHECK(ymd(2026, 1, 1).days() == 20454);
    CHECK(Date::from_days(20454).iso() == "2026-01-01");
    CHECK(ymd(2026, 3, 1) - ymd(2026, 2, 1) == 28);
    CHECK(ymd(2028, 3, 1) - ymd(2028, 2, 1) == 29);
    CHECK(Date() == ymd(1970, 1, 1));
  }

  TEST_CASE("round trip through every day of several centuries")
  {
    // Covers leap rules for 1600, 1700, 1900, 2000 and 2100.
    const long first = ymd(1599, 1, 1).days();
    const long last = ymd(2401, 12, 31).days();
    int y = 1599;
    int m = 1;
    int d = 1;
    for (long n = first; n <= last; ++n) {
      const Date date = Date::from_days(n);
      REQUIRE(date.year() == y);
      REQUIRE(date.month() == m);
      REQUIRE(date.day() == d);
      REQUIRE(Date::from_ymd(y, m, d).days() == n);
      if (++d > mentor::util::days_in_month(y, m)) {
        d = 1;
        if (++m > 12) {
          m = 1;
          ++y;
        }
      }
    }
  }

  TEST_CASE("accessors and formatting")
  {
    const Date date = ymd(2026, 2, 9);
    CHECK(date.year() == 2026);
    CHECK(date.month() == 2);
    CHECK(date.day() == 9);
    CHECK(date.iso() == "2026-02-09");
    CHECK(ymd(987, 6, 5).iso() == "0987-06-05");
  }

  TEST_CASE("weekday is ISO: Monday 0 ... Sunday 6")
  {
    CHECK(ymd(1970, 1, 1).weekday() == 3); // Thursday
    CHECK(ymd(2026, 1, 5).weekday() == 0); // Monday
    CHECK(ymd(2026, 1, 11).weekday() == 6); // Sunday
    CHECK(ymd(1969, 12, 29).weekday() == 0); // before the epoch
    CHECK(ymd(1900, 1, 1).weekday() == 0);
  }

  TEST_CASE("from_ymd rejects days that do not exist")
  {
    CHECK_THROWS_AS(Date::from_ymd(2026, 2, 29), std::invalid_argument);
    CHECK_THROWS_AS(Date::from_ymd(2026, 13, 1), std::invalid_argument);
    CHECK_THROWS_AS(Date::from_ymd(2026, 0, 1), std::invalid_argument);
    CHECK_THROWS_AS(Date::from_ymd(2026, 4, 31), std::invalid_argument);
    CHECK_THROWS_AS(Date::from_ymd(2026, 1, 0), std::invalid_argument);
    CHECK_NOTHROW(Date::from_ymd(2028, 2, 29));
  }

  TEST_CASE("leap years and month lengths")
  {
    CHECK(mentor::util::is_leap_year(2028));
    CHECK(mentor::util::is_leap_year(2000));
    CHECK_FALSE(mentor::util::is_leap_year(1900));
    CHECK_FALSE(mentor::util::is_leap_year(2026));
    CHECK(mentor::util::days_in_month(2026, 2) == 28);
    CHECK(mentor::util::days_in_month(2028, 2) == 29);
    CHECK(mentor::util::days_in_month(2026, 4) == 30);
    CHECK(mentor::util::days_in_month(2026, 12) == 31);
  }

  TEST_CASE("add_days and add_months")
  {
    SUBCASE("days cross months and years")
    {
      CHECK(ymd(2026, 12, 31).add_days(1).iso() == "2027-01-01");
      CHECK(ymd(2026, 3, 1).add_days(-1).iso() == "2026-02-28");
    }
    SUBCASE("months clamp to the last day")
    {
      CHECK(ymd(2026, 1, 31).add_months(1).iso() == "2026-02-28");
      CHECK(ymd(2028, 1, 31).add_months(1).iso() == "2028-02-29");
      CHECK(ymd(2026, 3, 31).add_months(1).iso() == "2026-04-30");
      CHECK(ymd(2026, 5, 31).add_months(-3).iso() == "2026-02-28");
    }
    SUBCASE("months cross years both ways")
    {
      CHECK(ymd(2026, 11, 15).add_months(3).iso() == "2027-02-15");
      CHECK(ymd(2026, 1, 15).add_months(-1).iso() == "2025-12-15");
      CHECK(ymd(2026, 1, 15).add_months(-13).iso() == "2024-12-15");
      CHECK(ymd(2026, 1, 15).add_months(24).iso() == "2028-01-15");
      CHECK(ymd(2026, 1, 15).add_months(0).iso() == "2026-01-15");
    }
  }

  TEST_CASE("comparison")
  {
    CHECK(ymd(2026, 1, 1) < ymd(2026, 1, 2));
    CHECK(ymd(2026, 1, 1) == ymd(2026, 1, 1));
    CHECK(ymd(2025, 12, 31) != ymd(2026, 1, 1));
    CHECK(ymd(2026, 2, 1) > ymd(2026, 1, 31));
  }

  TEST_CASE("parse_iso_date is strict")
  {
    SUBCASE("valid")
    {
      REQUIRE(parse_iso_date("2026-11-20"));
      CHECK(parse_iso_date("2026-11-20")->iso() == "2026-11-20");
      REQUIRE(parse_iso_date("2028-02-29"));
      CHECK(parse_iso_date("2028-02-29")->day() == 29);
      CHECK(parse_iso_date("2000-02-29"));
    }
    SUBCASE("days that do not exist")
    {
      CHECK_FALSE(parse_iso_date("2026-02-29"));
      CHECK_FALSE(parse_iso_date("1900-02-29"));
      CHECK_FALSE(parse_iso_date("2026-04-31"));
      CHECK_FALSE(parse_iso_date("2026-13-01"));
      CHECK_FALSE(parse_iso_date("2026-00-10"));
      CHECK_FALSE(parse_iso_date("2026-01-00"));
      CHECK_FALSE(parse_iso_date("2026-01-32"));
    }
    SUBCASE("anything but exactly YYYY-MM-DD")
    {
      for (const char* bad : {"", "2026-1-05", "2026-01-5", "26-01-05", "02026-01-05",
                              "2026/01/05", "2026-01-05 ", " 2026-01-05", "2026-01-05T10:00",
                              "2026-01-05Z", "20260105", "2026-0a-05", "+026-01-05",
                              "2026--1-05", "2026-01-+5", "abcd-ef-gh"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_iso_date(bad));
      }
    }
  }

  TEST_CASE("parse_date_expression")
  {
    const Date wednesday = ymd(2026, 1, 7);
    REQUIRE(wednesday.weekday() == 2);

    SUBCASE("today and yesterday, any case")
    {
      CHECK(expr("today", wednesday) == "2026-01-07");
      CHECK(expr("TODAY", wednesday) == "2026-01-07");
      CHECK(expr("yesterday", wednesday) == "2026-01-06");
      CHECK(expr("Yesterday", ymd(2026, 1, 1)) == "2025-12-31");
    }
    SUBCASE("weekday names mean the most recent one strictly before today")
    {
      CHECK(expr("tuesday", wednesday) == "2026-01-06");
      CHECK(expr("monday", wednesday) == "2026-01-05");
      CHECK(expr("sunday", wednesday) == "2026-01-04");
      CHECK(expr("thursday", wednesday) == "2026-01-01");
      CHECK(expr("wednesday", wednesday) == "2025-12-31");
      CHECK(expr("Fri", wednesday) == "2026-01-02");
      CHECK(expr("SAT", wednesday) == "2026-01-03");
      CHECK(expr("wed", wednesday) == "2025-12-31");
      CHECK(expr("thu", wednesday) == "2026-01-01");
      const Date monday = ymd(2026, 1, 5);
      CHECK(expr("monday", monday) == "2025-12-29");
      CHECK(expr("sunday", monday) == "2026-01-04");
    }
    SUBCASE("days and weeks back")
    {
      CHECK(expr("-3d", wednesday) == "2026-01-04");
      CHECK(expr("-0d", wednesday) == "2026-01-07");
      CHECK(expr("-2w", wednesday) == "2025-12-24");
      CHECK(expr("-1W", wednesday) == "2025-12-31");
      CHECK(expr("-10D", wednesday) == "2025-12-28");
      CHECK(expr("-10000d", wednesday) != "<none>");
      CHECK(expr("-10001d", wednesday) == "<none>");
      CHECK(expr("-99999999999999999999d", wednesday) == "<none>");
      CHECK(expr("-2000w", wednesday) == "<none>");
    }
    SUBCASE("ISO dates pass through")
    {
      CHECK(expr("2025-06-30", wednesday) == "2025-06-30");
      CHECK(expr("2026-02-29", wednesday) == "<none>");
    }
    SUBCASE("everything else is rejected")
    {
      for (const char* bad : {"", "tomorrow", "3d", "+3d", "-d", "-3", "-3x", "-3 d",
                              "- 3d", "-3dd", "-w", "mo", "tues", "mondays", " monday",
                              "today ", "-3.5d", "last monday", "-1m"}) {
        CAPTURE(bad);
        CHECK(expr(bad, wednesday) == "<none>");
      }
    }
  }

  TEST_CASE("date_expression_help names every form")
  {
    const std::string help(mentor::util::date_expression_help());
    CHECK(help.find('\n') == std::string::npos);
    for (const char* form : {"YYYY-MM-DD", "today", "yesterday", "monday", "-3d", "-2w"}) {
      CAPTURE(form);
      CHECK(help.find(form) != std::string::npos);
    }
  }

  TEST_CASE("today_local is a plausible date")
  {
    const Date today = mentor::util::today_local();
    CHECK(today.year() >= 2024);
    CHECK(today.year() < 2200);
  }
}
