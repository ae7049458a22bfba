#include "mentor/util/period.hpp"

#include "mentor/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>

namespace mentor::util {

namespace {

std::optional<int> number(std::string_view text, std::size_t digits)
{
  if (text.size() != digits) {
    return std::nullopt;
  }
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

Period quarter_of(int year, int quarter)
{
  const auto from = Date::from_ymd(year, 3 * (quarter - 1) + 1, 1);
  return Period{from, from.add_months(3)};
}

Period year_of(int year)
{
  return Period{Date::from_ymd(year, 1, 1), Date::from_ymd(year + 1, 1, 1)};
}

} // namespace

Period month_of(int year, int month)
{
  const auto from = Date::from_ymd(year, month, 1);
  return Period{from, from.add_months(1)};
}

Period last_full_month(Date today)
{
  const auto first = Date::from_ymd(today.year(), today.month(), 1);
  return Period{first.add_months(-1), first};
}

std::optional<Period> parse_month(std::string_view text)
{
  if (text.size() != 7 || text[4] != '-') {
    return std::nullopt;
  }
  const auto year = number(text.substr(0, 4), 4);
  const auto month = number(text.substr(5, 2), 2);
  if (!year || !month || *year < 1 || *month < 1 || *month > 12) {
    return std::nullopt;
  }
  return month_of(*year, *month);
}

namespace {

int quarter_number(Date day)
{
  return (day.month() - 1) / 3 + 1;
}

struct NamedPeriod
{
  std::string_view words;
  Period (*resolve)(Date today);
};

// The periods with a name, in the order help and completion show them.
constexpr std::array<NamedPeriod, 6> k_named_periods = {{
  {"this month", [](Date today) { return month_of(today.year(), today.month()); }},
  {"last month", [](Date today) { return last_full_month(today); }},
  {"this quarter", [](Date today) { return quarter_of(today.year(), quarter_number(today)); }},
  {"last quarter",
   [](Date today) {
     const int quarter = quarter_number(today);
     return quarter == 1 ? quarter_of(today.year() - 1, 4) : quarter_of(today.year(), quarter - 1);
   }},
  {"this year", [](Date today) { return year_of(today.year()); }},
  {"last year", [](Date today) { return year_of(today.year() - 1); }},
}};

} // namespace

std::vector<std::string> named_periods()
{
  std::vector<std::string> names;
  for (const auto& named : k_named_periods) {
    std::string name(named.words);
    std::replace(name.begin(), name.end(), ' ', '-');
    names.push_back(std::move(name));
  }
  return names;
}

std::optional<Period> parse_period(std::string_view text, Date today)
{
  // "last-month", "Last  Month": words joined by single spaces. Dates and
  // quarters ("2026-10", "2026-Q3") keep their hyphens.
  std::string words;
  const auto lower = to_lower_ascii(trim(text));
  const bool numeric = !lower.empty() && lower[0] >= '0' && lower[0] <= '9';
  for (char c : lower) {
    const bool gap = c == ' ' || c == '\t' || (!numeric && (c == '-' || c == '_'));
    if (!gap) {
      words += c;
    } else if (!words.empty() && words.back() != ' ') {
      words += ' ';
    }
  }
  if (auto month = parse_month(words)) {
    return month;
  }
  if (words.size() == 7 && words[4] == '-' && words[5] == 'q') {
    const auto year = number(std::string_view(words).substr(0, 4), 4);
    const auto quarter = number(std::string_view(words).substr(6, 1), 1);
    if (year && *year >= 1 && quarter && *quarter >= 1 && *quarter <= 4) {
      return quarter_of(*year, *quarter);
    }
    return std::nullopt;
  }
  if (auto year = number(words, 4); year && *year >= 1) {
    return year_of(*year);
  }
  for (const auto& named : k_named_periods) {
    if (words == named.words) {
      return named.resolve(today);
    }
  }
  return std::nullopt;
}

std::string_view period_help()
{
  return "periods are YYYY-MM, YYYY-Qn, YYYY, this month, last month, this quarter, last quarter, "
         "this year or last year";
}

std::string describe(const Period& period)
{
  return fmt::format("{} to {} (end exclusive)", period.from.iso(), period.to.iso());
}

} // namespace mentor::util
