#pragma once

#include "mentor/core/build.hpp"
#include "mentor/core/model.hpp"
#include "mentor/store/records_dir.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace mentor::core {

struct LoadOptions
{
  // Read and write the record cache (.mentor/cache); $MENTOR_NO_CACHE=1
  // turns it off.
  bool use_cache = true;
  // Keep where each key was written (Positions): only `mentor check` needs
  // them, and a large directory's take megabytes.
  bool positions = false;
  // Called for every pairing as it is read, positions included, from any of
  // the threads (mentor check checks each pairing this way); what it adds
  // goes with the pairing's other problems.
  std::function<void(const Pairing&, Problems&)> inspect_pairing;
  // Threads that parse files; 0 for one per core.
  unsigned threads = 0;
  // Now, in nanoseconds since the epoch (tests set it; 0 for the clock):
  // files changed just before it are not cached (util::changed_recently).
  std::int64_t now_ns = 0;
};

// What a load did, for tests and the benchmark.
struct LoadStats
{
  std::size_t files = 0;
  std::size_t parsed = 0;       // read and parsed
  std::size_t from_cache = 0;   // taken from the cache
  bool cache_written = false;
};

// Every record in the directory, in summary: everything but the notes of
// people and sessions, which stay in their files (load_person and
// load_pairing read them). Files are parsed on every core, and what the
// record cache still holds is taken from it. What is wrong in each file is
// added to `problems` (in file order: mentor.yaml, people, pairings); a
// person whose file cannot be read is still listed, so that references to
// them are not a second problem.
Records load_summary(const store::RecordsDir& dir, Problems& problems, const LoadOptions& options = {},
                     LoadStats* stats = nullptr);

// One file, in full (notes included); problems are added to `problems`.
Config load_config(const store::RecordsDir& dir, Problems& problems);
Person load_person(const store::RecordsDir& dir, const std::string& slug, Problems& problems);
Pairing load_pairing(const store::RecordsDir& dir, const std::string& slug, Problems& problems);

// The options from the environment: $MENTOR_NO_CACHE=1 turns the cache off.
LoadOptions load_options_from_environment();

} // namespace mentor::core
