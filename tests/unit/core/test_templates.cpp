#include "testutil.hpp"
#include "mentor/core/build.hpp"
#include "mentor/core/changes.hpp"
#include "mentor/core/templates.hpp"
#include "mentor/store/parse.hpp"
#include "mentor/store/writer.hpp"
#include "mentor/util/text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using mentor::testutil::contains;

using namespace mentor::core;
using mentor::store::parse_document;
using mentor::util::Date;

namespace {

bool has_line(const std::string& text, const std::string& line)
{
  for (auto l : mentor::util::split_lines(text)) {
    if (l == line) {
      return true;
    }
  }
  return false;
}

bool has_line_starting(const std::string& text, const std::string& start)
{
  for (auto l : mentor::util::split_lines(text)) {
    if (l.starts_with(start)) {
      return true;
    }
  }
  return false;
}

Person person_back(const std::string& text)
{
  Problems problems;
  Person p = build_person(parse_document("people/x.yaml", text), "x", problems);
  CHECK(problems.list().empty());
  return p;
}

Pairing pairing_back(const std::string& text)
{
  Problems problems;
  Pairing p = build_pairing(parse_document("pairings/x--y.yaml", text), "x--y", problems);
  CHECK(problems.list().empty());
  return p;
}

NewPairing sample_pairing()
{
  NewPairing p;
  p.mentor = "phil-rumens";
  p.mentee = "zoe-nunez";
  p.mentor_name = "Phil Rumens";
  p.mentee_name = "Zoë Núñez";
  p.kind = Kind::coaching;
  p.started = Date::from_ymd(2026, 1, 5);
  p.until = Date::from_ymd(2026, 3, 31);
  p.cadence = "2w";
  p.duration = "1h";
  p.paid = true;
  p.sponsor = "City Library";
  p.goals = {NewGoal{"g1", "Chair team meetings confidently"}, NewGoal{"g2", "Delegate"}};
  return p;
}

} // namespace

TEST_SUITE("core::templates")
{
  TEST_CASE("config_text")
  {
    const std::string text = config_text("phil-rumens");
    Problems problems;
    const Config c = build_config(parse_document("mentor.yaml", text), problems);
    CHECK(problems.list().empty());
    CHECK(c.version == 1);
    CHECK(c.me == "phil-rumens");
    CHECK(c.default_kind == Kind::coaching);
    CHECK(c.default_duration == 60);
    CHECK(c.default_cadence == 28);
    CHECK_FALSE(c.git_commit);
    CHECK(contains(text, "\n# git:\n#   commit: true "));

    SUBCASE("typed values are plain, comments line up, the file starts with a comment")
    {
      CHECK(text.starts_with("# "));
      CHECK(has_line(text, "version: 1"));
      CHECK(has_line(text, "me: phil-rumens                 # you: your own file in people/"));
      CHECK(has_line(text, "defaults:"));
      CHECK(has_line_starting(text, "  kind: coaching"));
      CHECK(has_line_starting(text, "  duration: 60m "));
      CHECK(has_line_starting(text, "  cadence: 4w "));
      CHECK(text.ends_with("\n"));
      for (auto line : mentor::util::split_lines(text)) {
        const auto hash = line.find(" # ");
        if (!line.starts_with("#") && hash != std::string_view::npos) {
          CAPTURE(line);
          CHECK(line.find("# ") == 32u);
        }
      }
    }
  }

  TEST_CASE("person_text")
  {
    SUBCASE("a name only")
    {
      const std::string text = person_text(NewPerson{"Zoë Núñez", "", "", "", {}, ""});
      CHECK(has_line(text, "name: Zoë Núñez"));
      CHECK_FALSE(contains(text, "email"));
      CHECK_FALSE(has_line_starting(text, "tags"));
      CHECK_FALSE(has_line_starting(text, "notes"));
      CHECK(has_line_starting(text, "# pseudonym:"));
      const Person p = person_back(text);
      CHECK(p.name == "Zoë Núñez");
      CHECK(p.pseudonym.empty());
    }
    SUBCASE("every field")
    {
      const NewPerson asked{"Alice Smith", "alice@example.org", "City Library", "Team lead",
                            {"library", "new-manager"}, "Promoted in March.\nLikes lists."};
      const std::string text = person_text(asked);
      CHECK(has_line(text, "email: alice@example.org"));
      CHECK(has_line(text, "organisation: City Library"));
      CHECK(has_line(text, "tags: [library, new-manager]"));
      CHECK(contains(text, "notes: |\n  Promoted in March.\n  Likes lists.\n"));
      const Person p = person_back(text);
      CHECK(p.name == asked.name);
      CHECK(p.email == asked.email);
      CHECK(p.organisation == asked.organisation);
      CHECK(p.role == asked.role);
      CHECK(p.tags == asked.tags);
      CHECK(p.notes == asked.notes);
    }
    SUBCASE("hostile text is quoted and reads back exactly")
    {
      const NewPerson asked{"Yes",        "no",   "a: b # c",
                            "#1 fan",     {"x,y", "on", "why?", "[z]", "- d"},
                            "  indented\n---\n# heading\nkey: value"};
      const std::string text = person_text(asked);
      CHECK(has_line(text, "name: \"Yes\""));
      CHECK(has_line(text, "email: \"no\""));
      CHECK(has_line(text, "role: \"#1 fan\""));
      CHECK(has_line(text, "tags: [\"x,y\", \"on\", \"why?\", \"[z]\", \"- d\"]"));
      const Person p = person_back(text);
      CHECK(p.name == asked.name);
      CHECK(p.email == asked.email);
      CHECK(p.organisation == asked.organisation);
      CHECK(p.role == asked.role);
      CHECK(p.tags == asked.tags);
      CHECK(p.notes == asked.notes);
    }
    SUBCASE("a one-line note stays on the key's line")
    {
      const std::string text = person_text(NewPerson{"Bo", "", "", "", {}, "Met at the library"});
      CHECK(has_line(text, "notes: Met at the library"));
      CHECK(person_back(text).notes == "Met at the library");
    }
  }

  TEST_CASE("pairing_text")
  {
    SUBCASE("reads back as exactly what was asked")
    {
      const NewPairing asked = sample_pairing();
      const std::string text = pairing_text(asked);
      const Pairing p = pairing_back(text);
      CHECK(p.mentor == "phil-rumens");
      CHECK(p.mentee == "zoe-nunez");
      CHECK(p.kind == Kind::coaching);
      CHECK(p.status == Status::active);
      CHECK(p.started == asked.started);
      CHECK(p.until == asked.until);
      CHECK_FALSE(p.ended.has_value());
      CHECK(p.cadence == 14);
      CHECK(p.duration == 60);
      CHECK(p.paid);
      CHECK(p.sponsor == "City Library");
      REQUIRE(p.goals.size() == 2);
      CHECK(p.goals[0].id == "g1");
      CHECK(p.goals[0].title == "Chair team meetings confidently");
      CHECK(p.goals[0].status == GoalStatus::open);
      CHECK(p.goals[1].id == "g2");
      CHECK(p.sessions.empty());
    }
    SUBCASE("typed values are plain, and the layout is the documented one")
    {
      const std::string text = pairing_text(sample_pairing());
      CHECK(text.starts_with("# coaching: Phil Rumens and Zoë Núñez (coach and coachee).\n"));
      CHECK(has_line_starting(text, "mentor: phil-rumens"));
      CHECK(has_line_starting(text, "started: 2026-01-05"));
      CHECK(has_line_starting(text, "until: 2026-03-31 "));
      CHECK(has_line_starting(text, "cadence: 2w "));
      CHECK(has_line_starting(text, "duration: 1h "));
      CHECK(has_line_starting(text, "paid: true "));
      CHECK(contains(text, "goals:\n  - id: g1\n    title: Chair team meetings confidently\n    status: open\n"));
      CHECK(text.ends_with("sessions:                       # oldest first; `mentor log` appends here\n"));
    }
    SUBCASE("pro bono, as needed, no goals, no end date, no sponsor")
    {
      NewPairing asked = sample_pairing();
      asked.paid = false;
      asked.cadence = "none";
      asked.duration = "45m";
      asked.until.reset();
      asked.sponsor.clear();
      asked.goals.clear();
      asked.kind = Kind::supervision;
      const std::string text = pairing_text(asked);
      CHECK(has_line_starting(text, "paid: false "));
      CHECK(has_line_starting(text, "cadence: none "));
      CHECK(has_line(text, "goals: []"));
      CHECK_FALSE(has_line_starting(text, "until"));
      CHECK_FALSE(has_line_starting(text, "sponsor"));
      CHECK(contains(text, "(supervisor and supervisee)"));
      const Pairing p = pairing_back(text);
      CHECK_FALSE(p.paid);
      CHECK(p.cadence == 0);
      CHECK(p.duration == 45);
      CHECK(p.kind == Kind::supervision);
      CHECK_FALSE(p.until.has_value());
      CHECK(p.goals.empty());
    }
    SUBCASE("every kind reads back")
    {
      for (auto kind : {Kind::coaching, Kind::mentoring, Kind::peer, Kind::shadowing, Kind::supervision}) {
        NewPairing asked = sample_pairing();
        asked.kind = kind;
        const std::string text = pairing_text(asked);
        CHECK(text.starts_with("# " + std::string(to_string(kind)) + ": "));
        CHECK(pairing_back(text).kind == kind);
      }
    }
    SUBCASE("hostile sponsors and goals are quoted and read back")
    {
      for (const std::string hostile : {"yes", "no", "- x", "a # b", "a: b", "[x]", "{y}", "007", "~", "null", " pad ",
                                        "it's \"quoted\"", "#hash", "why?", "line\nbreak", "ends with colon:"}) {
        CAPTURE(hostile);
        NewPairing asked = sample_pairing();
        asked.sponsor = hostile;
        asked.goals = {NewGoal{"g1", hostile}, NewGoal{"g2", "plain"}};
        const Pairing p = pairing_back(pairing_text(asked));
        CHECK(p.sponsor == hostile);
        REQUIRE(p.goals.size() == 2);
        CHECK(p.goals[0].title == hostile);
        CHECK(p.goals[1].title == "plain");
      }
    }
    SUBCASE("names with line breaks cannot add keys through the header comment")
    {
      NewPairing asked = sample_pairing();
      asked.mentor_name = "Evil\nsponsor: Mallory";
      asked.mentee_name = "Also\r\nstatus: ended\xE2\x80\xA8outcome: x\xC2\x85" "ended: 2026-01-01";
      asked.sponsor.clear();
      const std::string text = pairing_text(asked);
      CHECK_FALSE(has_line_starting(text, "sponsor"));
      CHECK(mentor::util::split_lines(text).front().starts_with("# coaching: Evil sponsor: Mallory and Also"));
      const Pairing p = pairing_back(text);
      CHECK(p.sponsor.empty());
      CHECK(p.status == Status::active);
      CHECK(p.outcome.empty());
      CHECK_FALSE(p.ended.has_value());
    }
    SUBCASE("`mentor log` can append to the new file")
    {
      const std::string text = pairing_text(sample_pairing());
      const auto doc = parse_document("pairings/x--y.yaml", text);
      mentor::store::Patch patch(doc);
      NewSession s;
      s.date = Date::from_ymd(2026, 1, 12);
      s.duration = 60;
      s.notes = "First.";
      patch.append_to_top_sequence("sessions", session_node(s));
      const std::string after = patch.result();
      CHECK(after == text + "  - date: 2026-01-12\n    duration: 1h\n    type: session\n    notes: First.\n");
      const Pairing p = pairing_back(after);
      REQUIRE(p.sessions.size() == 1);
      CHECK(p.sessions[0].notes == "First.");
    }
  }
}
