#include "mentor/util/period.hpp"

#include <doctest/doctest.h>

using mentor::util::Date;
using mentor::util::Period;
using mentor::util::parse_month;
using mentor::util::parse_period;

namespace {

Date d(int y, int m, int day)
{
  return Date::from_ymd(y, m, day);
}

// "from..to" of a parsed period, or "none".
std::string range(std::optional<Period> period)
{
  return period ? period->from.iso() + ".." + period->to.iso() : "none";
}

} // namespace

TEST_SUITE("util::period")
{
  TEST_CASE("months, quarters and years by name")
  {
    const Date today = d(2026, 11, 22);
    CHECK(range(parse_period("2026-10", today)) == "2026-10-01..2026-11-01");
    CHECK(range(parse_period("2026-12", today)) == "2026-12-01..2027-01-01");
    CHECK(range(parse_period("2028-02", today)) == "2028-02-01..2028-03-01");
    CHECK(range(parse_period("2026-Q1", today)) == "2026-01-01..2026-04-01");
    CHECK(range(parse_period("2026-q3", today)) == "2026-07-01..2026-10-01");
    CHECK(range(parse_period("2026-Q4", today)) == "2026-10-01..2027-01-01");
    CHECK(range(parse_period("2026", today)) == "2026-01-01..2027-01-01");
  }

  TEST_CASE("periods relative to today")
  {
    SUBCASE("in November")
    {
      const Date today = d(2026, 11, 22);
      CHECK(range(parse_period("this month", today)) == "2026-11-01..2026-12-01");
      CHECK(range(parse_period("last month", today)) == "2026-10-01..2026-11-01");
      CHECK(range(parse_period("this quarter", today)) == "2026-10-01..2027-01-01");
      CHECK(range(parse_period("last quarter", today)) == "2026-07-01..2026-10-01");
      CHECK(range(parse_period("this year", today)) == "2026-01-01..2027-01-01");
      CHECK(range(parse_period("last year", today)) == "2025-01-01..2026-01-01");
    }
    SUBCASE("in January, last month and last quarter are in the year before")
    {
      const Date today = d(2027, 1, 1);
      CHECK(range(parse_period("last month", today)) == "2026-12-01..2027-01-01");
      CHECK(range(parse_period("last quarter", today)) == "2026-10-01..2027-01-01");
      CHECK(range(parse_period("this quarter", today)) == "2027-01-01..2027-04-01");
    }
    SUBCASE("on the last day of a month")
    {
      CHECK(range(parse_period("last month", d(2026, 3, 31))) == "2026-02-01..2026-03-01");
      CHECK(range(parse_period("this month", d(2028, 2, 29))) == "2028-02-01..2028-03-01");
    }
    SUBCASE("spelling is forgiving: case, hyphens, extra spaces")
    {
      const Date today = d(2026, 11, 22);
      CHECK(range(parse_period("Last Month", today)) == "2026-10-01..2026-11-01");
      CHECK(range(parse_period("last-month", today)) == "2026-10-01..2026-11-01");
      CHECK(range(parse_period("  last   quarter ", today)) == "2026-07-01..2026-10-01");
    }
  }

  TEST_CASE("what is not a period")
  {
    const Date today = d(2026, 11, 22);
    for (const char* text : {"", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "26", "2026-1", "next month", "month",
                             "2026-10-01", "last", "0000", "2026-Q", "this  decade"}) {
      CAPTURE(text);
      CHECK(range(parse_period(text, today)) == "none");
    }
    CHECK(range(parse_month("2026-Q3")) == "none");
    CHECK(range(parse_month("last month")) == "none");
    CHECK(range(parse_month("2026-02")) == "2026-02-01..2026-03-01");
  }

  TEST_CASE("the last full month and contains()")
  {
    const auto october = mentor::util::last_full_month(d(2026, 11, 1));
    CHECK(range(october) == "2026-10-01..2026-11-01");
    CHECK(october.contains(d(2026, 10, 1)));
    CHECK(october.contains(d(2026, 10, 31)));
    CHECK_FALSE(october.contains(d(2026, 11, 1)));
    CHECK_FALSE(october.contains(d(2026, 9, 30)));
    CHECK(mentor::util::describe(october) == "2026-10-01 to 2026-11-01 (end exclusive)");
  }
}
