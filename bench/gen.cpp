// mentor-bench-gen: writes a records directory of a given size for the
// benchmark (bench/run.sh), deterministic from a seed.

#include "gen/records.hpp"

#include "mentor/util/error.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

namespace {

int generate_main(int argc, char** argv)
{
  CLI::App app{"Writes a records directory in mentor's format (mentor.yaml, people/, pairings/) with realistic "
               "content, for benchmarks. The same seed and sizes give the same bytes.",
               "mentor-bench-gen"};
  std::string size_name;
  mentor::bench::Sizes sizes;
  std::optional<long> people;
  std::optional<long> pairings;
  std::optional<long> sessions;
  std::uint64_t seed = 1;
  std::string out;
  app.add_option("--size", size_name, "tiny, small, large, 1k, 10k or 100k (sessions)");
  app.add_option("--people", people, "number of people (me included); overrides --size");
  app.add_option("--pairings", pairings, "number of pairings; overrides --size");
  app.add_option("--sessions", sessions, "number of sessions over all pairings; overrides --size");
  app.add_option("--seed", seed, "seed of the pseudo-random choices (default 1)");
  app.add_option("--out", out, "directory to write (created if missing; must be empty)")->required();
  app.footer(fmt::format("Sizes (people, pairings, sessions): {}.\n"
                         "Without --size, all of --people, --pairings and --sessions are needed.\n"
                         "Dates run from 2016 to {}; about 90% of pairings have ended. Prints what it\n"
                         "wrote as `key: value` lines, with an active pairing of mine to log to\n"
                         "(who-pairing) and its mentee (who-person); pin --today {} when timing.",
                         mentor::bench::size_names(), mentor::bench::k_last_day, mentor::bench::k_today));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  if (!size_name.empty()) {
    auto named = mentor::bench::named_size(size_name);
    if (!named) {
      fmt::print(stderr, "mentor-bench-gen: error: unknown size \"{}\"; the sizes are {}\n", size_name,
                 mentor::bench::size_names());
      return 2;
    }
    sizes = *named;
  } else if (!people || !pairings || !sessions) {
    fmt::print(stderr, "mentor-bench-gen: error: give --size, or all of --people, --pairings and --sessions\n");
    return 2;
  }
  sizes.people = people.value_or(sizes.people);
  sizes.pairings = pairings.value_or(sizes.pairings);
  sizes.sessions = sessions.value_or(sizes.sessions);

  try {
    const auto s = mentor::bench::generate(sizes, seed, out);
    const std::pair<std::string_view, std::string> facts[] = {
      {"records", out},
      {"people", std::to_string(s.people)},
      {"pairings", std::to_string(s.pairings)},
      {"pairings-mine", std::to_string(s.pairings_mine)},
      {"pairings-received", std::to_string(s.pairings_received)},
      {"pairings-others", std::to_string(s.pairings_others)},
      {"pairings-ended", std::to_string(s.pairings_ended)},
      {"sessions", std::to_string(s.sessions)},
      {"actions", std::to_string(s.actions)},
      {"files", std::to_string(s.files)},
      {"bytes", std::to_string(s.bytes)},
      {"who-pairing", s.who_pairing},
      {"who-person", s.who_person},
      {"today", std::string(mentor::bench::k_today)},
    };
    for (const auto& [key, value] : facts) {
      fmt::print("{}: {}\n", key, value);
    }
  } catch (const mentor::Error& e) {
    fmt::print(stderr, "mentor-bench-gen: error: {}\n", e.what());
    if (!e.hint().empty()) {
      fmt::print(stderr, "  hint: {}\n", e.hint());
    }
    return e.exit_code();
  } catch (const std::exception& e) {
    fmt::print(stderr, "mentor-bench-gen: error: {}\n", e.what());
    return 1;
  }
  return 0;
}

} // namespace

int main(int argc, char** argv)
{
  return generate_main(argc, argv);
}
