#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include <sys/types.h>

namespace mentor::util {

enum class Overwrite { yes, no };

// Reads a whole regular file. Throws mentor::Error naming the file (as
// `display`, else the path) when it cannot be read, is not a regular file (a
// directory, a device), is a symbolic link, or is larger than max_bytes.
std::string read_file(const std::filesystem::path& path, std::size_t max_bytes, std::string_view display = {});

// Writes `content` to `path` so that a reader sees either the old file or the
// new one, never a mix: a temporary file in the same directory, fsync,
// rename, fsync of the directory. An existing file keeps its mode; a new one
// gets `new_mode`. With Overwrite::no an existing file is an error (the check
// and the creation are one atomic step). On any failure the temporary file is
// removed, the target is untouched, and mentor::Error says what failed and
// that nothing was changed (a full disk: "cannot write pairings/x.yaml: No
// space left on device; nothing was changed"), naming the file as `display`
// (default: the path). Only a failure to sync the directory after the rename
// comes after the change; its message says the file was written.
void write_file_atomic(const std::filesystem::path& path,
                       std::string_view content,
                       Overwrite overwrite,
                       unsigned new_mode = 0600,
                       std::string_view display = {});

// Whether `name` is the name of one of write_file_atomic's temporary files
// (".<target>.tmp-XXXXXX"). Readers of a folder ignore them.
bool is_temporary_name(std::string_view name);

// Removes the temporary files that a write killed half-way (SIGKILL, power
// loss) left in `dir`, and returns how many. Call it only while holding the
// lock that every writer to `dir` takes: then no write is under way there.
int remove_stale_temporaries(const std::filesystem::path& dir);

// The system calls by which write_file_atomic changes the disk: a seam
// through which tests simulate a full disk, a failing fsync or rename, or a
// process killed between two steps (like ninja's DiskInterface). Production
// code never replaces them.
struct DiskCalls
{
  std::function<ssize_t(int fd, const void* data, std::size_t size)> write;
  std::function<int(int fd)> fsync;
  std::function<int(const char* from, const char* to)> rename;
  std::function<int(const char* from, const char* to)> link;
};

// The real system calls.
DiskCalls real_disk_calls();

// Puts `calls` in place of the current ones for the object's lifetime (one
// thread at a time: for tests and the test-only fault-injection binary).
class ScopedDiskCalls
{
public:
  explicit ScopedDiskCalls(DiskCalls calls);
  ~ScopedDiskCalls();
  ScopedDiskCalls(const ScopedDiskCalls&) = delete;
  ScopedDiskCalls& operator=(const ScopedDiskCalls&) = delete;

private:
  DiskCalls m_previous;
};

// mkdir -p with mode 0700 for every directory it creates.
void create_private_directories(const std::filesystem::path& path);

} // namespace mentor::util
