#include "mentor/util/atomic_file.hpp"

#include "mentor/util/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mentor::util {

namespace {

constexpr std::string_view k_temp_infix = ".tmp-";
constexpr std::size_t k_temp_random = 6; // mkstemp's XXXXXX

DiskCalls& disk()
{
  static DiskCalls calls = real_disk_calls();
  return calls;
}

std::string errno_text(int error)
{
  return std::strerror(error);
}

std::string name_of(const std::filesystem::path& path, std::string_view display)
{
  return display.empty() ? path.string() : std::string(display);
}

[[noreturn]] void throw_io(std::string_view what, std::string_view name, int error)
{
  throw Error(fmt::format("cannot {} {}: {}", what, name, errno_text(error)));
}

// What to do about a failed write, by its cause.
std::string write_hint(int error)
{
  switch (error) {
  case ENOSPC:
  case EDQUOT:
    return "the disk (or your quota) is full: free some space, then run the command again";
  case EROFS:
    return "the file system is mounted read-only";
  case EACCES:
  case EPERM:
    return "check the permissions of the file and its folder";
  case EIO:
    return "the disk reported an error: check it before going on";
  default:
    return {};
  }
}

// A failure before the new file took the old one's place: the target is as
// it was, and the temporary file is removed on the way out.
[[noreturn]] void throw_unchanged(std::string_view what, std::string_view name, int error)
{
  throw Error(fmt::format("cannot {} {}: {}; nothing was changed", what, name, errno_text(error)),
              write_hint(error));
}

// Closes a descriptor on every path out of a function, so an exception
// between open and close does not leak it.
class FdGuard
{
public:
  explicit FdGuard(int fd) : m_fd(fd) {}
  ~FdGuard()
  {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  FdGuard(const FdGuard&) = delete;
  FdGuard& operator=(const FdGuard&) = delete;

  int get() const { return m_fd; }

  // close() can report a deferred write error (NFS), so it is checked on the
  // success path.
  int close()
  {
    const int result = ::close(m_fd);
    m_fd = -1;
    return result;
  }

private:
  int m_fd;
};

// The temporary file of one write; removed unless the write got through.
class TempFile
{
public:
  TempFile(const std::filesystem::path& target, std::string_view display)
  {
    const auto dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    const auto name = dir / fmt::format(".{}{}{}", target.filename().string(), k_temp_infix,
                                        std::string(k_temp_random, 'X'));
    std::string pattern = name.string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    m_fd = ::mkstemp(buffer.data());
    if (m_fd < 0) {
      throw_unchanged("create a temporary file to write", display, errno);
    }
    m_path = buffer.data();
  }
  ~TempFile()
  {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
    if (!m_committed) {
      ::unlink(m_path.c_str());
    }
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  int fd() const { return m_fd; }
  const std::string& path() const { return m_path; }
  int close()
  {
    const int result = ::close(m_fd);
    m_fd = -1;
    return result;
  }
  // The temporary name no longer exists (renamed away or already unlinked).
  void commit() { m_committed = true; }

private:
  int m_fd = -1;
  std::string m_path;
  bool m_committed = false;
};

void write_all(int fd, std::string_view content, std::string_view name)
{
  while (!content.empty()) {
    const ssize_t written = disk().write(fd, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR) {
        continue;
      }
      throw_unchanged("write", name, errno);
    }
    if (written == 0) {
      throw_unchanged("write", name, ENOSPC);
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
}

// After the rename: the change is made, but a crash before the directory
// reaches the disk could still undo it. Says so if it fails.
void sync_directory(const std::filesystem::path& target, std::string_view name)
{
  const auto dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  const auto fail = [&](int error) {
    throw Error(fmt::format("{} was written, but its folder could not be synced to the disk: {}", name,
                            errno_text(error)),
                "the change is in place; a crash of the machine right now could still undo it, so check "
                "the disk and the file");
  };
  FdGuard fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) {
    fail(errno);
  }
  // Some file systems cannot sync a directory and say so with EINVAL; the
  // rename itself has happened, so that is not worth failing over.
  if (disk().fsync(fd.get()) != 0 && errno != EINVAL) {
    fail(errno);
  }
}

const char* file_kind(mode_t mode)
{
  if (S_ISDIR(mode)) {
    return "a directory";
  }
  if (S_ISLNK(mode)) {
    return "a symbolic link";
  }
  return "not a regular file";
}

} // namespace

std::string read_file(const std::filesystem::path& path, std::size_t max_bytes, std::string_view display)
{
  const auto name = name_of(path, display);
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    throw_io("read", name, errno);
  }
  if (S_ISLNK(st.st_mode)) {
    throw Error(fmt::format("cannot read {}: it is a symbolic link; mentor reads only regular files", name),
                "put the file itself there in place of the link");
  }
  if (!S_ISREG(st.st_mode)) {
    throw Error(fmt::format("cannot read {}: it is {}", name, file_kind(st.st_mode)),
                "mentor expects a file there: move what is in the way elsewhere");
  }
  const auto too_large = [&](auto size) {
    return Error(fmt::format("cannot read {}: it is {} bytes, more than the limit of {} bytes", name, size,
                             max_bytes),
                 "that is far more than any record holds: check that it is the right file");
  };
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
    throw too_large(st.st_size);
  }

  // O_NOFOLLOW closes the gap between the lstat above and this open.
  FdGuard fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (fd.get() < 0) {
    const int error = errno;
    throw Error(fmt::format("cannot read {}: {}", name, errno_text(error)),
                error == EACCES ? "check the file's permissions (`ls -l`): mentor needs to read it" : "");
  }
  std::string content;
  content.reserve(static_cast<std::size_t>(st.st_size));
  std::array<char, 65536> buffer{};
  for (;;) {
    const ssize_t got = ::read(fd.get(), buffer.data(), buffer.size());
    if (got < 0) {
      if (errno == EINTR) {
        continue;
      }
      throw_io("read", name, errno);
    }
    if (got == 0) {
      break;
    }
    content.append(buffer.data(), static_cast<std::size_t>(got));
    // The file may grow while being read.
    if (content.size() > max_bytes) {
      throw too_large(content.size());
    }
  }
  return content;
}

void write_file_atomic(const std::filesystem::path& path,
                       std::string_view content,
                       Overwrite overwrite,
                       unsigned new_mode,
                       std::string_view display)
{
  const auto name = name_of(path, display);
  if (!path.has_filename()) {
    throw Error(fmt::format("cannot write {}: not a file name", name));
  }

  auto mode = static_cast<mode_t>(new_mode & 07777);
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0) {
    if (overwrite == Overwrite::no) {
      throw Error(fmt::format("cannot create {}: it already exists", name));
    }
    // Renaming over a symbolic link would replace the link itself with a
    // regular file, silently cutting the user's link.
    if (!S_ISREG(st.st_mode)) {
      throw Error(fmt::format("cannot write {}: it is {}; mentor writes only regular files", name,
                              file_kind(st.st_mode)));
    }
    mode = st.st_mode & 07777;
  } else if (errno != ENOENT) {
    throw_unchanged("write", name, errno);
  }

  TempFile temp(path, name);
  write_all(temp.fd(), content, name);
  // Explicit, because mkstemp's 0600 and the umask must not decide the mode.
  if (::fchmod(temp.fd(), mode) != 0) {
    throw_unchanged("set the mode of", name, errno);
  }
  if (disk().fsync(temp.fd()) != 0) {
    throw_unchanged("write", name, errno);
  }
  if (temp.close() != 0) {
    throw_unchanged("write", name, errno);
  }

  if (overwrite == Overwrite::yes) {
    if (disk().rename(temp.path().c_str(), path.c_str()) != 0) {
      throw_unchanged("replace", name, errno);
    }
    temp.commit();
  } else {
    // link() fails if the target exists, which makes "create only if absent"
    // one atomic step; rename would silently replace a file created since the
    // lstat above.
    if (disk().link(temp.path().c_str(), path.c_str()) != 0) {
      if (errno == EEXIST) {
        throw Error(fmt::format("cannot create {}: it already exists", name));
      }
      throw_unchanged("create", name, errno);
    }
    // The target now has the content; the TempFile destructor unlinks the
    // temporary name.
  }
  sync_directory(path, name);
}

bool is_temporary_name(std::string_view name)
{
  // ".<target>.tmp-XXXXXX", the target being at least one character.
  const auto infix = name.rfind(k_temp_infix);
  return name.size() > 1 && name.front() == '.' && infix != std::string_view::npos && infix >= 2
         && name.size() - infix - k_temp_infix.size() == k_temp_random
         && std::all_of(name.end() - k_temp_random, name.end(),
                        [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

int remove_stale_temporaries(const std::filesystem::path& dir)
{
  int removed = 0;
  // readdir and the name alone first: this runs on every write, over every
  // pairing, and a path object per entry made it most of what `log` cost on
  // a large directory.
  DIR* folder = ::opendir(dir.c_str());
  if (folder == nullptr) {
    return removed;
  }
  while (const dirent* entry = ::readdir(folder)) {
    const std::string_view name(entry->d_name);
    struct stat st {};
    // Only regular files: a folder or a link of that name is the user's.
    if (is_temporary_name(name) && ::fstatat(::dirfd(folder), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0
        && S_ISREG(st.st_mode) && ::unlinkat(::dirfd(folder), entry->d_name, 0) == 0) {
      ++removed;
    }
  }
  ::closedir(folder);
  return removed;
}

DiskCalls real_disk_calls()
{
  return DiskCalls{
    [](int fd, const void* data, std::size_t size) { return ::write(fd, data, size); },
    [](int fd) { return ::fsync(fd); },
    [](const char* from, const char* to) { return ::rename(from, to); },
    [](const char* from, const char* to) { return ::link(from, to); },
  };
}

ScopedDiskCalls::ScopedDiskCalls(DiskCalls calls) : m_previous(std::move(disk()))
{
  disk() = std::move(calls);
}

ScopedDiskCalls::~ScopedDiskCalls()
{
  disk() = std::move(m_previous);
}

void create_private_directories(const std::filesystem::path& path)
{
  std::filesystem::path current;
  for (const auto& part : path) {
    current /= part;
    if (part.empty()) {
      continue; // the empty element after a trailing '/'
    }
    struct stat st {};
    if (::stat(current.c_str(), &st) == 0) {
      if (!S_ISDIR(st.st_mode)) {
        throw Error(fmt::format("cannot create directory {}: {} exists and is not a directory",
                                path.string(), current.string()));
      }
      continue;
    }
    if (errno != ENOENT) {
      throw_io("create directory", current.string(), errno);
    }
    if (::mkdir(current.c_str(), 0700) != 0) {
      const int error = errno;
      // Another process may have created it in the meantime.
      if (error == EEXIST && ::stat(current.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
        continue;
      }
      throw_io("create directory", current.string(), error);
    }
    // The umask can only take bits away, but a strange one (0277) could take
    // the owner's; these directories hold confidential notes either way.
    if (::chmod(current.c_str(), 0700) != 0) {
      throw_io("set the mode of", current.string(), errno);
    }
  }
}

} // namespace mentor::util
