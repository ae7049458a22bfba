#include "mentor/render/list.hpp"
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

core::Person person(std::string slug, std::string name, std::string org = {}, std::string role = {})
{
  core::Person p;
  p.slug = std::move(slug);
  p.name = std::move(name);
  p.organisation = std::move(org);
  p.role = std::move(role);
  return p;
}

core::Session session_on(Date date)
{
  core::Session s;
  s.date = date;
  return s;
}

core::Records sample()
{
  core::Records records;
  records.config.me = "phil-rumens";
  records.people.push_back(person("aisha", "Aisha Rahman", "City Library", "Team lead"));
  records.people.push_back(person("phil-rumens", "Phil Rumens"));
  records.people.push_back(person("zoe-nunez", "Zoë Núñez", "Biblioteca", ""));

  core::Pairing coaching;
  coaching.slug = "phil-rumens--zoe-nunez";
  coaching.mentor = "phil-rumens";
  coaching.mentee = "zoe-nunez";
  coaching.started = Date::from_ymd(2026, 1, 5);
  coaching.sessions.push_back(session_on(Date::from_ymd(2026, 1, 12)));
  coaching.sessions.push_back(session_on(Date::from_ymd(2026, 2, 9)));
  records.pairings.push_back(coaching);

  core::Pairing mentoring;
  mentoring.slug = "aisha--phil-rumens";
  mentoring.mentor = "aisha";
  mentoring.mentee = "phil-rumens";
  mentoring.kind = core::Kind::mentoring;
  mentoring.status = core::Status::paused;
  mentoring.started = Date::from_ymd(2025, 9, 1);
  records.pairings.push_back(mentoring);
  return records;
}

const render::Style k_plain(false);

} // namespace

TEST_SUITE("render::list")
{
  TEST_CASE("people_table")
  {
    const auto records = sample();
    const auto out = render::people_table(records, k_plain);
    const auto lines = lines_of(out);
    REQUIRE(lines.size() == 4);

    SUBCASE("a header, then one line per person in order")
    {
      CHECK(lines[0] == "ID           NAME              ORGANISATION  ROLE");
      CHECK(lines[1].starts_with("aisha        Aisha Rahman"));
      CHECK(lines[1].ends_with("City Library  Team lead"));
      CHECK(lines[2].starts_with("phil-rumens  "));
      CHECK(lines[3].starts_with("zoe-nunez    Zoë Núñez"));
      CHECK(lines[3].ends_with("Biblioteca"));
    }
    SUBCASE("(me) marks only the person who is me")
    {
      CHECK(lines[2] == "phil-rumens  Phil Rumens (me)");
      CHECK(lines[1].find("(me)") == std::string::npos);
      CHECK(lines[3].find("(me)") == std::string::npos);
    }
    SUBCASE("no (me) when me is someone else or nobody")
    {
      auto others = records;
      others.config.me = "someone-else";
      CHECK(render::people_table(others, k_plain).find("(me)") == std::string::npos);
      others.config.me.clear();
      CHECK(render::people_table(others, k_plain).find("(me)") == std::string::npos);
    }
    SUBCASE("no trailing spaces, no escapes without colour")
    {
      for (const auto& line : lines) {
        CHECK_FALSE(line.ends_with(" "));
      }
      CHECK(out.find('\x1b') == std::string::npos);
      CHECK(render::people_table(records, render::Style(true)).find("\x1b[1m") != std::string::npos);
    }
  }

  TEST_CASE("people_table with nobody")
  {
    core::Records records;
    CHECK(render::people_table(records, k_plain) == "No people yet: add someone with `mentor add NAME`.\n");
  }

  TEST_CASE("a long id is never clipped, the line still fits")
  {
    core::Records records;
    const std::string slug = "a-long-person-id-that-someone-chose";
    records.people.push_back(person(slug, std::string(40, 'N'), std::string(30, 'O'), std::string(30, 'R')));
    const auto lines = lines_of(render::people_table(records, k_plain));
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].starts_with(slug + "  "));
    CHECK(util::display_width(lines[1]) <= 80);
  }

  TEST_CASE("pairings_table")
  {
    const auto records = sample();
    const auto lines = lines_of(render::pairings_table(records, k_plain));
    REQUIRE(lines.size() == 3);

    SUBCASE("id, kind, status, started, sessions, last session")
    {
      CHECK(lines[0] == "ID                      KIND       STATUS  STARTED     SESSIONS  LAST");
      CHECK(lines[1] == "phil-rumens--zoe-nunez  coaching   active  2026-01-05  2         2026-02-09");
    }
    SUBCASE("no sessions: zero and a dash")
    {
      CHECK(lines[2] == "aisha--phil-rumens      mentoring  paused  2025-09-01  0         -");
    }
  }

  TEST_CASE("pairings_table with none")
  {
    auto records = sample();
    records.pairings.clear();
    CHECK(render::pairings_table(records, k_plain) == "No pairings yet: start one with `mentor pair NAME`.\n");
  }
}
