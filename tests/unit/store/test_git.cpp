#include "testutil.hpp"
#include "mentor/store/git.hpp"
#include "mentor/util/error.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using mentor::testutil::contains;
using mentor::testutil::git_in;
using mentor::testutil::GitSandbox;
using mentor::testutil::read_text;
using mentor::testutil::TempDir;
using mentor::testutil::write_text;

namespace fs = std::filesystem;
namespace git = mentor::store::git;

TEST_SUITE("store::git")
{
  TEST_CASE("work tree, init and local config")
  {
    GitSandbox sandbox;
    TempDir temp;
    CHECK(git::available());
    CHECK_FALSE(git::work_tree(temp.path()));
    REQUIRE(git::init(temp.path()));
    fs::create_directories(temp / "records/people");
    const auto top = git::work_tree(temp / "records/people");
    REQUIRE(top);
    CHECK(fs::equivalent(*top, temp.path()));

    CHECK_FALSE(git::local_config(temp.path(), "merge.mentor.driver"));
    git::set_local_config(temp.path(), "merge.mentor.driver", "mentor merge-file %O %A %B %P");
    CHECK(git::local_config(temp / "records", "merge.mentor.driver") == "mentor merge-file %O %A %B %P");
    CHECK(git::config(temp.path(), "user.name") == "Test Coach");
    CHECK_FALSE(git::local_config(temp.path(), "user.name"));
    CHECK_THROWS_AS(git::set_local_config(temp / "nowhere", "a.b", "c"), mentor::Error);
  }

  TEST_CASE("a merge, rebase or cherry-pick under way")
  {
    GitSandbox sandbox;
    TempDir temp;
    REQUIRE(git::init(temp.path()));
    CHECK_FALSE(git::operation_in_progress(temp.path()));
    write_text(temp / ".git/MERGE_HEAD", "0000000000000000000000000000000000000000\n");
    CHECK(git::operation_in_progress(temp.path()) == "a merge");
    fs::remove(temp / ".git/MERGE_HEAD");
    fs::create_directories(temp / ".git/rebase-merge");
    CHECK(git::operation_in_progress(temp.path()) == "a rebase");
    fs::remove(temp / ".git/rebase-merge");
    write_text(temp / ".git/CHERRY_PICK_HEAD", "x\n");
    CHECK(git::operation_in_progress(temp.path()) == "a cherry-pick");
    CHECK_THROWS_AS(git::operation_in_progress(temp / "nowhere"), mentor::Error);
  }

  TEST_CASE("commit_paths commits those files and leaves other staged changes staged")
  {
    GitSandbox sandbox;
    TempDir temp;
    const auto& root = temp.path();
    REQUIRE(git::init(root));
    write_text(root / "people/a.yaml", "name: A\n");
    write_text(root / "notes.txt", "one\n");
    git_in(root, {"add", "people/a.yaml", "notes.txt"});
    git_in(root, {"commit", "-q", "-m", "start"});

    write_text(root / "notes.txt", "two\n");
    git_in(root, {"add", "notes.txt"});  // the user's own staged change
    write_text(root / "people/a.yaml", "name: A\nrole: Lead\n");
    write_text(root / "people/b.yaml", "name: B\n");  // new, untracked
    git::commit_paths(root, {"people/a.yaml", "people/b.yaml"}, "add: b");

    CHECK(git_in(root, {"log", "-1", "--format=%s"}) == "add: b\n");
    CHECK(git_in(root, {"show", "--name-only", "--format=", "HEAD"}) == "people/a.yaml\npeople/b.yaml\n");
    CHECK(git_in(root, {"status", "--porcelain"}) == "M  notes.txt\n");
    CHECK(git_in(root, {"show", "HEAD:notes.txt"}) == "one\n");

    SUBCASE("a failing commit says what git said")
    {
      write_text(root / ".git/hooks/pre-commit", "#!/bin/sh\necho 'hook says no' >&2\nexit 1\n");
      fs::permissions(root / ".git/hooks/pre-commit", fs::perms::owner_all);
      write_text(root / "people/a.yaml", "name: A\nrole: Head\n");
      try {
        git::commit_paths(root, {"people/a.yaml"}, "x");
        FAIL("no error");
      } catch (const mentor::Error& e) {
        CHECK(contains(e.what(), "hook says no"));
      }
    }
  }

  TEST_CASE("merge_file: git's own line merge with markers")
  {
    TempDir temp;
    write_text(temp / "base", "a\nb\nc\n");
    write_text(temp / "ours", "a\nB\nc\n");
    write_text(temp / "theirs", "a\nbee\nc\n");
    const auto merged = git::merge_file(temp / "ours", temp / "base", temp / "theirs", {"ours", "base", "theirs"});
    REQUIRE(merged);
    CHECK(merged->conflicts == 1);
    CHECK(merged->text == "a\n<<<<<<< ours\nB\n=======\nbee\n>>>>>>> theirs\nc\n");
    CHECK(read_text(temp / "ours") == "a\nB\nc\n");  // -p: the file itself is left alone
    write_text(temp / "theirs", "a\nb\nc\nd\n");
    const auto clean = git::merge_file(temp / "ours", temp / "base", temp / "theirs", {"ours", "base", "theirs"});
    REQUIRE(clean);
    CHECK(clean->conflicts == 0);
    CHECK(clean->text == "a\nB\nc\nd\n");
  }
}
