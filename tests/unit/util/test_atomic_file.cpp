#include "mentor/util/atomic_file.hpp"
#include "mentor/util/error.hpp"

#include "testutil.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

using mentor::testutil::mode_of;

namespace fs = std::filesystem;

using mentor::testutil::read_text;
using mentor::testutil::TempDir;
using mentor::testutil::write_text;
using mentor::util::create_private_directories;
using mentor::util::Overwrite;
using mentor::util::read_file;
using mentor::util::write_file_atomic;

namespace {

// Names of leftover temporary files (".<name>.tmp-XXXXXX") in a directory.
int temp_files_in(const fs::path& dir)
{
  int count = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().find(".tmp-") != std::string::npos) {
      ++count;
    }
  }
  return count;
}

// Sets the umask for one scope so a test can prove the mode does not depend
// on it.
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

struct Caught
{
  std::string message = "<no mentor::Error>";
  std::string hint;
};

Caught caught(const std::function<void()>& action)
{
  try {
    action();
  } catch (const mentor::Error& e) {
    return Caught{e.what(), e.hint()};
  }
  return {};
}

std::string error_message(const std::function<void()>& action)
{
  return caught(action).message;
}

} // namespace

TEST_SUITE("util::atomic_file")
{
  TEST_CASE("write_file_atomic creates a new file")
  {
    TempDir tmp;
    const auto path = tmp / "people.yaml";

    SUBCASE("with mode 0600 whatever the umask")
    {
      const UmaskGuard umask(0);
      write_file_atomic(path, "name: Alice\n", Overwrite::no);
      CHECK(read_text(path) == "name: Alice\n");
      CHECK(mode_of(path) == 0600u);
    }
    SUBCASE("with an explicit mode, even one the umask would cut")
    {
      const UmaskGuard umask(077);
      write_file_atomic(path, "x", Overwrite::yes, 0644);
      CHECK(mode_of(path) == 0644u);
    }
    SUBCASE("empty content and bytes that are not text")
    {
      write_file_atomic(path, "", Overwrite::no);
      CHECK(fs::file_size(path) == 0u);
      const std::string binary("a\0b\xFF\r\n", 6);
      write_file_atomic(path, binary, Overwrite::yes);
      CHECK(read_text(path) == binary);
    }
    SUBCASE("a large file is written completely")
    {
      const std::string big(3 * 1024 * 1024 + 17, 'z');
      write_file_atomic(path, big, Overwrite::no);
      CHECK(read_text(path) == big);
    }
    CHECK(temp_files_in(tmp.path()) == 0);
  }

  TEST_CASE("write_file_atomic replaces an existing file")
  {
    TempDir tmp;
    const auto path = tmp / "pairing.yaml";
    write_text(path, "old content that is longer than the new one\n");
    REQUIRE(::chmod(path.c_str(), 0640) == 0);

    write_file_atomic(path, "new\n", Overwrite::yes);
    CHECK(read_text(path) == "new\n");
    CHECK(mode_of(path) == 0640u);
    CHECK(temp_files_in(tmp.path()) == 0);

    SUBCASE("the mode is kept, not replaced by new_mode")
    {
      write_file_atomic(path, "again\n", Overwrite::yes, 0600);
      CHECK(mode_of(path) == 0640u);
    }
    SUBCASE("it is a new inode, so a reader holding the old file sees old or new, never a mix")
    {
      struct stat before {};
      REQUIRE(::stat(path.c_str(), &before) == 0);
      write_file_atomic(path, "third\n", Overwrite::yes);
      struct stat after {};
      REQUIRE(::stat(path.c_str(), &after) == 0);
      CHECK(before.st_ino != after.st_ino);
    }
  }

  TEST_CASE("Overwrite::no never clobbers")
  {
    TempDir tmp;
    const auto path = tmp / "alice.yaml";
    write_text(path, "keep me\n");

    const std::string message =
      error_message([&] { write_file_atomic(path, "replacement", Overwrite::no); });
    CHECK(message.find("already exists") != std::string::npos);
    CHECK(message.find(path.string()) != std::string::npos);
    CHECK(read_text(path) == "keep me\n");
    CHECK(temp_files_in(tmp.path()) == 0);
  }

  TEST_CASE("Overwrite::no: of many writers racing to create one file, exactly one wins")
  {
    TempDir tmp;
    constexpr int k_writers = 8;
    for (int round = 0; round < 25; ++round) {
      const auto path = tmp / fmt::format("race-{}.yaml", round);
      std::atomic<bool> go{false};
      std::atomic<int> winners{0};
      std::atomic<int> losers{0};
      std::vector<std::thread> threads;
      for (int i = 0; i < k_writers; ++i) {
        threads.emplace_back([&, i] {
          while (!go.load()) {
            std::this_thread::yield();
          }
          try {
            write_file_atomic(path, fmt::format("writer {}\n", i), Overwrite::no);
            ++winners;
          } catch (const mentor::Error&) {
            ++losers;
          }
        });
      }
      go = true;
      for (auto& thread : threads) {
        thread.join();
      }
      CAPTURE(round);
      REQUIRE(winners.load() == 1);
      CHECK(losers.load() == k_writers - 1);
    }
    CHECK(temp_files_in(tmp.path()) == 0);
  }

  TEST_CASE("write_file_atomic failures throw mentor::Error and leave nothing behind")
  {
    TempDir tmp;

    SUBCASE("a directory that does not exist")
    {
      const auto path = tmp / "missing" / "file.yaml";
      const std::string message =
        error_message([&] { write_file_atomic(path, "x", Overwrite::yes); });
      CHECK(message.find(path.string()) != std::string::npos);
      CHECK(message.find("No such file or directory") != std::string::npos);
      CHECK_FALSE(fs::exists(path));
    }
    SUBCASE("the target is a directory")
    {
      fs::create_directory(tmp / "dir");
      CHECK_THROWS_AS(write_file_atomic(tmp / "dir", "x", Overwrite::yes), mentor::Error);
      CHECK(fs::is_directory(tmp / "dir"));
    }
    SUBCASE("the target is a symbolic link")
    {
      write_text(tmp / "real.yaml", "real\n");
      fs::create_symlink(tmp / "real.yaml", tmp / "link.yaml");
      const std::string message =
        error_message([&] { write_file_atomic(tmp / "link.yaml", "x", Overwrite::yes); });
      CHECK(message.find("symbolic link") != std::string::npos);
      CHECK(fs::is_symlink(tmp / "link.yaml"));
      CHECK(read_text(tmp / "real.yaml") == "real\n");
    }
    SUBCASE("a directory that cannot be written to")
    {
      if (::geteuid() == 0) {
        MESSAGE("running as root: permissions are not enforced, skipped");
        return;
      }
      const auto dir = tmp / "readonly";
      fs::create_directory(dir);
      write_text(dir / "file.yaml", "original\n");
      REQUIRE(::chmod(dir.c_str(), 0500) == 0);
      CHECK_THROWS_AS(write_file_atomic(dir / "file.yaml", "new", Overwrite::yes),
                      mentor::Error);
      REQUIRE(::chmod(dir.c_str(), 0700) == 0);
      CHECK(read_text(dir / "file.yaml") == "original\n");
      CHECK(temp_files_in(dir) == 0);
    }
    CHECK(temp_files_in(tmp.path()) == 0);
  }

  TEST_CASE("read_file")
  {
    TempDir tmp;

    SUBCASE("reads a regular file exactly")
    {
      const std::string content("line one\r\nline two\0with nul", 27);
      write_text(tmp / "a.yaml", content);
      CHECK(read_file(tmp / "a.yaml", 1024) == content);
      write_text(tmp / "empty.yaml", "");
      CHECK(read_file(tmp / "empty.yaml", 1024) == "");
    }
    SUBCASE("a file at exactly the limit is fine, one byte more is not")
    {
      write_text(tmp / "a.yaml", std::string(100, 'x'));
      CHECK(read_file(tmp / "a.yaml", 100).size() == 100u);
      const std::string message = error_message([&] { read_file(tmp / "a.yaml", 99); });
      CHECK(message.find("100") != std::string::npos);
      CHECK(message.find("99") != std::string::npos);
      CHECK(message.find((tmp / "a.yaml").string()) != std::string::npos);
    }
    SUBCASE("a missing file")
    {
      const std::string message = error_message([&] { read_file(tmp / "nope.yaml", 100); });
      CHECK(message.find("nope.yaml") != std::string::npos);
      CHECK(message.find("No such file or directory") != std::string::npos);
    }
    SUBCASE("a directory")
    {
      fs::create_directory(tmp / "dir.yaml");
      const std::string message = error_message([&] { read_file(tmp / "dir.yaml", 100); });
      CHECK(message.find("directory") != std::string::npos);
    }
    SUBCASE("a symbolic link, even to a regular file")
    {
      write_text(tmp / "real.yaml", "real\n");
      fs::create_symlink(tmp / "real.yaml", tmp / "link.yaml");
      const std::string message = error_message([&] { read_file(tmp / "link.yaml", 100); });
      CHECK(message.find("symbolic link") != std::string::npos);
      CHECK(message.find("regular files") != std::string::npos);
    }
    SUBCASE("a device")
    {
      CHECK_THROWS_AS(read_file("/dev/null", 100), mentor::Error);
    }
    SUBCASE("a file that cannot be opened")
    {
      if (::geteuid() == 0) {
        MESSAGE("running as root: permissions are not enforced, skipped");
        return;
      }
      write_text(tmp / "secret.yaml", "x");
      REQUIRE(::chmod((tmp / "secret.yaml").c_str(), 0) == 0);
      CHECK_THROWS_AS(read_file(tmp / "secret.yaml", 100), mentor::Error);
    }
  }

  TEST_CASE("create_private_directories")
  {
    TempDir tmp;

    SUBCASE("creates every missing level with 0700")
    {
      const UmaskGuard umask(0);
      const auto deep = tmp / "a" / "b" / "c";
      create_private_directories(deep);
      CHECK(fs::is_directory(deep));
      CHECK(mode_of(tmp / "a") == 0700u);
      CHECK(mode_of(tmp / "a" / "b") == 0700u);
      CHECK(mode_of(deep) == 0700u);
    }
    SUBCASE("existing directories are fine and keep their mode")
    {
      fs::create_directory(tmp / "shared");
      REQUIRE(::chmod((tmp / "shared").c_str(), 0755) == 0);
      create_private_directories(tmp / "shared" / "private");
      create_private_directories(tmp / "shared" / "private");
      CHECK(mode_of(tmp / "shared") == 0755u);
      CHECK(mode_of(tmp / "shared" / "private") == 0700u);
    }
    SUBCASE("a trailing slash")
    {
      create_private_directories(tmp.path().string() + "/x/y/");
      CHECK(fs::is_directory(tmp / "x" / "y"));
    }
    SUBCASE("a file in the way")
    {
      write_text(tmp / "file", "x");
      const std::string message =
        error_message([&] { create_private_directories(tmp / "file" / "sub"); });
      CHECK(message.find("not a directory") != std::string::npos);
      CHECK(message.find((tmp / "file").string()) != std::string::npos);
      CHECK_THROWS_AS(create_private_directories(tmp / "file"), mentor::Error);
    }
  }
}

namespace {

using mentor::util::DiskCalls;
using mentor::util::real_disk_calls;
using mentor::util::ScopedDiskCalls;

// The disk calls with one of them failing with `error` on its nth use.
DiskCalls failing(const std::string& call, int error, int nth = 1)
{
  auto calls = real_disk_calls();
  auto count = std::make_shared<int>(0);
  auto fails = [count, nth, error]() {
    if (++*count == nth) {
      errno = error;
      return true;
    }
    return false;
  };
  if (call == "write") {
    calls.write = [real = calls.write, fails](int fd, const void* data, std::size_t size) -> ssize_t {
      return fails() ? -1 : real(fd, data, size);
    };
  } else if (call == "fsync") {
    calls.fsync = [real = calls.fsync, fails](int fd) { return fails() ? -1 : real(fd); };
  } else if (call == "rename") {
    calls.rename = [real = calls.rename, fails](const char* a, const char* b) { return fails() ? -1 : real(a, b); };
  } else if (call == "link") {
    calls.link = [real = calls.link, fails](const char* a, const char* b) { return fails() ? -1 : real(a, b); };
  }
  return calls;
}

} // namespace

TEST_SUITE("util::atomic_file")
{
  TEST_CASE("a full disk at any step leaves the original intact and no temporary file")
  {
    TempDir tmp;
    const auto path = tmp / "pairing.yaml";
    const std::string original = "sessions:\n  - date: 2026-01-12\n";
    write_text(path, original);
    REQUIRE(::chmod(path.c_str(), 0640) == 0);

    for (const std::string call : {"write", "fsync", "rename"}) {
      CAPTURE(call);
      const ScopedDiskCalls faults(failing(call, ENOSPC));
      const auto write = [&] {
        write_file_atomic(path, original + "  - date: 2026-02-09\n", Overwrite::yes, 0600, "pairings/x.yaml");
      };
      const auto error = caught(write);
      CHECK(error.message.find("pairings/x.yaml: No space left on device; nothing was changed") != std::string::npos);
      CHECK(error.message.find(tmp.path().string()) == std::string::npos);
      CHECK(error.hint.find("free some space") != std::string::npos);
      CHECK(read_text(path) == original);
      CHECK(mode_of(path) == 0640u);
      CHECK(temp_files_in(tmp.path()) == 0);
    }
  }

  TEST_CASE("a full disk when creating a file: no file, no temporary file")
  {
    TempDir tmp;
    const auto path = tmp / "ann.yaml";
    for (const std::string call : {"write", "fsync", "link"}) {
      CAPTURE(call);
      const ScopedDiskCalls faults(failing(call, ENOSPC));
      const std::string message = error_message([&] { write_file_atomic(path, "name: Ann\n", Overwrite::no); });
      CHECK(message.find("No space left on device; nothing was changed") != std::string::npos);
      CHECK_FALSE(fs::exists(path));
      CHECK(temp_files_in(tmp.path()) == 0);
    }
  }

  TEST_CASE("a write that makes no progress is a full disk, not an endless loop")
  {
    TempDir tmp;
    auto calls = real_disk_calls();
    calls.write = [](int, const void*, std::size_t) -> ssize_t { return 0; };
    const ScopedDiskCalls faults(calls);
    const std::string message = error_message([&] { write_file_atomic(tmp / "a.yaml", "x", Overwrite::no); });
    CHECK(message.find("No space left on device") != std::string::npos);
    CHECK(temp_files_in(tmp.path()) == 0);
  }

  TEST_CASE("a failed sync of the folder comes after the change, and says so")
  {
    TempDir tmp;
    const auto path = tmp / "pairing.yaml";
    write_text(path, "old\n");
    const ScopedDiskCalls faults(failing("fsync", EIO, 2));
    const std::string message = error_message([&] { write_file_atomic(path, "new\n", Overwrite::yes); });
    CHECK(message.find("was written, but its folder could not be synced") != std::string::npos);
    CHECK(read_text(path) == "new\n");
    CHECK(temp_files_in(tmp.path()) == 0);
  }

  TEST_CASE("ScopedDiskCalls puts the real calls back")
  {
    TempDir tmp;
    {
      const ScopedDiskCalls faults(failing("write", ENOSPC));
      CHECK_THROWS_AS(write_file_atomic(tmp / "a.yaml", "x", Overwrite::no), mentor::Error);
    }
    write_file_atomic(tmp / "a.yaml", "x", Overwrite::no);
    CHECK(read_text(tmp / "a.yaml") == "x");
  }

  TEST_CASE("temporary files: their names, and sweeping what a killed write left")
  {
    using mentor::util::is_temporary_name;
    using mentor::util::remove_stale_temporaries;
    CHECK(is_temporary_name(".alice.yaml.tmp-a1B2c3"));
    CHECK(is_temporary_name(".mentor.yaml.tmp-XXXXXX"));
    CHECK_FALSE(is_temporary_name("alice.yaml"));
    CHECK_FALSE(is_temporary_name(".alice.yaml"));
    CHECK_FALSE(is_temporary_name("alice.yaml.tmp-a1B2c3"));
    CHECK_FALSE(is_temporary_name(".alice.yaml.tmp-a1B2c"));
    CHECK_FALSE(is_temporary_name(".alice.yaml.tmp-a1B2c3d"));
    CHECK_FALSE(is_temporary_name(".alice.yaml.tmp-a1B2c!"));
    CHECK_FALSE(is_temporary_name("..tmp-abcdef"));

    TempDir tmp;
    write_text(tmp / ".alice.yaml.tmp-a1B2c3", "half a file");
    write_text(tmp / ".bob.yaml.tmp-ZZZZZZ", "");
    write_text(tmp / "alice.yaml", "name: Alice\n");
    write_text(tmp / ".notes", "the user's");
    fs::create_directory(tmp / ".dir.yaml.tmp-abcdef");
    fs::create_symlink(tmp / "alice.yaml", tmp / ".link.yaml.tmp-abcdef");
    CHECK(remove_stale_temporaries(tmp.path()) == 2);
    CHECK_FALSE(fs::exists(tmp / ".alice.yaml.tmp-a1B2c3"));
    CHECK_FALSE(fs::exists(tmp / ".bob.yaml.tmp-ZZZZZZ"));
    CHECK(read_text(tmp / "alice.yaml") == "name: Alice\n");
    CHECK(fs::exists(tmp / ".notes"));
    CHECK(fs::is_directory(tmp / ".dir.yaml.tmp-abcdef"));
    CHECK(fs::is_symlink(tmp / ".link.yaml.tmp-abcdef"));
    CHECK(remove_stale_temporaries(tmp / "missing") == 0);

    SUBCASE("the names write_file_atomic uses are temporary names")
    {
      auto calls = real_disk_calls();
      std::string seen;
      calls.rename = [&seen, real = calls.rename](const char* from, const char* to) {
        seen = fs::path(from).filename().string();
        return real(from, to);
      };
      const ScopedDiskCalls spy(calls);
      write_file_atomic(tmp / "alice.yaml", "name: Alice Smith\n", Overwrite::yes);
      CHECK(is_temporary_name(seen));
    }
  }
}
