#include "testutil.hpp"
#include "mentor/core/build.hpp"
#include "mentor/core/merge.hpp"
#include "mentor/store/parse.hpp"

#include <doctest/doctest.h>

#include <string>

using mentor::testutil::contains;

using mentor::core::FileMerge;
using mentor::core::merge_records_file;

namespace {

const char* const k_path = "pairings/phil-rumens--zoe-nunez.yaml";

const std::string k_pairing = "# coaching: Phil Rumens and Zoë Núñez (coach and coachee).\n"
                              "mentor: phil-rumens\n"
                              "mentee: zoe-nunez\n"
                              "kind: coaching             # coaching | mentoring | peer | shadowing | supervision\n"
                              "status: active             # active | paused | ended\n"
                              "started: 2026-01-05\n"
                              "cadence: 2w\n"
                              "goals:\n"
                              "  - id: g1\n"
                              "    title: Chair team meetings confidently\n"
                              "    status: open\n"
                              "sessions:                  # oldest first; `mentor log` appends here\n"
                              "  - date: 2026-01-12\n"
                              "    duration: 60m\n"
                              "    notes: |\n"
                              "      Mapped her stakeholders.\n"
                              "    actions:\n"
                              "      - id: a1\n"
                              "        text: Draft an agenda for Tuesday\n"
                              "        due: 2026-01-19\n";

std::string session(const std::string& date, const std::string& notes, const std::string& action_id = {})
{
  std::string text = "  - date: " + date + "\n    duration: 45m\n    notes: |\n      " + notes + "\n";
  if (!action_id.empty()) {
    text += "    actions:\n      - id: " + action_id + "\n        text: Follow up on " + notes + "\n";
  }
  return text;
}

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

FileMerge clean_merge(const std::string& base, const std::string& ours, const std::string& theirs)
{
  auto result = merge_records_file(k_path, base, ours, theirs);
  for (const auto& conflict : result.conflicts) {
    INFO(conflict);
  }
  REQUIRE(result.clean);
  // The merged file is a valid pairing.
  mentor::core::Problems problems;
  mentor::core::build_pairing(mentor::store::parse_document(k_path, result.text), "phil-rumens--zoe-nunez", problems);
  CHECK_FALSE(problems.has_errors());
  return result;
}

std::string crlf(const std::string& text)
{
  std::string out;
  for (char c : text) {
    out += c == '\n' ? std::string("\r\n") : std::string(1, c);
  }
  return out;
}

} // namespace

TEST_SUITE("core::merge")
{
  TEST_CASE("sessions logged on two machines: all kept, in date order, as written")
  {
    const auto ours = k_pairing + session("2026-11-20", "Ours, on the laptop.");
    const auto theirs = k_pairing + session("2026-11-18", "Theirs, on the desktop.") + session("2026-11-21", "Later.");
    const auto result = clean_merge(k_pairing, ours, theirs);
    CHECK(result.text
          == k_pairing + session("2026-11-18", "Theirs, on the desktop.") + session("2026-11-20", "Ours, on the laptop.")
               + session("2026-11-21", "Later."));
    CHECK(result.notes.empty());
  }

  TEST_CASE("one side logs, the other ends the pairing")
  {
    auto theirs = replaced(k_pairing, "status: active    ", "status: ended     ");
    theirs = replaced(theirs, "started: 2026-01-05\n", "started: 2026-01-05\nended: 2026-11-19\noutcome: Chairs every week\n");
    const auto result = clean_merge(k_pairing, k_pairing + session("2026-11-18", "Last one."), theirs);
    CHECK(result.text == theirs + session("2026-11-18", "Last one."));
  }

  TEST_CASE("an action closed on one side while the other logs")
  {
    const auto ours = replaced(k_pairing, "        due: 2026-01-19\n", "        due: 2026-01-19\n        done: 2026-01-18\n")
                      + session("2026-11-20", "Closed a1.");
    const auto theirs = k_pairing + session("2026-11-19", "Theirs.");
    const auto result = clean_merge(k_pairing, ours, theirs);
    CHECK(result.text
          == replaced(k_pairing, "        due: 2026-01-19\n", "        due: 2026-01-19\n        done: 2026-01-18\n")
               + session("2026-11-19", "Theirs.") + session("2026-11-20", "Closed a1."));
  }

  TEST_CASE("actions added on both sides under one id: theirs is renumbered, and said")
  {
    const auto ours = k_pairing + session("2026-11-20", "budget", "a2");
    const auto theirs = k_pairing + session("2026-11-18", "hiring", "a2") + session("2026-11-19", "rota", "a3");
    const auto result = clean_merge(k_pairing, ours, theirs);
    CHECK(result.text
          == k_pairing + replaced(session("2026-11-18", "hiring", "a2"), "id: a2", "id: a4")
               + session("2026-11-19", "rota", "a3") + session("2026-11-20", "budget", "a2"));
    REQUIRE(result.notes.size() == 1);
    CHECK(result.notes[0] == "their action a2 (session of 2026-11-18) is now a4: ours has another a2");
  }

  TEST_CASE("goals added on both sides under one id: theirs is renumbered, with their references")
  {
    const auto with_goal = [&](const std::string& id, const std::string& title) {
      return replaced(k_pairing, "sessions:  ", "  - id: " + id + "\n    title: " + title + "\nsessions:  ");
    };
    const auto ours = with_goal("g2", "Delegate the rota");
    const auto review = "  - date: 2026-11-19\n    type: review\n    goals:\n      g1: open\n      g2: achieved\n";
    const auto theirs = with_goal("g2", "Hire two shift leads") + review;
    const auto result = clean_merge(k_pairing, ours, theirs);
    CHECK(result.text
          == replaced(k_pairing, "sessions:  ",
                      "  - id: g2\n    title: Delegate the rota\n  - id: g3\n    title: Hire two shift leads\nsessions:  ")
               + replaced(review, "g2: achieved", "g3: achieved"));
    REQUIRE(result.notes.size() == 1);
    CHECK(result.notes[0] == "their goal g2 (Hire two shift leads) is now g3: ours has another g2");
    SUBCASE("the same goal added on both sides is kept once, not renumbered")
    {
      const auto same = clean_merge(k_pairing, ours, ours + session("2026-11-20", "x"));
      CHECK(same.text == ours + session("2026-11-20", "x"));
      CHECK(same.notes.empty());
    }
  }

  TEST_CASE("one-side and same changes to values; different ones conflict")
  {
    const auto paused = replaced(k_pairing, "status: active", "status: paused");
    CHECK(clean_merge(k_pairing, paused, k_pairing + session("2026-11-20", "x")).text
          == paused + session("2026-11-20", "x"));
    CHECK(clean_merge(k_pairing, paused, paused).text == paused);
    const auto ended = replaced(k_pairing, "status: active", "status: ended ");
    const auto result = merge_records_file(k_path, k_pairing, paused, ended);
    CHECK_FALSE(result.clean);
    REQUIRE(result.conflicts.size() == 1);
    CHECK(result.conflicts[0] == "`status` was changed on both sides (ours: paused, theirs: ended)");
  }

  TEST_CASE("the same session edited differently on both sides conflicts")
  {
    const auto ours = replaced(k_pairing, "Mapped her stakeholders.", "Mapped her stakeholders (all six).");
    const auto theirs = replaced(k_pairing, "Mapped her stakeholders.", "Mapped the stakeholders.");
    const auto result = merge_records_file(k_path, k_pairing, ours, theirs + session("2026-11-20", "x"));
    CHECK_FALSE(result.clean);
    CHECK(contains(result.conflicts.at(0), "`sessions[2026-01-12].notes` was changed on both sides"));
    SUBCASE("one side's edit of an old session is taken")
    {
      CHECK(clean_merge(k_pairing, ours, k_pairing + session("2026-11-20", "x")).text
            == ours + session("2026-11-20", "x"));
    }
  }

  TEST_CASE("CRLF files stay CRLF")
  {
    const auto result = clean_merge(crlf(k_pairing), crlf(k_pairing + session("2026-11-20", "Ours.")),
                                    crlf(k_pairing + session("2026-11-18", "Theirs.")));
    CHECK(result.text == crlf(k_pairing + session("2026-11-18", "Theirs.") + session("2026-11-20", "Ours.")));
    SUBCASE("ours CRLF, theirs LF: the result follows ours")
    {
      CHECK(clean_merge(k_pairing, crlf(k_pairing + session("2026-11-20", "Ours.")),
                        k_pairing + session("2026-11-18", "Theirs."))
              .text
            == crlf(k_pairing + session("2026-11-18", "Theirs.") + session("2026-11-20", "Ours.")));
    }
  }

  TEST_CASE("a file without a final line break")
  {
    const auto base = k_pairing.substr(0, k_pairing.size() - 1);
    CHECK(clean_merge(base, k_pairing + session("2026-11-20", "Ours."), base).text
          == k_pairing + session("2026-11-20", "Ours."));
  }

  TEST_CASE("a side that does not parse is a conflict, never a guess")
  {
    const auto broken = k_pairing + "  - date: 2026-11-20\n    notes: \"unclosed\n";
    const auto result = merge_records_file(k_path, k_pairing, k_pairing + session("2026-11-20", "x"), broken);
    CHECK_FALSE(result.clean);
    CHECK(contains(result.conflicts.at(0), "theirs does not read as a mentor file"));
    CHECK(contains(result.conflicts.at(0), "pairings/phil-rumens--zoe-nunez.yaml (theirs):"));
    CHECK_FALSE(merge_records_file(k_path, "a: [\n", k_pairing, k_pairing).clean);
    CHECK_FALSE(merge_records_file(k_path, k_pairing, "a: 1\na: 2\n", k_pairing).clean);
    CHECK(contains(merge_records_file(k_path, "- a\n", k_pairing, k_pairing + "x: 1\n").conflicts.at(0),
                   "not a map"));
  }

  TEST_CASE("a person file merges key by key")
  {
    const std::string base = "# One file per person.\nname: Zoë Núñez\nemail: zoe@example.org\n"
                             "role: Team lead\ntags: [library]\nnotes: |\n  Promoted in March.\n";
    const auto ours = replaced(base, "Team lead", "Head of service");
    const auto theirs = replaced(base, "email: zoe@example.org\n", "email: zoe@library.example   # new job\npseudonym: C-017\n");
    const auto result = merge_records_file("people/zoe-nunez.yaml", base, ours, theirs);
    REQUIRE(result.clean);
    CHECK(result.text
          == "# One file per person.\nname: Zoë Núñez\nemail: zoe@library.example   # new job\npseudonym: C-017\n"
             "role: Head of service\ntags: [library]\nnotes: |\n  Promoted in March.\n");
    CHECK_FALSE(merge_records_file("people/zoe-nunez.yaml", base, ours, replaced(base, "Team lead", "Manager")).clean);
  }

  TEST_CASE("a file added on both sides (an empty base)")
  {
    const std::string head = "# One file per person.\nname: Zoë Núñez\n";
    const auto result = merge_records_file("people/zoe-nunez.yaml", "", head + "email: zoe@example.org\n",
                                           head + "role: Team lead\n");
    REQUIRE(result.clean);
    CHECK(result.text == head + "email: zoe@example.org\nrole: Team lead\n");
    const auto different = merge_records_file("people/zoe-nunez.yaml", "", head + "role: Lead\n", head + "role: Head\n");
    CHECK_FALSE(different.clean);
    CHECK(different.conflicts.at(0) == "`role` was added on both sides with different values");
  }

  TEST_CASE("mentor.yaml merges key by key")
  {
    const std::string base = "version: 1\nme: phil-rumens\ndefaults:\n  kind: coaching\n  duration: 60m\n";
    const auto result = merge_records_file("mentor.yaml", base, replaced(base, "60m", "45m"),
                                           base + "git:\n  commit: true\n");
    REQUIRE(result.clean);
    CHECK(result.text == "version: 1\nme: phil-rumens\ndefaults:\n  kind: coaching\n  duration: 45m\ngit:\n  commit: true\n");
  }
}
