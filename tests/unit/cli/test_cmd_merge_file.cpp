#include <doctest/doctest.h>

#include <string>

#include "cli/cli_test.hpp"

using mentor::testutil::contains;
using mentor::testutil::read_text;
using mentor::testutil::run_mentor;
using mentor::testutil::TempDir;
using mentor::testutil::write_text;

namespace {

const std::string k_base = "status: active  # active | paused | ended\n"
                           "sessions:\n"
                           "  - date: 2026-01-12\n"
                           "    actions:\n"
                           "      - id: a1\n"
                           "        text: One\n";

struct Files
{
  TempDir temp;
  std::string base = (temp / "base").string();
  std::string ours = (temp / "ours").string();
  std::string theirs = (temp / "theirs").string();

  Files(const std::string& b, const std::string& o, const std::string& t)
  {
    write_text(base, b);
    write_text(ours, o);
    write_text(theirs, t);
  }

  mentor::testutil::RunResult merge() const
  {
    return run_mentor({"merge-file", base, ours, theirs, "pairings/a--b.yaml"});
  }
};

} // namespace

TEST_SUITE("cli::merge-file")
{
  TEST_CASE("a clean merge replaces OURS, exits 0 and says what it renumbered")
  {
    const Files files(k_base, k_base + "  - date: 2026-11-20\n    actions:\n      - id: a2\n        text: Ours\n",
                      k_base + "  - date: 2026-11-18\n    actions:\n      - id: a2\n        text: Theirs\n");
    const auto result = files.merge();
    CHECK(result.code == 0);
    CHECK(result.out.empty());
    CHECK(result.err == "mentor: pairings/a--b.yaml: their action a2 (session of 2026-11-18) is now a3: ours has another a2\n");
    CHECK(read_text(files.ours)
          == k_base + "  - date: 2026-11-18\n    actions:\n      - id: a3\n        text: Theirs\n"
                      "  - date: 2026-11-20\n    actions:\n      - id: a2\n        text: Ours\n");
    CHECK(read_text(files.theirs) == k_base + "  - date: 2026-11-18\n    actions:\n      - id: a2\n        text: Theirs\n");
  }

  TEST_CASE("what cannot be merged gets git's conflict markers and exit 1")
  {
    std::string ours = k_base, theirs = k_base;
    ours.replace(ours.find("active "), 7, "ended  ");
    theirs.replace(theirs.find("active "), 7, "paused ");
    const Files files(k_base, ours, theirs);
    const auto result = files.merge();
    CHECK(result.code == 1);
    CHECK(contains(result.err, "mentor: pairings/a--b.yaml: cannot merge this file safely:\n"
                               "  `status` was changed on both sides (ours: ended, theirs: paused)\n"));
    CHECK(contains(result.err, "conflict markers"));
    CHECK(read_text(files.ours)
          == "<<<<<<< ours\nstatus: ended   # active | paused | ended\n=======\n"
             "status: paused  # active | paused | ended\n>>>>>>> theirs\n"
             + k_base.substr(k_base.find('\n') + 1));
  }

  TEST_CASE("a line-by-line merge git finds clean is still not taken as clean")
  {
    // Theirs does not parse: git merges the lines without a conflict, but
    // mentor cannot vouch for the result.
    const Files files(k_base, k_base + "  - date: 2026-11-20\n", "status: [active\n" + k_base.substr(k_base.find('\n') + 1));
    const auto result = files.merge();
    CHECK(result.code == 1);
    CHECK(contains(result.err, "theirs does not read as a mentor file"));
    CHECK(contains(result.err, "without conflict markers"));
    CHECK(read_text(files.ours) == "status: [active\n" + k_base.substr(k_base.find('\n') + 1) + "  - date: 2026-11-20\n");
  }

  TEST_CASE("a file that cannot be read is an error, OURS untouched")
  {
    const Files files(k_base, k_base, k_base);
    const auto result = run_mentor({"merge-file", files.base, files.ours, (files.temp / "missing").string()});
    CHECK(result.code == 1);
    CHECK(contains(result.err, "mentor: error: "));
    CHECK(read_text(files.ours) == k_base);
  }

  TEST_CASE("--help says git calls it")
  {
    const auto result = run_mentor({"merge-file", "--help"});
    CHECK(result.code == 0);
    CHECK(contains(result.out, "Meant to be called by git"));
    CHECK(contains(result.out, "merge.mentor.driver"));
    CHECK(contains(run_mentor({"--help"}).out, "merge-file"));
  }
}
