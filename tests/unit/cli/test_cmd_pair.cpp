#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "cli/cli_test.hpp"

using mentor::testutil::contains;

using mentor::testutil::read_text;
using mentor::testutil::Records;
using namespace mentor;

namespace fs = std::filesystem;

namespace {

std::string iso(const std::optional<util::Date>& date)
{
  return date ? date->iso() : "-";
}

// Replaces the first `from` in `text` with `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to)
{
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

} // namespace

TEST_SUITE("cli::pair")
{
  TEST_CASE("start a pairing with the defaults")
  {
    Records records(false);
    const auto result = records.run(
        {"pair", "zoe", "--today", "2026-11-01", "--goal", "Chair meetings", "--goal", "Delegate the rota"});
    REQUIRE(result.code == 0);
    CHECK(result.out.starts_with("started coaching phil-rumens--zoe-nunez on 2026-11-01: "));
    CHECK(result.out.ends_with("records/pairings/phil-rumens--zoe-nunez.yaml\n"));
    const auto loaded = records.load();
    REQUIRE(loaded.pairings.size() == 1);
    const auto& p = loaded.pairings[0];
    CHECK(p.slug == "phil-rumens--zoe-nunez");
    CHECK(p.mentor == "phil-rumens");
    CHECK(p.mentee == "zoe-nunez");
    CHECK(p.kind == core::Kind::coaching);
    CHECK(p.status == core::Status::active);
    CHECK(p.started.iso() == "2026-11-01");
    CHECK_FALSE(p.until);
    CHECK_FALSE(p.ended);
    CHECK(p.cadence == 28);
    CHECK(p.duration == 60);
    CHECK(p.paid);
    REQUIRE(p.goals.size() == 2);
    CHECK(p.goals[0].id == "g1");
    CHECK(p.goals[0].title == "Chair meetings");
    CHECK(p.goals[1].id == "g2");
    CHECK(p.goals[1].title == "Delegate the rota");
    CHECK(p.sessions.empty());
  }

  TEST_CASE("start a pairing with every term")
  {
    Records records(false);
    const auto result =
        records.run({"pair", "Núñez", "--today", "2026-11-20", "--kind", "mentoring", "--start", "monday", "--until",
                     "+4w", "--cadence", "none", "--duration", "45m", "--pro-bono", "--sponsor", "City Library"});
    REQUIRE(result.code == 0);
    const auto p = records.load().pairings.at(0);
    CHECK(p.kind == core::Kind::mentoring);
    // --start takes a date ahead too: the next Monday.
    CHECK(p.started.iso() == "2026-11-23");
    CHECK(iso(p.until) == "2026-12-18");
    CHECK(p.cadence == 0);
    CHECK(p.duration == 45);
    CHECK_FALSE(p.paid);
    CHECK(p.sponsor == "City Library");
  }

  TEST_CASE("a pairing between two others")
  {
    Records records(false);
    REQUIRE(records.run({"add", "Aisha Rahman"}).code == 0);
    const auto result = records.run({"pair", "zoe", "--mentor", "aisha", "--today", "2026-11-01"});
    REQUIRE(result.code == 0);
    const auto p = records.load().pairings.at(0);
    CHECK(p.slug == "aisha-rahman--zoe-nunez");
    CHECK(p.mentor == "aisha-rahman");
    CHECK(p.mentee == "zoe-nunez");
  }

  TEST_CASE("start refuses")
  {
    Records records;
    const auto before = read_text(records.pairing_file());
    auto refused = [&](std::vector<std::string> args, int code) {
      CAPTURE(args[1]);
      args.push_back("--today");
      args.push_back("2026-11-20");
      const auto result = records.run(args);
      CHECK(result.code == code);
      CHECK(result.err.starts_with("mentor: error: "));
      CHECK(result.out.empty());
      return result.err;
    };

    SUBCASE("a second active pairing of the same kind (exit 1)")
    {
      CHECK(contains(refused({"pair", "zoe"}, 1), "already"));
    }
    SUBCASE("pairing me with myself (exit 2)")
    {
      refused({"pair", "phil"}, 2);
    }
    SUBCASE("no such person (exit 1)")
    {
      CHECK(contains(refused({"pair", "nobody"}, 1), "nobody"));
    }
    SUBCASE("an ambiguous name lists the candidates (exit 2)")
    {
      REQUIRE(records.run({"add", "Zoe Adams"}).code == 0);
      const auto err = refused({"pair", "zoe", "--kind", "mentoring"}, 2);
      CHECK(contains(err, "zoe-adams"));
      CHECK(contains(err, "zoe-nunez"));
    }
    SUBCASE("bad terms (exit 2)")
    {
      CHECK(contains(refused({"pair", "zoe", "--kind", "therapy"}, 2), "--kind"));
      CHECK(contains(refused({"pair", "zoe", "--kind", "mentoring", "--cadence", "often"}, 2), "--cadence"));
      CHECK(contains(refused({"pair", "zoe", "--kind", "mentoring", "--duration", "forever"}, 2), "--duration"));
      CHECK(contains(refused({"pair", "zoe", "--kind", "mentoring", "--start", "someday"}, 2), "--start"));
      CHECK(contains(refused({"pair", "zoe", "--kind", "mentoring", "--until", "2026-11-20"}, 2), "--until"));
      CHECK(contains(refused({"pair", "zoe", "--kind", "mentoring", "--until", "-1w"}, 2), "--until"));
      CHECK(contains(refused({"pair", "zoe", "--kind", "mentoring", "--goal", ""}, 2), "--goal"));
      CHECK(contains(refused({"pair", "zoe", "--kind", "mentoring", "--sponsor", "a\nb"}, 2), "--sponsor"));
      refused({"pair", "zoe", "--kind", "mentoring", "--date", "today"}, 2);
      refused({"pair", "zoe", "--kind", "mentoring", "--outcome", "done"}, 2);
    }
    CHECK(read_text(records.pairing_file()) == before);
    CHECK(records.load().pairings.size() == 1);
  }

  TEST_CASE("pause, resume and end change single lines")
  {
    Records records;
    const auto file = records.pairing_file();
    const auto started = read_text(file);
    REQUIRE(contains(started, "\nstatus: active "));

    auto run = [&](std::vector<std::string> args) {
      args.push_back("--today");
      args.push_back("2026-11-20");
      return records.run(args);
    };

    auto result = run({"pair", "zoe", "--pause"});
    REQUIRE(result.code == 0);
    CHECK(contains(result.out, "paused phil-rumens--zoe-nunez"));
    CHECK(read_text(file) == replaced(started, "\nstatus: active ", "\nstatus: paused "));

    SUBCASE("a paused pairing takes no sessions and cannot be paused again")
    {
      CHECK(run({"log", "zoe", "x"}).code == 1);
      CHECK(run({"pair", "zoe", "--pause"}).code == 1);
      CHECK(read_text(file) == replaced(started, "\nstatus: active ", "\nstatus: paused "));
    }
    SUBCASE("resume brings the file back to what it was")
    {
      result = run({"pair", "phil-rumens--zoe-nunez", "--resume"});
      REQUIRE(result.code == 0);
      CHECK(contains(result.out, "resumed phil-rumens--zoe-nunez"));
      CHECK(read_text(file) == started);
      CHECK(run({"pair", "zoe", "--resume"}).code == 1);
    }
    SUBCASE("end a paused pairing, with a date and an outcome")
    {
      result = run({"pair", "zoe", "--end", "--date", "yesterday", "--outcome", "Goal reached"});
      REQUIRE(result.code == 0);
      CHECK(contains(result.out, "ended phil-rumens--zoe-nunez on 2026-11-19"));
      const auto p = records.load().pairings.at(0);
      CHECK(p.status == core::Status::ended);
      CHECK(iso(p.ended) == "2026-11-19");
      CHECK(p.outcome == "Goal reached");
      // The lines added go right after `started:`; the rest is as it was.
      const auto text = read_text(file);
      CHECK(contains(text, "started: 2026-11-01\nended: 2026-11-19\noutcome: Goal reached\n"));
      CHECK(text.starts_with(started.substr(0, started.find("\nstatus:"))));
      CHECK(text.ends_with(started.substr(started.find("\ncadence:"))));

      SUBCASE("ending again is refused")
      {
        CHECK(run({"pair", "zoe", "--end"}).code == 1);
        CHECK(read_text(file) == text);
      }
      SUBCASE("and then a new pairing of the same kind is a -2")
      {
        REQUIRE(run({"pair", "zoe"}).code == 0);
        CHECK(fs::exists(records.path("pairings/phil-rumens--zoe-nunez-2.yaml")));
        CHECK(read_text(file) == text);
      }
    }
  }

  TEST_CASE("status changes refuse")
  {
    Records records;
    const auto before = read_text(records.pairing_file());
    auto code = [&](std::vector<std::string> args) {
      args.push_back("--today");
      args.push_back("2026-11-20");
      return records.run(args).code;
    };
    SUBCASE("more than one of --end, --pause, --resume (exit 2)")
    {
      CHECK(code({"pair", "zoe", "--end", "--pause"}) == 2);
      CHECK(code({"pair", "zoe", "--pause", "--resume"}) == 2);
    }
    SUBCASE("terms that are for starting a pairing (exit 2)")
    {
      CHECK(code({"pair", "zoe", "--end", "--kind", "mentoring"}) == 2);
      CHECK(code({"pair", "zoe", "--pause", "--goal", "x"}) == 2);
      CHECK(code({"pair", "zoe", "--end", "--pro-bono"}) == 2);
    }
    SUBCASE("--date or --outcome without --end (exit 2)")
    {
      CHECK(code({"pair", "zoe", "--pause", "--date", "today"}) == 2);
      CHECK(code({"pair", "zoe", "--pause", "--outcome", "x"}) == 2);
    }
    SUBCASE("an end before the start (exit 2)")
    {
      CHECK(code({"pair", "zoe", "--end", "--date", "2026-10-31"}) == 2);
    }
    SUBCASE("an end date that is not a date, or an outcome on two lines (exit 2)")
    {
      CHECK(code({"pair", "zoe", "--end", "--date", "tomorrow"}) == 2);
      CHECK(code({"pair", "zoe", "--end", "--outcome", "a\nb"}) == 2);
    }
    CHECK(read_text(records.pairing_file()) == before);
  }
}
