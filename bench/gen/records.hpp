#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace mentor::bench {

struct Sizes
{
  long people = 0;
  long pairings = 0;
  long sessions = 0;
};

// The named sizes: tiny (for the tests), small and large (issue 6), and
// 1k, 10k, 100k sessions for the table of how cost grows.
std::optional<Sizes> named_size(std::string_view name);
std::string_view size_names();

// Why these sizes cannot be generated, or empty when they can.
std::string check_sizes(const Sizes& sizes);

// The last date any record holds; a benchmark pins `--today` to the day after.
inline constexpr std::string_view k_last_day = "2026-06-30";
inline constexpr std::string_view k_today = "2026-07-01";

struct Summary
{
  long people = 0;
  long pairings = 0;
  long pairings_mine = 0;      // I am the mentor
  long pairings_received = 0;  // I am the mentee
  long pairings_others = 0;
  long pairings_ended = 0;
  long sessions = 0;
  long actions = 0;
  long files = 0;
  long bytes = 0;
  std::string who_pairing;  // an active pairing of mine with a typical number of sessions
  std::string who_person;   // its mentee, whose only open pairing with me it is
};

// Writes a records directory into `out` (created if missing; it must be
// empty). Throws mentor::Error on any problem.
Summary generate(const Sizes& sizes, std::uint64_t seed, const std::filesystem::path& out);

} // namespace mentor::bench
