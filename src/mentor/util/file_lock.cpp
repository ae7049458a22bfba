#include "mentor/util/file_lock.hpp"

#include "mentor/util/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace mentor::util {

FileLock::FileLock(const std::filesystem::path& path)
{
  m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (m_fd < 0) {
    throw Error(fmt::format("cannot open lock file {}: {}", path.string(), std::strerror(errno)));
  }
  // A signal (a resized terminal, say) can interrupt the wait; that is no
  // reason to give up on the lock.
  int result = 0;
  do {
    result = ::flock(m_fd, LOCK_EX);
  } while (result != 0 && errno == EINTR);
  if (result != 0) {
    const int error = errno;
    ::close(m_fd);
    m_fd = -1;
    throw Error(fmt::format("cannot lock {}: {}", path.string(), std::strerror(error)));
  }
}

FileLock::~FileLock()
{
  // Closing the last descriptor of the open file releases the flock.
  if (m_fd >= 0) {
    ::close(m_fd);
  }
}

} // namespace mentor::util
