#include "mentor/util/file_stamp.hpp"

#include <sys/stat.h>

#include <ctime>

namespace mentor::util {

namespace {

std::int64_t nanoseconds(const timespec& t)
{
  return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

// File systems stamp files from a clock that may lag the real one by a tick
// (up to 10 ms on Linux) and may store whole seconds only: a second and a
// half covers both with room to spare.
constexpr std::int64_t k_coarseness_ns = 1'500'000'000;

} // namespace

std::optional<FileStamp> stamp_of(const std::filesystem::path& path)
{
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    return std::nullopt;
  }
  FileStamp stamp;
  stamp.size = static_cast<std::uint64_t>(st.st_size);
  stamp.mtime_ns = nanoseconds(st.st_mtim);
  stamp.ctime_ns = nanoseconds(st.st_ctim);
  stamp.inode = static_cast<std::uint64_t>(st.st_ino);
  stamp.device = static_cast<std::uint64_t>(st.st_dev);
  stamp.mode = static_cast<std::uint32_t>(st.st_mode);
  return stamp;
}

std::int64_t wall_clock_ns()
{
  timespec now {};
  ::clock_gettime(CLOCK_REALTIME, &now);
  return nanoseconds(now);
}

bool changed_recently(const FileStamp& stamp, std::int64_t since_ns)
{
  const auto latest = stamp.mtime_ns > stamp.ctime_ns ? stamp.mtime_ns : stamp.ctime_ns;
  return latest >= since_ns - k_coarseness_ns;
}

} // namespace mentor::util
