#pragma once

#include <string>
#include <string_view>

namespace mentor::util {

inline constexpr std::size_t k_max_slug_length = 64;

// Lower-case and fold accents of Latin letters ("Zoë Núñez" -> "zoe nunez",
// "Straße" -> "strasse", "Łódź" -> "lodz"). Other characters are kept as they
// are (ASCII lower-cased). Used for slugs and for name matching. Invalid UTF-8
// bytes are dropped.
std::string fold(std::string_view text);

// The slug for a name: fold, then every run of characters other than [a-z0-9]
// becomes one '-', with none at either end; cut to at most 64 characters
// (at a '-' when there is one in the last 16 characters, never leaving a '-'
// at the end). Empty when the name has no usable letters or digits.
std::string slugify(std::string_view name);

// [a-z0-9]+(-[a-z0-9]+)*, at most 64 characters.
bool is_valid_slug(std::string_view text);

} // namespace mentor::util
