#include "mentor/cli/notes.hpp"
#include "mentor/util/error.hpp"

#include <doctest/doctest.h>

#include <array>
#include <filesystem>
#include <string>
#include <sys/stat.h>

#include "cli/cli_test.hpp"

using namespace mentor;
using namespace mentor::cli;
using mentor::testutil::contains;
using mentor::testutil::EnvVar;
using mentor::testutil::mode_of;
using mentor::testutil::read_text;
using mentor::testutil::TempDir;
using mentor::testutil::write_text;

namespace fs = std::filesystem;

namespace {

const std::string k_comments = "Notes for a session with Zoë.\nSave an empty note to cancel.";
const std::string k_template = compose_note(NoteTemplate{{}, "", k_comments});

// A fake editor: a shell script in the temp dir that records the file it was
// given ("$1") and its mode, then does `action` to it.
class Editor
{
public:
  Editor(const TempDir& temp, const std::string& action)
      : m_script(temp / "editor.sh"), m_seen(temp / "seen-path"), m_mode(temp / "seen-mode"),
        m_before(temp / "seen-text")
  {
    write_text(m_script, "#!/bin/sh\n"
                         "printf '%s' \"$1\" > '"
                             + m_seen.string()
                             + "'\n"
                               "stat -c %a \"$1\" > '"
                             + m_mode.string()
                             + "'\n"
                               "cat \"$1\" > '"
                             + m_before.string() + "'\n" + action + "\n");
    fs::permissions(m_script, fs::perms::owner_all);
  }

  std::string command() const { return m_script.string(); }
  // The file the editor was given.
  fs::path file() const { return read_text(m_seen); }
  std::string mode() const { return read_text(m_mode); }
  // What the file held when the editor opened it.
  std::string initial_text() const { return read_text(m_before); }
  bool ran() const { return fs::exists(m_seen); }

private:
  fs::path m_script;
  fs::path m_seen;
  fs::path m_mode;
  fs::path m_before;
};

// VISUAL wins over EDITOR; both set for the test, then restored.
struct UseEditor
{
  explicit UseEditor(const Editor& editor) : visual("VISUAL", editor.command()), other("EDITOR", "false") {}
  EnvVar visual;
  EnvVar other;
};

std::string error_of(const std::optional<std::string>& argument, ForceEditor force)
{
  try {
    read_notes(argument, force, k_comments);
  } catch (const UsageError& e) {
    FAIL("a UsageError, not an Error: ", e.what());
  } catch (const Error& e) {
    CHECK(e.exit_code() == 1);
    return e.what();
  }
  FAIL("no exception");
  return {};
}

} // namespace

TEST_SUITE("cli::notes")
{
  TEST_CASE("read_notes from the argument, normalised")
  {
    // The editor must not open when the notes are given.
    EnvVar visual("VISUAL", "false");
    CHECK(read_notes(std::string("Plain note"), ForceEditor::no, k_comments) == "Plain note");
    CHECK(read_notes(std::string("one\r\ntwo\r\n"), ForceEditor::no, k_comments) == "one\ntwo");
    CHECK(read_notes(std::string("lone\rcr"), ForceEditor::no, k_comments) == "lone\ncr");
    CHECK(read_notes(std::string("trailing  \n\n \t\n"), ForceEditor::no, k_comments) == "trailing");
    // Only the end is trimmed; lines and indentation inside stay.
    CHECK(read_notes(std::string("a  \n  b"), ForceEditor::no, k_comments) == "a  \n  b");
    // '#' lines in an argument are the user's text, not comments.
    CHECK(read_notes(std::string("# heading\ntext"), ForceEditor::no, k_comments) == "# heading\ntext");
    CHECK(read_notes(std::string("Zoë 张伟 🎉"), ForceEditor::no, k_comments) == "Zoë 张伟 🎉");
  }

  TEST_CASE("read_notes with the editor")
  {
    TempDir temp;

    SUBCASE("the editor starts from the template, with a blank line to write on")
    {
      Editor editor(temp, "printf 'Typed on top\\n' > \"$1.new\"; cat \"$1\" >> \"$1.new\"; mv \"$1.new\" \"$1\"");
      UseEditor use(editor);
      CHECK(read_notes(std::nullopt, ForceEditor::yes, k_comments) == "Typed on top");
      CHECK(editor.initial_text() == k_template);
      CHECK(k_template.starts_with("\n" + std::string(k_scissors) + "\n"));
      CHECK(contains(k_template, "\n# Notes for a session with Zoë.\n# Save an empty note to cancel.\n"));
    }
    SUBCASE("comment lines are dropped")
    {
      Editor editor(temp, "printf '# a comment\\nkept line\\n#another\\n  # indented is kept\\n' > \"$1\"");
      UseEditor use(editor);
      CHECK(read_notes(std::nullopt, ForceEditor::yes, k_comments) == "kept line\n  # indented is kept");
    }
    SUBCASE("with an argument, the editor starts from it")
    {
      Editor editor(temp, "sed -i '1a more' \"$1\"");
      UseEditor use(editor);
      const auto note = read_notes(std::string("from the argument  \r\n"), ForceEditor::yes, k_comments);
      CHECK(editor.initial_text() == compose_note(NoteTemplate{{}, "from the argument", k_comments}));
      CHECK(editor.initial_text().starts_with("from the argument\n" + std::string(k_scissors)));
      CHECK(note == "from the argument\nmore");
    }
    SUBCASE("with an argument, an unchanged file keeps the argument")
    {
      Editor editor(temp, "true");
      UseEditor use(editor);
      CHECK(read_notes(std::string("keep me"), ForceEditor::yes, k_comments) == "keep me");
    }
    SUBCASE("CRLF from the editor is normalised")
    {
      Editor editor(temp, "printf 'one\\r\\ntwo  \\r\\n\\r\\n' > \"$1\"");
      UseEditor use(editor);
      CHECK(read_notes(std::nullopt, ForceEditor::yes, k_comments) == "one\ntwo");
    }
    SUBCASE("an emptied file is an Error")
    {
      Editor editor(temp, ": > \"$1\"");
      UseEditor use(editor);
      CHECK(error_of(std::nullopt, ForceEditor::yes).find("empty") != std::string::npos);
    }
    SUBCASE("only comments and blank lines left is an Error")
    {
      Editor editor(temp, "printf '\\n# only\\n   \\n' > \"$1\"");
      UseEditor use(editor);
      CHECK(error_of(std::nullopt, ForceEditor::yes).find("empty") != std::string::npos);
    }
    SUBCASE("emptying an argument's text is an Error too")
    {
      Editor editor(temp, ": > \"$1\"");
      UseEditor use(editor);
      CHECK(error_of(std::string("given"), ForceEditor::yes).find("empty") != std::string::npos);
    }
    SUBCASE("a file left unchanged is an Error")
    {
      // The template holds only comments, so an untouched file is an empty note.
      Editor editor(temp, "true");
      UseEditor use(editor);
      CHECK(error_of(std::nullopt, ForceEditor::yes).find("nothing was written") != std::string::npos);
    }
    SUBCASE("a failing editor is an Error, whatever it wrote")
    {
      Editor editor(temp, "printf 'half a note\\n' >> \"$1\"; exit 1");
      UseEditor use(editor);
      const auto message = error_of(std::nullopt, ForceEditor::yes);
      CHECK(message.find("editor") != std::string::npos);
      CHECK(message.find("failed") != std::string::npos);
      fs::remove(editor.file()); // kept: it was changed
    }
    SUBCASE("an editor that cannot be found is an Error")
    {
      // (Its stderr is silenced: the shell's "not found" is expected.)
      EnvVar visual("VISUAL", (temp / "no-such-editor").string() + " 2>/dev/null");
      CHECK(error_of(std::nullopt, ForceEditor::yes).find("editor") != std::string::npos);
    }
    SUBCASE("EDITOR is used when VISUAL is not set")
    {
      Editor editor(temp, "printf 'via EDITOR\\n' > \"$1\"");
      EnvVar visual("VISUAL", std::nullopt);
      EnvVar other("EDITOR", editor.command());
      CHECK(read_notes(std::nullopt, ForceEditor::yes, k_comments) == "via EDITOR");
    }
    SUBCASE("an editor command with arguments runs through the shell")
    {
      Editor editor(temp, "printf 'with args\\n' > \"$1\"");
      EnvVar visual("VISUAL", "sh " + editor.command());
      CHECK(read_notes(std::nullopt, ForceEditor::yes, k_comments) == "with args");
    }
  }

  TEST_CASE("the editor's file is private and removed afterwards")
  {
    TempDir temp;

    SUBCASE("after success")
    {
      Editor editor(temp, "printf 'secret\\n' > \"$1\"");
      UseEditor use(editor);
      CHECK(read_notes(std::nullopt, ForceEditor::yes, k_comments) == "secret");
      REQUIRE(editor.ran());
      CHECK(editor.mode() == "600\n");
      CHECK(editor.file().filename().string().starts_with("mentor-note-"));
      CHECK_FALSE(fs::exists(editor.file()));
    }
    SUBCASE("after a failing editor that changed nothing")
    {
      Editor editor(temp, "exit 3");
      UseEditor use(editor);
      CHECK_THROWS_AS(read_notes(std::nullopt, ForceEditor::yes, k_comments), Error);
      REQUIRE(editor.ran());
      CHECK(editor.mode() == "600\n");
      CHECK_FALSE(fs::exists(editor.file()));
    }
    SUBCASE("a failing editor that changed the file: kept, still private")
    {
      Editor editor(temp, "printf 'secret\\n' > \"$1\"; exit 3");
      UseEditor use(editor);
      CHECK_THROWS_AS(read_notes(std::nullopt, ForceEditor::yes, k_comments), Error);
      REQUIRE(fs::exists(editor.file()));
      CHECK(mode_of(editor.file()) == 0600);
      fs::remove(editor.file());
    }
    SUBCASE("after an empty note")
    {
      Editor editor(temp, ": > \"$1\"");
      UseEditor use(editor);
      CHECK_THROWS_AS(read_notes(std::nullopt, ForceEditor::yes, k_comments), Error);
      REQUIRE(editor.ran());
      CHECK_FALSE(fs::exists(editor.file()));
    }
    SUBCASE("private even with a permissive umask")
    {
      const auto old = ::umask(0);
      Editor editor(temp, "printf 'secret\\n' > \"$1\"");
      UseEditor use(editor);
      CHECK(read_notes(std::nullopt, ForceEditor::yes, k_comments) == "secret");
      ::umask(old);
      CHECK(editor.mode() == "600\n");
    }
  }

  TEST_CASE("parse_note: header lines, the note, and what is ignored")
  {
    const std::array<HeaderKey, 3> keys = {{{"Duration", false}, {"Topics", true}, {"Action", true}}};
    const auto scissors = std::string(k_scissors) + "\n# ignored\n";

    SUBCASE("headers, a blank line, the note")
    {
      const auto note = parse_note("Duration: 45m\ntopics:  a, b \nAction:\nAction: call Ann\n\nThe note.\n"
                                   "# a note line may start with #\n\n" + scissors + "Not: a header\n",
                                   keys);
      REQUIRE(note.headers.size() == 4);
      CHECK(note.headers[0].key == "Duration");
      CHECK(note.headers[0].value == "45m");
      CHECK(note.headers[1].key == "Topics"); // named as in the keys
      CHECK(note.headers[1].value == "a, b");
      CHECK(note.headers[2].value.empty());
      CHECK(note.headers[3].value == "call Ann");
      CHECK(note.body == "The note.\n# a note line may start with #");
    }
    SUBCASE("CRLF line ends, blank lines before the note")
    {
      const auto note = parse_note("Duration: 1h\r\n\r\n\r\n  indented first line\r\nsecond\r\n" + scissors, keys);
      CHECK(note.body == "  indented first line\nsecond");
    }
    SUBCASE("without header lines, everything is the note")
    {
      CHECK(parse_note("Just a note.\n" + scissors, keys).body == "Just a note.");
      CHECK(parse_note("\n\nJust a note.\n" + scissors, keys).headers.empty());
      // A command without headers takes "Key: value" as the note.
      CHECK(parse_note("Summary: good\n" + scissors, {}).body == "Summary: good");
    }
    SUBCASE("'#' lines at the very top are comments (the error block)")
    {
      const auto note = parse_note("# error: something\n# hint: else\nDuration: 1h\n\nNote\n" + scissors, keys);
      REQUIRE(note.headers.size() == 1);
      CHECK(note.body == "Note");
    }
    SUBCASE("without the scissors line, every '#' line is a comment")
    {
      CHECK(parse_note("Note\n# gone\nkept\n#also gone\n", keys).body == "Note\nkept");
    }
    SUBCASE("only the exact scissors line cuts")
    {
      CHECK(parse_note("Note\n# saw >8 people\n" + scissors, keys).body == "Note\n# saw >8 people");
      CHECK(parse_note("Note\n" + std::string(k_scissors) + "  \nignored\n", keys).body == "Note");
    }
    SUBCASE("nothing but comments and headers is an empty note")
    {
      CHECK(parse_note("Duration: 1h\n\n\n" + scissors, keys).body.empty());
      CHECK(parse_note("", keys).body.empty());
    }
  }

  TEST_CASE("parse_note: strict about header lines")
  {
    const std::array<HeaderKey, 2> keys = {{{"Duration", false}, {"Topics", true}}};
    auto error = [&](const std::string& text) -> std::string {
      try {
        parse_note(text, keys);
      } catch (const UsageError& e) {
        CHECK(!e.hint().empty());
        return e.what();
      }
      FAIL("no error for: ", text);
      return {};
    };
    CHECK(error("Topic: a\n\nnote\n") == "there is no header \"Topic:\"");
    CHECK(error("Duration: 1h\nDuration: 2h\n\nnote\n") == "the header Duration: is given twice");
    CHECK(error("Duration: 1h\nThe note without a blank line\n") == "\"The note without a blank line\" is not a header line");
    CHECK(contains(error("Summary: a note that looks like a header\n"), "Summary"));
    // Repeating a header that may repeat is fine.
    CHECK(parse_note("Topics: a\nTopics: b\n\nnote\n", keys).headers.size() == 2);
    // Not a header: no blank after the colon, or not a word before it.
    CHECK(parse_note("Note:not a header\n", keys).body == "Note:not a header");
    CHECK(parse_note("10:30 we met\n", keys).body == "10:30 we met");
  }

  TEST_CASE("edit_note: errors reopen the editor, or keep the text")
  {
    TempDir temp;
    const std::array<HeaderKey, 1> keys = {{{"Duration", false}}};
    const auto initial = compose_note(NoteTemplate{{{"Duration", "1h"}}, "", "comments"});
    // Refuses any Duration but 45m.
    auto accept = [](const EditedNote& note) {
      for (const auto& header : note.headers) {
        if (header.value != "45m") {
          throw UsageError("Duration: \"" + header.value + "\" is not a duration", "write 45m");
        }
      }
    };

    SUBCASE("not at a terminal: the error, and the text kept in the file")
    {
      Editor editor(temp, "printf 'Duration: forever\\n\\nMy note\\n' > \"$1\"");
      UseEditor use(editor);
      NoteEditor note_editor(initial);
      try {
        edit_note(note_editor, keys, Reopen::never, accept);
        FAIL("no error");
      } catch (const UsageError& e) {
        CHECK(std::string(e.what()) == "Duration: \"forever\" is not a duration");
        CHECK(contains(e.hint(), "write 45m"));
        CHECK(contains(e.hint(), "your text is kept in " + editor.file().string()));
      }
      REQUIRE(fs::exists(editor.file()));
      CHECK(read_text(editor.file()) == "Duration: forever\n\nMy note\n");
      CHECK(mode_of(editor.file()) == 0600);
      fs::remove(editor.file());
    }
    SUBCASE("at a terminal: reopened with the error on top, until it is right")
    {
      // First round: a bad value. Second: the error is on top; fix it.
      Editor editor(temp, "if grep -q '^# error:' \"$1\"; then cp \"$1\" '" + (temp / "second").string()
                            + "'; sed -i 's/forever/45m/' \"$1\"; else printf 'Duration: forever\\n\\nMy note\\n' > "
                              "\"$1\"; fi");
      UseEditor use(editor);
      NoteEditor note_editor(initial);
      const auto note = edit_note(note_editor, keys, Reopen::on_error, accept);
      CHECK(note.body == "My note");
      CHECK(note.headers.at(0).value == "45m");
      const auto second = read_text(temp / "second");
      CHECK(second.starts_with("# error: Duration: \"forever\" is not a duration\n# hint: write 45m\n"));
      CHECK(contains(second, "\nDuration: forever\n\nMy note\n"));
    }
    SUBCASE("at a terminal: saved unchanged after an error, the user gives up")
    {
      Editor editor(temp, "grep -q '^# error:' \"$1\" || printf 'Duration: forever\\n\\nMy note\\n' > \"$1\"");
      UseEditor use(editor);
      NoteEditor note_editor(initial);
      CHECK_THROWS_AS(edit_note(note_editor, keys, Reopen::on_error, accept), UsageError);
      REQUIRE(fs::exists(editor.file()));
      CHECK(contains(read_text(editor.file()), "My note"));
      fs::remove(editor.file());
    }
    SUBCASE("an empty note aborts; header values typed in are kept")
    {
      Editor editor(temp, "sed -i 's/^Duration: 1h/Duration: 45m/' \"$1\"");
      UseEditor use(editor);
      NoteEditor note_editor(initial);
      try {
        edit_note(note_editor, keys, Reopen::on_error, accept);
        FAIL("no error");
      } catch (const UsageError&) {
        FAIL("a UsageError");
      } catch (const Error& e) {
        CHECK(contains(e.what(), "aborting: the note is empty; nothing was written"));
        CHECK(contains(e.hint(), "kept in"));
      }
      CHECK(fs::exists(editor.file()));
      fs::remove(editor.file());
    }
    SUBCASE("an untouched template aborts and leaves nothing behind")
    {
      Editor editor(temp, "true");
      UseEditor use(editor);
      {
        NoteEditor note_editor(initial);
        CHECK_THROWS_WITH_AS(edit_note(note_editor, keys, Reopen::on_error, accept),
                             "aborting: the note is empty; nothing was written", Error);
      }
      CHECK_FALSE(fs::exists(editor.file()));
    }
    SUBCASE("a failing editor keeps what was typed")
    {
      Editor editor(temp, "printf 'half a note\\n' >> \"$1\"; exit 1");
      UseEditor use(editor);
      NoteEditor note_editor(initial);
      try {
        edit_note(note_editor, keys, Reopen::on_error, accept);
        FAIL("no error");
      } catch (const Error& e) {
        CHECK(contains(e.what(), "failed; nothing was written"));
        CHECK(contains(e.hint(), "kept in"));
      }
      CHECK(contains(read_text(editor.file()), "half a note"));
      fs::remove(editor.file());
    }
  }
}
