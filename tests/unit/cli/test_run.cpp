#include "testutil.hpp"
#include "mentor/cli/run.hpp"
#include "mentor/util/version.hpp"

#include <doctest/doctest.h>

#include <string>

#include "cli/cli_test.hpp"

using mentor::testutil::contains;

using mentor::testutil::EnvVar;
using mentor::testutil::read_text;
using mentor::testutil::Records;
using mentor::testutil::run_mentor;
using mentor::testutil::TempDir;

namespace {

// A usage error: exit 2, one `mentor: error:` line first, nothing on stdout.
void check_usage_error(const mentor::testutil::RunResult& result)
{
  CAPTURE(result.err);
  CHECK(result.code == 2);
  CHECK(result.err.starts_with("mentor: error: "));
  CHECK(result.out.empty());
}

const std::string k_appended_x = "  - date: 2026-11-20\n"
                                 "    duration: 1h\n"
                                 "    type: session\n"
                                 "    notes: x\n";

} // namespace

TEST_SUITE("cli::run")
{
  TEST_CASE("--help and --version exit 0")
  {
    SUBCASE("--help")
    {
      const auto result = run_mentor({"--help"});
      CHECK(result.code == 0);
      CHECK(contains(result.out, "mentor"));
      for (const std::string command : {"init", "add", "pair", "log", "list", "show"}) {
        CHECK(contains(result.out, command));
      }
      CHECK(contains(result.out, "--dir"));
      CHECK(contains(result.out, "--today"));
      CHECK(contains(result.out, "--color"));
    }
    SUBCASE("a command's --help")
    {
      const auto result = run_mentor({"log", "--help"});
      CHECK(result.code == 0);
      CHECK(contains(result.out, "--duration"));
      CHECK(contains(result.out, "--action"));
    }
    SUBCASE("--version")
    {
      const auto result = run_mentor({"--version"});
      CHECK(result.code == 0);
      CHECK(contains(result.out, std::string("mentor ") + mentor::util::k_version));
    }
  }

  TEST_CASE("usage errors exit 2")
  {
    SUBCASE("no command: the usage on stderr")
    {
      const auto result = run_mentor({});
      CHECK(result.code == 2);
      CHECK(result.out.empty());
      CHECK(contains(result.err, "Usage:"));
    }
    SUBCASE("an unknown command")
    {
      const auto result = run_mentor({"frobnicate"});
      check_usage_error(result);
      CHECK(contains(result.err, "frobnicate"));
      check_usage_error(run_mentor({"--today", "2026-11-20", "frobnicate", "zoe"}));
    }
    SUBCASE("an unknown option")
    {
      check_usage_error(run_mentor({"list", "--frobnicate"}));
    }
    SUBCASE("WHO missing")
    {
      for (const std::string command : {"log", "show", "pair"}) {
        CAPTURE(command);
        const auto result = run_mentor({command});
        check_usage_error(result);
        CHECK(contains(result.err, "WHO"));
      }
    }
    SUBCASE("NAME missing")
    {
      check_usage_error(run_mentor({"add"}));
    }
    SUBCASE("a bad --color value")
    {
      Records records;
      const auto result = records.run({"list", "--color", "sometimes"});
      check_usage_error(result);
      CHECK(contains(result.err, "sometimes"));
      check_usage_error(run_mentor({"--color", "purple", "list"}));
    }
    SUBCASE("a bad list WHAT")
    {
      Records records;
      check_usage_error(records.run({"list", "everything"}));
    }
    SUBCASE("an invalid --today")
    {
      Records records;
      const auto result = records.run({"list", "--today", "2026-02-30"});
      check_usage_error(result);
      CHECK(contains(result.err, "--today"));
      CHECK(contains(result.err, "hint: "));
    }
    SUBCASE("an invalid $MENTOR_TODAY")
    {
      Records records;
      EnvVar today("MENTOR_TODAY", "soon");
      EnvVar dir("MENTOR_DIR", records.dir());
      const auto result = run_mentor({"list"}, true);
      check_usage_error(result);
      CHECK(contains(result.err, "soon"));
    }
  }

  TEST_CASE("problems in the records exit 1")
  {
    SUBCASE("no records directory")
    {
      TempDir temp;
      const auto result = run_mentor({"list", "--dir", temp.path().string()});
      CHECK(result.code == 1);
      CHECK(result.err.starts_with("mentor: error: "));
      CHECK(contains(result.err, "hint: "));
    }
    SUBCASE("a broken file")
    {
      Records records;
      mentor::testutil::write_text(records.path("people/zoe-nunez.yaml"), "name: [oops\n");
      const auto result = records.run({"list"});
      CHECK(result.code == 1);
      CHECK(contains(result.err, "zoe-nunez.yaml"));
    }
  }

  TEST_CASE("a session end to end: init, add, pair, log, list, show")
  {
    TempDir temp;
    const auto dir = (temp / "records").string();
    auto result = run_mentor({"init", dir, "--no-git", "--me", "Phil Rumens"});
    REQUIRE(result.code == 0);
    result = run_mentor({"add", "Zoë Núñez", "--dir", dir});
    REQUIRE(result.code == 0);
    result = run_mentor({"pair", "zoe", "--dir", dir, "--today", "2026-11-01"});
    REQUIRE(result.code == 0);
    const auto file = temp / "records/pairings/phil-rumens--zoe-nunez.yaml";
    const auto before = read_text(file);

    result = run_mentor({"log", "zoe", "x", "--dir", dir, "--today", "2026-11-20"});
    CHECK(result.code == 0);
    CHECK(result.err.empty());
    CHECK(read_text(file) == before + k_appended_x);

    result = run_mentor({"list", "--dir", dir});
    CHECK(result.code == 0);
    CHECK(contains(result.out, "Zoë Núñez"));
    CHECK(contains(result.out, "phil-rumens--zoe-nunez"));

    result = run_mentor({"show", "phil-rumens--zoe-nunez", "--dir", dir});
    CHECK(result.code == 0);
    CHECK(contains(result.out, "  2026-11-20  1h  session\n    x\n"));
  }

  TEST_CASE("global options go before or after the command")
  {
    Records records;
    const auto before = read_text(records.pairing_file());

    SUBCASE("after")
    {
      const auto result = run_mentor({"log", "zoe", "x", "--today", "2026-11-20", "--dir", records.dir()});
      CHECK(result.code == 0);
    }
    SUBCASE("before")
    {
      const auto result = run_mentor({"--today", "2026-11-20", "--dir", records.dir(), "log", "zoe", "x"});
      CHECK(result.code == 0);
    }
    SUBCASE("mixed, with --color")
    {
      const auto result =
          run_mentor({"--dir", records.dir(), "log", "--color", "never", "zoe", "--today", "2026-11-20", "x"});
      CHECK(result.code == 0);
    }
    CHECK(read_text(records.pairing_file()) == before + k_appended_x);
  }

  TEST_CASE("$MENTOR_TODAY and $MENTOR_DIR")
  {
    Records records;
    const auto before = read_text(records.pairing_file());

    SUBCASE("from the environment")
    {
      EnvVar today("MENTOR_TODAY", "2026-11-20");
      EnvVar dir("MENTOR_DIR", records.dir());
      const auto result = run_mentor({"log", "zoe", "x"}, true);
      CHECK(result.code == 0);
      CHECK(read_text(records.pairing_file()) == before + k_appended_x);
    }
    SUBCASE("the options win over the environment")
    {
      TempDir elsewhere;
      EnvVar today("MENTOR_TODAY", "2026-11-19");
      EnvVar dir("MENTOR_DIR", elsewhere.path().string());
      const auto result = run_mentor({"log", "zoe", "x", "--today", "2026-11-20", "--dir", records.dir()}, true);
      CHECK(result.code == 0);
      CHECK(read_text(records.pairing_file()) == before + k_appended_x);
    }
  }

  TEST_CASE("--color decides escapes on stdout")
  {
    Records records;
    SUBCASE("always")
    {
      const auto result = records.run({"list", "--color", "always"});
      CHECK(result.code == 0);
      CHECK(contains(result.out, "\x1b[1m"));
    }
    SUBCASE("never")
    {
      const auto result = records.run({"show", "zoe", "--color", "never"});
      CHECK(result.code == 0);
      CHECK_FALSE(contains(result.out, "\x1b"));
    }
    SUBCASE("auto: not a terminal here, or NO_COLOR")
    {
      const auto result = records.run({"list"});
      CHECK(result.code == 0);
      CHECK_FALSE(contains(result.out, "\x1b"));
    }
  }

  TEST_CASE("errors print a message and a hint on stderr only")
  {
    Records records;
    const auto result = records.run({"log", "zoe", "x", "--today", "2026-11-20", "--date", "someday"});
    check_usage_error(result);
    CHECK(contains(result.err, "mentor: error: --date: \"someday\" is not a date\n"));
    CHECK(contains(result.err, "\n  hint: "));
  }
}
