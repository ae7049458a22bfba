#include "testutil.hpp"
#include "mentor/core/build.hpp"
#include "mentor/store/parse.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using mentor::testutil::contains;

using namespace mentor::core;
using mentor::store::parse_document;
using mentor::store::Problem;
using mentor::store::Severity;
using mentor::store::SourceError;
using mentor::util::Date;

namespace {

template <typename Record>
struct Built
{
  Record record;
  std::vector<Problem> problems;
};

Built<Pairing> pairing_from(const std::string& text)
{
  const auto doc = parse_document("pairings/phil--zoe.yaml", text);
  Problems problems;
  auto pairing = build_pairing(doc, "phil--zoe", problems);
  return {std::move(pairing), problems.list()};
}

Built<Person> person_from(const std::string& text)
{
  const auto doc = parse_document("people/zoe.yaml", text);
  Problems problems;
  auto person = build_person(doc, "zoe", problems);
  return {std::move(person), problems.list()};
}

Built<Config> config_from(const std::string& text)
{
  const auto doc = parse_document("mentor.yaml", text);
  Problems problems;
  auto config = build_config(doc, problems);
  return {std::move(config), problems.list()};
}

// The pairing's required keys, for tests that look at one more.
const std::string k_head = "mentor: phil\n"
                           "mentee: zoe\n"
                           "kind: coaching\n"
                           "status: active\n"
                           "started: 2026-01-05\n";

// The only problem of a pairing made of k_head plus `tail`.
Problem only_problem(const std::string& tail)
{
  const auto built = pairing_from(k_head + tail);
  REQUIRE(built.problems.size() == 1);
  return built.problems.front();
}

Date date(int y, int m, int d)
{
  return Date::from_ymd(y, m, d);
}

} // namespace

TEST_SUITE("core::build")
{
  TEST_CASE("a full pairing, as DESIGN.md shows it")
  {
    const auto built = pairing_from("mentor: phil-rumens        # coach\n"
                                    "mentee: alice-smith\n"
                                    "kind: coaching\n"
                                    "status: ended\n"
                                    "started: 2026-01-05\n"
                                    "until: 2026-03-31\n"
                                    "ended: 2026-04-02\n"
                                    "cadence: 2w\n"
                                    "duration: 1h30m\n"
                                    "paid: false\n"
                                    "sponsor: City Library\n"
                                    "outcome: Chairs meetings\n"
                                    "my_own_key: {anything: [goes]}\n"
                                    "goals:\n"
                                    "  - id: g1\n"
                                    "    title: Chair team meetings confidently\n"
                                    "    measure: Chairs 4 of the next 6 meetings\n"
                                    "    due: 2026-03-01\n"
                                    "    status: achieved\n"
                                    "sessions:\n"
                                    "  - date: 2026-01-12\n"
                                    "    duration: 45m\n"
                                    "    type: chemistry\n"
                                    "    topics: [delegation, influence]\n"
                                    "    notes: |\n"
                                    "      Mapped her stakeholders.\n"
                                    "      Biggest worry: Tuesday.\n"
                                    "    paid: true\n"
                                    "    group: 3\n"
                                    "    actions:\n"
                                    "      - id: a1\n"
                                    "        text: Draft an agenda\n"
                                    "        due: 2026-01-19\n"
                                    "        done: 2026-01-18\n"
                                    "  - date: 2026-01-26\n");
    CHECK(built.problems.empty());
    const Pairing& p = built.record;
    CHECK(p.slug == "phil--zoe");
    CHECK(p.file == "pairings/phil--zoe.yaml");
    CHECK(p.mentor == "phil-rumens");
    CHECK(p.mentee == "alice-smith");
    CHECK(p.kind == Kind::coaching);
    CHECK(p.status == Status::ended);
    CHECK(p.started == date(2026, 1, 5));
    CHECK(p.until == date(2026, 3, 31));
    CHECK(p.ended == date(2026, 4, 2));
    CHECK(p.cadence == 14);
    CHECK(p.duration == 90);
    CHECK_FALSE(p.paid);
    CHECK(p.sponsor == "City Library");
    CHECK(p.outcome == "Chairs meetings");

    REQUIRE(p.goals.size() == 1);
    const Goal& g = p.goals[0];
    CHECK(g.id == "g1");
    CHECK(g.title == "Chair team meetings confidently");
    CHECK(g.measure == "Chairs 4 of the next 6 meetings");
    CHECK(g.due == date(2026, 3, 1));
    CHECK(g.status == GoalStatus::achieved);
    CHECK(g.pos.line == 15);
    CHECK(g.pos.col == 5);

    REQUIRE(p.sessions.size() == 2);
    const Session& s = p.sessions[0];
    CHECK(s.date == date(2026, 1, 12));
    CHECK(s.duration == 45);
    CHECK(s.type == SessionType::chemistry);
    CHECK(s.topics == std::vector<std::string>{"delegation", "influence"});
    CHECK(s.notes == "Mapped her stakeholders.\nBiggest worry: Tuesday.");
    CHECK(s.paid == true);
    CHECK(s.group == 3);
    CHECK(s.pos.line == 21);
    CHECK(s.pos.col == 5);
    REQUIRE(s.actions.size() == 1);
    const Action& a = s.actions[0];
    CHECK(a.id == "a1");
    CHECK(a.text == "Draft an agenda");
    CHECK(a.due == date(2026, 1, 19));
    CHECK(a.done == date(2026, 1, 18));
    CHECK(a.pos.line == 31);
    CHECK(a.pos.col == 9);

    const Session& defaults = p.sessions[1];
    CHECK(defaults.date == date(2026, 1, 26));
    CHECK_FALSE(defaults.duration.has_value());
    CHECK(defaults.type == SessionType::session);
    CHECK(defaults.topics.empty());
    CHECK(defaults.notes.empty());
    CHECK_FALSE(defaults.paid.has_value());
    CHECK(defaults.group == 0);
    CHECK(defaults.actions.empty());
    CHECK(p.last_session() == &p.sessions[1]);

    SUBCASE("positions of each key's value")
    {
      CHECK(p.at.of("status").line == 4);
      CHECK(p.at.of("status").col == 9);
      CHECK(p.at.of("mentor").col == 9);
      CHECK(p.at.of("sessions").line == 21);
      CHECK(p.at.of("nope", Pos{7, 7}).line == 7);
      CHECK(s.at.of("notes").line == 25);
      CHECK(a.at.of("done").line == 34);
      CHECK(g.at.of("due").line == 18);
    }
  }

  TEST_CASE("what a pairing may leave out")
  {
    const auto built = pairing_from(k_head);
    CHECK(built.problems.empty());
    const Pairing& p = built.record;
    CHECK_FALSE(p.until.has_value());
    CHECK_FALSE(p.ended.has_value());
    CHECK_FALSE(p.cadence.has_value());
    CHECK_FALSE(p.duration.has_value());
    CHECK(p.paid);
    CHECK(p.sponsor.empty());
    CHECK(p.goals.empty());
    CHECK(p.sessions.empty());
    CHECK(p.last_session() == nullptr);
    CHECK(pairing_from(k_head + "cadence: none\n").record.cadence == 0);
    CHECK(pairing_from(k_head + "sessions:\ngoals: []\n").problems.empty());
    CHECK(pairing_from(k_head + "sponsor: ~\n").record.sponsor.empty());
  }

  TEST_CASE("unknown keys are the user's and are accepted silently")
  {
    const auto built = pairing_from(k_head + "colour: blue\n"
                                             "nested:\n  deep: [1, 2]\n"
                                             "sessions:\n"
                                             "  - date: 2026-01-12\n"
                                             "    mood: good\n"
                                             "    actions:\n"
                                             "      - id: a1\n"
                                             "        owner: zoe\n");
    CHECK(built.problems.empty());
    CHECK(built.record.sessions.size() == 1);
    CHECK(person_from("name: Zoe\nfavourite: tea\n").problems.empty());
    CHECK(config_from("version: 1\nme: phil\ntheme: dark\ndefaults:\n  colour: red\n").problems.empty());
  }

  TEST_CASE("each field type error is reported at the value")
  {
    SUBCASE("a list where text is expected")
    {
      const Problem p = only_problem("sponsor: [a, b]\n");
      CHECK(p.line == 6);
      CHECK(p.col == 10);
      CHECK(p.message == "`sponsor:` must be text, not a list");
      CHECK(p.file == "pairings/phil--zoe.yaml");
      CHECK(p.severity == Severity::error);
      CHECK(p.excerpt == "sponsor: [a, b]");
    }
    SUBCASE("a map where text is expected")
    {
      const Problem p = only_problem("outcome:\n  a: b\n");
      CHECK(p.line == 7);
      CHECK(p.col == 3);
      CHECK(p.message == "`outcome:` must be text, not a map");
    }
    SUBCASE("text where a list is expected")
    {
      const auto built = person_from("name: Zoe\ntags: solo\n");
      REQUIRE(built.problems.size() == 1);
      CHECK(built.problems[0].line == 2);
      CHECK(built.problems[0].col == 7);
      CHECK(built.problems[0].message == "`tags:` must be a list");
      CHECK(built.record.tags.empty());
      const Problem sessions = only_problem("sessions: none\n");
      CHECK(sessions.line == 6);
      CHECK(contains(sessions.message, "`sessions:` must be a list"));
      CHECK(contains(only_problem("goals:\n  id: g1\n").message, "`goals:` must be a list"));
    }
    SUBCASE("an item of a text list that is not text")
    {
      const auto built = person_from("name: Zoe\ntags: [a, [b], c]\n");
      REQUIRE(built.problems.size() == 1);
      CHECK(built.problems[0].col == 11);
      CHECK(built.problems[0].message == "each item of `tags:` must be text");
      CHECK(built.record.tags == std::vector<std::string>{"a", "c"});
    }
    SUBCASE("a date that does not exist")
    {
      const auto built =
          pairing_from("mentor: phil\nmentee: zoe\nkind: coaching\nstatus: active\nstarted: 2026-02-30\n");
      REQUIRE(built.problems.size() == 1);
      const Problem& p = built.problems[0];
      CHECK(p.line == 5);
      CHECK(p.col == 10);
      CHECK(p.message == "`started:` is not a date: \"2026-02-30\"");
      CHECK(contains(p.hint, "YYYY-MM-DD"));
      CHECK(contains(only_problem("until: 2026-1-5\n").message, "`until:` is not a date"));
      CHECK(contains(only_problem("ended: yesterday\n").message, "`ended:` is not a date"));
    }
    SUBCASE("a bad duration")
    {
      const Problem p = only_problem("duration: 90 minutes\n");
      CHECK(p.line == 6);
      CHECK(p.col == 11);
      CHECK(p.message == "`duration:` is not a duration: \"90 minutes\"");
      CHECK(contains(p.hint, "1h30m"));
      CHECK(contains(only_problem("duration: 25h\n").message, "not a duration"));
    }
    SUBCASE("a bad cadence")
    {
      const Problem p = only_problem("cadence: fortnightly\n");
      CHECK(p.col == 10);
      CHECK(p.message == "`cadence:` is not a cadence: \"fortnightly\"");
      CHECK(contains(p.hint, "none"));
    }
    SUBCASE("values outside an enumeration")
    {
      const auto kind = pairing_from("mentor: phil\nmentee: zoe\nkind: therapy\nstatus: active\nstarted: 2026-01-05\n");
      REQUIRE(kind.problems.size() == 1);
      CHECK(kind.problems[0].line == 3);
      CHECK(kind.problems[0].col == 7);
      CHECK(kind.problems[0].message
            == "`kind:` is \"therapy\", which is not one of coaching | mentoring | peer | shadowing | supervision");
      CHECK(kind.record.kind == Kind::coaching);

      const auto status = pairing_from("mentor: phil\nmentee: zoe\nkind: peer\nstatus: Active\nstarted: 2026-01-05\n");
      REQUIRE(status.problems.size() == 1);
      CHECK(status.problems[0].line == 4);
      CHECK(contains(status.problems[0].message, "\"Active\", which is not one of active | paused | ended"));

      const Problem type = only_problem("sessions:\n  - date: 2026-01-12\n    type: lunch\n");
      CHECK(type.line == 8);
      CHECK(type.col == 11);
      CHECK(contains(type.message, "`type:` is \"lunch\", which is not one of session | chemistry | review | closing"));

      const Problem goal = only_problem("goals:\n  - id: g1\n    status: finished\n");
      CHECK(goal.line == 8);
      CHECK(contains(goal.message, "which is not one of open | achieved | dropped"));
    }
    SUBCASE("`paid:` is true or false (YAML 1.2 spellings) and nothing else")
    {
      const Problem p = only_problem("paid: yes\n");
      CHECK(p.line == 6);
      CHECK(p.col == 7);
      CHECK(p.message == "`paid:` must be true or false, not \"yes\"");
      CHECK(p.hint == "write `paid: true` or `paid: false`");
      CHECK(contains(only_problem("paid: On\n").message, "true or false"));
      CHECK(contains(only_problem("paid: tRUE\n").message, "true or false"));
      CHECK_FALSE(pairing_from(k_head + "paid: False\n").record.paid);
      CHECK(pairing_from(k_head + "paid: TRUE\n").record.paid);
      CHECK(contains(only_problem("paid: 1\n").message, "true or false"));
      CHECK(contains(only_problem("sessions:\n  - date: 2026-01-12\n    paid: no\n").message, "`paid:`"));
      CHECK(pairing_from(k_head + "paid: yes\n").record.paid);
    }
    SUBCASE("a group that is not a whole number in range")
    {
      CHECK(contains(only_problem("sessions:\n  - date: 2026-01-12\n    group: 0\n").message,
                     "must be a whole number from 1 to 1000, not \"0\""));
      CHECK(contains(only_problem("sessions:\n  - date: 2026-01-12\n    group: many\n").message, "whole number"));
      CHECK(contains(only_problem("sessions:\n  - date: 2026-01-12\n    group: 99999999\n").message,
                     "whole number"));
    }
    SUBCASE("ids of people that are not slugs")
    {
      const auto built = pairing_from("mentor: Phil Rumens\nmentee: zoe\nkind: coaching\nstatus: active\n"
                                      "started: 2026-01-05\n");
      REQUIRE(built.problems.size() == 1);
      CHECK(built.problems[0].line == 1);
      CHECK(built.problems[0].col == 9);
      CHECK(built.problems[0].message == "`mentor:` is \"Phil Rumens\", which is not a person's id");
    }
    SUBCASE("a session, goal or action that is not a map")
    {
      CHECK(contains(only_problem("sessions:\n  - 2026-01-12\n").message, "expected a session"));
      CHECK(contains(only_problem("goals:\n  - g1\n").message, "expected a goal"));
      CHECK(contains(only_problem("sessions:\n  - date: 2026-01-12\n    actions: [a1]\n").message,
                     "expected an action"));
      CHECK(contains(only_problem("sessions:\n  - date: 2026-01-12\n    actions: a1\n").message,
                     "`actions:` must be a list of items"));
    }
  }

  TEST_CASE("missing required keys are reported at the map")
  {
    SUBCASE("a pairing missing everything it needs")
    {
      const auto built = pairing_from("# a comment\nsponsor: X\n");
      REQUIRE(built.problems.size() == 5);
      std::vector<std::string> messages;
      for (const auto& p : built.problems) {
        CHECK(p.line == 2);
        CHECK(p.col == 1);
        messages.push_back(p.message);
      }
      CHECK(messages == std::vector<std::string>{"`mentor:` is missing", "`mentee:` is missing", "`kind:` is missing",
                                                 "`status:` is missing", "`started:` is missing"});
      CHECK(contains(built.problems[2].hint, "coaching | mentoring"));
    }
    SUBCASE("one at a time")
    {
      const std::vector<std::string> keys = {"mentor", "mentee", "kind", "status", "started"};
      for (const auto& key : keys) {
        CAPTURE(key);
        std::string text;
        for (const auto& other : keys) {
          if (other != key) {
            text += other + ": " + (other == "started" ? "2026-01-05" : other == "kind" ? "coaching"
                                                                     : other == "status" ? "active"
                                                                                          : "someone") + "\n";
          }
        }
        const auto built = pairing_from(text);
        REQUIRE(built.problems.size() == 1);
        CHECK(built.problems[0].message == "`" + key + ":` is missing");
        CHECK(built.problems[0].line == 1);
      }
    }
    SUBCASE("a person's name")
    {
      const auto built = person_from("email: z@example.org\n");
      REQUIRE(built.problems.size() == 1);
      CHECK(built.problems[0].message == "`name:` is missing");
      CHECK(contains(built.problems[0].hint, "name: Their Name"));
    }
    SUBCASE("a key that is there but empty is reported at the key")
    {
      const auto built = person_from("email: z@example.org\nname:\n");
      REQUIRE(built.problems.size() == 1);
      CHECK(built.problems[0].message == "`name:` is empty");
      CHECK(built.problems[0].line == 2);
      CHECK(built.problems[0].col == 1);
      CHECK(person_from("name: ~\n").problems.at(0).message == "`name:` is empty");
    }
    SUBCASE("a session's date")
    {
      const Problem p = only_problem("sessions:\n  - date: 2026-01-12\n  - notes: forgot the date\n");
      CHECK(p.line == 8);
      CHECK(p.col == 5);
      CHECK(p.message == "`date:` is missing");
      CHECK(contains(p.hint, "YYYY-MM-DD"));
    }
    SUBCASE("an action's id and a goal's id")
    {
      const Problem action = only_problem("sessions:\n  - date: 2026-01-12\n    actions:\n      - text: Call\n");
      CHECK(action.line == 9);
      CHECK(action.col == 9);
      CHECK(action.message == "`id:` is missing");
      const Problem goal = only_problem("goals:\n  - title: Grow\n");
      CHECK(goal.line == 7);
      CHECK(goal.message == "`id:` is missing");
    }
    SUBCASE("mentor.yaml's version and me")
    {
      const auto built = config_from("defaults:\n  kind: mentoring\n");
      REQUIRE(built.problems.size() == 2);
      CHECK(built.problems[0].message == "`version:` is missing");
      CHECK(built.problems[1].message == "`me:` is missing");
    }
    SUBCASE("an empty file")
    {
      const auto built = pairing_from("# nothing yet\n");
      REQUIRE(built.problems.size() == 1);
      CHECK(contains(built.problems[0].message, "the file is empty"));
      CHECK(contains(pairing_from("- a\n").problems.at(0).message, "expected a pairing"));
      CHECK(contains(person_from("").problems.at(0).message, "the file is empty"));
    }
  }

  TEST_CASE("every problem is collected, in file order")
  {
    const auto built = pairing_from("started: 2026-13-01\n"
                                    "mentor: phil\n"
                                    "mentee: zoe\n"
                                    "kind: therapy\n"
                                    "status: active\n"
                                    "paid: yes\n"
                                    "sessions:\n"
                                    "  - date: 2026-02-30\n"
                                    "    duration: forever\n"
                                    "    actions:\n"
                                    "      - text: no id\n"
                                    "  - notes: no date\n");
    REQUIRE(built.problems.size() == 7);
    std::vector<int> lines;
    for (const auto& p : built.problems) {
      lines.push_back(p.line);
    }
    CHECK(lines == std::vector<int>{1, 4, 6, 8, 9, 11, 12});
    CHECK(contains(built.problems[0].message, "`started:`"));
    CHECK(contains(built.problems[1].message, "`kind:`"));
    CHECK(contains(built.problems[6].message, "`date:` is missing"));
    CHECK(built.record.sessions.size() == 2);

    SUBCASE("throw_if_errors throws them all at once")
    {
      const auto doc = parse_document("pairings/phil--zoe.yaml", "mentor: phil\nkind: x\n");
      Problems problems;
      (void)build_pairing(doc, "phil--zoe", problems);
      CHECK(problems.has_errors());
      try {
        problems.throw_if_errors();
        FAIL("no SourceError");
      } catch (const SourceError& e) {
        CHECK(e.problems().size() == problems.list().size());
        CHECK(std::string(e.what()).starts_with("pairings/phil--zoe.yaml:1:1: `mentee:` is missing"));
      }
    }
    SUBCASE("problems from earlier records stay first")
    {
      const auto first = parse_document("people/a.yaml", "email: x\n");
      const auto second = parse_document("people/b.yaml", "name: [B]\n");
      Problems problems;
      (void)build_person(second, "b", problems);
      (void)build_person(first, "a", problems);
      REQUIRE(problems.list().size() == 2);
      CHECK(problems.list()[0].file == "people/b.yaml");
      CHECK(problems.list()[1].file == "people/a.yaml");
    }
  }

  TEST_CASE("warnings are not errors")
  {
    const auto doc = parse_document("people/a.yaml", "name: A\n");
    Problems problems;
    problems.warning(doc, doc.root.mark, "just so you know");
    CHECK_FALSE(problems.has_errors());
    CHECK_NOTHROW(problems.throw_if_errors());
    REQUIRE(problems.list().size() == 1);
    CHECK(problems.list()[0].severity == Severity::warning);
    problems.error(doc, doc.root.mark, "now it is wrong", "fix it");
    CHECK(problems.has_errors());
    try {
      problems.throw_if_errors();
      FAIL("no SourceError");
    } catch (const SourceError& e) {
      REQUIRE(e.problems().size() == 1);
      CHECK(e.problems()[0].message == "now it is wrong");
      CHECK(e.problems()[0].hint == "fix it");
    }
  }

  TEST_CASE("notes lose their final line breaks, and nothing else")
  {
    CHECK(person_from("name: Z\nnotes: |\n  one\n  two\n").record.notes == "one\ntwo");
    CHECK(person_from("name: Z\nnotes: |+\n  one\n\n\n").record.notes == "one");
    CHECK(person_from("name: Z\nnotes: |2\n    indented\n  x\n").record.notes == "  indented\nx");
    CHECK(person_from("name: Z\nnotes: \"a\\n\\nb\\n \"\n").record.notes == "a\n\nb\n ");
    CHECK(person_from("name: Z\nnotes: plain\n").record.notes == "plain");
    CHECK(only_problem("sessions:\n  - notes: x\n").message == "`date:` is missing");
    CHECK(pairing_from(k_head + "sessions:\n  - date: 2026-01-12\n    notes: |\n      a\n\n      b\n\n")
            .record.sessions.at(0)
            .notes
          == "a\n\nb");
  }

  TEST_CASE("a person")
  {
    const auto built = person_from("name: Zoë Núñez\n"
                                   "email: zoe@example.org\n"
                                   "organisation: City Library\n"
                                   "role: Team lead\n"
                                   "pseudonym: C-017\n"
                                   "tags: [library, new-manager]\n");
    CHECK(built.problems.empty());
    const Person& p = built.record;
    CHECK(p.slug == "zoe");
    CHECK(p.file == "people/zoe.yaml");
    CHECK(p.name == "Zoë Núñez");
    CHECK(p.email == "zoe@example.org");
    CHECK(p.organisation == "City Library");
    CHECK(p.role == "Team lead");
    CHECK(p.pseudonym == "C-017");
    CHECK(p.tags == std::vector<std::string>{"library", "new-manager"});
    CHECK(p.at.of("tags").line == 6);
    // Numbers and booleans are read as the text they are.
    CHECK(person_from("name: 007\nrole: yes\n").record.role == "yes");
    CHECK(person_from("name: 007\n").record.name == "007");
  }

  TEST_CASE("mentor.yaml")
  {
    SUBCASE("with defaults")
    {
      const auto built = config_from("version: 1\nme: phil-rumens\ndefaults:\n  kind: mentoring\n  duration: 45m\n"
                                     "  cadence: none\n");
      CHECK(built.problems.empty());
      const Config& c = built.record;
      CHECK(c.file == "mentor.yaml");
      CHECK(c.version == 1);
      CHECK(c.me == "phil-rumens");
      CHECK(c.default_kind == Kind::mentoring);
      CHECK(c.default_duration == 45);
      CHECK(c.default_cadence == 0);
      CHECK(c.at.of("me").line == 2);
    }
    SUBCASE("git: commit")
    {
      CHECK(config_from("version: 1\nme: phil\ngit:\n  commit: true\n").record.git_commit);
      CHECK_FALSE(config_from("version: 1\nme: phil\ngit:\n  commit: false\n").record.git_commit);
      CHECK_FALSE(config_from("version: 1\nme: phil\ngit:\n  remote: origin\n").record.git_commit);
      const auto not_map = config_from("version: 1\nme: phil\ngit: true\n");
      REQUIRE(not_map.problems.size() == 1);
      CHECK(not_map.problems[0].line == 3);
      CHECK(contains(not_map.problems[0].message, "`git:` must hold"));
      const auto yes = config_from("version: 1\nme: phil\ngit:\n  commit: yes\n");
      REQUIRE(yes.problems.size() == 1);
      CHECK(yes.problems[0].line == 4);
      CHECK(contains(yes.problems[0].message, "`commit:` must be true or false"));
      CHECK_FALSE(yes.record.git_commit);
    }
    SUBCASE("without defaults")
    {
      const auto built = config_from("version: 1\nme: phil\n");
      CHECK(built.problems.empty());
      CHECK_FALSE(built.record.git_commit);
      CHECK(built.record.default_kind == Kind::coaching);
      CHECK(built.record.default_duration == 60);
      CHECK(built.record.default_cadence == 28);
    }
    SUBCASE("problems")
    {
      auto one = [](const std::string& text) {
        const auto built = config_from(text);
        REQUIRE(built.problems.size() == 1);
        return built.problems[0];
      };
      Problem p = one("version: 2\nme: phil\n");
      CHECK(p.line == 1);
      CHECK(p.col == 10);
      CHECK(p.message == "this mentor reads version 1 records, not version 2");
      CHECK(contains(one("version: one\nme: phil\n").message, "whole number"));
      p = one("version: 1\nme: Phil\n");
      CHECK(p.line == 2);
      CHECK(contains(p.message, "not a person's id"));
      p = one("version: 1\nme: phil\ndefaults: 60m\n");
      CHECK(p.line == 3);
      CHECK(contains(p.message, "`defaults:` must hold"));
      p = one("version: 1\nme: phil\ndefaults:\n  kind: friendship\n");
      CHECK(p.line == 4);
      CHECK(p.col == 9);
      CHECK(contains(one("version: 1\nme: phil\ndefaults:\n  duration: 0m\n").message, "not a duration"));
      CHECK(contains(one("version: 1\nme: phil\ndefaults:\n  cadence: 1y\n").message, "not a cadence"));
      CHECK(contains(one("- a\n").message, "expected the settings"));
    }
  }
}
