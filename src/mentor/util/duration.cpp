#include "mentor/util/duration.hpp"

#include <fmt/format.h>

namespace mentor::util {

namespace {

constexpr int k_max_minutes = 24 * 60;
constexpr int k_max_cadence_days = 366;
constexpr int k_max_cadence_weeks = 52;

// Enough digits for any valid value while keeping the arithmetic far from
// overflow.
constexpr std::size_t k_max_digits = 5;
// "1.2345h" is already more precision than a session length needs.
constexpr std::size_t k_max_fraction_digits = 4;

bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}

std::string lowered(std::string_view text)
{
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

// Consumes a run of digits from the front of `text`.
std::optional<long> take_digits(std::string_view& text, std::size_t max_digits)
{
  std::size_t n = 0;
  while (n < text.size() && is_digit(text[n])) {
    ++n;
  }
  if (n == 0 || n > max_digits) {
    return std::nullopt;
  }
  long value = 0;
  for (std::size_t i = 0; i < n; ++i) {
    value = value * 10 + (text[i] - '0');
  }
  text.remove_prefix(n);
  return value;
}

bool is_minutes_unit(std::string_view text)
{
  return text.empty() || text == "m" || text == "min";
}

std::optional<int> in_range(long minutes)
{
  if (minutes < 1 || minutes > k_max_minutes) {
    return std::nullopt;
  }
  return static_cast<int>(minutes);
}

} // namespace

std::optional<int> parse_duration(std::string_view text)
{
  const std::string lower = lowered(text);
  std::string_view rest = lower;

  const auto whole = take_digits(rest, k_max_digits);
  if (!whole) {
    return std::nullopt;
  }
  if (is_minutes_unit(rest)) {
    return in_range(*whole);
  }

  // Hours, possibly fractional ("1.5h"), possibly followed by minutes
  // ("1h30m", "1h30").
  long minutes = *whole * 60;
  bool fractional = false;
  if (rest.front() == '.') {
    rest.remove_prefix(1);
    const std::size_t digits_before = rest.size();
    const auto fraction = take_digits(rest, k_max_fraction_digits);
    if (!fraction) {
      return std::nullopt;
    }
    long scale = 1;
    for (std::size_t i = rest.size(); i < digits_before; ++i) {
      scale *= 10;
    }
    // Fractions must come to whole minutes: 1.25h is 75 minutes, but 1.3333h
    // would silently round, and the log of hours must add up exactly.
    if ((*fraction * 60) % scale != 0) {
      return std::nullopt;
    }
    minutes += *fraction * 60 / scale;
    fractional = true;
  }
  if (rest.empty() || rest.front() != 'h') {
    return std::nullopt;
  }
  rest.remove_prefix(1);
  if (rest.empty()) {
    return in_range(minutes);
  }
  if (fractional) {
    // "1.5h30m" is more likely a typo than a meaning.
    return std::nullopt;
  }
  const auto extra = take_digits(rest, 2);
  if (!extra || *extra > 59 || !is_minutes_unit(rest)) {
    return std::nullopt;
  }
  return in_range(minutes + *extra);
}

std::string format_duration(int minutes)
{
  const int hours = minutes / 60;
  const int rest = minutes % 60;
  if (hours == 0) {
    return fmt::format("{}m", rest);
  }
  if (rest == 0) {
    return fmt::format("{}h", hours);
  }
  return fmt::format("{}h{}m", hours, rest);
}

std::string format_hours(long minutes)
{
  const bool negative = minutes < 0;
  const long magnitude = negative ? -minutes : minutes;
  // Hundredths of an hour, rounded half up, in integers so that sums of many
  // sessions never drift the way floating point would.
  const long cents = (magnitude * 100 + 30) / 60;
  return fmt::format("{}{}.{:02}", negative ? "-" : "", cents / 100, cents % 100);
}

std::optional<int> parse_cadence(std::string_view text)
{
  const std::string lower = lowered(text);
  if (lower == "none") {
    return 0;
  }
  std::string_view rest = lower;
  const auto count = take_digits(rest, 3);
  if (!count || *count < 1) {
    return std::nullopt;
  }
  if (rest == "d" && *count <= k_max_cadence_days) {
    return static_cast<int>(*count);
  }
  if (rest == "w" && *count <= k_max_cadence_weeks) {
    return static_cast<int>(*count * 7);
  }
  return std::nullopt;
}

std::string format_cadence(int days)
{
  if (days <= 0) {
    return "none";
  }
  if (days % 7 == 0) {
    return fmt::format("{}w", days / 7);
  }
  return fmt::format("{}d", days);
}

} // namespace mentor::util
