#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "cli/cli_test.hpp"
#include "mentor/store/git.hpp"

using mentor::testutil::contains;
using mentor::testutil::GitSandbox;

using mentor::testutil::mode_of;
using mentor::testutil::read_text;
using mentor::testutil::run_mentor;
using mentor::testutil::TempDir;
using mentor::testutil::write_text;

namespace fs = std::filesystem;

TEST_SUITE("cli::init")
{
  TEST_CASE("init creates the layout, private")
  {
    TempDir temp;
    const auto root = temp / "records";
    const auto result = run_mentor({"init", root.string(), "--no-git", "--me", "Phil Rumens"});
    REQUIRE(result.code == 0);
    CHECK(result.err.empty());
    CHECK(contains(result.out, "initialised records in " + root.string() + " for Phil Rumens (me: phil-rumens)"));
    CHECK_FALSE(contains(result.out, "git"));

    CHECK(fs::is_regular_file(root / "mentor.yaml"));
    CHECK(fs::is_regular_file(root / "people/phil-rumens.yaml"));
    CHECK(fs::is_directory(root / "pairings"));
    CHECK(fs::is_empty(root / "pairings"));
    CHECK(contains(read_text(root / ".gitignore"), ".mentor/\n"));
    CHECK(contains(read_text(root / ".gitattributes"), "*.yaml text eol=lf"));
    CHECK_FALSE(fs::exists(root / ".git"));

    CHECK(mode_of(root) == 0700);
    CHECK(mode_of(root / "people") == 0700);
    CHECK(mode_of(root / "pairings") == 0700);
    CHECK(mode_of(root / "mentor.yaml") == 0600);
    CHECK(mode_of(root / "people/phil-rumens.yaml") == 0600);

    const auto records = mentor::testutil::load_records(root.string());
    CHECK(records.config.me == "phil-rumens");
    REQUIRE(records.people.size() == 1);
    CHECK(records.people[0].name == "Phil Rumens");
    CHECK(records.pairings.empty());
  }

  TEST_CASE("where init works")
  {
    TempDir temp;
    SUBCASE("missing parents are created")
    {
      const auto root = temp / "a/b/records";
      CHECK(run_mentor({"init", root.string(), "--no-git", "--me", "Phil"}).code == 0);
      CHECK(fs::is_regular_file(root / "mentor.yaml"));
    }
    SUBCASE("--dir when DIR is not given")
    {
      const auto root = temp / "via-dir";
      CHECK(run_mentor({"--dir", root.string(), "init", "--no-git", "--me", "Phil"}).code == 0);
      CHECK(fs::is_regular_file(root / "mentor.yaml"));
    }
    SUBCASE("an existing directory with the user's files in it")
    {
      const auto root = temp / "mine";
      write_text(root / "notes.txt", "mine\n");
      write_text(root / ".gitignore", "*.tmp");
      CHECK(run_mentor({"init", root.string(), "--no-git", "--me", "Phil"}).code == 0);
      CHECK(read_text(root / "notes.txt") == "mine\n");
      // The user's .gitignore is kept, with .mentor/ added on a line of its own.
      CHECK(read_text(root / ".gitignore") == "*.tmp\n.mentor/\n");
    }
    SUBCASE("a .gitignore that already ignores .mentor/ is left alone")
    {
      const auto root = temp / "mine";
      write_text(root / ".gitignore", "# mine\n.mentor/\n");
      CHECK(run_mentor({"init", root.string(), "--no-git", "--me", "Phil"}).code == 0);
      CHECK(read_text(root / ".gitignore") == "# mine\n.mentor/\n");
    }
    SUBCASE("an existing file for me is kept")
    {
      const auto root = temp / "mine";
      write_text(root / "people/phil.yaml", "name: Phil\n# my own comment\n");
      CHECK(run_mentor({"init", root.string(), "--no-git", "--me", "Phil"}).code == 0);
      CHECK(read_text(root / "people/phil.yaml") == "name: Phil\n# my own comment\n");
    }
  }

  TEST_CASE("init refuses")
  {
    TempDir temp;
    const auto root = temp / "records";

    SUBCASE("a directory that already has mentor.yaml (exit 1, nothing changed)")
    {
      REQUIRE(run_mentor({"init", root.string(), "--no-git", "--me", "Phil Rumens"}).code == 0);
      const auto config = read_text(root / "mentor.yaml");
      const auto result = run_mentor({"init", root.string(), "--no-git", "--me", "Someone Else"});
      CHECK(result.code == 1);
      CHECK(contains(result.err, "mentor.yaml"));
      CHECK(read_text(root / "mentor.yaml") == config);
      CHECK_FALSE(fs::exists(root / "people/someone-else.yaml"));
    }
    SUBCASE("a path that is a file (exit 1)")
    {
      write_text(root, "not a directory\n");
      const auto result = run_mentor({"init", root.string(), "--no-git", "--me", "Phil"});
      CHECK(result.code == 1);
      CHECK(read_text(root) == "not a directory\n");
    }
    SUBCASE("a name with no letters or digits (exit 2)")
    {
      const auto result = run_mentor({"init", root.string(), "--no-git", "--me", "!!!"});
      CHECK(result.code == 2);
      CHECK(contains(result.err, "--me"));
      CHECK_FALSE(fs::exists(root / "mentor.yaml"));
    }
    SUBCASE("a name on two lines (exit 2)")
    {
      const auto result = run_mentor({"init", root.string(), "--no-git", "--me", "Phil\nRumens"});
      CHECK(result.code == 2);
      CHECK_FALSE(fs::exists(root / "mentor.yaml"));
    }
  }

  TEST_CASE("init sets up git: a repository, .gitattributes and the merge driver")
  {
    GitSandbox sandbox;
    TempDir temp;
    const auto root = temp / "records";
    const auto result = run_mentor({"init", root.string(), "--me", "Phil Rumens"});
    REQUIRE(result.code == 0);
    CHECK(contains(result.out, "initialised records in " + root.string() + " for Phil Rumens (me: phil-rumens), with a new git repository\n"));
    CHECK(contains(result.out, "git merges records files with `mentor merge-file` in this clone"));
    CHECK(fs::is_directory(root / ".git"));
    CHECK(contains(read_text(root / ".gitattributes"),
                   "people/*.yaml merge=mentor\npairings/*.yaml merge=mentor\nmentor.yaml merge=mentor\n"));
    const auto driver = mentor::store::git::local_config(root, "merge.mentor.driver");
    REQUIRE(driver);
    CHECK(driver->ends_with(" merge-file %O %A %B %P"));
    CHECK(mentor::store::git::local_config(root, "merge.mentor.name"));

    SUBCASE("again, or in a clone: only git's side, and nothing when it is all there")
    {
      const auto config = read_text(root / "mentor.yaml");
      auto again = run_mentor({"init", root.string()});
      CHECK(again.code == 0);
      CHECK(contains(again.out, "is already a records directory, and git's merge driver is set up for it"));
      CHECK(contains(again.out, "nothing to do"));
      CHECK(read_text(root / "mentor.yaml") == config);

      mentor::testutil::git_in(root, {"config", "--unset", "merge.mentor.driver"});
      again = run_mentor({"init", root.string(), "--me", "Phil Rumens"});
      CHECK(again.code == 0);
      CHECK(contains(again.out, "only git was set up (git's config does not travel with clones)"));
      CHECK(mentor::store::git::local_config(root, "merge.mentor.driver") == driver);
      CHECK_FALSE(contains(again.out, ".gitattributes"));
      CHECK(read_text(root / "mentor.yaml") == config);
    }
    SUBCASE("a driver that names a program that is gone is set again")
    {
      mentor::store::git::set_local_config(root, "merge.mentor.driver", "/nowhere/mentor merge-file %O %A %B %P");
      const auto again = run_mentor({"init", root.string()});
      CHECK(contains(again.out, "named a program that is gone (/nowhere/mentor merge-file %O %A %B %P)"));
      CHECK(mentor::store::git::local_config(root, "merge.mentor.driver") == driver);
    }
    SUBCASE("a driver of the user's own is kept")
    {
      mentor::store::git::set_local_config(root, "merge.mentor.driver", "sh -c 'exit 1' %A");
      CHECK(contains(run_mentor({"init", root.string()}).out, "nothing to do"));
      CHECK(mentor::store::git::local_config(root, "merge.mentor.driver") == "sh -c 'exit 1' %A");
    }
    SUBCASE("the user's own .gitattributes gets the lines it misses")
    {
      write_text(root / ".gitattributes", "*.txt text\npeople/*.yaml merge=mentor");
      const auto again = run_mentor({"init", root.string()});
      CHECK(contains(again.out, "added the merge lines to .gitattributes"));
      CHECK(read_text(root / ".gitattributes")
            == "*.txt text\npeople/*.yaml merge=mentor\n"
               "# Records changed on two machines merge with `mentor merge-file` (see mentor's README).\n"
               "pairings/*.yaml merge=mentor\nmentor.yaml merge=mentor\n");
    }
    SUBCASE("someone else's --me, or --no-git, is refused")
    {
      CHECK(run_mentor({"init", root.string(), "--me", "Someone Else"}).code == 1);
      CHECK(run_mentor({"init", root.string(), "--no-git"}).code == 1);
      CHECK_FALSE(fs::exists(root / "people/someone-else.yaml"));
    }
  }

  TEST_CASE("init in records that are not in git says how to put them there")
  {
    GitSandbox sandbox;
    TempDir temp;
    const auto root = temp / "records";
    REQUIRE(run_mentor({"init", root.string(), "--no-git", "--me", "Phil"}).code == 0);
    const auto result = run_mentor({"init", root.string()});
    CHECK(result.code == 0);
    CHECK(contains(result.out, "not in a git repository: nothing to set up"));
    CHECK(contains(result.out, "`git init " + root.string() + "`"));
    CHECK_FALSE(fs::exists(root / ".git"));
  }

  TEST_CASE("init inside an existing repository sets the driver there")
  {
    GitSandbox sandbox;
    TempDir temp;
    REQUIRE(mentor::store::git::init(temp.path()));
    const auto result = run_mentor({"init", (temp / "records").string(), "--me", "Phil"});
    CHECK(result.code == 0);
    CHECK(contains(result.out, "inside an existing git repository"));
    CHECK_FALSE(fs::exists(temp / "records/.git"));
    CHECK(mentor::store::git::local_config(temp.path(), "merge.mentor.driver"));
  }
}
