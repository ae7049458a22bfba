#include "mentor/render/review.hpp"
#include "mentor/util/text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace mentor;
using core::Concern;
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

bool contains(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

void check_fits(const std::string& text, std::size_t width = 80)
{
  for (const auto& line : lines_of(text)) {
    CAPTURE(line);
    CHECK(util::display_width(line) <= width);
    CHECK_FALSE(line.ends_with(" "));
  }
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

core::Pairing pairing(std::string mentor, std::string mentee, core::Kind kind, std::optional<int> cadence)
{
  core::Pairing p;
  p.slug = mentor + "--" + mentee;
  p.mentor = std::move(mentor);
  p.mentee = std::move(mentee);
  p.kind = kind;
  p.status = core::Status::active;
  p.started = ymd(2025, 12, 1);
  p.cadence = cadence;
  return p;
}

// Me (Phil) coached by nobody, mentored by Aisha, coaching Zoë, Sam and Bo;
// Aisha also mentors Zoë (I am in neither role there).
core::Records people()
{
  core::Records records;
  records.config.me = "phil-rumens";
  records.config.default_duration = 60;
  records.config.default_cadence = 28;
  records.people.push_back(person("aisha", "Aisha Rahman"));
  records.people.push_back(person("bo", "Bo Chen"));
  records.people.push_back(person("phil-rumens", "Phil Rumens"));
  records.people.push_back(person("sam", "Sam Lee"));
  records.people.push_back(person("zoe-nunez", "Zoë Núñez"));
  records.pairings.push_back(pairing("aisha", "phil-rumens", core::Kind::mentoring, 7));
  records.pairings.push_back(pairing("aisha", "zoe-nunez", core::Kind::mentoring, 0));
  records.pairings.push_back(pairing("phil-rumens", "bo", core::Kind::coaching, std::nullopt));
  records.pairings.push_back(pairing("phil-rumens", "sam", core::Kind::coaching, 14));
  records.pairings.push_back(pairing("phil-rumens", "zoe-nunez", core::Kind::coaching, 14));
  return records;
}

const core::Pairing* find(const core::Records& records, const std::string& slug)
{
  const auto* p = records.pairing(slug);
  REQUIRE(p != nullptr);
  return p;
}

core::AttentionItem item(const core::Pairing* pairing, Concern concern, long days_late, Date due, Date since,
                         std::string id = {}, std::string text = {})
{
  return {pairing, concern, days_late, due, since, std::move(id), std::move(text)};
}

const render::Style k_plain(false);
const Date k_today = ymd(2026, 1, 20);

// The brief's pairing: coaching Zoë, with goals, actions, sessions and a review.
core::Records brief_records()
{
  auto records = people();
  auto& p = records.pairings.back();
  REQUIRE(p.slug == "phil-rumens--zoe-nunez");
  p.started = ymd(2026, 1, 5);
  p.until = ymd(2026, 6, 30);
  p.duration = 60;
  p.sponsor = "City Library";

  core::Goal g1;
  g1.id = "g1";
  g1.title = "Chair team meetings confidently";
  g1.measure = "Chairs 4 of the next 6 meetings";
  g1.due = ymd(2026, 3, 1);
  p.goals.push_back(g1);
  core::Goal g2;
  g2.id = "g2";
  g2.title = "Delegate the rota";
  g2.due = ymd(2026, 2, 1);
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
  s2.topics = {"delegation"};
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

  core::Session s3;
  s3.date = ymd(2026, 2, 20);
  s3.type = core::SessionType::review;
  s3.notes = "Halfway review: on track.";
  p.sessions.push_back(s3);
  return records;
}

const Date k_brief_today = ymd(2026, 3, 10);

} // namespace

TEST_SUITE("render::review")
{
  TEST_CASE("pairing_with: the other person, or both when I am in neither role")
  {
    const auto records = people();
    CHECK(render::pairing_with(records, *find(records, "phil-rumens--zoe-nunez")) == "Zoë Núñez");
    CHECK(render::pairing_with(records, *find(records, "aisha--phil-rumens")) == "Aisha Rahman");
    CHECK(render::pairing_with(records, *find(records, "aisha--zoe-nunez")) == "Aisha Rahman and Zoë Núñez");
    SUBCASE("a person without a file shows as the slug")
    {
      auto p = *find(records, "phil-rumens--zoe-nunez");
      p.mentee = "ghost";
      CHECK(render::pairing_with(records, p) == "ghost");
    }
  }

  TEST_CASE("attention_text: grouped by pairing, most urgent first, late column right-aligned")
  {
    const auto records = people();
    core::Attention attention;
    const auto* zoe = find(records, "phil-rumens--zoe-nunez");
    const auto* aisha = find(records, "aisha--phil-rumens");
    const auto* both = find(records, "aisha--zoe-nunez");
    attention.items.push_back(item(aisha, Concern::session_overdue, 11, ymd(2026, 1, 9), ymd(2026, 1, 2)));
    attention.items.push_back(item(zoe, Concern::session_overdue, 5, ymd(2026, 1, 15), ymd(2026, 1, 1)));
    attention.items.push_back(
        item(both, Concern::goal_overdue, 3, ymd(2026, 1, 17), ymd(2025, 12, 1), "g1", "Chair meetings"));
    attention.items.push_back(
        item(zoe, Concern::action_overdue, 1, ymd(2026, 1, 19), ymd(2026, 1, 1), "a1", "Draft an agenda"));
    attention.coming_up.push_back({find(records, "phil-rumens--sam"), ymd(2026, 1, 20), 0});
    attention.coming_up.push_back({both, ymd(2026, 1, 21), 1});
    attention.coming_up.push_back({find(records, "phil-rumens--bo"), ymd(2026, 1, 27), 7});

    const auto out = render::attention_text(records, attention, k_today, k_plain);
    CHECK(out == "Needs attention on 2026-01-20:\n"
                 "\n"
                 "Aisha Rahman  aisha--phil-rumens\n"
                 "  11 days late  session overdue: last 2026-01-02, every 1w\n"
                 "\n"
                 "Zoë Núñez  phil-rumens--zoe-nunez\n"
                 "   5 days late  session overdue: last 2026-01-01, every 2w\n"
                 "    1 day late  action a1 was due 2026-01-19: Draft an agenda\n"
                 "\n"
                 "Aisha Rahman and Zoë Núñez  aisha--zoe-nunez\n"
                 "   3 days late  goal g1 was due 2026-01-17: Chair meetings\n"
                 "\n"
                 "Coming up in the next 7 days:\n"
                 "  2026-01-20  today        Sam Lee  phil-rumens--sam\n"
                 "  2026-01-21  tomorrow     Aisha Rahman and Zoë Núñez  aisha--zoe-nunez\n"
                 "  2026-01-27  in 7 days    Bo Chen  phil-rumens--bo\n");
    check_fits(out);
  }

  TEST_CASE("attention_text: the late column is as wide as the widest entry")
  {
    const auto records = people();
    const auto* zoe = find(records, "phil-rumens--zoe-nunez");
    core::Attention attention;
    SUBCASE("one day only")
    {
      attention.items.push_back(item(zoe, Concern::action_overdue, 1, ymd(2026, 1, 19), ymd(2026, 1, 1), "a1", "x"));
      CHECK(render::attention_text(records, attention, k_today, k_plain)
            == "Needs attention on 2026-01-20:\n"
               "\n"
               "Zoë Núñez  phil-rumens--zoe-nunez\n"
               "  1 day late  action a1 was due 2026-01-19: x\n");
    }
    SUBCASE("hundreds of days")
    {
      attention.items.push_back(item(zoe, Concern::no_review, 120, ymd(2025, 9, 22), ymd(2025, 3, 22)));
      attention.items.push_back(item(zoe, Concern::action_overdue, 2, ymd(2026, 1, 18), ymd(2026, 1, 1), "a1", "x"));
      const auto out = render::attention_text(records, attention, k_today, k_plain);
      CHECK(has_line(out, "  120 days late  coaching since 2025-03-22 with no review yet"));
      CHECK(has_line(out, "    2 days late  action a1 was due 2026-01-18: x"));
    }
  }

  TEST_CASE("attention_text: every concern has its own words")
  {
    const auto records = people();
    const auto* zoe = find(records, "phil-rumens--zoe-nunez");
    const auto* bo = find(records, "phil-rumens--bo");
    core::Attention attention;
    attention.items.push_back(item(zoe, Concern::no_review, 9, ymd(2026, 1, 11), ymd(2025, 7, 11)));
    attention.items.push_back(item(bo, Concern::no_first_session, 8, ymd(2026, 1, 12), ymd(2025, 12, 15)));
    attention.items.push_back(
        item(zoe, Concern::action_stale, 7, ymd(2026, 1, 13), ymd(2025, 12, 16), "a2", "Read the book"));
    attention.items.push_back(item(zoe, Concern::past_planned_end, 6, ymd(2026, 1, 14), ymd(2025, 7, 11)));
    // mentor.yaml's cadence (4 weeks) when the pairing has none.
    attention.items.push_back(item(bo, Concern::session_overdue, 2, ymd(2026, 1, 18), ymd(2025, 12, 21)));
    const auto out = render::attention_text(records, attention, k_today, k_plain);
    CHECK(has_line(out, "  9 days late  coaching since 2025-07-11 with no review yet"));
    CHECK(has_line(out, "  8 days late  no session yet since it started on 2025-12-15"));
    CHECK(has_line(out, "  7 days late  action a2 open since 2025-12-16, no due date: Read the book"));
    CHECK(has_line(out, "  6 days late  still active after its planned end, 2026-01-14"));
    CHECK(has_line(out, "  2 days late  session overdue: last 2025-12-21, every 4w"));
    // Zoë's group (her most urgent item came first), then Bo's.
    CHECK(out.find("Zoë Núñez  phil-rumens--zoe-nunez") < out.find("Bo Chen  phil-rumens--bo"));
    const auto bo_group = out.substr(out.find("Bo Chen  phil-rumens--bo"));
    CHECK(contains(bo_group, "no session yet"));
    CHECK_FALSE(contains(bo_group, "no review"));
  }

  TEST_CASE("attention_text: long lines are clipped to 80 columns")
  {
    const auto records = people();
    const auto* zoe = find(records, "phil-rumens--zoe-nunez");
    core::Attention attention;
    const std::string text = "Ask Zoë’s whole team, one by one, what they would change about the Tuesday "
                             "meeting and why";
    attention.items.push_back(item(zoe, Concern::action_overdue, 12, ymd(2026, 1, 8), ymd(2026, 1, 1), "a1", text));
    attention.items.push_back(item(zoe, Concern::goal_overdue, 3, ymd(2026, 1, 17), ymd(2026, 1, 1), "g1",
                                   "张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟"));
    const auto out = render::attention_text(records, attention, k_today, k_plain);
    check_fits(out);
    const auto lines = lines_of(out);
    REQUIRE(lines.size() == 5);
    CHECK(lines[3].starts_with("  12 days late  action a1 was due 2026-01-08: Ask Zoë’s whole team"));
    CHECK(lines[3].ends_with("…"));
    CHECK(util::display_width(lines[3]) == 80);
    CHECK(lines[4].starts_with("   3 days late  goal g1 was due 2026-01-17: 张伟"));
    CHECK(lines[4].ends_with("…"));
    CHECK(util::display_width(lines[4]) >= 79);
    CHECK(util::find_invalid_utf8(out) == std::nullopt);
  }

  TEST_CASE("headings: the pairing's id on a line of its own when the name leaves no room")
  {
    auto records = people();
    const auto* mine = find(records, "aisha--phil-rumens");  // "with" is Aisha's name alone
    core::Attention attention;
    attention.items.push_back(item(mine, Concern::session_overdue, 2, ymd(2026, 1, 18), ymd(2026, 1, 4)));
    SUBCASE("just fits: 60 + 2 + 18 columns")
    {
      records.people[0].name = std::string(59, 'a') + "é";
      const auto out = render::attention_text(records, attention, k_today, k_plain);
      CHECK(has_line(out, records.people[0].name + "  aisha--phil-rumens"));
      check_fits(out);
    }
    SUBCASE("one column more")
    {
      records.people[0].name = std::string(60, 'a') + "é";
      const auto out = render::attention_text(records, attention, k_today, k_plain);
      CHECK(contains(out, "\n" + records.people[0].name + "\n  aisha--phil-rumens\n"));
      check_fits(out);
    }
    SUBCASE("a name wider than the screen is clipped")
    {
      records.people[0].name = std::string(100, 'a');
      const auto out = render::attention_text(records, attention, k_today, k_plain);
      CHECK(contains(out, "\n" + std::string(79, 'a') + "…\n  aisha--phil-rumens\n"));
      check_fits(out);
    }
    SUBCASE("the brief's title too")
    {
      records.people[0].name = "Aisha Rahman-Featherstonehaugh-Cholmondeley";
      const auto brief = core::brief(records, *mine, k_today);
      auto out = render::brief_text(records, brief, k_today, k_plain);
      CHECK(out.starts_with("Aisha Rahman-Featherstonehaugh-Cholmondeley: mentoring since 2025-12-01\n"
                            "  aisha--phil-rumens\n"
                            "  Aisha Rahman-Featherstonehaugh-Cholmondeley (mentor) with Phil Rumens (mentee)\n"));
      check_fits(out);
      records.people[0].name += " of the Royal Borough of Kensington";
      out = render::brief_text(records, brief, k_today, k_plain);
      // 78 columns of name, then ": mentoring…" cut at 80.
      CHECK(out.starts_with("Aisha Rahman-Featherstonehaugh-Cholmondeley of the Royal Borough of Kensington:…\n"
                            "  aisha--phil-rumens\n"));
      check_fits(out);
    }
  }

  TEST_CASE("attention_text: nothing needs attention")
  {
    const auto records = people();
    core::Attention attention;
    SUBCASE("and nothing coming up: one line")
    {
      CHECK(render::attention_text(records, attention, k_today, k_plain) == "Nothing needs attention on 2026-01-20.\n");
      // No colour codes even with colour on: nothing to highlight.
      CHECK(render::attention_text(records, attention, k_today, render::Style(true))
            == "Nothing needs attention on 2026-01-20.\n");
    }
    SUBCASE("with something coming up")
    {
      attention.coming_up.push_back({find(records, "phil-rumens--sam"), ymd(2026, 1, 23), 3});
      CHECK(render::attention_text(records, attention, k_today, k_plain)
            == "Nothing needs attention on 2026-01-20.\n"
               "\n"
               "Coming up in the next 7 days:\n"
               "  2026-01-23  in 3 days    Sam Lee  phil-rumens--sam\n");
    }
  }

  TEST_CASE("attention_text: colour marks the title, names, slugs and lateness")
  {
    const auto records = people();
    core::Attention attention;
    attention.items.push_back(item(find(records, "phil-rumens--sam"), Concern::session_overdue, 2, ymd(2026, 1, 18),
                                   ymd(2026, 1, 4)));
    const auto out = render::attention_text(records, attention, k_today, render::Style(true));
    CHECK(contains(out, "\x1b[1mNeeds attention on 2026-01-20:\x1b[0m\n"));
    CHECK(contains(out, "\x1b[1mSam Lee\x1b[0m  \x1b[2mphil-rumens--sam\x1b[0m\n"));
    CHECK(contains(out, "  \x1b[31m2 days late\x1b[0m  session overdue"));
  }

  TEST_CASE("attention_json: every item and what is coming up")
  {
    const auto records = people();
    core::Attention attention;
    attention.items.push_back(item(find(records, "aisha--zoe-nunez"), Concern::goal_overdue, 3, ymd(2026, 1, 17),
                                   ymd(2025, 12, 1), "g1", "Chair \"all\" meetings"));
    attention.items.push_back(item(find(records, "phil-rumens--zoe-nunez"), Concern::session_overdue, 1,
                                   ymd(2026, 1, 19), ymd(2026, 1, 5)));
    attention.coming_up.push_back({find(records, "phil-rumens--sam"), ymd(2026, 1, 22), 2});
    CHECK(render::attention_json(records, attention, k_today)
          == "{\n"
             "  \"today\": \"2026-01-20\",\n"
             "  \"attention\": [\n"
             "    {\n"
             "      \"pairing\": \"aisha--zoe-nunez\",\n"
             "      \"with\": \"Aisha Rahman and Zoë Núñez\",\n"
             "      \"concern\": \"goal_overdue\",\n"
             "      \"days_late\": 3,\n"
             "      \"due\": \"2026-01-17\",\n"
             "      \"since\": \"2025-12-01\",\n"
             "      \"id\": \"g1\",\n"
             "      \"text\": \"Chair \\\"all\\\" meetings\",\n"
             "      \"message\": \"goal g1 was due 2026-01-17: Chair \\\"all\\\" meetings\"\n"
             "    },\n"
             "    {\n"
             "      \"pairing\": \"phil-rumens--zoe-nunez\",\n"
             "      \"with\": \"Zoë Núñez\",\n"
             "      \"concern\": \"session_overdue\",\n"
             "      \"days_late\": 1,\n"
             "      \"due\": \"2026-01-19\",\n"
             "      \"since\": \"2026-01-05\",\n"
             "      \"id\": null,\n"
             "      \"text\": null,\n"
             "      \"message\": \"session overdue: last 2026-01-05, every 2w\"\n"
             "    }\n"
             "  ],\n"
             "  \"coming_up\": [\n"
             "    {\n"
             "      \"pairing\": \"phil-rumens--sam\",\n"
             "      \"with\": \"Sam Lee\",\n"
             "      \"due\": \"2026-01-22\",\n"
             "      \"in_days\": 2\n"
             "    }\n"
             "  ]\n"
             "}\n");
  }

  TEST_CASE("attention_json: nothing at all")
  {
    CHECK(render::attention_json(people(), {}, k_today)
          == "{\n"
             "  \"today\": \"2026-01-20\",\n"
             "  \"attention\": [],\n"
             "  \"coming_up\": []\n"
             "}\n");
  }

  TEST_CASE("brief_text: every section, within 80 columns")
  {
    const auto records = brief_records();
    const auto& pairing = records.pairings.back();
    const auto brief = core::brief(records, pairing, k_brief_today);
    const auto out = render::brief_text(records, brief, k_brief_today, k_plain);
    CAPTURE(out);
    check_fits(out);

    CHECK(out.starts_with("Zoë Núñez: coaching since 2026-01-05  phil-rumens--zoe-nunez\n"
                          "  Phil Rumens (coach) with Zoë Núñez (coachee)\n"
                          "  active, planned until 2026-06-30; every 2w; 1h sessions\n"
                          "  sponsor: City Library\n"));
    SUBCASE("goals, a late one marked")
    {
      CHECK(contains(out, "\nGoals\n"
                          "  g1   open      Chair team meetings confidently (due 2026-03-01, 9 days late)\n"
                          "  g2   achieved  Delegate the rota (due 2026-02-01)\n"));
    }
    SUBCASE("open actions, oldest first, a long one wrapped under its text")
    {
      const auto start = out.find("\nOpen actions\n");
      REQUIRE(start != std::string::npos);
      const auto section = out.substr(start, out.find("\nTotals\n") - start);
      CHECK(contains(section, "  a2   Ask Sam to chair once: agreed 2026-01-26 (43 days ago), due 2026-02-02"));
      CHECK(contains(section, "       (36 days late)\n"));
      CHECK(contains(section, "  a3   Read the book: agreed 2026-01-26 (43 days ago)\n"));
      CHECK(section.find("a2") < section.find("a3"));
      // a1 is done.
      CHECK_FALSE(contains(section, "a1"));
    }
    SUBCASE("totals: a review without a duration counts for no time and no meeting")
    {
      CHECK(contains(out, "\nTotals\n"
                          "  2 sessions, 2.50 hours, one every 14 days on average\n"
                          "  last 2026-01-26 (43 days ago); next was due 2026-02-09 (29 days ago)\n"));
    }
    SUBCASE("the last three entries, newest first; a review shown without a duration")
    {
      CHECK(contains(out, "\nLast sessions\n"
                          "  2026-02-20  review\n"
                          "    Halfway review: on track.\n"
                          "  2026-01-26  1h30m  session  [delegation]\n"
                          "    Went well.\n"
                          "    Second line.\n"
                          "  2026-01-12  1h  session  [delegation, influence]\n"
                          "    Mapped her stakeholders. Biggest worry: the Tuesday meeting.\n"));
    }
    SUBCASE("topics")
    {
      CHECK(out.ends_with("\nTopics\n"
                          "  delegation (2), influence (1)\n"));
    }
  }

  TEST_CASE("brief_text: a review with a duration shows it")
  {
    auto records = brief_records();
    records.pairings.back().sessions.back().duration = 30;
    const auto& pairing = records.pairings.back();
    const auto out =
        render::brief_text(records, core::brief(records, pairing, k_brief_today), k_brief_today, k_plain);
    CHECK(has_line(out, "  2026-02-20  30m  review"));
    CHECK(contains(out, "\n  3 sessions, 3.00 hours, one every "));
  }

  TEST_CASE("brief_text: long text stays within 80 columns")
  {
    auto records = brief_records();
    auto& p = records.pairings.back();
    const std::string words = "Chair the weekly team meeting without notes, hand the rota to Sam, and ask the "
                              "whole team, one by one, what they would change about how the library runs — "
                              "张伟 agreed 🎉";
    p.goals[0].title = words;
    p.sessions[1].actions[0].text = words;
    p.sessions[1].notes = words + "\n" + words;
    p.sessions[1].topics = {words, "delegation"};
    p.sponsor = words;
    const auto out = render::brief_text(records, core::brief(records, p, k_brief_today), k_brief_today, k_plain);
    CAPTURE(out);
    check_fits(out);
    CHECK(util::find_invalid_utf8(out) == std::nullopt);
    // Wrapped, not cut: the last word of each long text is there: sponsor,
    // goal, action, the note's two lines and the topics (the session's head
    // line is clipped, so its topic list is not).
    std::size_t parties = 0;
    for (auto at = out.find("🎉"); at != std::string::npos; at = out.find("🎉", at + 1)) {
      ++parties;
    }
    CHECK(parties == 6);
  }

  TEST_CASE("brief_text: a fresh pairing, from the other side, and an ended one")
  {
    auto records = people();
    SUBCASE("no sessions yet: no open actions, the first session due")
    {
      auto& p = records.pairings[0];  // aisha--phil-rumens: Aisha mentors me
      p.started = ymd(2026, 3, 1);
      p.paid = false;
      const auto out = render::brief_text(records, core::brief(records, p, k_brief_today), k_brief_today, k_plain);
      CHECK(out.starts_with("Aisha Rahman: mentoring since 2026-03-01  aisha--phil-rumens\n"
                            "  Aisha Rahman (mentor) with Phil Rumens (mentee)\n"
                            "  active; every 1w; 1h sessions; pro bono\n"));
      CHECK(contains(out, "\nOpen actions\n  none\n"));
      CHECK(contains(out, "\nTotals\n  0 sessions, 0.00 hours\n  next was due 2026-03-08 (2 days ago)\n"));
      CHECK_FALSE(contains(out, "Goals"));
      CHECK_FALSE(contains(out, "Last session"));
      CHECK_FALSE(contains(out, "Topics"));
      check_fits(out);
    }
    SUBCASE("the first session due ahead, or due today")
    {
      auto& p = records.pairings[0];
      p.started = ymd(2026, 3, 1);
      const Date early = ymd(2026, 3, 5);
      CHECK(contains(render::brief_text(records, core::brief(records, p, early), early, k_plain),
                     "\nTotals\n  0 sessions, 0.00 hours\n  next due 2026-03-08 (in 3 days)\n"));
      const Date on_the_day = ymd(2026, 3, 8);
      CHECK(contains(render::brief_text(records, core::brief(records, p, on_the_day), on_the_day, k_plain),
                     "\n  next due 2026-03-08 (today)\n"));
      const Date eve = ymd(2026, 3, 7);
      CHECK(contains(render::brief_text(records, core::brief(records, p, eve), eve, k_plain),
                     "\n  next due 2026-03-08 (tomorrow)\n"));
    }
    SUBCASE("one session: singular headings")
    {
      auto& p = records.pairings[1];  // aisha--zoe-nunez: neither is me
      core::Session s;
      s.date = ymd(2026, 3, 9);
      p.sessions.push_back(s);
      const auto out = render::brief_text(records, core::brief(records, p, k_brief_today), k_brief_today, k_plain);
      CHECK(out.starts_with("Aisha Rahman and Zoë Núñez: mentoring since 2025-12-01  aisha--zoe-nunez\n"
                            "  Aisha Rahman (mentor) with Zoë Núñez (mentee)\n"
                            "  active; as needed; 1h sessions\n"));
      CHECK(contains(out, "\nTotals\n  1 session, 1.00 hours\n  last 2026-03-09 (yesterday)\n"));
      CHECK(contains(out, "\nLast session\n  2026-03-09  1h  session\n"));
    }
    SUBCASE("ended: no next due")
    {
      auto& p = records.pairings[3];  // phil-rumens--sam
      p.status = core::Status::ended;
      p.ended = ymd(2026, 3, 2);
      p.until = ymd(2026, 3, 31);
      core::Session s;
      s.date = ymd(2026, 3, 2);
      s.type = core::SessionType::closing;
      p.sessions.push_back(s);
      const auto out = render::brief_text(records, core::brief(records, p, k_brief_today), k_brief_today, k_plain);
      CHECK(has_line(out, "  ended on 2026-03-02; every 2w; 1h sessions"));
      CHECK(has_line(out, "  last 2026-03-02 (8 days ago)"));
      CHECK_FALSE(contains(out, "next due"));
    }
  }

  TEST_CASE("brief_json: a small pairing, nulls where nothing is known")
  {
    auto records = people();
    auto& p = records.pairings[1];  // aisha--zoe-nunez
    p.started = ymd(2026, 1, 1);
    p.paid = false;
    core::Session s;
    s.date = ymd(2026, 1, 5);
    s.type = core::SessionType::review;
    core::Action a;
    a.id = "a1";
    a.text = "Call Sam";
    s.actions.push_back(a);
    p.sessions.push_back(s);
    const Date today = ymd(2026, 1, 11);
    CHECK(render::brief_json(records, core::brief(records, p, today), today)
          == "{\n"
             "  \"today\": \"2026-01-11\",\n"
             "  \"pairing\": \"aisha--zoe-nunez\",\n"
             "  \"with\": \"Aisha Rahman and Zoë Núñez\",\n"
             "  \"mentor\": {\n"
             "    \"id\": \"aisha\",\n"
             "    \"name\": \"Aisha Rahman\"\n"
             "  },\n"
             "  \"mentee\": {\n"
             "    \"id\": \"zoe-nunez\",\n"
             "    \"name\": \"Zoë Núñez\"\n"
             "  },\n"
             "  \"kind\": \"mentoring\",\n"
             "  \"status\": \"active\",\n"
             "  \"started\": \"2026-01-01\",\n"
             "  \"until\": null,\n"
             "  \"ended\": null,\n"
             "  \"cadence\": \"none\",\n"
             "  \"cadence_days\": 0,\n"
             "  \"duration\": \"1h\",\n"
             "  \"paid\": false,\n"
             "  \"sponsor\": null,\n"
             "  \"goals\": [],\n"
             "  \"open_actions\": [\n"
             "    {\n"
             "      \"id\": \"a1\",\n"
             "      \"text\": \"Call Sam\",\n"
             "      \"agreed\": \"2026-01-05\",\n"
             "      \"age_days\": 6,\n"
             "      \"due\": null,\n"
             "      \"days_late\": null\n"
             "    }\n"
             "  ],\n"
             "  \"totals\": {\n"
             "    \"sessions\": 0,\n"
             "    \"minutes\": 0,\n"
             "    \"hours\": 0.00,\n"
             "    \"average_gap_days\": null,\n"
             "    \"last_session\": null,\n"
             "    \"next_due\": \"2026-01-29\"\n"
             "  },\n"
             "  \"recent_sessions\": [\n"
             "    {\n"
             "      \"date\": \"2026-01-05\",\n"
             "      \"type\": \"review\",\n"
             "      \"minutes\": 0,\n"
             "      \"topics\": [],\n"
             "      \"notes\": null,\n"
             "      \"actions\": [\n"
             "        {\n"
             "          \"id\": \"a1\",\n"
             "          \"text\": \"Call Sam\",\n"
             "          \"due\": null,\n"
             "          \"done\": null\n"
             "        }\n"
             "      ]\n"
             "    }\n"
             "  ],\n"
             "  \"topics\": []\n"
             "}\n");
  }

  TEST_CASE("brief_json: the full pairing")
  {
    const auto records = brief_records();
    const auto& p = records.pairings.back();
    const auto out = render::brief_json(records, core::brief(records, p, k_brief_today), k_brief_today);
    CHECK(contains(out, "  \"with\": \"Zoë Núñez\",\n"));
    CHECK(contains(out, "  \"until\": \"2026-06-30\",\n  \"ended\": null,\n"));
    CHECK(contains(out, "  \"cadence\": \"2w\",\n  \"cadence_days\": 14,\n  \"duration\": \"1h\",\n"
                        "  \"paid\": true,\n  \"sponsor\": \"City Library\",\n"));
    CHECK(contains(out, "      \"measure\": \"Chairs 4 of the next 6 meetings\",\n"
                        "      \"due\": \"2026-03-01\",\n"
                        "      \"status\": \"open\"\n"));
    CHECK(contains(out, "      \"id\": \"a2\",\n"
                        "      \"text\": \"Ask Sam to chair once\",\n"
                        "      \"agreed\": \"2026-01-26\",\n"
                        "      \"age_days\": 43,\n"
                        "      \"due\": \"2026-02-02\",\n"
                        "      \"days_late\": 36\n"));
    CHECK(contains(out, "  \"totals\": {\n"
                        "    \"sessions\": 2,\n"
                        "    \"minutes\": 150,\n"
                        "    \"hours\": 2.50,\n"
                        "    \"average_gap_days\": 14.0,\n"
                        "    \"last_session\": \"2026-01-26\",\n"
                        "    \"next_due\": \"2026-02-09\"\n"
                        "  },\n"));
    // Newest first; the review counts 0 minutes; notes keep their line breaks.
    CHECK(contains(out, "      \"date\": \"2026-02-20\",\n"
                        "      \"type\": \"review\",\n"
                        "      \"minutes\": 0,\n"));
    CHECK(out.find("\"2026-02-20\"") < out.find("\"date\": \"2026-01-26\""));
    CHECK(out.find("\"date\": \"2026-01-26\"") < out.find("\"date\": \"2026-01-12\""));
    CHECK(contains(out, "      \"notes\": \"Went well.\\nSecond line.\",\n"));
    CHECK(contains(out, "          \"done\": \"2026-01-18\"\n"));
    CHECK(contains(out, "  \"topics\": [\n"
                        "    {\n"
                        "      \"topic\": \"delegation\",\n"
                        "      \"count\": 2\n"
                        "    },\n"
                        "    {\n"
                        "      \"topic\": \"influence\",\n"
                        "      \"count\": 1\n"
                        "    }\n"
                        "  ]\n"
                        "}\n"));
  }

  TEST_CASE("brief_json: an ended pairing has no next_due")
  {
    auto records = people();
    auto& p = records.pairings[3];  // phil-rumens--sam
    p.status = core::Status::ended;
    p.ended = ymd(2026, 3, 2);
    core::Session s;
    s.date = ymd(2026, 3, 2);
    p.sessions.push_back(s);
    const auto out = render::brief_json(records, core::brief(records, p, k_brief_today), k_brief_today);
    CHECK(contains(out, "  \"status\": \"ended\",\n"));
    CHECK(contains(out, "  \"ended\": \"2026-03-02\",\n"));
    CHECK(contains(out, "    \"last_session\": \"2026-03-02\",\n    \"next_due\": null\n"));
  }
}
