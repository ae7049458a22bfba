#pragma once

#include "mentor/util/date.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mentor::util {

// A range of days, `to` exclusive.
struct Period
{
  Date from;
  Date to;
  bool contains(Date day) const { return from <= day && day < to; }
};

Period month_of(int year, int month);
// The last full calendar month before today's.
Period last_full_month(Date today);

// "2026-10", "2026-Q3", "2026", "this month", "last month", "this quarter",
// "last quarter", "this year", "last year" (case-insensitive, spaces or
// hyphens between words). nullopt for anything else.
std::optional<Period> parse_period(std::string_view text, Date today);

// The named periods parse_period takes, hyphenated ("this-month",
// "last-quarter", ...): one word each, for shell completion.
std::vector<std::string> named_periods();

// "YYYY-MM" only.
std::optional<Period> parse_month(std::string_view text);

// One line listing the forms parse_period accepts, for error messages.
std::string_view period_help();

// "2026-10-01 to 2026-11-01 (end exclusive)".
std::string describe(const Period& period);

} // namespace mentor::util
