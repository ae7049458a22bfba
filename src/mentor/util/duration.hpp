#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mentor::util {

// Session lengths in whole minutes.
// Accepts "45", "45m", "90min", "1h", "1.5h", "1h30m", "1h30" (case-insensitive,
// no spaces). Fractional hours must come to whole minutes. The result is
// between 1 and 24*60; anything else is nullopt.
std::optional<int> parse_duration(std::string_view text);

// The canonical spelling used in files: "45m", "1h", "1h30m".
std::string format_duration(int minutes);

// Hours with two decimals, 60 minutes = 1 hour pro rata: 90 -> "1.50".
std::string format_hours(long minutes);

// A cadence is the expected gap between sessions: "2w", "14d", "1w", or
// "none" (as needed). Returns the gap in days, 0 for "none"; nullopt when the
// text is not a cadence. At most 366 days.
std::optional<int> parse_cadence(std::string_view text);
std::string format_cadence(int days);

} // namespace mentor::util
