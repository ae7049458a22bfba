#include "mentor/util/file_stamp.hpp"

#include "testutil.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <fstream>

using namespace mentor;
using mentor::testutil::TempDir;
using mentor::testutil::write_text;

namespace {

constexpr std::int64_t k_ms = 1'000'000;
constexpr std::int64_t k_second = 1'000 * k_ms;

util::FileStamp changed_at(std::int64_t mtime_ns, std::int64_t ctime_ns)
{
  util::FileStamp stamp;
  stamp.mtime_ns = mtime_ns;
  stamp.ctime_ns = ctime_ns;
  return stamp;
}

} // namespace

TEST_CASE("file_stamp: what a write, a rename over the file and a chmod change")
{
  TempDir tmp;
  const auto file = tmp / "f.yaml";
  write_text(file, "name: A\n");
  const auto first = util::stamp_of(file);
  REQUIRE(first);
  CHECK(first->size == 8);
  CHECK(util::stamp_of(file) == first);

  write_text(tmp / "g.yaml", "name: B\n");
  std::filesystem::rename(tmp / "g.yaml", file);
  const auto renamed = util::stamp_of(file);
  REQUIRE(renamed);
  CHECK(renamed->size == first->size);
  CHECK(renamed->inode != first->inode);

  REQUIRE(::chmod(file.c_str(), 0640) == 0);
  const auto chmodded = util::stamp_of(file);
  REQUIRE(chmodded);
  CHECK(chmodded->mode != renamed->mode);
  CHECK(chmodded->ctime_ns >= renamed->ctime_ns);

  CHECK_FALSE(util::stamp_of(tmp / "missing.yaml"));
}

TEST_CASE("file_stamp: a link is stamped itself, not followed")
{
  TempDir tmp;
  write_text(tmp / "target.yaml", "name: A long enough value\n");
  std::filesystem::create_symlink("target.yaml", tmp / "link.yaml");
  const auto link = util::stamp_of(tmp / "link.yaml");
  REQUIRE(link);
  CHECK(S_ISLNK(link->mode));
  CHECK(link->size == std::string("target.yaml").size());
}

TEST_CASE("file_stamp: changed recently, by the later of mtime and ctime, within the file system's coarseness")
{
  const std::int64_t now = 1'800'000'000 * k_second + 500 * k_ms;
  // Timestamps with fractions of a second: a tenth of a second.
  CHECK(util::changed_recently(changed_at(now - 99 * k_ms, now - 99 * k_ms), now));
  CHECK_FALSE(util::changed_recently(changed_at(now - 101 * k_ms, now - 101 * k_ms), now));
  // Written "after" now (the clocks disagree): recent.
  CHECK(util::changed_recently(changed_at(now + 5 * k_second, now + 5 * k_second), now));
  // An old mtime (touch -d, git checkout keeps none) but a new ctime: recent.
  CHECK(util::changed_recently(changed_at(now - 3600 * k_second, now - 10 * k_ms), now));
  CHECK(util::changed_recently(changed_at(now - 10 * k_ms, now - 3600 * k_second), now));
  // Whole seconds only (a file system without fractions): two seconds.
  const std::int64_t whole = 1'800'000'000 * k_second;
  CHECK(util::changed_recently(changed_at(whole - k_second, whole - k_second), whole + 500 * k_ms));
  CHECK(util::changed_recently(changed_at(whole - k_second, whole - k_second), whole + 900 * k_ms));
  CHECK_FALSE(util::changed_recently(changed_at(whole - 2 * k_second, whole - 2 * k_second), whole + 1 * k_ms));
}
