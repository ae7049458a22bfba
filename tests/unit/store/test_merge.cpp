#include "testutil.hpp"
#include "mentor/store/merge.hpp"
#include "mentor/store/parse.hpp"

#include <doctest/doctest.h>

#include <string>

using mentor::testutil::contains;

using mentor::store::merge_three_way;
using mentor::store::MergeOutcome;
using mentor::store::MergeRules;
using mentor::store::parse_document;

namespace {

const MergeRules k_rules{{"id", "date"}, "date"};

MergeOutcome merge(const std::string& base, const std::string& ours, const std::string& theirs)
{
  const auto b = parse_document("f.yaml (base)", base);
  const auto o = parse_document("f.yaml (ours)", ours);
  const auto t = parse_document("f.yaml (theirs)", theirs);
  return merge_three_way(b, o, t, k_rules);
}

// The merged text; fails the test when the merge is not clean.
std::string merged(const std::string& base, const std::string& ours, const std::string& theirs)
{
  const auto outcome = merge(base, ours, theirs);
  for (const auto& conflict : outcome.conflicts) {
    INFO(conflict);
  }
  REQUIRE(outcome.clean);
  // What merges one way round merges the other way round too.
  CHECK(merge(base, theirs, ours).clean);
  return outcome.text;
}

std::string conflict_of(const std::string& base, const std::string& ours, const std::string& theirs)
{
  const auto outcome = merge(base, ours, theirs);
  REQUIRE_FALSE(outcome.clean);
  REQUIRE_FALSE(outcome.conflicts.empty());
  std::string all;
  for (const auto& conflict : outcome.conflicts) {
    all += conflict + "\n";
  }
  return all;
}

const std::string k_base = "# A pairing.\n"
                           "status: active   # active | paused | ended\n"
                           "kind: coaching\n"
                           "sessions:        # oldest first\n"
                           "  - date: 2026-01-12\n"
                           "    notes: |\n"
                           "      First.\n";

const std::string k_ours_session = "  - date: 2026-11-20\n"
                                   "    notes: Ours, # with a comment\n";
const std::string k_theirs_session = "  - date: 2026-11-18\n"
                                     "    # their comment\n"
                                     "    notes: |\n"
                                     "      Theirs.\n"
                                     "\n"
                                     "      Two paragraphs.\n";

} // namespace

TEST_SUITE("store::merge")
{
  TEST_CASE("a change on one side only takes that side, byte for byte")
  {
    const auto theirs = k_base + k_theirs_session;
    CHECK(merged(k_base, k_base, theirs) == theirs);
    CHECK(merged(k_base, theirs, k_base) == theirs);
    CHECK(merged(k_base, theirs, theirs) == theirs);
  }

  TEST_CASE("items appended on both sides are all kept, in date order, exactly as written")
  {
    const auto text = merged(k_base, k_base + k_ours_session, k_base + k_theirs_session);
    CHECK(text == k_base + k_theirs_session + k_ours_session);
    SUBCASE("ours first among the same date")
    {
      const auto same_day = "  - date: 2026-11-20\n    notes: Theirs\n";
      CHECK(merge(k_base, k_base + k_ours_session, k_base + same_day).text
            == k_base + k_ours_session + same_day);
    }
    SUBCASE("several on each side, interleaved by date")
    {
      const std::string o1 = "  - date: 2026-02-01\n    notes: o1\n", o2 = "  - date: 2026-04-01\n    notes: o2\n";
      const std::string t1 = "  - date: 2026-03-01\n    notes: t1\n", t2 = "  - date: 2026-05-01\n    notes: t2\n";
      CHECK(merged(k_base, k_base + o1 + o2, k_base + t1 + t2) == k_base + o1 + t1 + o2 + t2);
    }
    SUBCASE("an item added with the same text on both sides is kept once")
    {
      CHECK(merged(k_base, k_base + k_ours_session, k_base + k_ours_session) == k_base + k_ours_session);
      CHECK(merged(k_base, k_base + k_ours_session + k_theirs_session, k_base + k_ours_session)
            == k_base + k_ours_session + k_theirs_session);
    }
  }

  TEST_CASE("a value changed on one side and items added on the other")
  {
    auto theirs = k_base + k_theirs_session;
    theirs.replace(theirs.find("active "), 7, "paused ");
    const auto text = merged(k_base, k_base + k_ours_session, theirs);
    CHECK(text
          == "# A pairing.\n"
             "status: paused   # active | paused | ended\n"
             "kind: coaching\n"
             "sessions:        # oldest first\n"
             "  - date: 2026-01-12\n"
             "    notes: |\n"
             "      First.\n"
             + k_theirs_session + k_ours_session);
  }

  TEST_CASE("the same change on both sides is taken once")
  {
    auto changed = k_base;
    changed.replace(changed.find("active "), 7, "ended  ");
    CHECK(merged(k_base, changed + k_ours_session, changed) == changed + k_ours_session);
  }

  TEST_CASE("the same value changed differently on both sides is a conflict naming it")
  {
    auto ours = k_base, theirs = k_base;
    ours.replace(ours.find("active "), 7, "ended  ");
    theirs.replace(theirs.find("active "), 7, "paused ");
    const auto conflict = conflict_of(k_base, ours, theirs + k_theirs_session);
    CHECK(contains(conflict, "`status` was changed on both sides (ours: ended, theirs: paused)"));
    SUBCASE("a value and the comment on its line are one thing")
    {
      auto comment = k_base;
      comment.replace(comment.find("# active"), 8, "# was act");
      CHECK(contains(conflict_of(k_base, ours, comment), "`status`"));
    }
  }

  TEST_CASE("comments and blank lines changed on one side are kept")
  {
    auto theirs = k_base;
    theirs.replace(0, 12, "# A pairing, with a longer comment.\n\n");
    auto ours = k_base + k_ours_session;
    ours.replace(ours.find("# oldest"), 14, "# newest last");
    CHECK(merged(k_base, ours, theirs)
          == "# A pairing, with a longer comment.\n\n\n"
             "status: active   # active | paused | ended\n"
             "kind: coaching\n"
             "sessions:        # newest last\n"
             "  - date: 2026-01-12\n"
             "    notes: |\n"
             "      First.\n"
             + k_ours_session);
  }

  TEST_CASE("keys added, deleted and changed in a map, key by key")
  {
    const std::string base = "name: Zoë Núñez\nemail: zoe@example.org\nrole: Team lead\n";
    SUBCASE("a key added on their side goes after the key before it there")
    {
      CHECK(merged(base, "name: Zoë Núñez\nemail: zoe@example.org\nrole: Head of service\n",
                   "name: Zoë Núñez\nemail: zoe@example.org\norganisation: City Library  # since May\nrole: Team lead\n")
            == "name: Zoë Núñez\nemail: zoe@example.org\norganisation: City Library  # since May\nrole: Head of service\n");
    }
    SUBCASE("keys added on both sides, different keys")
    {
      CHECK(merged(base, base + "pseudonym: C-017\n", "tags: [library]\n" + base)
            == "tags: [library]\n" + base + "pseudonym: C-017\n");
    }
    SUBCASE("the same key added on both sides with different values is a conflict")
    {
      CHECK(contains(conflict_of(base, base + "pseudonym: C-017\n", base + "pseudonym: C-018\n"),
                     "`pseudonym` was added on both sides"));
    }
    SUBCASE("a key deleted on one side, unchanged on the other, goes")
    {
      CHECK(merged(base, "name: Zoë Núñez\nrole: Team lead\n", base + "pseudonym: C-017\n")
            == "name: Zoë Núñez\nrole: Team lead\npseudonym: C-017\n");
    }
    SUBCASE("a key deleted on one side and changed on the other is a conflict")
    {
      CHECK(contains(conflict_of(base, "name: Zoë Núñez\nrole: Team lead\n",
                                 "name: Zoë Núñez\nemail: zoe@library.example\nrole: Team lead\n"),
                     "`email` was deleted on our side and changed on theirs"));
    }
    SUBCASE("keys reordered on their side are a conflict")
    {
      CHECK(contains(conflict_of(base, base + "pseudonym: C-017\n", "email: zoe@example.org\nname: Zoë Núñez\nrole: Team lead\n"),
                     "reordered"));
    }
  }

  TEST_CASE("both sides changing one list item: key by key when they touch different keys")
  {
    const std::string base = "sessions:\n"
                             "  - date: 2026-01-12\n"
                             "    actions:\n"
                             "      - id: a1\n"
                             "        text: One\n"
                             "      - id: a2\n"
                             "        text: Two\n"
                             "  - date: 2026-01-26\n"
                             "    notes: Later\n";
    auto ours = base, theirs = base;
    ours.insert(ours.find("      - id: a2"), "        done: 2026-02-01\n");
    theirs.insert(theirs.find("  - date: 2026-01-26"), "        done: 2026-02-03\n");
    const auto text = merged(base, ours + "  - date: 2026-02-01\n", theirs + "  - date: 2026-02-03\n");
    CHECK(text == "sessions:\n"
                  "  - date: 2026-01-12\n"
                  "    actions:\n"
                  "      - id: a1\n"
                  "        text: One\n"
                  "        done: 2026-02-01\n"
                  "      - id: a2\n"
                  "        text: Two\n"
                  "        done: 2026-02-03\n"
                  "  - date: 2026-01-26\n"
                  "    notes: Later\n"
                  "  - date: 2026-02-01\n"
                  "  - date: 2026-02-03\n");
    SUBCASE("the same key of the same item changed differently is a conflict")
    {
      auto ours2 = base, theirs2 = base;
      ours2.replace(ours2.find("Later"), 5, "Later on");
      theirs2.replace(theirs2.find("Later"), 5, "Much later");
      CHECK(contains(conflict_of(base, ours2, theirs2), "`sessions[2026-01-26].notes` was changed on both sides"));
    }
    SUBCASE("an item deleted on one side and changed on the other is a conflict")
    {
      const auto without = base.substr(0, base.find("  - date: 2026-01-26"));
      auto theirs2 = base;
      theirs2.replace(theirs2.find("Later"), 5, "Later on");
      CHECK(contains(conflict_of(base, without, theirs2), "`sessions[2026-01-26]` was deleted on our side"));
    }
    SUBCASE("an item deleted on one side, unchanged on the other, goes")
    {
      const auto without = base.substr(0, base.find("  - date: 2026-01-26"));
      CHECK(merged(base, without, base + "  - date: 2026-02-03\n") == without + "  - date: 2026-02-03\n");
    }
  }

  TEST_CASE("items matched by id: added on both sides, ours first")
  {
    const std::string base = "goals:\n  - id: g1\n    title: One\nsessions:\n";
    const auto ours = "goals:\n  - id: g1\n    title: One\n  - id: g2\n    title: Ours\nsessions:\n";
    const auto theirs = "goals:\n  - id: g1\n    title: One\n    status: achieved\n  - id: g3\n    title: Theirs\nsessions:\n";
    CHECK(merged(base, ours, theirs)
          == "goals:\n  - id: g1\n    title: One\n    status: achieved\n  - id: g2\n    title: Ours\n"
             "  - id: g3\n    title: Theirs\nsessions:\n");
  }

  TEST_CASE("a list of plain values: both additions kept")
  {
    const std::string base = "topics:\n  - delegation\n";
    CHECK(merged(base, base + "  - budget\n", base + "  - influence\n") == base + "  - budget\n  - influence\n");
  }

  TEST_CASE("an empty list in the base, filled on both sides")
  {
    const std::string header = "status: active\nsessions:   # oldest first\n";
    CHECK(merged(header, header + k_ours_session, header + k_theirs_session)
          == header + k_theirs_session + k_ours_session);
    CHECK(merged("goals: []\n", "goals:\n  - id: g1\n", "goals:\n  - id: g2\n") == "goals:\n  - id: g1\n  - id: g2\n");
  }

  TEST_CASE("blank lines and comments after a list stay after it, once")
  {
    const std::string base = "goals:\n  - id: g1\n\n# Sessions below.\nsessions:\n";
    CHECK(merged(base, "goals:\n  - id: g1\n  - id: g2\n\n# Sessions below.\nsessions:\n",
                 "goals:\n  - id: g1\n  - id: g3\n\n# Sessions below.\nsessions:\n")
          == "goals:\n  - id: g1\n  - id: g2\n  - id: g3\n\n# Sessions below.\nsessions:\n");
  }

  TEST_CASE("layouts that are not cut up conflict when both sides change them")
  {
    CHECK(contains(conflict_of("tags: [a]\n", "tags: [a, b]\n", "tags: [a, c]\n"), "`tags` was changed on both sides"));
    CHECK(contains(conflict_of("notes: |\n  One\n", "notes: |\n  One\n  Two\n", "notes: |\n  One\n  Three\n"),
                   "`notes` was changed on both sides"));
    // One side's change to a flow list still merges.
    CHECK(merged("tags: [a]\nname: x\n", "tags: [a, b]\nname: x\n", "tags: [a]\nname: y\n") == "tags: [a, b]\nname: y\n");
  }

  TEST_CASE("the result must read back as the merged tree")
  {
    // Theirs re-indents the list while ours adds to it: the pieces put
    // together would not read as the merged list, so the merge is refused.
    const std::string base = "sessions:\n  - date: 2026-01-01\n";
    const auto conflict = conflict_of(base, base + "  - date: 2026-02-01\n", "sessions:\n- date: 2026-01-01\n- date: 2026-03-01\n");
    CHECK(contains(conflict, "would not read back"));
  }
}
