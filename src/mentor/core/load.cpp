#include "mentor/core/load.hpp"

#include "mentor/core/cache.hpp"
#include "mentor/util/atomic_file.hpp"
#include "mentor/util/file_stamp.hpp"
#include "mentor/util/memory.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <string_view>
#include <thread>

namespace mentor::core {

namespace {

using store::Folder;
using store::RecordsDir;

// From how many files a load asks for huge pages. A 2 MiB page costs about
// what a hundred ordinary ones do to fault in (measured on a virtual
// machine), so it pays once a load builds a megabyte or so: a few hundred
// files of records.
constexpr std::size_t huge_pages_from = 256;

enum class What { config, person, pairing };

struct Job
{
  What what;
  std::string slug;
  std::string relative;
  std::size_t slot = 0;  // its place in Records::people or Records::pairings
};

// What became of one file. Its record goes straight to its place in the
// Records (kept small, this is made per file before the load starts).
struct Result
{
  std::vector<store::Problem> problems;  // in file order
  bool built = false;                    // a record is in its place
  bool from_cache = false;
};

// Whether a cached record is of the kind the file's folder holds.
bool holds(const CachedRecord& cached, What what)
{
  switch (what) {
  case What::config:
    return std::holds_alternative<Config>(cached.record);
  case What::person:
    return std::holds_alternative<Person>(cached.record);
  case What::pairing:
    return std::holds_alternative<Pairing>(cached.record);
  }
  return false;
}

// Assigning an empty string would keep the buffer; swapping frees it.
void drop_notes(Person& person)
{
  std::string().swap(person.notes);
}

void drop_notes(Pairing& pairing)
{
  for (auto& session : pairing.sessions) {
    std::string().swap(session.notes);
  }
}

void drop_notes(Config&) {}

void drop_positions(Config& config)
{
  config.at = Positions();
}

void drop_positions(Person& person)
{
  person.at = Positions();
}

void drop_positions(Pairing& pairing)
{
  pairing.at = Positions();
  for (auto& goal : pairing.goals) {
    goal.at = Positions();
  }
  for (auto& session : pairing.sessions) {
    session.at = Positions();
    for (auto& action : session.actions) {
      action.at = Positions();
    }
  }
}

// Reads and builds one file; a file that cannot be read or parsed gives its
// problems and no record.
std::optional<CachedRecord> build(const RecordsDir& dir, const Job& job, Result& result)
{
  std::optional<CachedRecord> record;
  Problems local;
  try {
    const auto document = dir.load(job.relative);
    switch (job.what) {
    case What::config:
      record = CachedRecord{build_config(document, local), {}};
      break;
    case What::person:
      record = CachedRecord{build_person(document, job.slug, local), {}};
      break;
    case What::pairing:
      record = CachedRecord{build_pairing(document, job.slug, local), {}};
      break;
    }
  } catch (const store::SourceError& e) {
    for (const auto& problem : e.problems()) {
      local.add(problem);
    }
  } catch (const Error& e) {
    store::Problem problem;
    problem.file = dir.display(job.relative);
    problem.message = e.what();
    problem.hint = e.hint();
    local.add(std::move(problem));
  }
  result.problems = local.list();
  return record;
}

// A directory open for fstatat(), so that files are stamped relative to it
// and the kernel need not walk the whole path for each one; -1 when it
// cannot be opened (then files are stamped by their full path).
struct OpenDirectory
{
  explicit OpenDirectory(const std::filesystem::path& path)
    : fd(::open(path.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC))
  {
  }
  ~OpenDirectory()
  {
    if (fd >= 0) {
      ::close(fd);
    }
  }
  OpenDirectory(const OpenDirectory&) = delete;
  OpenDirectory& operator=(const OpenDirectory&) = delete;

  int fd;
};

struct Run
{
  const RecordsDir& dir;
  const std::vector<Job>& jobs;
  std::vector<Result>& results;
  Records& records;
  const RecordCache& cache;
  RecordCache::Writer* writer;  // null without a cache
  const LoadOptions& options;
  std::int64_t now_ns;
  int root_fd;  // the records directory, or -1

  void one(std::size_t i) const
  {
    const auto& job = jobs[i];
    auto& result = results[i];
    const auto stamp = root_fd >= 0 ? util::stamp_at(root_fd, job.relative.c_str())
                                    : util::stamp_of(dir.absolute(job.relative));
    if (writer && stamp) {
      const bool positions = options.positions || (options.inspect_pairing && job.what == What::pairing);
      auto cached = cache.find(job.relative, *stamp,
                               positions ? RecordCache::WithPositions::yes : RecordCache::WithPositions::no);
      if (cached && holds(*cached, job.what)) {
        result.problems = std::move(cached->warnings);
        result.from_cache = true;
        writer->keep(job.relative);
        std::visit([&](auto& record) { put_in_place(job, result, std::move(record)); }, cached->record);
        return;
      }
    }
    auto built = build(dir, job, result);
    if (!built) {
      return;
    }
    const bool clean = std::none_of(result.problems.begin(), result.problems.end(),
                                    [](const store::Problem& p) { return p.severity == store::Severity::error; });
    std::visit(
      [&](auto& record) {
        drop_notes(record);
        // A file changed a moment ago may change again within the same
        // timestamp: it is cached once it has been still for a while.
        if (writer && clean && stamp && !util::changed_recently(*stamp, now_ns)) {
          writer->add(job.relative, *stamp, record, result.problems);
        }
        // A copy made now, with the parse's memory freed, packs the record
        // into the space the parse used instead of leaving it scattered
        // among the holes the parse left: it lowers the peak memory of a
        // large directory.
        put_in_place(job, result, std::decay_t<decltype(record)>(record));
      },
      built->record);
  }

  // The record into its place in `records`, after the caller's look at a
  // pairing; its positions go unless kept. Warnings and the record get the
  // file's display name now (the cache leaves it out: it depends on the
  // working directory).
  template <typename Record>
  void put_in_place(const Job& job, Result& result, Record record) const
  {
    const auto display = dir.display(job.relative);
    for (auto& warning : result.problems) {
      if (warning.file.empty()) {
        warning.file = display;
      }
    }
    record.file = display;
    if constexpr (std::is_same_v<Record, Pairing>) {
      if (options.inspect_pairing) {
        Problems found;
        options.inspect_pairing(record, found);
        result.problems.insert(result.problems.end(), found.list().begin(), found.list().end());
      }
    }
    if (!options.positions) {
      drop_positions(record);
    }
    if constexpr (std::is_same_v<Record, Config>) {
      records.config = std::move(record);
    } else if constexpr (std::is_same_v<Record, Person>) {
      records.people[job.slot] = std::move(record);
    } else {
      records.pairings[job.slot] = std::move(record);
    }
    result.built = true;
  }

  void all() const
  {
    unsigned threads = options.threads > 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>({threads, 16, jobs.size() / 32 + 1}));
    if (threads <= 1) {
      for (std::size_t i = 0; i < jobs.size(); ++i) {
        one(i);
      }
      return;
    }
    std::atomic<std::size_t> next{0};
    std::vector<std::exception_ptr> failures(threads);
    auto worker = [&](unsigned id) {
      util::prefer_huge_pages_in_this_thread();
      try {
        for (std::size_t i = next++; i < jobs.size(); i = next++) {
          one(i);
        }
      } catch (...) {
        failures[id] = std::current_exception();
        next = jobs.size();
      }
    };
    // Every worker is a thread of its own while this one waits: glibc gives
    // each a heap of its own, which the worker marks for huge pages.
    std::vector<std::thread> pool;
    for (unsigned id = 0; id < threads; ++id) {
      pool.emplace_back(worker, id);
    }
    for (auto& thread : pool) {
      thread.join();
    }
    for (const auto& failure : failures) {
      if (failure) {
        std::rethrow_exception(failure);
      }
    }
  }
};

} // namespace

LoadOptions load_options_from_environment()
{
  LoadOptions options;
  const char* no_cache = std::getenv("MENTOR_NO_CACHE");
  options.use_cache = !(no_cache && *no_cache && std::string_view(no_cache) != "0");
  return options;
}

Records load_summary(const RecordsDir& dir, Problems& problems, const LoadOptions& options, LoadStats* stats)
{
  const auto now = options.now_ns != 0 ? options.now_ns : util::wall_clock_ns();
  std::vector<std::string> listed[2];
  const Folder folders[2] = {Folder::people, Folder::pairings};
  for (std::size_t f = 0; f < 2; ++f) {
    try {
      listed[f] = dir.list(folders[f]);
    } catch (const Error& e) {
      // A folder that is a link or a file is one problem, not a reason to
      // stop: every other file is still read, so that check shows them all.
      store::Problem problem;
      problem.file = dir.display(folders[f] == Folder::people ? "people/" : "pairings/");
      problem.message = e.what();
      problem.hint = e.hint();
      problems.add(std::move(problem));
    }
  }
  // Enough files to build megabytes of records: in huge pages (see
  // util/memory.hpp), asked for before the load allocates anything large.
  const std::size_t files = 1 + listed[0].size() + listed[1].size();
  if (files >= huge_pages_from) {
    util::prefer_huge_pages();
  }
  std::vector<Job> jobs;
  jobs.reserve(files);
  jobs.push_back(Job{What::config, "", RecordsDir::config_file()});
  std::size_t people = 0;
  std::size_t pairings = 0;
  for (std::size_t f = 0; f < 2; ++f) {
    const bool person = folders[f] == Folder::people;
    for (auto& slug : listed[f]) {
      auto relative = RecordsDir::record_file(folders[f], slug);
      jobs.push_back(Job{person ? What::person : What::pairing, std::move(slug), std::move(relative),
                         person ? people++ : pairings++});
    }
  }

  const auto cache_file = dir.root() / ".mentor" / "cache";
  const RecordCache cache = options.use_cache ? RecordCache::open(cache_file) : RecordCache();
  std::optional<RecordCache::Writer> writer;
  if (options.use_cache) {
    try {
      util::create_private_directories(cache_file.parent_path());
    } catch (const std::exception&) {
      // A records directory that cannot be written to is read without
      // writing a cache: the writer's temporary file cannot be made.
    }
    writer.emplace(cache_file, cache);
  }
  // Every record is built straight into its place here.
  Records records;
  records.people.resize(people);
  records.pairings.resize(pairings);
  std::vector<Result> results(jobs.size());
  const OpenDirectory root(dir.root());
  Run{dir, jobs, results, records, cache, writer ? &*writer : nullptr, options, now, root.fd}.all();

  // A load that meets a broken file is one the command refuses: it leaves
  // the records directory exactly as it was, the cache included (the next
  // clean run writes it).
  const bool broken = problems.has_errors() || std::any_of(results.begin(), results.end(), [](const Result& result) {
                        return std::any_of(result.problems.begin(), result.problems.end(), [](const store::Problem& p) {
                          return p.severity == store::Severity::error;
                        });
                      });
  const bool written = writer && !broken && writer->commit();

  // Then the problems in file order, and a file that gave no record: a
  // person is still known by the file's name, a pairing is left out.
  std::size_t parsed = 0;
  bool pairing_missing = false;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    const auto& job = jobs[i];
    auto& result = results[i];
    parsed += result.from_cache ? 0 : 1;
    for (auto& problem : result.problems) {
      problems.add(std::move(problem));
    }
    if (!result.built && job.what == What::person) {
      Person& person = records.people[job.slot];
      person.slug = job.slug;
      person.file = dir.display(job.relative);
    }
    pairing_missing = pairing_missing || (!result.built && job.what == What::pairing);
  }
  if (pairing_missing) {
    std::vector<Pairing> built;
    built.reserve(records.pairings.size());
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      if (results[i].built && jobs[i].what == What::pairing) {
        built.push_back(std::move(records.pairings[jobs[i].slot]));
      }
    }
    records.pairings = std::move(built);
  }
  if (stats) {
    stats->files = jobs.size();
    stats->parsed = parsed;
    stats->from_cache = jobs.size() - parsed;
    stats->cache_written = written;
  }
  return records;
}

namespace {

template <typename Build>
auto load_one(const RecordsDir& dir, const std::string& relative, Problems& problems, Build build)
{
  const auto document = dir.load(relative);
  return build(document, problems);
}

} // namespace

Config load_config(const RecordsDir& dir, Problems& problems)
{
  return load_one(dir, RecordsDir::config_file(), problems,
                  [](const store::Document& d, Problems& p) { return build_config(d, p); });
}

Person load_person(const RecordsDir& dir, const std::string& slug, Problems& problems)
{
  return load_one(dir, RecordsDir::record_file(Folder::people, slug), problems,
                  [&](const store::Document& d, Problems& p) { return build_person(d, slug, p); });
}

Pairing load_pairing(const RecordsDir& dir, const std::string& slug, Problems& problems)
{
  return load_one(dir, RecordsDir::record_file(Folder::pairings, slug), problems,
                  [&](const store::Document& d, Problems& p) { return build_pairing(d, slug, p); });
}

} // namespace mentor::core
