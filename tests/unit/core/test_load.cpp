#include "mentor/core/cache.hpp"
#include "mentor/core/check.hpp"
#include "mentor/core/load.hpp"
#include "mentor/util/file_stamp.hpp"

#include "testutil.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

using namespace mentor;
using mentor::testutil::contains;
using mentor::testutil::read_text;
using mentor::testutil::TempDir;
using mentor::testutil::write_text;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t k_second = 1'000'000'000;

// The examples, copied: a directory the tests may change.
struct Copy
{
  TempDir tmp;
  fs::path root = tmp / "records";
  store::RecordsDir dir{root, root};

  Copy()
  {
    fs::copy(fs::path(MENTOR_SOURCE_DIR) / "examples", root, fs::copy_options::recursive);
  }

  fs::path operator/(const std::string& relative) const { return root / relative; }
};

// "Now", far enough ahead that every file counts as settled; the real clock
// would keep the files the test just wrote out of the cache.
core::LoadOptions later()
{
  core::LoadOptions options;
  options.now_ns = util::wall_clock_ns() + 60 * k_second;
  return options;
}

struct Loaded
{
  core::Records records;
  std::vector<store::Problem> problems;
  core::LoadStats stats;
};

Loaded load(const store::RecordsDir& dir, core::LoadOptions options = later())
{
  Loaded out;
  core::Problems problems;
  out.records = core::load_summary(dir, problems, options, &out.stats);
  out.problems = problems.list();
  return out;
}

Loaded fresh(const store::RecordsDir& dir)
{
  auto options = later();
  options.use_cache = false;
  return load(dir, options);
}

bool same_problems(const std::vector<store::Problem>& a, const std::vector<store::Problem>& b)
{
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].file != b[i].file || a[i].line != b[i].line || a[i].col != b[i].col || a[i].message != b[i].message
        || a[i].severity != b[i].severity || a[i].excerpt != b[i].excerpt || a[i].hint != b[i].hint) {
      return false;
    }
  }
  return true;
}

// The cached load must equal a load that parses every file.
void check_same_as_fresh(const store::RecordsDir& dir, const Loaded& loaded)
{
  const auto expected = fresh(dir);
  CHECK(loaded.records == expected.records);
  CHECK(same_problems(loaded.problems, expected.problems));
}

// Rewrites a file in place (same inode) with the same number of bytes,
// then sets its mtime back: only the ctime can tell.
void edit_in_place_keeping_size_and_mtime(const fs::path& path, const std::string& from, const std::string& to)
{
  REQUIRE(from.size() == to.size());
  struct stat before {};
  REQUIRE(::stat(path.c_str(), &before) == 0);
  auto text = read_text(path);
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  {
    std::FILE* f = std::fopen(path.c_str(), "r+b");
    REQUIRE(f);
    REQUIRE(std::fwrite(text.data(), 1, text.size(), f) == text.size());
    std::fclose(f);
  }
  const timespec times[2] = {before.st_atim, before.st_mtim};
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
  struct stat after {};
  REQUIRE(::stat(path.c_str(), &after) == 0);
  REQUIRE(after.st_ino == before.st_ino);
  REQUIRE(after.st_size == before.st_size);
  REQUIRE(after.st_mtim.tv_sec == before.st_mtim.tv_sec);
  REQUIRE(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
}

const std::string k_pairing = "pairings/phil-rumens--zoe-nunez.yaml";

} // namespace

TEST_CASE("load: the second load comes from the cache and equals a load that parses every file")
{
  Copy copy;
  const auto first = load(copy.dir);
  CHECK(first.stats.parsed == first.stats.files);
  CHECK(first.stats.cache_written);
  CHECK(fs::exists(copy / ".mentor/cache"));
  const auto second = load(copy.dir);
  CHECK(second.stats.from_cache == second.stats.files);
  CHECK_FALSE(second.stats.cache_written);
  check_same_as_fresh(copy.dir, first);
  check_same_as_fresh(copy.dir, second);
  CHECK(second.records.pairings.size() == 8);
}

TEST_CASE("load: the summary leaves notes out; load_pairing and load_person read them")
{
  Copy copy;
  const auto loaded = load(copy.dir);
  for (const auto& pairing : loaded.records.pairings) {
    for (const auto& session : pairing.sessions) {
      CHECK(session.notes.empty());
    }
    core::Problems problems;
    const auto full = core::load_pairing(copy.dir, pairing.slug, problems);
    CHECK(full.sessions.size() == pairing.sessions.size());
  }
  core::Problems problems;
  const auto full = core::load_pairing(copy.dir, "phil-rumens--zoe-nunez", problems);
  CHECK(contains(full.sessions.front().notes, " "));
}

TEST_CASE("load: a file edited within the same second, keeping its size and mtime, is read again")
{
  Copy copy;
  load(copy.dir);
  // The ctime of the edit must fall on a later tick of the file-system clock.
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  edit_in_place_keeping_size_and_mtime(copy / k_pairing, "status: active", "status: paused");
  const auto after = load(copy.dir);
  CHECK(after.stats.parsed == 1);
  CHECK(after.records.pairing("phil-rumens--zoe-nunez")->status == core::Status::paused);
  check_same_as_fresh(copy.dir, after);
}

TEST_CASE("load: a file replaced by another of the same size and mtime (as git checkout does) is read again")
{
  Copy copy;
  load(copy.dir);
  const auto path = copy / k_pairing;
  struct stat before {};
  REQUIRE(::stat(path.c_str(), &before) == 0);
  auto text = read_text(path);
  const auto at = text.find("status: active");
  REQUIRE(at != std::string::npos);
  text.replace(at, 14, "status: paused");
  write_text(copy / "pairings/.checkout.tmp", text);
  const timespec times[2] = {before.st_atim, before.st_mtim};
  REQUIRE(::utimensat(AT_FDCWD, (copy / "pairings/.checkout.tmp").c_str(), times, 0) == 0);
  fs::rename(copy / "pairings/.checkout.tmp", path);
  const auto after = load(copy.dir);
  CHECK(after.stats.parsed == 1);
  CHECK(after.records.pairing("phil-rumens--zoe-nunez")->status == core::Status::paused);
  check_same_as_fresh(copy.dir, after);
}

TEST_CASE("load: deleted, renamed and new files")
{
  Copy copy;
  load(copy.dir);
  SUBCASE("deleted")
  {
    fs::remove(copy / "people/zoe-nunez.yaml");
    const auto after = load(copy.dir);
    CHECK(after.records.person("zoe-nunez") == nullptr);
    CHECK(after.stats.parsed == 0);
    CHECK(after.stats.cache_written);  // without the deleted file
    check_same_as_fresh(copy.dir, after);
    CHECK(load(copy.dir).stats.from_cache == after.stats.files);
  }
  SUBCASE("renamed")
  {
    fs::rename(copy / k_pairing, copy / "pairings/phil-rumens--zoe-nunez-2.yaml");
    const auto after = load(copy.dir);
    CHECK(after.records.pairing("phil-rumens--zoe-nunez") == nullptr);
    CHECK(after.records.pairing("phil-rumens--zoe-nunez-2") != nullptr);
    check_same_as_fresh(copy.dir, after);
  }
  SUBCASE("new")
  {
    write_text(copy / "people/new-person.yaml", "name: New Person\n");
    const auto after = load(copy.dir);
    CHECK(after.stats.parsed == 1);
    CHECK(after.records.person("new-person") != nullptr);
    check_same_as_fresh(copy.dir, after);
  }
}

TEST_CASE("load: files changed a moment ago are not cached")
{
  // "Now" a moment after the files were written, however long that took.
  core::LoadOptions now;
  now.now_ns = util::wall_clock_ns() + 50'000'000;
  Copy copy;
  const auto first = load(copy.dir, now);
  CHECK(first.stats.parsed == first.stats.files);
  const auto second = load(copy.dir, now);
  CHECK(second.stats.parsed == second.stats.files);
  // Once they have settled, they are.
  CHECK(load(copy.dir).stats.cache_written);
  CHECK(load(copy.dir).stats.from_cache == first.stats.files);
}

TEST_CASE("load: a damaged or truncated cache is never used, and is replaced")
{
  Copy copy;
  load(copy.dir);
  const auto cache = copy / ".mentor/cache";
  const auto good = read_text(cache);
  REQUIRE(good.size() > 1000);
  SUBCASE("every length it can be cut to")
  {
    for (std::size_t size = 0; size < good.size(); size += good.size() / 40 + 1) {
      write_text(cache, good.substr(0, size));
      const auto loaded = load(copy.dir);
      CHECK(loaded.stats.parsed == loaded.stats.files);
      check_same_as_fresh(copy.dir, loaded);
      CHECK(load(copy.dir).stats.from_cache == loaded.stats.files);
    }
  }
  SUBCASE("a byte changed anywhere")
  {
    for (std::size_t at = 0; at < good.size(); at += good.size() / 40 + 1) {
      auto bad = good;
      bad[at] = static_cast<char>(bad[at] ^ 0x5A);
      write_text(cache, bad);
      const auto loaded = load(copy.dir);
      check_same_as_fresh(copy.dir, loaded);
      CHECK(load(copy.dir).stats.from_cache == loaded.stats.files);
    }
  }
  SUBCASE("not a cache at all")
  {
    for (const std::string& bad : {std::string(), std::string("garbage\n"), std::string(5000, '\0')}) {
      write_text(cache, bad);
      check_same_as_fresh(copy.dir, load(copy.dir));
    }
    fs::remove(cache);
    fs::create_directory(cache);
    check_same_as_fresh(copy.dir, load(copy.dir));
  }
}

TEST_CASE("load: processes racing to write the cache each leave a whole one")
{
  Copy copy;
  for (int round = 0; round < 4; ++round) {
    // Each round changes a file, so that every process writes a new cache.
    write_text(copy / "people/racer.yaml", "name: Racer " + std::string(static_cast<std::size_t>(round) + 1, 'x') + "\n");
    std::vector<pid_t> children;
    for (int i = 0; i < 6; ++i) {
      const pid_t pid = ::fork();
      REQUIRE(pid >= 0);
      if (pid == 0) {
        core::Problems problems;
        core::load_summary(copy.dir, problems, later());
        ::_exit(0);
      }
      children.push_back(pid);
    }
    for (const auto pid : children) {
      int status = 0;
      REQUIRE(::waitpid(pid, &status, 0) == pid);
      CHECK(WIFEXITED(status));
    }
    const auto loaded = load(copy.dir);
    CHECK(loaded.stats.from_cache == loaded.stats.files);
    check_same_as_fresh(copy.dir, loaded);
  }
  // No temporary file is left behind.
  for (const auto& entry : fs::directory_iterator(copy / ".mentor")) {
    CHECK(entry.path().filename() != ".cache.tmp");
    CHECK_FALSE(contains(entry.path().filename().string(), ".tmp"));
  }
}

TEST_CASE("load: a broken file is reported on every load, and the others still come from the cache")
{
  Copy copy;
  load(copy.dir);
  write_text(copy / "people/broken.yaml", "name: [unclosed\n");
  for (int i = 0; i < 2; ++i) {
    const auto loaded = load(copy.dir);
    REQUIRE_FALSE(loaded.problems.empty());
    CHECK(contains(loaded.problems.front().file, "people/broken.yaml"));
    CHECK(loaded.stats.parsed == 1);
    check_same_as_fresh(copy.dir, loaded);
  }
}

TEST_CASE("load: a load that meets a broken file writes no cache, and leaves the old one as it was")
{
  SUBCASE("no cache yet: none is written")
  {
    Copy copy;
    write_text(copy / "pairings/broken--file.yaml", "mentor: [unclosed\n");
    const auto loaded = load(copy.dir);
    REQUIRE_FALSE(loaded.problems.empty());
    CHECK_FALSE(loaded.stats.cache_written);
    CHECK_FALSE(fs::exists(copy / ".mentor/cache"));
    // Nor a temporary file of one.
    if (fs::exists(copy / ".mentor")) {
      CHECK(fs::is_empty(copy / ".mentor"));
    }
  }
  SUBCASE("an old cache stays, byte for byte")
  {
    Copy copy;
    load(copy.dir);
    const auto before = read_text(copy / ".mentor/cache");
    write_text(copy / "people/new-person.yaml", "name: New Person\n");
    write_text(copy / "people/broken.yaml", "name: [unclosed\n");
    const auto loaded = load(copy.dir);
    REQUIRE_FALSE(loaded.problems.empty());
    CHECK_FALSE(loaded.stats.cache_written);
    CHECK(read_text(copy / ".mentor/cache") == before);
    // Once the file is mended, the next load writes the cache again.
    fs::remove(copy / "people/broken.yaml");
    CHECK(load(copy.dir).stats.cache_written);
  }
}

TEST_CASE("load: one thread or many, the same records")
{
  Copy copy;
  auto one = later();
  one.threads = 1;
  one.use_cache = false;
  auto many = later();
  many.threads = 4;
  many.use_cache = false;
  const auto a = load(copy.dir, one);
  const auto b = load(copy.dir, many);
  CHECK(a.records == b.records);
  CHECK(same_problems(a.problems, b.problems));
}

TEST_CASE("load: a directory of hundreds of files, read on several threads and from the cache, gives the same records")
{
  // Past the size from which loads run on several threads and ask for huge
  // pages: the examples' last pairing, again with 160 new mentees.
  Copy copy;
  const auto person = read_text(copy / "people/zoe-nunez.yaml");
  const auto pairing = read_text(copy / k_pairing);
  REQUIRE(contains(pairing, "mentee: zoe-nunez\n"));
  for (int i = 0; i < 160; ++i) {
    const auto slug = "mentee-" + std::to_string(i);
    write_text(copy / ("people/" + slug + ".yaml"), person);
    auto text = pairing;
    text.replace(text.find("mentee: zoe-nunez\n"), 18, "mentee: " + slug + "\n");
    write_text(copy / ("pairings/phil-rumens--" + slug + ".yaml"), text);
  }
  auto one = later();
  one.threads = 1;
  one.use_cache = false;
  auto two = later();
  two.threads = 2;
  const auto expected = load(copy.dir, one);
  REQUIRE(expected.records.pairings.size() == 168);
  REQUIRE(expected.records.people.size() == 169);
  CHECK(std::is_sorted(expected.records.pairings.begin(), expected.records.pairings.end(),
                       [](const auto& a, const auto& b) { return a.slug < b.slug; }));
  const auto parsed = load(copy.dir, two);
  CHECK(parsed.stats.parsed == 338);
  CHECK(parsed.records == expected.records);
  const auto cached = load(copy.dir, two);
  CHECK(cached.stats.from_cache == 338);
  CHECK(cached.records == expected.records);
  CHECK(same_problems(cached.problems, expected.problems));
}

TEST_CASE("load: pairings are checked as they are read, with their positions, from the cache too")
{
  Copy copy;
  auto text = read_text(copy / k_pairing);
  write_text(copy / k_pairing, text + "  - date: 2020-01-01\n    duration: 1h\n");
  auto options = later();
  const auto people = copy.dir.list(store::Folder::people);
  options.inspect_pairing = [&](const core::Pairing& pairing, core::Problems& found) {
    core::check_pairing(
      pairing, [&](std::string_view slug) { return std::find(people.begin(), people.end(), slug) != people.end(); },
      found);
  };
  const auto first = load(copy.dir, options);
  const auto second = load(copy.dir, options);
  CHECK(second.stats.from_cache == second.stats.files);
  REQUIRE(first.problems.size() >= 2);
  CHECK(same_problems(first.problems, second.problems));
  bool out_of_order = false;
  for (const auto& problem : second.problems) {
    out_of_order = out_of_order || (contains(problem.message, "comes after") && problem.line > 0);
  }
  CHECK(out_of_order);
  // Positions are not kept in the records afterwards.
  for (const auto& pairing : second.records.pairings) {
    CHECK(pairing.at.entries().empty());
  }
}
