#include "testutil.hpp"
#include "mentor/core/who.hpp"
#include "mentor/util/error.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <string>

using mentor::testutil::contains;

using namespace mentor::core;

namespace {

Person person(std::string slug, std::string name)
{
  Person p;
  p.slug = std::move(slug);
  p.name = std::move(name);
  return p;
}

Pairing pairing(std::string mentor, std::string mentee, Status status, Kind kind = Kind::coaching,
                std::string suffix = {})
{
  Pairing p;
  p.mentor = std::move(mentor);
  p.mentee = std::move(mentee);
  p.slug = p.mentor + "--" + p.mentee + suffix;
  p.status = status;
  p.kind = kind;
  return p;
}

// Me (phil-rumens) and the people around me.
Records records()
{
  Records r;
  r.config.me = "phil-rumens";
  r.people = {person("alice-smith", "Alice Smith"),
              person("bob", "Bob Ode"),
              person("carol", "Carol"),
              person("dave", "Dave"),
              person("ed", "Ed"),
              person("edna", "Edna"),
              person("phil-rumens", "Phil Rumens"),
              person("zoe-nunez", "Zoë Núñez"),
              person("zoe-smith", "Zoe Smith")};
  r.pairings = {
    pairing("bob", "phil-rumens", Status::active, Kind::peer),
    pairing("dave", "alice-smith", Status::active),
    pairing("phil-rumens", "alice-smith", Status::active),
    pairing("phil-rumens", "bob", Status::paused, Kind::mentoring),
    pairing("phil-rumens", "ed", Status::active),
    pairing("phil-rumens", "ed", Status::active, Kind::mentoring, "-2"),
    pairing("phil-rumens", "zoe-nunez", Status::active),
    pairing("phil-rumens", "zoe-smith", Status::ended),
    pairing("phil-rumens", "zoe-smith", Status::active, Kind::coaching, "-2"),
  };
  std::sort(r.pairings.begin(), r.pairings.end(), [](const Pairing& a, const Pairing& b) { return a.slug < b.slug; });
  return r;
}

struct Caught
{
  std::string message;
  std::string hint;
  int exit_code = 0;
};

Caught caught(const std::function<void()>& action)
{
  try {
    action();
  } catch (const mentor::Error& e) {
    return Caught{e.what(), e.hint(), e.exit_code()};
  }
  FAIL("no mentor::Error");
  return {};
}

} // namespace

TEST_SUITE("core::who")
{
  TEST_CASE("resolve_person")
  {
    const Records r = records();
    auto slug_of = [&](std::string_view who) { return resolve_person(r, who).slug; };

    SUBCASE("by exact slug, before any prefix")
    {
      CHECK(slug_of("bob") == "bob");
      CHECK(slug_of("ed") == "ed");
      CHECK(slug_of("zoe-smith") == "zoe-smith");
      CHECK(slug_of("  bob\t") == "bob");
      CHECK(&resolve_person(r, "carol") == r.person("carol"));
    }
    SUBCASE("by a unique prefix of the slug, in any case")
    {
      CHECK(slug_of("ali") == "alice-smith");
      CHECK(slug_of("zoe-n") == "zoe-nunez");
      CHECK(slug_of("edn") == "edna");
      CHECK(slug_of("ALI") == "alice-smith");
      CHECK(slug_of("Ph") == "phil-rumens");
    }
    SUBCASE("by part of the name, ignoring case and accents")
    {
      CHECK(slug_of("nunez") == "zoe-nunez");
      CHECK(slug_of("NÚÑEZ") == "zoe-nunez");
      CHECK(slug_of("Núñez") == "zoe-nunez");
      CHECK(slug_of("zoe n") == "zoe-nunez");
      CHECK(slug_of("Zoë N") == "zoe-nunez");
      CHECK(slug_of("rumens") == "phil-rumens");
      CHECK(slug_of("ode") == "bob");
    }
    SUBCASE("ambiguous: a usage error listing the candidates")
    {
      const auto error = caught([&] { resolve_person(r, "zoe"); });
      CHECK(error.exit_code == 2);
      CHECK(contains(error.message, "\"zoe\" matches 2 people:"));
      CHECK(contains(error.message, "zoe-nunez"));
      CHECK(contains(error.message, "Zoë Núñez"));
      CHECK(contains(error.message, "zoe-smith"));
      CHECK(contains(error.hint, "give more of the name"));
      CHECK_THROWS_AS(resolve_person(r, "zoe"), mentor::UsageError);

      const auto by_name = caught([&] { resolve_person(r, "smith"); });
      CHECK(by_name.exit_code == 2);
      CHECK(contains(by_name.message, "alice-smith"));
      CHECK(contains(by_name.message, "zoe-smith"));
    }
    SUBCASE("nobody: an error about the records, not the command line")
    {
      const auto error = caught([&] { resolve_person(r, "xavier"); });
      CHECK(error.exit_code == 1);
      CHECK(error.message == "no one matches \"xavier\"");
      CHECK(contains(error.hint, "mentor list people"));
      CHECK(contains(error.hint, "mentor add"));
    }
    SUBCASE("nothing given")
    {
      CHECK(caught([&] { resolve_person(r, ""); }).exit_code == 2);
      CHECK(caught([&] { resolve_person(r, "   "); }).exit_code == 2);
    }
    SUBCASE("text with no letters matches no name")
    {
      CHECK(caught([&] { resolve_person(r, "!!!"); }).exit_code == 1);
    }
  }

  TEST_CASE("pairings_between works either way round")
  {
    const Records r = records();
    const auto between = pairings_between(r, "phil-rumens", "bob");
    REQUIRE(between.size() == 2);
    CHECK(between[0]->slug == "bob--phil-rumens");
    CHECK(between[1]->slug == "phil-rumens--bob");
    CHECK(pairings_between(r, "bob", "phil-rumens").size() == 2);
    CHECK(pairings_between(r, "phil-rumens", "carol").empty());
    CHECK(pairings_between(r, "dave", "alice-smith").size() == 1);
  }

  TEST_CASE("resolve_pairing")
  {
    const Records r = records();
    auto slug_of = [&](std::string_view who, Want want) { return resolve_pairing(r, who, want).slug; };

    SUBCASE("by the pairing's slug")
    {
      CHECK(slug_of("phil-rumens--alice-smith", Want::active) == "phil-rumens--alice-smith");
      CHECK(slug_of("dave--alice-smith", Want::any) == "dave--alice-smith");
      CHECK(slug_of("phil-rumens--zoe-smith", Want::any) == "phil-rumens--zoe-smith");
      CHECK(&resolve_pairing(r, " phil-rumens--bob ", Want::paused) == r.pairing("phil-rumens--bob"));
    }
    SUBCASE("a pairing slug in a status the command cannot act on")
    {
      const auto paused = caught([&] { resolve_pairing(r, "phil-rumens--bob", Want::active); });
      CHECK(paused.exit_code == 1);
      CHECK(paused.message == "phil-rumens--bob is paused, not active");
      CHECK(contains(paused.hint, "mentor pair phil-rumens--bob --resume"));
      const auto ended = caught([&] { resolve_pairing(r, "phil-rumens--zoe-smith", Want::active_or_paused); });
      CHECK(ended.message == "phil-rumens--zoe-smith is ended, not active or paused");
      CHECK(caught([&] { resolve_pairing(r, "phil-rumens--alice-smith", Want::paused); }).message
            == "phil-rumens--alice-smith is active, not paused");
    }
    SUBCASE("by a person: the pairing between them and me")
    {
      CHECK(slug_of("alice", Want::active) == "phil-rumens--alice-smith");
      CHECK(slug_of("nunez", Want::active) == "phil-rumens--zoe-nunez");
      CHECK(slug_of("zoe-smith", Want::active) == "phil-rumens--zoe-smith-2");
      CHECK(slug_of("zoe-smith", Want::active_or_paused) == "phil-rumens--zoe-smith-2");
      // I am the mentee in bob--phil-rumens.
      CHECK(slug_of("bob", Want::active) == "bob--phil-rumens");
    }
    SUBCASE("Want filters by status")
    {
      CHECK(slug_of("bob", Want::paused) == "phil-rumens--bob");
      const auto error = caught([&] { resolve_pairing(r, "alice", Want::paused); });
      CHECK(error.exit_code == 1);
      CHECK(contains(error.message, "no paused pairing between you and Alice Smith; there is:"));
      CHECK(contains(error.message, "phil-rumens--alice-smith (coaching, active)"));
      CHECK_FALSE(contains(error.message, "dave--alice-smith"));
      CHECK(error.hint == "it is active already: there is nothing to resume");
    }
    SUBCASE("a paused pairing suggests resuming it")
    {
      Records one = records();
      one.pairings.erase(std::remove_if(one.pairings.begin(), one.pairings.end(),
                                        [](const Pairing& p) { return p.slug == "bob--phil-rumens"; }),
                         one.pairings.end());
      const auto error = caught([&] { resolve_pairing(one, "bob", Want::active); });
      CHECK(contains(error.message, "no active pairing between you and Bob Ode"));
      CHECK(contains(error.hint, "mentor pair phil-rumens--bob --resume"));
    }
    SUBCASE("several pairings with the same person")
    {
      const auto error = caught([&] { resolve_pairing(r, "ed", Want::active); });
      CHECK(error.exit_code == 2);
      CHECK(contains(error.message, "you have 2 active pairings with Ed:"));
      CHECK(contains(error.message, "phil-rumens--ed (coaching, active)"));
      CHECK(contains(error.message, "phil-rumens--ed-2 (mentoring, active)"));
      CHECK(contains(error.hint, "by its id"));
      // Any status will do: the active one is preferred to an ended one…
      CHECK(slug_of("zoe-smith", Want::any) == "phil-rumens--zoe-smith-2");
      // …but two active ones are still ambiguous.
      CHECK(caught([&] { resolve_pairing(r, "ed", Want::any); }).exit_code == 2);
      CHECK(caught([&] { resolve_pairing(r, "bob", Want::active_or_paused); }).exit_code == 2);
      // Each still reachable by its slug.
      CHECK(slug_of("phil-rumens--ed-2", Want::active) == "phil-rumens--ed-2");
    }
    SUBCASE("the person is me")
    {
      const auto error = caught([&] { resolve_pairing(r, "phil", Want::active); });
      CHECK(error.exit_code == 2);
      CHECK(contains(error.message, "phil-rumens is you"));
      CHECK_THROWS_AS(resolve_pairing(r, "rumens", Want::any), mentor::UsageError);
    }
    SUBCASE("no pairing with me at all")
    {
      const auto none = caught([&] { resolve_pairing(r, "carol", Want::active); });
      CHECK(none.exit_code == 1);
      CHECK(none.message == "no pairing between you and Carol");
      CHECK(contains(none.hint, "mentor pair carol"));

      const auto others = caught([&] { resolve_pairing(r, "dave", Want::any); });
      CHECK(others.exit_code == 1);
      CHECK(contains(others.message, "no pairing between you and Dave; theirs are:"));
      CHECK(contains(others.message, "dave--alice-smith (coaching, active)"));
    }
    SUBCASE("errors from resolving the person come through")
    {
      CHECK(caught([&] { resolve_pairing(r, "xavier", Want::active); }).exit_code == 1);
      CHECK(caught([&] { resolve_pairing(r, "zoe", Want::active); }).exit_code == 2);
      CHECK(caught([&] { resolve_pairing(r, "", Want::active); }).exit_code == 2);
    }
  }
}
