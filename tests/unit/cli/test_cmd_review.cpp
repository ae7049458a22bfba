#include <doctest/doctest.h>

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "cli/cli_test.hpp"

using mentor::testutil::read_text;
using mentor::testutil::Records;
using mentor::testutil::RunResult;
using mentor::testutil::write_text;

namespace {

bool contains(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

// What std::cin reads while it lives. `review --record` reads its notes from
// standard input when that is not a terminal and no NOTES are given; the
// tests never depend on what the test runner's stdin holds.
class Stdin
{
public:
  explicit Stdin(const std::string& text) : m_in(text), m_old(std::cin.rdbuf(m_in.rdbuf())) {}
  ~Stdin() { std::cin.rdbuf(m_old); }
  Stdin(const Stdin&) = delete;
  Stdin& operator=(const Stdin&) = delete;

private:
  std::istringstream m_in;
  std::streambuf* m_old;
};

// `mentor review ARGS --today 2026-11-20` in the records, with `input` on
// standard input (read only when it is not a terminal).
RunResult review(const Records& records, std::vector<std::string> args, const std::string& today = "2026-11-20",
                 const std::string& input = "")
{
  Stdin stdin_text(input);
  args.insert(args.begin(), "review");
  args.push_back("--today");
  args.push_back(today);
  return records.run(args);
}

// A pairing file as a person would write it: comments, a quoted status, a
// goal without a status, a custom key, a session already logged.
const std::string k_hand_written = "# Zoë: written by hand\n"
                                   "mentor: phil-rumens\n"
                                   "mentee: zoe-nunez\n"
                                   "kind: coaching\n"
                                   "status: active\n"
                                   "started: 2026-11-01\n"
                                   "cadence: 2w\n"
                                   "goals:\n"
                                   "  - id: g1\n"
                                   "    title: Chair meetings\n"
                                   "    status: \"open\"    # still going\n"
                                   "  - id: g2\n"
                                   "    title: Delegate the rota\n"
                                   "    due: 2026-12-01\n"
                                   "    my-note: keep this\n"
                                   "  - id: g3\n"
                                   "    title: Read more\n"
                                   "sessions:\n"
                                   "  - date: 2026-11-05\n"
                                   "    duration: 45m\n"
                                   "    notes: first\n";

} // namespace

TEST_SUITE("cli::review")
{
  TEST_CASE("without WHO: what needs attention")
  {
    Records records;
    SUBCASE("nothing yet")
    {
      const auto result = review(records, {});
      CHECK(result.code == 0);
      CHECK(result.err.empty());
      CHECK(result.out == "Nothing needs attention on 2026-11-20.\n");
    }
    SUBCASE("the first session coming up (cadence 4w from 2026-11-01)")
    {
      const auto result = review(records, {}, "2026-11-24");
      CHECK(result.code == 0);
      CHECK(result.out == "Nothing needs attention on 2026-11-24.\n"
                          "\n"
                          "Coming up in the next 7 days:\n"
                          "  2026-11-29  in 5 days    Zoë Núñez  phil-rumens--zoe-nunez\n");
    }
    SUBCASE("a day late")
    {
      const auto result = review(records, {}, "2026-11-30");
      CHECK(result.code == 0);
      CHECK(result.out == "Needs attention on 2026-11-30:\n"
                          "\n"
                          "Zoë Núñez  phil-rumens--zoe-nunez\n"
                          "  1 day late  no session yet since it started on 2026-11-01\n");
    }
    SUBCASE("as JSON")
    {
      const auto result = review(records, {"--format", "json"}, "2026-11-30");
      CHECK(result.code == 0);
      CHECK(result.out.starts_with("{\n  \"today\": \"2026-11-30\",\n  \"attention\": [\n    {\n"
                                   "      \"pairing\": \"phil-rumens--zoe-nunez\",\n"));
      CHECK(contains(result.out, "      \"concern\": \"no_first_session\",\n      \"days_late\": 1,\n"));
      CHECK(result.out.ends_with("  \"coming_up\": []\n}\n"));
    }
    SUBCASE("a paused pairing never nags")
    {
      REQUIRE(records.run({"pair", "zoe", "--pause", "--today", "2026-11-20"}).code == 0);
      const auto result = review(records, {}, "2027-06-01");
      CHECK(result.code == 0);
      CHECK(result.out == "Nothing needs attention on 2027-06-01.\n");
    }
  }

  TEST_CASE("with WHO: the brief for one pairing")
  {
    Records records;
    SUBCASE("as text")
    {
      const auto result = review(records, {"zoe"});
      CHECK(result.code == 0);
      CHECK(result.err.empty());
      CHECK(result.out.starts_with("Zoë Núñez: coaching since 2026-11-01  phil-rumens--zoe-nunez\n"));
      CHECK(contains(result.out, "\nGoals\n  g1   open      Chair meetings\n"));
      CHECK(contains(result.out, "\nOpen actions\n  none\n"));
      CHECK(contains(result.out, "  next due 2026-11-29 (in 9 days)\n"));
    }
    SUBCASE("as JSON, by pairing slug")
    {
      const auto result = review(records, {"phil-rumens--zoe-nunez", "--format", "json"});
      CHECK(result.code == 0);
      CHECK(result.out.starts_with("{\n  \"today\": \"2026-11-20\",\n  \"pairing\": \"phil-rumens--zoe-nunez\",\n"
                                   "  \"with\": \"Zoë Núñez\",\n"));
      CHECK(result.out.ends_with("}\n"));
    }
    SUBCASE("an ended pairing still has a brief")
    {
      REQUIRE(records.run({"pair", "zoe", "--end", "--today", "2026-11-20"}).code == 0);
      const auto result = review(records, {"zoe"});
      CHECK(result.code == 0);
      CHECK(contains(result.out, "  ended on 2026-11-20; every 4w; 1h sessions\n"));
    }
  }

  TEST_CASE("usage errors exit 2, unknown people 1")
  {
    Records records;
    const auto file = records.pairing_file();
    const auto before = read_text(file);
    RunResult result;

    SUBCASE("unknown WHO")
    {
      result = review(records, {"nobody"});
      CHECK(result.code == 1);
      CHECK(result.err.starts_with("mentor: error: "));
    }
    SUBCASE("unknown WHO with --record")
    {
      result = review(records, {"nobody", "--record", "notes"});
      CHECK(result.code == 1);
    }
    SUBCASE("ambiguous WHO lists the candidates")
    {
      REQUIRE(records.run({"add", "Zoe Adams"}).code == 0);
      REQUIRE(records.run({"pair", "zoe-adams", "--today", "2026-11-01"}).code == 0);
      result = review(records, {"zoe"});
      CHECK(result.code == 2);
      CHECK(contains(result.err, "zoe-adams"));
      CHECK(contains(result.err, "zoe-nunez"));
      const auto record = review(records, {"zoe", "--record", "notes"});
      CHECK(record.code == 2);
    }
    SUBCASE("--format xml")
    {
      result = review(records, {"--format", "xml"});
      CHECK(result.code == 2);
    }
    SUBCASE("--format with --record")
    {
      result = review(records, {"zoe", "--record", "notes", "--format", "json"});
      CHECK(result.code == 2);
    }
    SUBCASE("--goal without --record")
    {
      result = review(records, {"zoe", "--goal", "g1=achieved"});
      CHECK(result.code == 2);
      CHECK(contains(result.err, "--record"));
    }
    SUBCASE("--date without --record")
    {
      result = review(records, {"zoe", "--date", "yesterday"});
      CHECK(result.code == 2);
    }
    SUBCASE("NOTES without --record")
    {
      result = review(records, {"zoe", "some notes"});
      CHECK(result.code == 2);
    }
    SUBCASE("--record without WHO")
    {
      result = review(records, {"--record"});
      CHECK(result.code == 2);
      CHECK(contains(result.err, "--record needs WHO"));
    }
    SUBCASE("a bad status")
    {
      result = review(records, {"zoe", "--record", "--goal", "g1=done"});
      CHECK(result.code == 2);
      CHECK(contains(result.err, "\"done\" is not a goal status"));
    }
    SUBCASE("a spec that is not ID=STATUS")
    {
      for (const std::string spec : {"g1", "=achieved", "g1:achieved", "g1="}) {
        CAPTURE(spec);
        result = review(records, {"zoe", "--record", "--goal", spec});
        CHECK(result.code == 2);
      }
    }
    SUBCASE("the same goal twice")
    {
      result = review(records, {"zoe", "--record", "--goal", "g1=achieved", "--goal", "g1=dropped"});
      CHECK(result.code == 2);
      CHECK(contains(result.err, "given twice"));
    }
    SUBCASE("a date in the future")
    {
      result = review(records, {"zoe", "--record", "notes", "--date", "2026-11-21"});
      CHECK(result.code == 2);
      CHECK(contains(result.err, "in the future"));
    }
    SUBCASE("a date that is no date")
    {
      result = review(records, {"zoe", "--record", "notes", "--date", "someday"});
      CHECK(result.code == 2);
    }
    SUBCASE("nothing to record")
    {
      result = review(records, {"zoe", "--record", ""});
      CHECK(result.code == 2);
      CHECK(contains(result.err, "nothing to record"));
      result = review(records, {"zoe", "--record", "  \n\n"});
      CHECK(result.code == 2);
    }
    CHECK(read_text(file) == before);
  }

  TEST_CASE("an unknown goal is refused (exit 1) and nothing is written")
  {
    Records records;
    const auto file = records.pairing_file();
    const auto before = read_text(file);
    const auto result = review(records, {"zoe", "--record", "notes", "--goal", "g1=achieved", "--goal", "g9=dropped"});
    CHECK(result.code == 1);
    CHECK(contains(result.err, "has no goal g9"));
    CHECK(contains(result.err, "g1"));
    CHECK(result.out.empty());
    CHECK(read_text(file) == before);
  }

  TEST_CASE("--record appends a review entry at the end, nothing else changes")
  {
    Records records;
    const auto file = records.pairing_file();
    const auto before = read_text(file);

    SUBCASE("notes only")
    {
      const auto result = review(records, {"zoe", "--record", "Good progress."});
      REQUIRE(result.code == 0);
      CHECK(result.err.empty());
      CHECK(result.out.starts_with("recorded a review of phil-rumens--zoe-nunez on 2026-11-20: "));
      CHECK(result.out.ends_with("records/pairings/phil-rumens--zoe-nunez.yaml\n"));
      CHECK(read_text(file)
            == before
                   + "  - date: 2026-11-20\n"
                     "    type: review\n"
                     "    notes: Good progress.\n");
      const auto s = records.load().pairings.at(0).sessions.at(0);
      CHECK(s.type == mentor::core::SessionType::review);
      CHECK_FALSE(s.duration);
      CHECK(s.notes == "Good progress.");
    }
    SUBCASE("notes on several lines, an earlier date")
    {
      const auto result = review(records, {"zoe", "--record", "On track.\r\nKeep going.  \n", "--date", "yesterday"});
      REQUIRE(result.code == 0);
      CHECK(result.out.starts_with("recorded a review of phil-rumens--zoe-nunez on 2026-11-19: "));
      CHECK(read_text(file)
            == before
                   + "  - date: 2026-11-19\n"
                     "    type: review\n"
                     "    notes: |\n"
                     "      On track.\n"
                     "      Keep going.\n");
      CHECK(records.load().pairings.at(0).sessions.at(0).notes == "On track.\nKeep going.");
    }
    SUBCASE("a goal change replaces its status in place")
    {
      const auto result = review(records, {"zoe", "--record", "Chaired twice.", "--goal", "g1=achieved"});
      REQUIRE(result.code == 0);
      CHECK(result.out.starts_with("recorded a review of phil-rumens--zoe-nunez on 2026-11-20 (g1: achieved): "));
      auto expected = before;
      const auto at = expected.find("    status: open\n");
      REQUIRE(at != std::string::npos);
      expected.replace(at, 16, "    status: achieved");
      expected += "  - date: 2026-11-20\n"
                  "    type: review\n"
                  "    notes: Chaired twice.\n"
                  "    goals:\n"
                  "      g1: achieved\n";
      CHECK(read_text(file) == expected);
      const auto p = records.load().pairings.at(0);
      CHECK(p.goals.at(0).status == mentor::core::GoalStatus::achieved);
      REQUIRE(p.sessions.size() == 1);
      REQUIRE(p.sessions[0].goal_changes.size() == 1);
      CHECK(p.sessions[0].goal_changes[0].first == "g1");
      CHECK(p.sessions[0].goal_changes[0].second == mentor::core::GoalStatus::achieved);
    }
    SUBCASE("goal changes alone are a review; no notes key")
    {
      const auto result = review(records, {"zoe", "--record", "--goal", "g1=dropped"});
      REQUIRE(result.code == 0);
      auto expected = before;
      expected.replace(expected.find("    status: open\n"), 16, "    status: dropped");
      expected += "  - date: 2026-11-20\n"
                  "    type: review\n"
                  "    goals:\n"
                  "      g1: dropped\n";
      CHECK(read_text(file) == expected);
    }
    SUBCASE("goal changes and an empty NOTES: no notes key")
    {
      const auto result = review(records, {"zoe", "--record", "--goal", "g1=achieved", ""});
      REQUIRE(result.code == 0);
      CHECK(read_text(file).ends_with("  - date: 2026-11-20\n"
                                      "    type: review\n"
                                      "    goals:\n"
                                      "      g1: achieved\n"));
    }
    SUBCASE("notes piped on standard input")
    {
      if (isatty(STDIN_FILENO)) {
        MESSAGE("standard input is a terminal: notes would come from the editor; skipped");
      } else {
        const auto result = review(records, {"zoe", "--record", "--goal", "g1=achieved"}, "2026-11-20",
                                   "From a pipe.\nSecond line.\n\n");
        REQUIRE(result.code == 0);
        CHECK(read_text(file).ends_with("  - date: 2026-11-20\n"
                                        "    type: review\n"
                                        "    notes: |\n"
                                        "      From a pipe.\n"
                                        "      Second line.\n"
                                        "    goals:\n"
                                        "      g1: achieved\n"));
        // Nothing piped, nothing else given: nothing to record.
        const auto empty = review(records, {"zoe", "--record"});
        CHECK(empty.code == 2);
        CHECK(contains(empty.err, "nothing to record"));
      }
    }
    SUBCASE("a review does not count as time spent")
    {
      REQUIRE(review(records, {"zoe", "--record", "fine"}).code == 0);
      const auto brief = review(records, {"zoe"});
      CHECK(contains(brief.out, "\nTotals\n  0 sessions, 0.00 hours\n"));
      CHECK(contains(brief.out, "\nLast session\n  2026-11-20  review\n    fine\n"));
    }
  }

  TEST_CASE("--record in a hand-written file")
  {
    Records records(false);
    const auto file = records.pairing_file();
    write_text(file, k_hand_written);

    SUBCASE("a goal without a status gets one, after its last one-line key of id/title/measure/due")
    {
      const auto result =
          review(records, {"zoe", "--record", "Halfway.", "--goal", "g2=achieved", "--goal", "g3=dropped"});
      REQUIRE(result.code == 0);
      CHECK(result.out.starts_with(
          "recorded a review of phil-rumens--zoe-nunez on 2026-11-20 (g2: achieved, g3: dropped): "));
      auto expected = k_hand_written;
      expected.insert(expected.find("    my-note: keep this\n"), "    status: achieved\n");
      expected.insert(expected.find("sessions:\n"), "    status: dropped\n");
      expected += "  - date: 2026-11-20\n"
                  "    type: review\n"
                  "    notes: Halfway.\n"
                  "    goals:\n"
                  "      g2: achieved\n"
                  "      g3: dropped\n";
      CHECK(read_text(file) == expected);
      const auto p = records.load().pairings.at(0);
      CHECK(p.goals.at(1).status == mentor::core::GoalStatus::achieved);
      CHECK(p.goals.at(2).status == mentor::core::GoalStatus::dropped);
      REQUIRE(p.sessions.size() == 2);
      CHECK(p.sessions[1].type == mentor::core::SessionType::review);
    }
    SUBCASE("a goal already at that status is left as it is, and still recorded")
    {
      const auto result = review(records, {"zoe", "--record", "--goal", "g1=open"});
      REQUIRE(result.code == 0);
      CHECK(read_text(file)
            == k_hand_written
                   + "  - date: 2026-11-20\n"
                     "    type: review\n"
                     "    goals:\n"
                     "      g1: open\n");
    }
    SUBCASE("a quoted status with a comment is replaced, the comment kept")
    {
      const auto result = review(records, {"zoe", "--record", "--goal", "g1=achieved"});
      REQUIRE(result.code == 0);
      const auto text = read_text(file);
      CHECK(contains(text, "    title: Chair meetings\n    status: "));
      CHECK(contains(text, "achieved"));
      CHECK(contains(text, "    # still going\n"));
      CHECK_FALSE(contains(text, "\"open\""));
      CHECK(records.load().pairings.at(0).goals.at(0).status == mentor::core::GoalStatus::achieved);
    }
    SUBCASE("the review satisfies the six-monthly review")
    {
      // Sessions every 2w keep the cadence quiet; without a review, six months
      // after the start it is due.
      const auto before = review(records, {}, "2027-05-02");
      REQUIRE(before.code == 0);
      CHECK(contains(before.out, "no review yet"));
      REQUIRE(review(records, {"zoe", "--record", "fine"}).code == 0);
      const auto after = review(records, {}, "2027-05-02");
      CHECK_FALSE(contains(after.out, "no review yet"));
    }
  }

  TEST_CASE("--record: a paused pairing can be reviewed, an ended one cannot")
  {
    Records records;
    const auto file = records.pairing_file();
    SUBCASE("paused")
    {
      REQUIRE(records.run({"pair", "zoe", "--pause", "--today", "2026-11-20"}).code == 0);
      const auto result = review(records, {"zoe", "--record", "On hold for now."});
      CHECK(result.code == 0);
      CHECK(read_text(file).ends_with("    notes: On hold for now.\n"));
    }
    SUBCASE("ended")
    {
      REQUIRE(records.run({"pair", "zoe", "--end", "--today", "2026-11-20"}).code == 0);
      const auto before = read_text(file);
      const auto result = review(records, {"zoe", "--record", "Too late."});
      CHECK(result.code == 1);
      CHECK(read_text(file) == before);
    }
  }
}
