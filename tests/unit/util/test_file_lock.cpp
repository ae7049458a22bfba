#include "mentor/util/error.hpp"
#include "mentor/util/file_lock.hpp"

#include "testutil.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <optional>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using mentor::testutil::read_text;
using mentor::testutil::TempDir;
using mentor::testutil::write_text;
using mentor::util::FileLock;

namespace {

// Whether another process could take the lock right now. A forked child
// opens the file itself, so it competes like a second `mentor log` would.
bool lock_is_free_for_another_process(const std::filesystem::path& path)
{
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) {
      ::_exit(2);
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
      ::_exit(0);
    }
    ::_exit(errno == EWOULDBLOCK ? 1 : 3);
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  const int code = WEXITSTATUS(status);
  REQUIRE((code == 0 || code == 1));
  return code == 0;
}

class UmaskGuard
{
public:
  explicit UmaskGuard(mode_t mask) : m_old(::umask(mask)) {}
  ~UmaskGuard() { ::umask(m_old); }
  UmaskGuard(const UmaskGuard&) = delete;
  UmaskGuard& operator=(const UmaskGuard&) = delete;

private:
  mode_t m_old;
};

} // namespace

TEST_SUITE("util::file_lock")
{
  TEST_CASE("the lock file is created 0600")
  {
    TempDir tmp;
    const auto path = tmp / "lock";
    const UmaskGuard umask(0);
    {
      const FileLock lock(path);
      struct stat st {};
      REQUIRE(::stat(path.c_str(), &st) == 0);
      CHECK(S_ISREG(st.st_mode));
      CHECK((st.st_mode & 0777u) == 0600u);
    }
    // The file stays after the lock is released: it is never replaced, so
    // every writer keeps locking the same inode.
    CHECK(std::filesystem::exists(path));
  }

  TEST_CASE("an existing lock file is used as it is")
  {
    TempDir tmp;
    const auto path = tmp / "lock";
    write_text(path, "pid 123\n");
    struct stat before {};
    REQUIRE(::stat(path.c_str(), &before) == 0);
    {
      const FileLock lock(path);
    }
    struct stat after {};
    REQUIRE(::stat(path.c_str(), &after) == 0);
    CHECK(before.st_ino == after.st_ino);
    CHECK(read_text(path) == "pid 123\n");
  }

  TEST_CASE("the lock is held for the object's lifetime")
  {
    TempDir tmp;
    const auto path = tmp / "lock";
    {
      const FileLock lock(path);
      CHECK_FALSE(lock_is_free_for_another_process(path));
    }
    CHECK(lock_is_free_for_another_process(path));
  }

  TEST_CASE("a second lock waits for the first")
  {
    TempDir tmp;
    const auto path = tmp / "lock";
    std::atomic<bool> acquired{false};
    std::optional<FileLock> first;
    first.emplace(path);

    // flock locks belong to the open file, so a second FileLock in another
    // thread conflicts just as one in another process would.
    std::thread waiter([&] {
      const FileLock second(path);
      acquired = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    CHECK_FALSE(acquired.load());
    first.reset();
    waiter.join();
    CHECK(acquired.load());
    CHECK(lock_is_free_for_another_process(path));
  }

  TEST_CASE("failures throw mentor::Error naming the path")
  {
    TempDir tmp;
    SUBCASE("missing directory")
    {
      const auto path = tmp / "no-such-dir" / "lock";
      try {
        const FileLock lock(path);
        FAIL("expected mentor::Error");
      } catch (const mentor::Error& e) {
        CHECK(std::string(e.what()).find(path.string()) != std::string::npos);
        CHECK(std::string(e.what()).find("No such file or directory") != std::string::npos);
      }
    }
    SUBCASE("the path is a directory")
    {
      CHECK_THROWS_AS(FileLock(tmp.path()), mentor::Error);
    }
  }
}
