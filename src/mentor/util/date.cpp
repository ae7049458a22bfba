#include "mentor/util/date.hpp"

#include <fmt/format.h>

#include <array>
#include <ctime>
#include <stdexcept>

namespace mentor::util {

namespace {

// A user who types "-99999d" almost certainly made a typo; about 27 years back
// is far enough for any record.
constexpr long k_max_days_back = 10000;

struct Civil
{
  long year;
  int month;
  int day;
};

// Howard Hinnant's days_from_civil: exact for the whole proleptic Gregorian
// calendar, including negative years, without any table.
long days_from_civil(long y, int m, int d)
{
  y -= m <= 2 ? 1 : 0;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;                               // [0, 399]
  const long mp = m > 2 ? m - 3 : m + 9;                        // March = 0
  const long doy = (153 * mp + 2) / 5 + d - 1;                  // [0, 365]
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;       // [0, 146096]
  return era * 146097 + doe - 719468;
}

// The inverse of days_from_civil.
Civil civil_from_days(long z)
{
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;                                    // [0, 146096]
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; // [0, 399]
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);             // [0, 365]
  const long mp = (5 * doy + 2) / 153;                                  // [0, 11]
  const auto d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const auto m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return {y, m, d};
}

bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}

char lower(char c)
{
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Parses text that is all digits (at most `max_digits` of them).
std::optional<long> parse_digits(std::string_view text, std::size_t max_digits)
{
  if (text.empty() || text.size() > max_digits) {
    return std::nullopt;
  }
  long value = 0;
  for (char c : text) {
    if (!is_digit(c)) {
      return std::nullopt;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

// Index 0 is Monday, matching Date::weekday().
constexpr std::array<std::string_view, 7> k_weekday_names = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

std::optional<int> parse_weekday(std::string_view lowered)
{
  for (std::size_t i = 0; i < k_weekday_names.size(); ++i) {
    const auto name = k_weekday_names[i];
    if (lowered == name || lowered == name.substr(0, 3)) {
      return static_cast<int>(i);
    }
  }
  return std::nullopt;
}

} // namespace

Date Date::from_days(long days)
{
  Date date;
  date.m_days = static_cast<std::int32_t>(days);
  return date;
}

Date Date::from_ymd(int year, int month, int day)
{
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
    throw std::invalid_argument(
      fmt::format("{:04}-{:02}-{:02} is not a date", year, month, day));
  }
  return from_days(days_from_civil(year, month, day));
}

int Date::year() const
{
  return static_cast<int>(civil_from_days(m_days).year);
}

int Date::month() const
{
  return civil_from_days(m_days).month;
}

int Date::day() const
{
  return civil_from_days(m_days).day;
}

int Date::weekday() const
{
  // 1970-01-01 was a Thursday (3); the double modulo keeps days before 1970
  // in range.
  return static_cast<int>(((m_days + 3) % 7 + 7) % 7);
}

Date Date::add_months(int n) const
{
  const Civil c = civil_from_days(m_days);
  const long months = c.year * 12 + (c.month - 1) + n;
  // Floor division so that going back across year 0 stays correct.
  const long year = months >= 0 ? months / 12 : (months - 11) / 12;
  const auto month = static_cast<int>(months - year * 12 + 1);
  const int last = days_in_month(static_cast<int>(year), month);
  return from_days(days_from_civil(year, month, c.day < last ? c.day : last));
}

std::string Date::iso() const
{
  const Civil c = civil_from_days(m_days);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

std::optional<Date> parse_iso_date(std::string_view text)
{
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const auto year = parse_digits(text.substr(0, 4), 4);
  const auto month = parse_digits(text.substr(5, 2), 2);
  const auto day = parse_digits(text.substr(8, 2), 2);
  if (!year || !month || !day) {
    return std::nullopt;
  }
  const auto y = static_cast<int>(*year);
  const auto m = static_cast<int>(*month);
  const auto d = static_cast<int>(*day);
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
    return std::nullopt;
  }
  return Date::from_ymd(y, m, d);
}

std::optional<Date> parse_date_expression(std::string_view text, Date today)
{
  std::string lowered;
  lowered.reserve(text.size());
  for (char c : text) {
    lowered.push_back(lower(c));
  }

  if (lowered == "today") {
    return today;
  }
  if (lowered == "yesterday") {
    return today.add_days(-1);
  }
  if (const auto weekday = parse_weekday(lowered)) {
    // Strictly before today: on a Monday, "monday" means a week ago, because
    // a session being logged is one that already happened.
    int back = (today.weekday() - *weekday + 7) % 7;
    if (back == 0) {
      back = 7;
    }
    return today.add_days(-back);
  }
  if (lowered.size() >= 3 && lowered.front() == '-'
      && (lowered.back() == 'd' || lowered.back() == 'w')) {
    const auto count =
      parse_digits(std::string_view(lowered).substr(1, lowered.size() - 2), 5);
    if (!count) {
      return std::nullopt;
    }
    const long days = lowered.back() == 'w' ? *count * 7 : *count;
    if (days > k_max_days_back) {
      return std::nullopt;
    }
    return today.add_days(-days);
  }
  return parse_iso_date(text);
}

std::string_view date_expression_help()
{
  return "a date is YYYY-MM-DD, today, yesterday, a weekday name such as monday or mon "
         "(the most recent one before today), -3d (3 days ago) or -2w (2 weeks ago)";
}

bool is_leap_year(int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month)
{
  static constexpr std::array<int, 12> k_days = {
    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) {
    return 0;
  }
  if (month == 2 && is_leap_year(year)) {
    return 29;
  }
  return k_days[static_cast<std::size_t>(month - 1)];
}

Date today_local()
{
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  if (localtime_r(&now, &local) == nullptr) {
    // Without a time zone the UTC day is the best remaining answer.
    return Date::from_days(static_cast<long>(now / 86400));
  }
  return Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

} // namespace mentor::util
