#include "mentor/store/records_dir.hpp"
#include "mentor/store/parse.hpp"
#include "mentor/store/source_error.hpp"
#include "mentor/util/error.hpp"

#include "testutil.hpp"

#include <doctest/doctest.h>

#include <cerrno>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using mentor::testutil::contains;
using mentor::testutil::mode_of;

namespace fs = std::filesystem;

using mentor::store::Folder;
using mentor::store::is_valid_pairing_slug;
using mentor::store::RecordsDir;
using mentor::store::SourceError;
using mentor::testutil::read_text;
using mentor::testutil::TempDir;
using mentor::testutil::write_text;

namespace {

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

// A records directory in a temporary directory: <tmp>/records/mentor.yaml.
struct Fixture
{
  TempDir tmp;
  fs::path root = fs::weakly_canonical(tmp.path()) / "records";

  Fixture() { write_text(root / "mentor.yaml", "version: 1\nme: phil\n"); }
  RecordsDir dir() const { return RecordsDir(root, root); }
};

struct Caught
{
  std::string message;
  std::string hint;
  int exit_code = 0;
};

Caught caught(const std::function<void()>& action)
{
  try {
    action();
  } catch (const mentor::Error& e) {
    return Caught{e.what(), e.hint(), e.exit_code()};
  }
  FAIL("no mentor::Error");
  return {};
}

} // namespace

TEST_SUITE("store::records_dir")
{
  TEST_CASE("locate with --dir")
  {
    Fixture f;

    SUBCASE("an absolute directory")
    {
      const auto dir = RecordsDir::locate(f.root.string(), f.tmp.path());
      CHECK(dir.root() == f.root);
    }
    SUBCASE("a relative directory is taken from the working directory")
    {
      const auto dir = RecordsDir::locate(std::string("records"), fs::weakly_canonical(f.tmp.path()));
      CHECK(dir.root() == f.root);
      const auto again = RecordsDir::locate(std::string("records/../records/"), fs::weakly_canonical(f.tmp.path()));
      CHECK(again.root() == f.root);
    }
    SUBCASE("a directory that does not exist")
    {
      const auto error = caught([&] { RecordsDir::locate(std::string("nope"), f.tmp.path()); });
      CHECK(error.message == "nope: no such directory");
      CHECK(contains(error.hint, "mentor init nope"));
      CHECK(error.exit_code == 1);
    }
    SUBCASE("a file instead of a directory")
    {
      CHECK(contains(caught([&] { RecordsDir::locate((f.root / "mentor.yaml").string(), f.tmp.path()); }).message,
                     "no such directory"));
    }
    SUBCASE("a directory without mentor.yaml")
    {
      fs::create_directory(f.tmp / "other");
      const auto error = caught([&] { RecordsDir::locate((f.tmp / "other").string(), f.tmp.path()); });
      CHECK(contains(error.message, "not a mentor records directory (no mentor.yaml)"));
      CHECK(contains(error.hint, "mentor init"));
    }
    SUBCASE("mentor.yaml that is a directory: the root, and loading it says what is wrong")
    {
      fs::create_directories(f.tmp / "odd" / "mentor.yaml");
      const auto dir = RecordsDir::locate((f.tmp / "odd").string(), f.tmp.path());
      const auto error = caught([&] { dir.load("mentor.yaml"); });
      CHECK(contains(error.message, "odd/mentor.yaml: it is a directory"));
    }
    SUBCASE("--dir wins over the working directory")
    {
      fs::create_directories(f.tmp / "second");
      write_text(f.tmp / "second" / "mentor.yaml", "version: 1\n");
      const auto dir = RecordsDir::locate((f.tmp / "second").string(), f.root / "people");
      CHECK(dir.root() == fs::weakly_canonical(f.tmp / "second"));
    }
  }

  TEST_CASE("locate without --dir walks up from the working directory")
  {
    Fixture f;

    SUBCASE("from the root itself")
    {
      CHECK(RecordsDir::locate(std::nullopt, f.root).root() == f.root);
    }
    SUBCASE("from a nested directory")
    {
      const auto deep = f.root / "pairings" / "a" / "b";
      fs::create_directories(deep);
      CHECK(RecordsDir::locate(std::nullopt, deep).root() == f.root);
    }
    SUBCASE("an empty --dir counts as none")
    {
      CHECK(RecordsDir::locate(std::string(), f.root / "people").root() == f.root);
    }
    SUBCASE("the nearest one wins")
    {
      const auto inner = f.root / "people" / "nested";
      write_text(inner / "mentor.yaml", "version: 1\n");
      CHECK(RecordsDir::locate(std::nullopt, inner / "x").root() == inner);
    }
    SUBCASE("a directory or a link called mentor.yaml stops the walk: no records further up are used")
    {
      write_text(f.tmp / "mentor.yaml", "version: 1\n");
      fs::create_directories(f.tmp / "side" / "mentor.yaml");
      const auto side = fs::weakly_canonical(f.tmp / "side");
      CHECK(RecordsDir::locate(std::nullopt, side).root() == side);
      fs::create_directories(f.tmp / "linked");
      fs::create_symlink(f.root / "mentor.yaml", f.tmp / "linked" / "mentor.yaml");
      const auto linked = fs::weakly_canonical(f.tmp / "linked");
      const auto dir = RecordsDir::locate(std::nullopt, linked);
      CHECK(dir.root() == linked);
      CHECK(contains(caught([&] { dir.load("mentor.yaml"); }).message, "symbolic link"));
    }
    SUBCASE("none found")
    {
      fs::create_directories(f.tmp / "elsewhere" / "deeper");
      const auto error =
        caught([&] { RecordsDir::locate(std::nullopt, fs::weakly_canonical(f.tmp / "elsewhere" / "deeper")); });
      CHECK(error.message == "no records directory here: no mentor.yaml in this directory or any parent");
      CHECK(contains(error.hint, "run `mentor init`"));
      CHECK(contains(error.hint, "--dir"));
      CHECK(contains(error.hint, "MENTOR_DIR"));
      CHECK(error.exit_code == 1);
    }
  }

  TEST_CASE("record_file builds paths only from valid ids")
  {
    CHECK(RecordsDir::config_file() == "mentor.yaml");
    CHECK(RecordsDir::record_file(Folder::people, "alice-smith") == "people/alice-smith.yaml");
    CHECK(RecordsDir::record_file(Folder::people, "a1") == "people/a1.yaml");
    CHECK(RecordsDir::record_file(Folder::pairings, "phil--zoe") == "pairings/phil--zoe.yaml");
    CHECK(RecordsDir::record_file(Folder::pairings, "phil--zoe-2") == "pairings/phil--zoe-2.yaml");

    SUBCASE("path tricks and non-slugs are usage errors")
    {
      for (const std::string& slug :
           std::vector<std::string>{"../x", "a/b", "", ".", "..", "/etc/passwd", "Alice", "a b", "a.yaml", "-a", "a-",
                                    "a--b", "a_b", "é", std::string(65, 'a'), std::string("a\0b", 3), "a\n"}) {
        CAPTURE(slug);
        const auto error = caught([&] { RecordsDir::record_file(Folder::people, slug); });
        CHECK(error.exit_code == 2);
        if (slug.find('\0') == std::string::npos) {
          CHECK(contains(error.message, "is not a valid id"));
        }
        CHECK(contains(error.hint, "lower-case"));
        CHECK_THROWS_AS(RecordsDir::record_file(Folder::people, slug), mentor::UsageError);
      }
      for (const std::string& slug : std::vector<std::string>{
               "phil", "--zoe", "phil--", "phil--../x", "phil--zoe/..", "phil---zoe", "phil--zoe--x", "../a--b",
               "a/b--c", "phil--zoe-", "phil--Zoe", "phil--zoe.yaml", "/etc/passwd--x", ""}) {
        CAPTURE(slug);
        CHECK_THROWS_AS(RecordsDir::record_file(Folder::pairings, slug), mentor::UsageError);
      }
      // A person's id is not a pairing's and the other way round.
      CHECK_THROWS_AS(RecordsDir::record_file(Folder::pairings, "alice"), mentor::UsageError);
      CHECK_THROWS_AS(RecordsDir::record_file(Folder::people, "phil--zoe"), mentor::UsageError);
    }
  }

  TEST_CASE("is_valid_pairing_slug")
  {
    CHECK(is_valid_pairing_slug("a--b"));
    CHECK(is_valid_pairing_slug("phil-rumens--zoe-nunez"));
    CHECK(is_valid_pairing_slug("a--b-2"));
    CHECK(is_valid_pairing_slug("a--b-10"));
    // The mentee's 64 characters plus a "-2".
    CHECK(is_valid_pairing_slug(std::string(64, 'm') + "--" + std::string(64, 'z') + "-2"));
    CHECK_FALSE(is_valid_pairing_slug(std::string(65, 'm') + "--z"));
    CHECK_FALSE(is_valid_pairing_slug("a--" + std::string(73, 'z')));
    for (const char* slug : {"", "a", "a-b", "--", "a--", "--b", "a---b", "a--b--c", "a--b-", "a--B", "A--b",
                             "a--b c", "a--b/c", "a--.b", "a.--b", "a--b\n"}) {
      CAPTURE(slug);
      CHECK_FALSE(is_valid_pairing_slug(slug));
    }
  }

  TEST_CASE("list gives the valid ids of a folder, sorted")
  {
    Fixture f;
    const auto dir = f.dir();

    SUBCASE("a folder that does not exist is empty")
    {
      CHECK(dir.list(Folder::people).empty());
    }
    SUBCASE("people")
    {
      for (const char* name : {"zoe.yaml", "alice.yaml", "bob-2.yaml", ".hidden.yaml", "notes.txt", "Bad.yaml",
                               "x.yml", "a b.yaml", ".yaml", "c.yaml~", "d.yaml.bak", "a--b.yaml", "-e.yaml"}) {
        write_text(f.root / "people" / name, "name: x\n");
      }
      CHECK(dir.list(Folder::people) == std::vector<std::string>{"alice", "bob-2", "zoe"});
    }
    SUBCASE("pairings")
    {
      for (const char* name : {"p--z-2.yaml", "p--z.yaml", "a--b.yaml", "alice.yaml", "p---z.yaml"}) {
        write_text(f.root / "pairings" / name, "mentor: p\n");
      }
      CHECK(dir.list(Folder::pairings) == std::vector<std::string>{"a--b", "p--z", "p--z-2"});
    }
  }

  TEST_CASE("load")
  {
    Fixture f;
    const auto dir = f.dir();

    SUBCASE("reads and parses, naming the file as displayed")
    {
      write_text(f.root / "people" / "alice.yaml", "name: Alice\n");
      const auto doc = dir.load("people/alice.yaml");
      CHECK(doc.path == "people/alice.yaml");
      CHECK(doc.text == "name: Alice\n");
      CHECK(doc.root.find("name")->value == "Alice");
      CHECK(dir.exists("people/alice.yaml"));
      CHECK_FALSE(dir.exists("people/bob.yaml"));
    }
    SUBCASE("a file that does not parse")
    {
      write_text(f.root / "people" / "alice.yaml", "name: A\nname: B\n");
      const auto error = caught([&] { dir.load("people/alice.yaml"); });
      CHECK(error.message.starts_with("people/alice.yaml:2:1: duplicate key"));
      CHECK_THROWS_AS(dir.load("people/alice.yaml"), SourceError);
    }
    SUBCASE("a symbolic link is refused, even to a good file")
    {
      write_text(f.tmp / "outside.yaml", "name: Outside\n");
      fs::create_directories(f.root / "people");
      fs::create_symlink(f.tmp / "outside.yaml", f.root / "people" / "link.yaml");
      const auto error = caught([&] { dir.load("people/link.yaml"); });
      CHECK(contains(error.message, "symbolic link"));
      CHECK(dir.exists("people/link.yaml"));
    }
    SUBCASE("a dangling link still exists, so nothing is created over it")
    {
      fs::create_directories(f.root / "people");
      fs::create_symlink(f.tmp / "nowhere.yaml", f.root / "people" / "ghost.yaml");
      CHECK(dir.exists("people/ghost.yaml"));
    }
    SUBCASE("a directory is refused")
    {
      fs::create_directories(f.root / "people" / "dir.yaml");
      CHECK_THROWS_AS(dir.load("people/dir.yaml"), mentor::Error);
    }
    SUBCASE("a missing file")
    {
      CHECK(contains(caught([&] { dir.load("people/nobody.yaml"); }).message, "nobody.yaml"));
    }
    SUBCASE("a file over the size limit says how large it is")
    {
      write_text(f.root / "people" / "big.yaml", std::string(mentor::store::k_max_file_bytes + 1, '#'));
      const auto error = caught([&] { dir.load("people/big.yaml"); });
      CHECK(contains(error.message, std::to_string(mentor::store::k_max_file_bytes + 1) + " bytes"));
      CHECK(contains(error.message, "limit of " + std::to_string(mentor::store::k_max_file_bytes) + " bytes"));
      CHECK(contains(error.message, "people/big.yaml"));
    }
  }

  TEST_CASE("create and replace")
  {
    Fixture f;
    const auto dir = f.dir();

    SUBCASE("create makes a 0600 file in a 0700 folder, whatever the umask")
    {
      const UmaskGuard umask(0);
      dir.create("pairings/a--b.yaml", "mentor: a\n");
      CHECK(read_text(f.root / "pairings" / "a--b.yaml") == "mentor: a\n");
      CHECK(mode_of(f.root / "pairings" / "a--b.yaml") == 0600u);
      CHECK(mode_of(f.root / "pairings") == 0700u);
    }
    SUBCASE("create never overwrites")
    {
      dir.create("people/alice.yaml", "name: Alice\n");
      const auto error = caught([&] { dir.create("people/alice.yaml", "name: Mallory\n"); });
      CHECK(contains(error.message, "already exists"));
      CHECK(read_text(f.root / "people" / "alice.yaml") == "name: Alice\n");
    }
    SUBCASE("replace keeps the file's mode")
    {
      dir.create("people/alice.yaml", "name: Alice\n");
      REQUIRE(::chmod((f.root / "people" / "alice.yaml").c_str(), 0640) == 0);
      dir.replace("people/alice.yaml", "name: Alice Smith\n");
      CHECK(read_text(f.root / "people" / "alice.yaml") == "name: Alice Smith\n");
      CHECK(mode_of(f.root / "people" / "alice.yaml") == 0640u);
    }
    SUBCASE("replace does not follow a symbolic link")
    {
      write_text(f.tmp / "outside.yaml", "outside\n");
      fs::create_directories(f.root / "people");
      fs::create_symlink(f.tmp / "outside.yaml", f.root / "people" / "link.yaml");
      CHECK_THROWS_AS(dir.replace("people/link.yaml", "x\n"), mentor::Error);
      CHECK(read_text(f.tmp / "outside.yaml") == "outside\n");
    }
  }

  TEST_CASE("lock")
  {
    Fixture f;
    const auto dir = f.dir();
    const UmaskGuard umask(0);
    {
      const auto lock = dir.lock();
      CHECK(fs::is_regular_file(f.root / ".mentor" / "lock"));
      CHECK(mode_of(f.root / ".mentor") == 0700u);
      CHECK(mode_of(f.root / ".mentor" / "lock") == 0600u);

      // Held: another open file description cannot take it.
      const int fd = ::open((f.root / ".mentor" / "lock").c_str(), O_RDWR | O_CLOEXEC);
      REQUIRE(fd >= 0);
      CHECK(::flock(fd, LOCK_EX | LOCK_NB) != 0);
      CHECK(errno == EWOULDBLOCK);
      ::close(fd);
    }
    // Released, and taken again on the same file.
    const int fd = ::open((f.root / ".mentor" / "lock").c_str(), O_RDWR | O_CLOEXEC);
    REQUIRE(fd >= 0);
    CHECK(::flock(fd, LOCK_EX | LOCK_NB) == 0);
    ::close(fd);
    struct stat before {};
    REQUIRE(::stat((f.root / ".mentor" / "lock").c_str(), &before) == 0);
    {
      const auto again = dir.lock();
    }
    struct stat after {};
    REQUIRE(::stat((f.root / ".mentor" / "lock").c_str(), &after) == 0);
    CHECK(before.st_ino == after.st_ino);
  }

  TEST_CASE("people/ and pairings/ must be real folders inside the records directory")
  {
    Fixture f;
    const auto dir = f.dir();
    const auto outside = f.tmp / "outside";
    write_text(outside / "pairings" / "a--b.yaml", "mentor: a\n");
    write_text(outside / "people" / "a.yaml", "name: A\n");

    SUBCASE("a linked folder is refused for reading, listing and writing")
    {
      fs::create_symlink(outside / "pairings", f.root / "pairings");
      for (const auto& action : std::vector<std::function<void()>>{
             [&] { dir.list(Folder::pairings); }, [&] { dir.load("pairings/a--b.yaml"); },
             [&] { dir.replace("pairings/a--b.yaml", "mentor: x\n"); },
             [&] { dir.create("pairings/c--d.yaml", "mentor: c\n"); }}) {
        const auto error = caught(action);
        CHECK(error.message == "pairings/ is a symbolic link; mentor keeps every record inside the records directory");
        CHECK(contains(error.hint, "move the folder it points to into its place"));
      }
      CHECK(read_text(outside / "pairings" / "a--b.yaml") == "mentor: a\n");
      CHECK_FALSE(fs::exists(outside / "pairings" / "c--d.yaml"));
    }
    SUBCASE("even one that points inside")
    {
      fs::create_directories(f.root / "archive" / "people");
      fs::create_symlink(f.root / "archive" / "people", f.root / "people");
      CHECK(contains(caught([&] { dir.list(Folder::people); }).message, "people/ is a symbolic link"));
    }
    SUBCASE("a file where the folder belongs")
    {
      write_text(f.root / "people", "x");
      CHECK(caught([&] { dir.list(Folder::people); }).message == "people is not a folder");
      CHECK(caught([&] { dir.load("people/a.yaml"); }).message == "people is not a folder");
    }
    SUBCASE("a missing folder is simply empty")
    {
      CHECK(dir.list(Folder::people).empty());
    }
    SUBCASE("the records directory itself may be reached through a link")
    {
      fs::create_symlink(f.root, f.tmp / "via-link");
      write_text(f.root / "people" / "a.yaml", "name: A\n");
      const auto linked = RecordsDir::locate((f.tmp / "via-link").string(), f.tmp.path());
      CHECK(linked.list(Folder::people) == std::vector<std::string>{"a"});
    }
  }

  TEST_CASE("taking the lock sweeps the temporary files of killed writes")
  {
    Fixture f;
    const auto dir = f.dir();
    write_text(f.root / "pairings" / ".a--b.yaml.tmp-Ab12Cd", "half");
    write_text(f.root / "people" / ".a.yaml.tmp-Ab12Cd", "half");
    write_text(f.root / ".mentor.yaml.tmp-Ab12Cd", "half");
    write_text(f.root / "people" / ".keep", "the user's");
    {
      const auto lock = dir.lock();
      CHECK_FALSE(fs::exists(f.root / "pairings" / ".a--b.yaml.tmp-Ab12Cd"));
      CHECK_FALSE(fs::exists(f.root / "people" / ".a.yaml.tmp-Ab12Cd"));
      CHECK_FALSE(fs::exists(f.root / ".mentor.yaml.tmp-Ab12Cd"));
      CHECK(fs::exists(f.root / "people" / ".keep"));
    }
    SUBCASE("readers do not list them")
    {
      write_text(f.root / "people" / ".a.yaml.tmp-Ab12Cd", "half");
      write_text(f.root / "people" / "a.yaml", "name: A\n");
      CHECK(dir.list(Folder::people) == std::vector<std::string>{"a"});
    }
  }

  TEST_CASE("display names files relative to the working directory")
  {
    Fixture f;
    const auto& root = f.root;
    CHECK(RecordsDir(root, root).display("people/a.yaml") == "people/a.yaml");
    CHECK(RecordsDir(root, root / "people").display("people/a.yaml") == "../people/a.yaml");
    CHECK(RecordsDir(root, root / "a" / "b").display("people/a.yaml") == "../../people/a.yaml");
    CHECK(RecordsDir(root, root / "a" / "b" / "c").display("people/a.yaml") == (root / "people/a.yaml").string());
    CHECK(RecordsDir(root, root.parent_path()).display("mentor.yaml") == "records/mentor.yaml");
    CHECK(RecordsDir(root, root.parent_path() / "sibling").display("mentor.yaml") == "../records/mentor.yaml");
    CHECK(RecordsDir(root, root).absolute("people/a.yaml") == root / "people" / "a.yaml");

    SUBCASE("load and parse errors use the same name")
    {
      write_text(root / "people" / "a.yaml", "name: [\n");
      const RecordsDir from_people(root, root / "people");
      CHECK(caught([&] { from_people.load("people/a.yaml"); }).message.starts_with("../people/a.yaml:"));
    }
  }
}
