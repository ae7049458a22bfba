#include "mentor/util/atomic_file.hpp"

#include "mentor/util/error.hpp"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mentor::util {

namespace {

std::string errno_text(int error)
{
  return std::strerror(error);
}

[[noreturn]] void throw_io(std::string_view what, const std::filesystem::path& path, int error)
{
  throw Error(fmt::format("cannot {} {}: {}", what, path.string(), errno_text(error)));
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
  explicit TempFile(const std::filesystem::path& target)
  {
    const auto dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    const auto name = dir / fmt::format(".{}.tmp-XXXXXX", target.filename().string());
    std::string pattern = name.string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    m_fd = ::mkstemp(buffer.data());
    if (m_fd < 0) {
      throw_io("create a temporary file for", target, errno);
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

void write_all(int fd, std::string_view content, const std::filesystem::path& path)
{
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR) {
        continue;
      }
      throw_io("write", path, errno);
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
}

void sync_directory(const std::filesystem::path& target)
{
  const auto dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  FdGuard fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) {
    throw_io("open the directory of", target, errno);
  }
  // Some file systems cannot sync a directory and say so with EINVAL; the
  // rename itself has happened, so that is not worth failing over.
  if (::fsync(fd.get()) != 0 && errno != EINVAL) {
    throw_io("sync the directory of", target, errno);
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

std::string read_file(const std::filesystem::path& path, std::size_t max_bytes)
{
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    throw_io("read", path, errno);
  }
  if (S_ISLNK(st.st_mode)) {
    throw Error(fmt::format(
      "cannot read {}: it is a symbolic link; mentor reads only regular files", path.string()));
  }
  if (!S_ISREG(st.st_mode)) {
    throw Error(fmt::format("cannot read {}: it is {}", path.string(), file_kind(st.st_mode)));
  }
  const auto too_large = [&](auto size) {
    return Error(fmt::format("cannot read {}: it is {} bytes, more than the limit of {} bytes",
                             path.string(), size, max_bytes));
  };
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
    throw too_large(st.st_size);
  }

  // O_NOFOLLOW closes the gap between the lstat above and this open.
  FdGuard fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (fd.get() < 0) {
    throw_io("read", path, errno);
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
      throw_io("read", path, errno);
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
                       unsigned new_mode)
{
  if (!path.has_filename()) {
    throw Error(fmt::format("cannot write {}: not a file name", path.string()));
  }

  auto mode = static_cast<mode_t>(new_mode & 07777);
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0) {
    if (overwrite == Overwrite::no) {
      throw Error(fmt::format("cannot create {}: it already exists", path.string()));
    }
    // Renaming over a symbolic link would replace the link itself with a
    // regular file, silently cutting the user's link.
    if (!S_ISREG(st.st_mode)) {
      throw Error(fmt::format("cannot write {}: it is {}; mentor writes only regular files",
                              path.string(), file_kind(st.st_mode)));
    }
    mode = st.st_mode & 07777;
  } else if (errno != ENOENT) {
    throw_io("write", path, errno);
  }

  TempFile temp(path);
  write_all(temp.fd(), content, path);
  // Explicit, because mkstemp's 0600 and the umask must not decide the mode.
  if (::fchmod(temp.fd(), mode) != 0) {
    throw_io("set the mode of", path, errno);
  }
  if (::fsync(temp.fd()) != 0) {
    throw_io("sync", path, errno);
  }
  if (temp.close() != 0) {
    throw_io("write", path, errno);
  }

  if (overwrite == Overwrite::yes) {
    if (::rename(temp.path().c_str(), path.c_str()) != 0) {
      throw_io("replace", path, errno);
    }
    temp.commit();
  } else {
    // link() fails if the target exists, which makes "create only if absent"
    // one atomic step; rename would silently replace a file created since the
    // lstat above.
    if (::link(temp.path().c_str(), path.c_str()) != 0) {
      if (errno == EEXIST) {
        throw Error(fmt::format("cannot create {}: it already exists", path.string()));
      }
      throw_io("create", path, errno);
    }
    // The target now has the content; the TempFile destructor unlinks the
    // temporary name.
  }
  sync_directory(path);
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
      throw_io("create directory", current, errno);
    }
    if (::mkdir(current.c_str(), 0700) != 0) {
      const int error = errno;
      // Another process may have created it in the meantime.
      if (error == EEXIST && ::stat(current.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
        continue;
      }
      throw_io("create directory", current, error);
    }
    // The umask can only take bits away, but a strange one (0277) could take
    // the owner's; these directories hold confidential notes either way.
    if (::chmod(current.c_str(), 0700) != 0) {
      throw_io("set the mode of", current, errno);
    }
  }
}

} // namespace mentor::util
