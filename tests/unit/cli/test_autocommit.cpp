#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli/cli_test.hpp"
#include "mentor/cli/autocommit.hpp"

using mentor::testutil::contains;
using mentor::testutil::GitSandbox;
using mentor::testutil::read_text;
using mentor::testutil::Records;
using mentor::testutil::write_text;

namespace fs = std::filesystem;

namespace {

std::string git(const Records& records, std::vector<std::string> args)
{
  return mentor::testutil::git_in(records.dir(), std::move(args));
}

// A records directory in git, everything committed, with committing on
// (unless `on` is false).
struct Repo
{
  GitSandbox sandbox;
  Records records;

  explicit Repo(bool on = true)
  {
    if (on) {
      std::ofstream(records.path("mentor.yaml"), std::ios::app) << "git:\n  commit: true\n";
    }
    git(records, {"init", "-q"});
    git(records, {"add", "-A"});
    git(records, {"commit", "-q", "-m", "start"});
  }

  std::string last_message() { return git(records, {"log", "-1", "--format=%s"}); }
  std::string last_files() { return git(records, {"show", "--name-only", "--format=", "HEAD"}); }
  std::string status() { return git(records, {"status", "--porcelain"}); }
  int commits() { return std::stoi(git(records, {"rev-list", "--count", "HEAD"})); }
};

const char* const k_pairing = "pairings/phil-rumens--zoe-nunez.yaml";

} // namespace

TEST_SUITE("cli::autocommit")
{
  TEST_CASE("every write command commits the file it changed, with a message saying what")
  {
    Repo repo;
    auto run = [&](std::vector<std::string> args) {
      const auto result = repo.records.run(args);
      INFO(result.err);
      REQUIRE(result.code == 0);
      CHECK(repo.status().empty());
    };
    run({"log", "zoe", "Notes", "--today", "2026-11-20", "--duration", "45m"});
    CHECK(repo.last_message() == "log: zoe-nunez 2026-11-20 (45m)\n");
    CHECK(repo.last_files() == std::string(k_pairing) + "\n");
    run({"review", "zoe", "--record", "Half way", "--goal", "g1=achieved", "--today", "2026-11-21"});
    CHECK(repo.last_message() == "review: zoe-nunez 2026-11-21 (g1: achieved)\n");
    run({"add", "Aisha Rahman"});
    CHECK(repo.last_message() == "add: aisha-rahman\n");
    CHECK(repo.last_files() == "people/aisha-rahman.yaml\n");
    run({"pair", "aisha", "--kind", "mentoring", "--today", "2026-11-22"});
    CHECK(repo.last_message() == "pair: phil-rumens--aisha-rahman (mentoring, from 2026-11-22)\n");
    run({"pair", "aisha", "--pause", "--today", "2026-11-23"});
    CHECK(repo.last_message() == "pair: paused phil-rumens--aisha-rahman\n");
    run({"pair", "aisha", "--resume", "--today", "2026-11-23"});
    CHECK(repo.last_message() == "pair: resumed phil-rumens--aisha-rahman\n");
    run({"pair", "zoe", "--end", "--today", "2026-11-24"});
    CHECK(repo.last_message() == "pair: ended phil-rumens--zoe-nunez on 2026-11-24\n");
    CHECK(repo.commits() == 8);
  }

  TEST_CASE("other staged changes stay staged and out of the commit")
  {
    Repo repo;
    write_text(repo.records.path("people/zoe-nunez.yaml"), "name: Zoë Núñez\nrole: Lead\n");
    write_text(repo.records.path("notes.txt"), "mine\n");
    git(repo.records, {"add", "people/zoe-nunez.yaml", "notes.txt"});
    const auto result = repo.records.run({"log", "zoe", "Notes", "--today", "2026-11-20"});
    REQUIRE(result.code == 0);
    CHECK(repo.last_files() == std::string(k_pairing) + "\n");
    CHECK(repo.status() == "A  notes.txt\nM  people/zoe-nunez.yaml\n");
  }

  TEST_CASE("a repository in the middle of a merge or rebase: an error before anything is written")
  {
    Repo repo;
    const auto before = read_text(repo.records.pairing_file());
    const auto commits = repo.commits();
    SUBCASE("a merge")
    {
      write_text(repo.records.path(".git/MERGE_HEAD"), git(repo.records, {"rev-parse", "HEAD"}));
      const auto result = repo.records.run({"log", "zoe", "Notes", "--today", "2026-11-20"});
      CHECK(result.code == 1);
      CHECK(contains(result.err, "mentor: error: the records' git repository is in the middle of a merge; nothing was written"));
      CHECK(contains(result.err, "hint: finish it first"));
      CHECK(read_text(repo.records.pairing_file()) == before);
      const auto add = repo.records.run({"add", "Aisha Rahman"});
      CHECK(add.code == 1);
      CHECK_FALSE(fs::exists(repo.records.path("people/aisha-rahman.yaml")));
    }
    SUBCASE("a rebase")
    {
      fs::create_directories(repo.records.path(".git/rebase-merge"));
      const auto result = repo.records.run({"pair", "zoe", "--pause"});
      CHECK(result.code == 1);
      CHECK(contains(result.err, "in the middle of a rebase"));
      CHECK(read_text(repo.records.pairing_file()) == before);
    }
    CHECK(repo.commits() == commits);
  }

  TEST_CASE("committing on, but the records are not in git: an error, nothing written")
  {
    GitSandbox sandbox;
    Records records;
    std::ofstream(records.path("mentor.yaml"), std::ios::app) << "git:\n  commit: true\n";
    const auto before = read_text(records.pairing_file());
    const auto result = records.run({"log", "zoe", "Notes", "--today", "2026-11-20"});
    CHECK(result.code == 1);
    CHECK(contains(result.err, "is not in a git repository; nothing was written"));
    CHECK(read_text(records.pairing_file()) == before);
    const auto check = records.run({"check", "--today", "2026-11-20"});
    CHECK(check.code == 0);
    CHECK(contains(check.out, "mentor.yaml:"));
    CHECK(contains(check.out, "warning: `git: commit: true`, but the records are not in a git repository"));
  }

  TEST_CASE("the file written but git failing: said, exit 1")
  {
    Repo repo;
    write_text(repo.records.path(".git/hooks/pre-commit"), "#!/bin/sh\necho 'not today' >&2\nexit 1\n");
    fs::permissions(repo.records.path(".git/hooks/pre-commit"), fs::perms::owner_all);
    const auto result = repo.records.run({"log", "zoe", "Written anyway", "--today", "2026-11-20"});
    CHECK(result.code == 1);
    CHECK(contains(result.out, "logged 2026-11-20"));
    CHECK(contains(result.err, "pairings/phil-rumens--zoe-nunez.yaml was written but not committed: not today"));
    CHECK(contains(read_text(repo.records.pairing_file()), "Written anyway"));
  }

  TEST_CASE("off by default: nothing is committed")
  {
    Repo repo(false);
    const auto commits = repo.commits();
    REQUIRE(repo.records.run({"log", "zoe", "Notes", "--today", "2026-11-20"}).code == 0);
    CHECK(repo.commits() == commits);
    CHECK(repo.status() == std::string(" M ") + k_pairing + "\n");
    SUBCASE("and a merge under way does not matter then")
    {
      write_text(repo.records.path(".git/MERGE_HEAD"), git(repo.records, {"rev-parse", "HEAD"}));
      CHECK(repo.records.run({"log", "zoe", "More", "--today", "2026-11-20"}).code == 0);
    }
  }

  TEST_CASE("commit_name: the other person, else the pairing")
  {
    mentor::core::Records records;
    records.config.me = "phil";
    mentor::core::Pairing pairing;
    pairing.slug = "phil--zoe";
    pairing.mentor = "phil";
    pairing.mentee = "zoe";
    CHECK(mentor::cli::commit_name(records, pairing) == "zoe");
    pairing = {};
    pairing.slug = "ann--phil";
    pairing.mentor = "ann";
    pairing.mentee = "phil";
    CHECK(mentor::cli::commit_name(records, pairing) == "ann");
    pairing.mentee = "bob";
    pairing.slug = "ann--bob";
    CHECK(mentor::cli::commit_name(records, pairing) == "ann--bob");
  }
}
