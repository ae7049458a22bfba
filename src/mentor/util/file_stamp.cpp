#include "mentor/util/file_stamp.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <ctime>

namespace mentor::util {

namespace {

std::int64_t nanoseconds(const timespec& t)
{
  return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

constexpr std::int64_t k_second_ns = 1'000'000'000;
// Linux stamps files from a clock that lags the real one by up to a tick
// (10 ms at the slowest): a tenth of a second covers that ten times over.
constexpr std::int64_t k_fine_coarseness_ns = 100'000'000;
// File systems that keep whole seconds only (FAT keeps two): two seconds.
constexpr std::int64_t k_whole_second_coarseness_ns = 2 * k_second_ns;

FileStamp from_stat(const struct stat& st)
{
  FileStamp stamp;
  stamp.size = static_cast<std::uint64_t>(st.st_size);
  stamp.mtime_ns = nanoseconds(st.st_mtim);
  stamp.ctime_ns = nanoseconds(st.st_ctim);
  stamp.inode = static_cast<std::uint64_t>(st.st_ino);
  stamp.device = static_cast<std::uint64_t>(st.st_dev);
  stamp.mode = static_cast<std::uint32_t>(st.st_mode);
  return stamp;
}

} // namespace

std::optional<FileStamp> stamp_of(const std::filesystem::path& path)
{
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    return std::nullopt;
  }
  return from_stat(st);
}

std::optional<FileStamp> stamp_at(int dir_fd, const char* relative)
{
  struct stat st {};
  if (::fstatat(dir_fd, relative, &st, AT_SYMLINK_NOFOLLOW) != 0) {
    return std::nullopt;
  }
  return from_stat(st);
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
  // Both times on a whole second: a file system that keeps no fractions (or,
  // once in a billion, a chance), so the wider window.
  const bool whole_seconds = stamp.mtime_ns % k_second_ns == 0 && stamp.ctime_ns % k_second_ns == 0;
  return latest >= since_ns - (whole_seconds ? k_whole_second_coarseness_ns : k_fine_coarseness_ns);
}

} // namespace mentor::util
