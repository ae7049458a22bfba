#include "mentor/core/model.hpp"
#include "mentor/util/text.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "cli/cli_test.hpp"

using mentor::testutil::contains;

using mentor::testutil::EnvVar;
using mentor::testutil::read_text;
using mentor::testutil::Records;
using mentor::testutil::RunResult;
using mentor::testutil::write_text;

namespace fs = std::filesystem;

namespace {

// `mentor log ARGS --today 2026-11-20` in the records.
RunResult log(const Records& records, std::vector<std::string> args)
{
  args.insert(args.begin(), "log");
  args.push_back("--today");
  args.push_back("2026-11-20");
  return records.run(args);
}

} // namespace

TEST_SUITE("cli::log")
{
  TEST_CASE("a session is appended at the end of the file, nothing else changes")
  {
    Records records;
    const auto file = records.pairing_file();
    const auto before = read_text(file);

    SUBCASE("the least: WHO and NOTES")
    {
      const auto result = log(records, {"zoe", "Mapped her stakeholders."});
      REQUIRE(result.code == 0);
      CHECK(result.err.empty());
      // The file is named relative to the working directory, or in full.
      CHECK(result.out.starts_with("logged 2026-11-20 (1h) with Zoë Núñez: "));
      CHECK(result.out.ends_with("records/pairings/phil-rumens--zoe-nunez.yaml\n"));
      CHECK(read_text(file)
            == before
                   + "  - date: 2026-11-20\n"
                     "    duration: 1h\n"
                     "    type: session\n"
                     "    notes: Mapped her stakeholders.\n");
    }
    SUBCASE("everything")
    {
      const auto result =
          log(records, {"phil-rumens--zoe-nunez", "First line\r\nsecond line  \n", "--date", "-2d", "--duration",
                        "1.5h", "--topic", "delegation", "--topic", "the Tuesday meeting", "--action",
                        "Draft an agenda", "--action", "Ask Sam: chair once", "--due", "+1w", "--type", "review"});
      REQUIRE(result.code == 0);
      CHECK(contains(result.out, "logged 2026-11-18 (1h30m) with Zoë Núñez; agreed a1, a2: "));
      // --due counts from the session's date.
      CHECK(read_text(file)
            == before
                   + "  - date: 2026-11-18\n"
                     "    duration: 1h30m\n"
                     "    type: review\n"
                     "    topics: [delegation, the Tuesday meeting]\n"
                     "    notes: |\n"
                     "      First line\n"
                     "      second line\n"
                     "    actions:\n"
                     "      - id: a1\n"
                     "        text: Draft an agenda\n"
                     "        due: 2026-11-25\n"
                     "      - id: a2\n"
                     "        text: \"Ask Sam: chair once\"\n"
                     "        due: 2026-11-25\n");
      const auto p = records.load().pairings.at(0);
      REQUIRE(p.sessions.size() == 1);
      CHECK(p.sessions[0].notes == "First line\nsecond line");
      CHECK(p.sessions[0].actions.at(1).text == "Ask Sam: chair once");
    }
    SUBCASE("NOTES after a repeatable option is still NOTES")
    {
      const auto result = log(records, {"zoe", "--topic", "delegation", "the notes"});
      REQUIRE(result.code == 0);
      const auto s = records.load().pairings.at(0).sessions.at(0);
      CHECK(s.topics == std::vector<std::string>{"delegation"});
      CHECK(s.notes == "the notes");
    }
    SUBCASE("WHO by part of the name, without accents")
    {
      REQUIRE(log(records, {"NUNEZ", "x"}).code == 0);
      CHECK(records.load().pairings.at(0).sessions.size() == 1);
    }
  }

  TEST_CASE("--done closes an earlier action in place")
  {
    Records records;
    const auto file = records.pairing_file();
    REQUIRE(log(records, {"zoe", "first", "--date", "yesterday", "--action", "Draft an agenda"}).code == 0);
    const auto before = read_text(file);
    REQUIRE(contains(before, "        text: Draft an agenda\n"));

    const auto result = log(records, {"zoe", "second", "--done", "a1", "--action", "Next step"});
    REQUIRE(result.code == 0);
    CHECK(contains(result.out, "; agreed a2; closed a1: "));
    auto expected = before;
    expected.insert(expected.find("        text: Draft an agenda\n") + 30, "        done: 2026-11-20\n");
    expected += "  - date: 2026-11-20\n"
                "    duration: 1h\n"
                "    type: session\n"
                "    notes: second\n"
                "    actions:\n"
                "      - id: a2\n"
                "        text: Next step\n";
    CHECK(read_text(file) == expected);

    SUBCASE("an action already done is refused (exit 1)")
    {
      const auto again = log(records, {"zoe", "third", "--done", "a1"});
      CHECK(again.code == 1);
      CHECK(contains(again.err, "already done"));
      CHECK(read_text(file) == expected);
    }
    SUBCASE("an unknown action lists the open ones (exit 1)")
    {
      const auto unknown = log(records, {"zoe", "third", "--done", "a9"});
      CHECK(unknown.code == 1);
      CHECK(contains(unknown.err, "a9"));
      CHECK(contains(unknown.err, "a2"));
      CHECK(read_text(file) == expected);
    }
  }

  TEST_CASE("an earlier date than the last session warns and still appends")
  {
    Records records;
    REQUIRE(log(records, {"zoe", "later one"}).code == 0);
    const auto result = log(records, {"zoe", "earlier one", "--date", "2026-11-10"});
    CHECK(result.code == 0);
    CHECK(contains(result.err, "mentor: warning: 2026-11-10 is before the last session (2026-11-20)"));
    const auto sessions = records.load().pairings.at(0).sessions;
    REQUIRE(sessions.size() == 2);
    CHECK(sessions[1].notes == "earlier one");
  }

  TEST_CASE("notes from the editor with --edit")
  {
    Records records;
    write_text(records.temp() / "editor.sh", "#!/bin/sh\nprintf 'From the editor\\n' > \"$1\"\n");
    fs::permissions(records.temp() / "editor.sh", fs::perms::owner_all);
    EnvVar visual("VISUAL", (records.temp() / "editor.sh").string());
    REQUIRE(log(records, {"zoe", "--edit"}).code == 0);
    CHECK(records.load().pairings.at(0).sessions.at(0).notes == "From the editor");

    SUBCASE("a failing editor writes nothing (exit 1)")
    {
      const auto before = read_text(records.pairing_file());
      EnvVar failing("VISUAL", "false");
      CHECK(log(records, {"zoe", "given", "--edit"}).code == 1);
      CHECK(read_text(records.pairing_file()) == before);
    }
  }

  TEST_CASE("the editor's template: the plan as header lines, the pairing, the last notes, open actions")
  {
    Records records;
    REQUIRE(log(records, {"zoe", "Mapped her stakeholders.\nBiggest worry: Tuesday.", "--date", "2026-11-02",
                          "--topic", "delegation", "--action", "Draft an agenda", "--due", "2026-11-09"})
              .code == 0);
    // The editor saves what it was given for the test to read, then writes a note.
    write_text(records.temp() / "editor.sh", "#!/bin/sh\ncp \"$1\" '" + (records.temp() / "seen").string()
                                               + "'\nsed -i 's/^Done:$/Done:\\n\\nThe note./' \"$1\"\n");
    fs::permissions(records.temp() / "editor.sh", fs::perms::owner_all);
    EnvVar visual("VISUAL", (records.temp() / "editor.sh").string());
    const auto result = log(records, {"zoe", "--edit", "--duration", "45m", "--topic", "budget", "--topic", "hiring"});
    REQUIRE(result.code == 0);
    const auto seen = read_text(records.temp() / "seen");
    CHECK(seen.starts_with("Date: 2026-11-20\nDuration: 45m\nType: session\nTopics: budget, hiring\nAction:\nDue:\n"
                           "Done:\n\n\n# ------------------------ >8 ------------------------\n"));
    CHECK(contains(seen, "# A session with Zoë Núñez (phil-rumens--zoe-nunez, coaching).\n"));
    CHECK(contains(seen, "# Last session, 2026-11-02 (1h, delegation):\n#   Mapped her stakeholders.\n"
                         "#   Biggest worry: Tuesday.\n"));
    CHECK(contains(seen, "# Open actions:\n#   a1  Draft an agenda (due 2026-11-09)\n"));
    for (auto line : mentor::util::split_lines(seen)) {
      CHECK(mentor::util::display_width(line) <= 80);
    }
    const auto session = records.load().pairings.at(0).sessions.at(1);
    CHECK(session.notes == "The note.");
    CHECK(session.duration == 45);
    CHECK(session.topics == std::vector<std::string>{"budget", "hiring"});
  }

  TEST_CASE("the editor's header lines say what is recorded")
  {
    Records records;
    REQUIRE(log(records, {"zoe", "first", "--action", "Draft an agenda", "--action", "Call Ann"}).code == 0);
    auto editor = [&](const std::string& text) {
      write_text(records.temp() / "note", text);
      write_text(records.temp() / "editor.sh",
                 "#!/bin/sh\ncat '" + (records.temp() / "note").string() + "' > \"$1\"\n");
      fs::permissions(records.temp() / "editor.sh", fs::perms::owner_all);
    };
    EnvVar visual("VISUAL", (records.temp() / "editor.sh").string());
    const auto file = records.pairing_file();

    SUBCASE("every header")
    {
      editor("Date: yesterday\nDuration: 1h30m\nType: review\nTopics: budget , hiring,\nAction: Book the room\n"
             "Action: Send the deck\nDue: +1w\nDone: a1, a2\n\nWe met.\n# Agenda: a line of the notes\n"
             "# ------------------------ >8 ------------------------\n# ignored\n");
      const auto result = log(records, {"zoe", "--edit", "--duration", "10m"});
      CAPTURE(result.err);
      REQUIRE(result.code == 0);
      CHECK(contains(result.out, "logged 2026-11-19 (1h30m) with Zoë Núñez; agreed a3, a4; closed a1, a2"));
      const auto session = records.load().pairings.at(0).sessions.at(1);
      CHECK(session.notes == "We met.\n# Agenda: a line of the notes");
      CHECK(session.type == mentor::core::SessionType::review);
      CHECK(session.topics == std::vector<std::string>{"budget", "hiring"});
      REQUIRE(session.actions.size() == 2);
      CHECK(session.actions[0].text == "Book the room");
      CHECK(session.actions[1].due->iso() == "2026-11-26");
    }
    SUBCASE("headers removed or left empty: the defaults")
    {
      editor("Topics:\n\nJust notes.\n");
      REQUIRE(log(records, {"zoe", "--edit", "--topic", "dropped", "--duration", "10m"}).code == 0);
      const auto session = records.load().pairings.at(0).sessions.at(1);
      CHECK(session.date.iso() == "2026-11-20");
      CHECK(session.duration == 60);
      CHECK(session.topics.empty());
    }
    SUBCASE("a wrong header: exit 2, nothing written, the text kept and named")
    {
      const auto before = read_text(file);
      const std::string text = "Duration: forever\n\nPrecious notes.\n";
      editor(text);
      const auto result = log(records, {"zoe", "--edit"});
      CHECK(result.code == 2);
      CHECK(result.err.starts_with("mentor: error: Duration: \"forever\" is not a duration\n"));
      const auto at = result.err.find("your text is kept in ");
      REQUIRE(at != std::string::npos);
      const auto kept = result.err.substr(at + 21, result.err.find('\n', at) - at - 21);
      CHECK(read_text(kept) == text);
      fs::remove(kept);
      CHECK(read_text(file) == before);
    }
    SUBCASE("errors name the header lines")
    {
      const auto before = read_text(file);
      auto refused = [&](const std::string& text, const std::string& message) {
        editor(text);
        const auto result = log(records, {"zoe", "--edit"});
        CHECK(result.code == 2);
        CHECK(contains(result.err, message));
        const auto at = result.err.find("your text is kept in ");
        REQUIRE(at != std::string::npos);
        fs::remove(result.err.substr(at + 21, result.err.find('\n', at) - at - 21));
      };
      refused("Topic: x\n\nnote\n", "there is no header \"Topic:\"");
      refused("Due: friday\n\nnote\n", "Due: goes with Action:");
      refused("Date: 2026-12-01\n\nnote\n", "Date: 2026-12-01 is in the future");
      refused("Done: a1 a1\n\nnote\n", "Done: a1 is given twice");
      refused("Type: party\n\nnote\n", "Type: \"party\" is not a session type");
      refused("Duration: 1h\nnote right below\n", "is not a header line");
      CHECK(read_text(file) == before);
    }
    SUBCASE("an action that does not exist: exit 1")
    {
      editor("Done: a9\n\nnote\n");
      const auto result = log(records, {"zoe", "--edit"});
      CHECK(result.code == 1);
      CHECK(contains(result.err, "has no action a9"));
      const auto at = result.err.find("your text is kept in ");
      REQUIRE(at != std::string::npos);
      fs::remove(result.err.substr(at + 21, result.err.find('\n', at) - at - 21));
    }
    SUBCASE("an empty note: exit 1, nothing written")
    {
      const auto before = read_text(file);
      // The template saved as it was.
      write_text(records.temp() / "editor.sh", "#!/bin/sh\ntrue\n");
      fs::permissions(records.temp() / "editor.sh", fs::perms::owner_all);
      const auto result = log(records, {"zoe", "--edit"});
      CHECK(result.code == 1);
      CHECK(contains(result.err, "aborting: the note is empty; nothing was written"));
      CHECK_FALSE(contains(result.err, "kept in"));
      CHECK(read_text(file) == before);
    }
  }

  TEST_CASE("log refuses, and writes nothing")
  {
    Records records;
    const auto file = records.pairing_file();
    const auto before = read_text(file);
    auto refused = [&](std::vector<std::string> args, int code, const std::string& mention) {
      CAPTURE(args.back());
      const auto result = log(records, args);
      CHECK(result.code == code);
      CHECK(result.err.starts_with("mentor: error: "));
      CHECK(contains(result.err, mention));
      CHECK(result.out.empty());
    };

    SUBCASE("usage errors (exit 2)")
    {
      refused({"zoe", "x", "--date", "tomorrow"}, 2, "--date");
      refused({"zoe", "x", "--date", "2026-11-21"}, 2, "future");
      refused({"zoe", "x", "--date", "someday"}, 2, "--date");
      refused({"zoe", "x", "--duration", "0"}, 2, "--duration");
      refused({"zoe", "x", "--duration", "25h"}, 2, "--duration");
      refused({"zoe", "x", "--type", "party"}, 2, "--type");
      refused({"zoe", "x", "--due", "friday"}, 2, "--due goes with --action");
      refused({"zoe", "x", "--action", "a", "--due", "someday"}, 2, "--due");
      refused({"zoe", "x", "--action", ""}, 2, "--action");
      refused({"zoe", "x", "--action", "two\nlines"}, 2, "--action");
      refused({"zoe", "x", "--topic", "bad\x07"}, 2, "--topic");
      refused({"zoe", "x", "--done", "a1", "--done", "a1"}, 2, "twice");
      refused({"phil", "x"}, 2, "you");
    }
    SUBCASE("problems in the records (exit 1)")
    {
      refused({"nobody", "x"}, 1, "nobody");
      refused({"zoe", "x", "--done", "a1"}, 1, "a1");
    }
    SUBCASE("a pairing file that does not parse is never written (exit 1)")
    {
      const std::string broken = before + "  - date: [\n";
      write_text(file, broken);
      const auto result = log(records, {"zoe", "x"});
      CHECK(result.code == 1);
      CHECK(contains(result.err, "phil-rumens--zoe-nunez.yaml:"));
      CHECK(read_text(file) == broken);
      write_text(file, before);
    }
    CHECK(read_text(file) == before);
  }
}
