#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

namespace mentor::util {

// What the file system says about a file, enough to tell that it has not
// changed since: any write, rename over it, chmod or `git checkout` changes
// at least one of these (ctime cannot be set back by anyone).
struct FileStamp
{
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::uint64_t inode = 0;
  std::uint64_t device = 0;
  std::uint32_t mode = 0;  // type and permissions

  bool operator==(const FileStamp&) const = default;
};

// The stamp of `path` itself (a symbolic link is not followed), or nothing
// when it cannot be read.
std::optional<FileStamp> stamp_of(const std::filesystem::path& path);

// The same for `relative` under the directory open as `dir_fd` (an fd from
// open(2), O_PATH will do): the kernel walks only the relative part.
std::optional<FileStamp> stamp_at(int dir_fd, const char* relative);

// Now, in nanoseconds since the epoch, on the clock file times are set from.
std::int64_t wall_clock_ns();

// Whether the file changed at or after `since_ns`, give or take the
// coarseness of file-system timestamps: such a file may change again within
// the same timestamp, so nothing derived from it may be kept. The margin is
// a tenth of a second for timestamps with fractions of a second (Linux sets
// them from a clock up to a tick behind), two seconds for whole seconds.
bool changed_recently(const FileStamp& stamp, std::int64_t since_ns);

} // namespace mentor::util
