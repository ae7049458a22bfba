#pragma once

#include <cstdint>

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace mentor::util {

// A calendar day in the proleptic Gregorian calendar, stored as days since
// 1970-01-01 so that differences and comparisons are plain arithmetic.
class Date
{
public:
  Date() = default;
  static Date from_days(long days);
  // Throws std::invalid_argument when the day does not exist.
  static Date from_ymd(int year, int month, int day);

  long days() const { return m_days; }
  int year() const;
  int month() const; // 1..12
  int day() const;   // 1..31
  // 0 = Monday ... 6 = Sunday (ISO 8601).
  int weekday() const;

  Date add_days(long n) const { return from_days(m_days + n); }
  // Same day of the month n months later, clamped to the month's last day.
  Date add_months(int n) const;
  long operator-(const Date& other) const { return m_days - other.m_days; }
  auto operator<=>(const Date&) const = default;

  // YYYY-MM-DD
  std::string iso() const;

private:
  // Days fit 32 bits for ±5 million years; records hold many dates.
  std::int32_t m_days = 0;
};

// Strict ISO YYYY-MM-DD with a real month and day; nothing else.
std::optional<Date> parse_iso_date(std::string_view text);

// A date as a user types it on the command line, relative to `today`:
// YYYY-MM-DD, "today", "yesterday", a weekday name or its three-letter
// abbreviation (the most recent such day strictly before today), "-3d",
// "-2w". Case-insensitive. Returns nullopt for anything else.
std::optional<Date> parse_date_expression(std::string_view text, Date today);

// One line that says which forms parse_date_expression accepts.
std::string_view date_expression_help();

bool is_leap_year(int year);
int days_in_month(int year, int month);

// Today in the local time zone.
Date today_local();

} // namespace mentor::util
