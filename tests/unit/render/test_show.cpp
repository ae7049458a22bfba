#include "mentor/render/show.hpp"
#include "mentor/util/text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace mentor;
using mentor::util::Date;

namespace {

std::vector<std::string> lines_of(const std::string& text)
{
  std::vector<std::string> out;
  for (auto line : util::split_lines(text)) {
    out.emplace_back(line);
  }
  return out;
}

bool has_line(const std::string& text, const std::string& line)
{
  for (const auto& l : lines_of(text)) {
    if (l == line) {
      return true;
    }
  }
  return false;
}

Date ymd(int y, int m, int d)
{
  return Date::from_ymd(y, m, d);
}

core::Person person(std::string slug, std::string name)
{
  core::Person p;
  p.slug = std::move(slug);
  p.name = std::move(name);
  return p;
}

core::Records sample()
{
  core::Records records;
  records.config.me = "phil-rumens";
  records.config.default_duration = 60;
  records.config.default_cadence = 28;
  records.people.push_back(person("aisha", "Aisha Rahman"));
  records.people.push_back(person("phil-rumens", "Phil Rumens"));
  records.people.push_back(person("zoe-nunez", "Zoë Núñez"));

  core::Pairing p;
  p.slug = "phil-rumens--zoe-nunez";
  p.mentor = "phil-rumens";
  p.mentee = "zoe-nunez";
  p.kind = core::Kind::coaching;
  p.status = core::Status::active;
  p.started = ymd(2026, 1, 5);
  p.cadence = 14;
  p.duration = 60;

  core::Goal g1;
  g1.id = "g1";
  g1.title = "Chair team meetings confidently";
  g1.measure = "Chairs 4 of the next 6 meetings";
  g1.due = ymd(2026, 3, 1);
  p.goals.push_back(g1);
  core::Goal g2;
  g2.id = "g2";
  g2.title = "Delegate the rota";
  g2.status = core::GoalStatus::achieved;
  p.goals.push_back(g2);

  core::Session s1;
  s1.date = ymd(2026, 1, 12);
  s1.topics = {"delegation", "influence"};
  s1.notes = "Mapped her stakeholders. Biggest worry: the Tuesday meeting.";
  core::Action a1;
  a1.id = "a1";
  a1.text = "Draft an agenda for Tuesday";
  a1.due = ymd(2026, 1, 19);
  a1.done = ymd(2026, 1, 18);
  s1.actions.push_back(a1);
  p.sessions.push_back(s1);

  core::Session s2;
  s2.date = ymd(2026, 1, 26);
  s2.duration = 90;
  s2.type = core::SessionType::review;
  s2.notes = "Went well.\nSecond line.";
  core::Action a2;
  a2.id = "a2";
  a2.text = "Ask Sam to chair once";
  a2.due = ymd(2026, 2, 2);
  s2.actions.push_back(a2);
  core::Action a3;
  a3.id = "a3";
  a3.text = "Read the book";
  s2.actions.push_back(a3);
  p.sessions.push_back(s2);
  records.pairings.push_back(p);

  core::Pairing other;
  other.slug = "aisha--phil-rumens";
  other.mentor = "aisha";
  other.mentee = "phil-rumens";
  other.kind = core::Kind::mentoring;
  other.status = core::Status::ended;
  other.started = ymd(2025, 6, 1);
  other.ended = ymd(2025, 12, 1);
  records.pairings.push_back(other);
  return records;
}

const render::Style k_plain(false);

void check_fits(const std::string& text, std::size_t width = 80)
{
  for (const auto& line : lines_of(text)) {
    CAPTURE(line);
    CHECK(util::display_width(line) <= width);
    CHECK_FALSE(line.ends_with(" "));
  }
}

} // namespace

TEST_SUITE("render::show")
{
  TEST_CASE("pairing_details: who and the terms")
  {
    const auto records = sample();
    const auto& pairing = records.pairings[0];
    const auto out = render::pairing_details(records, pairing, k_plain);

    CHECK(out.starts_with("phil-rumens--zoe-nunez\n"));
    CHECK(has_line(out, "  mentor:       Phil Rumens (phil-rumens)"));
    CHECK(has_line(out, "  mentee:       Zoë Núñez (zoe-nunez)"));
    CHECK(has_line(out, "  kind:         coaching"));
    CHECK(has_line(out, "  status:       active"));
    CHECK(has_line(out, "  dates:        since 2026-01-05"));
    CHECK(has_line(out, "  cadence:      2w"));
    CHECK(has_line(out, "  duration:     1h"));
    CHECK(has_line(out, "  paid:         yes"));
    // 60 + 90 minutes.
    CHECK(has_line(out, "  sessions:     2 (2.50 hours)"));
    // Empty fields are left out.
    CHECK(out.find("sponsor:") == std::string::npos);
    CHECK(out.find("outcome:") == std::string::npos);
    check_fits(out);
  }

  TEST_CASE("pairing_details: dates, cadence, defaults and terms")
  {
    auto records = sample();
    auto pairing = records.pairings[0];

    SUBCASE("planned until")
    {
      pairing.until = ymd(2026, 3, 31);
      CHECK(has_line(render::pairing_details(records, pairing, k_plain),
                     "  dates:        since 2026-01-05, planned until 2026-03-31"));
    }
    SUBCASE("ended: from and to")
    {
      pairing.until = ymd(2026, 3, 31);
      pairing.ended = ymd(2026, 4, 2);
      pairing.status = core::Status::ended;
      pairing.outcome = "Goal reached";
      const auto out = render::pairing_details(records, pairing, k_plain);
      CHECK(has_line(out, "  dates:        2026-01-05 to 2026-04-02"));
      CHECK(has_line(out, "  status:       ended"));
      CHECK(has_line(out, "  outcome:      Goal reached"));
    }
    SUBCASE("cadence 0 is none")
    {
      pairing.cadence = 0;
      CHECK(has_line(render::pairing_details(records, pairing, k_plain), "  cadence:      none"));
    }
    SUBCASE("cadence and duration from mentor.yaml when the pairing has none")
    {
      pairing.cadence.reset();
      pairing.duration.reset();
      records.config.default_cadence = 10;
      records.config.default_duration = 45;
      const auto out = render::pairing_details(records, pairing, k_plain);
      CHECK(has_line(out, "  cadence:      10d"));
      CHECK(has_line(out, "  duration:     45m"));
      // 45 (the default) + 90 (the session's own).
      CHECK(has_line(out, "  sessions:     2 (2.25 hours)"));
    }
    SUBCASE("pro bono and a sponsor")
    {
      pairing.paid = false;
      pairing.sponsor = "City Library";
      const auto out = render::pairing_details(records, pairing, k_plain);
      CHECK(has_line(out, "  paid:         no (pro bono)"));
      CHECK(has_line(out, "  sponsor:      City Library"));
    }
    SUBCASE("hours are pro rata")
    {
      pairing.sessions.resize(1);
      pairing.sessions[0].duration = 50;
      CHECK(has_line(render::pairing_details(records, pairing, k_plain), "  sessions:     1 (0.83 hours)"));
    }
    SUBCASE("no sessions, no goals")
    {
      pairing.sessions.clear();
      pairing.goals.clear();
      const auto out = render::pairing_details(records, pairing, k_plain);
      CHECK(has_line(out, "  sessions:     0 (0.00 hours)"));
      CHECK(out.find("Goals") == std::string::npos);
      CHECK(out.find("Sessions") == std::string::npos);
    }
    SUBCASE("a mentor who is not in people/ shows as the slug")
    {
      pairing.mentor = "ghost";
      CHECK(has_line(render::pairing_details(records, pairing, k_plain), "  mentor:       ghost (ghost)"));
    }
  }

  TEST_CASE("pairing_details: goals")
  {
    const auto records = sample();
    const auto out = render::pairing_details(records, records.pairings[0], k_plain);
    CHECK(has_line(out, "Goals"));
    CHECK(has_line(out, "  g1   open      Chair team meetings confidently (due 2026-03-01)"));
    CHECK(has_line(out, "                  measure: Chairs 4 of the next 6 meetings"));
    CHECK(has_line(out, "  g2   achieved  Delegate the rota"));
    // g2 has no measure: the next thing after it is the Sessions block.
    CHECK(out.find("  g2   achieved  Delegate the rota\n\nSessions\n") != std::string::npos);

    SUBCASE("a long title wraps under itself")
    {
      auto pairing = records.pairings[0];
      pairing.goals[0].title = "Chair the weekly team meetings confidently, with an agenda sent the day before and "
                               "minutes the day after";
      const auto text = render::pairing_details(records, pairing, k_plain);
      check_fits(text);
      CHECK(text.find("  g1   open      Chair the weekly") != std::string::npos);
      CHECK(text.find("\n                 the day before and minutes the day after (due 2026-03-01)\n")
            != std::string::npos);
    }
  }

  TEST_CASE("pairing_details: sessions, notes and actions")
  {
    const auto records = sample();
    const auto out = render::pairing_details(records, records.pairings[0], k_plain);
    CHECK(has_line(out, "Sessions"));
    CHECK(has_line(out, "  2026-01-12  1h  session  [delegation, influence]"));
    CHECK(has_line(out, "    Mapped her stakeholders. Biggest worry: the Tuesday meeting."));
    CHECK(has_line(out, "    - a1 Draft an agenda for Tuesday (done 2026-01-18)"));
    CHECK(has_line(out, "  2026-01-26  1h30m  review"));
    CHECK(has_line(out, "    Went well."));
    CHECK(has_line(out, "    Second line."));
    CHECK(has_line(out, "    - a2 Ask Sam to chair once (open, due 2026-02-02)"));
    CHECK(has_line(out, "    - a3 Read the book (open)"));
    // Oldest first, as in the file.
    CHECK(out.find("2026-01-12") < out.find("2026-01-26"));
  }

  TEST_CASE("pairing_details: long notes wrap at 80 columns")
  {
    auto records = sample();
    auto& pairing = records.pairings[0];
    std::string notes;
    for (int i = 0; i < 30; ++i) {
      notes += "Zoë talked about the Tuesday meeting and 张伟's team 🎉 again. ";
    }
    notes += "\n\nSee https://example.org/" + std::string(150, 'u') + "\n  indented line stays indented";
    pairing.sessions[0].notes = notes;
    pairing.sessions[0].actions[0].text = std::string("Write to everyone who came ") + std::string(20, 'x')
                                          + " and ask what they would change about the meeting next time round";
    const auto out = render::pairing_details(records, pairing, k_plain);
    check_fits(out);

    // Every line of the notes is indented; an action's later lines line up
    // under its text instead of looking like another action.
    const auto lines = lines_of(out);
    std::size_t note_lines = 0;
    std::size_t bullets = 0;
    for (const auto& line : lines) {
      if (line.find("Tuesday meeting") != std::string::npos) {
        ++note_lines;
        CHECK(line.starts_with("    "));
      }
      if (line.starts_with("    - ")) {
        ++bullets;
      }
    }
    CHECK(note_lines > 10);
    CHECK(bullets == 3);
    CHECK(out.find("\n      change about the meeting next time round (done 2026-01-18)\n") != std::string::npos);
    CHECK(has_line(out, "      indented line stays indented"));
  }

  TEST_CASE("pairing_details: colour only when asked")
  {
    const auto records = sample();
    CHECK(render::pairing_details(records, records.pairings[0], k_plain).find('\x1b') == std::string::npos);
    const auto colored = render::pairing_details(records, records.pairings[0], render::Style(true));
    CHECK(colored.starts_with("\x1b[1mphil-rumens--zoe-nunez\x1b[0m\n"));
    CHECK(colored.find("\x1b[1mGoals\x1b[0m") != std::string::npos);
  }

  TEST_CASE("person_details")
  {
    auto records = sample();

    SUBCASE("their details, and a line per pairing")
    {
      auto& zoe = records.people[2];
      zoe.email = "zoe@example.org";
      zoe.organisation = "Biblioteca";
      zoe.role = "Team lead";
      zoe.pseudonym = "C-017";
      zoe.tags = {"library", "new-manager"};
      zoe.notes = "Promoted in March.";
      const auto out = render::person_details(records, zoe, k_plain);
      CHECK(out.starts_with("Zoë Núñez\n"));
      CHECK(has_line(out, "  id:           zoe-nunez"));
      CHECK(has_line(out, "  email:        zoe@example.org"));
      CHECK(has_line(out, "  organisation: Biblioteca"));
      CHECK(has_line(out, "  role:         Team lead"));
      CHECK(has_line(out, "  pseudonym:    C-017"));
      CHECK(has_line(out, "  tags:         library, new-manager"));
      CHECK(has_line(out, "  notes:"));
      CHECK(has_line(out, "    Promoted in March."));
      CHECK(has_line(out, "Pairings"));
      CHECK(has_line(out, "  phil-rumens--zoe-nunez  coaching by Phil Rumens, active, 2 sessions"));
      CHECK(out.find("aisha--phil-rumens") == std::string::npos);
    }
    SUBCASE("me: (me), the mentor of one pairing and the mentee of another")
    {
      const auto out = render::person_details(records, records.people[1], k_plain);
      CHECK(has_line(out, "  id:           phil-rumens (me)"));
      CHECK(has_line(out, "  phil-rumens--zoe-nunez  coaching of Zoë Núñez, active, 2 sessions"));
      // Slugs are padded so the pairing lines line up.
      CHECK(has_line(out, "  aisha--phil-rumens      mentoring by Aisha Rahman, ended, 0 sessions"));
    }
    SUBCASE("no pairings, no Pairings heading, empty fields left out")
    {
      records.people.push_back(person("nobody", "No Body"));
      const auto out = render::person_details(records, records.people.back(), k_plain);
      CHECK(out == "No Body\n  id:           nobody\n");
    }
    SUBCASE("no name: the slug is the heading")
    {
      records.people.push_back(person("anon", ""));
      CHECK(render::person_details(records, records.people.back(), k_plain).starts_with("anon\n"));
    }
    SUBCASE("long notes wrap at 80 columns")
    {
      auto& zoe = records.people[2];
      for (int i = 0; i < 20; ++i) {
        zoe.notes += "Very capable, a little anxious about chairing. ";
      }
      check_fits(render::person_details(records, zoe, k_plain));
    }
  }
}
