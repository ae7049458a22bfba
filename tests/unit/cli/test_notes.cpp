#include "mentor/cli/notes.hpp"
#include "mentor/util/error.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <sys/stat.h>

#include "cli/cli_test.hpp"

using namespace mentor;
using namespace mentor::cli;
using mentor::testutil::EnvVar;
using mentor::testutil::read_text;
using mentor::testutil::TempDir;
using mentor::testutil::write_text;

namespace fs = std::filesystem;

namespace {

const std::string k_template = "# Notes for a session with Zoë.\n# Lines starting with # are ignored.\n";

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
    read_notes(argument, force, k_template);
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
    CHECK(read_notes(std::string("Plain note"), ForceEditor::no, k_template) == "Plain note");
    CHECK(read_notes(std::string("one\r\ntwo\r\n"), ForceEditor::no, k_template) == "one\ntwo");
    CHECK(read_notes(std::string("lone\rcr"), ForceEditor::no, k_template) == "lone\ncr");
    CHECK(read_notes(std::string("trailing  \n\n \t\n"), ForceEditor::no, k_template) == "trailing");
    // Only the end is trimmed; lines and indentation inside stay.
    CHECK(read_notes(std::string("a  \n  b"), ForceEditor::no, k_template) == "a  \n  b");
    // '#' lines in an argument are the user's text, not comments.
    CHECK(read_notes(std::string("# heading\ntext"), ForceEditor::no, k_template) == "# heading\ntext");
    CHECK(read_notes(std::string("Zoë 张伟 🎉"), ForceEditor::no, k_template) == "Zoë 张伟 🎉");
  }

  TEST_CASE("read_notes with the editor")
  {
    TempDir temp;

    SUBCASE("the editor starts from the template, with a blank line to write on")
    {
      Editor editor(temp, "printf 'Typed on top\\n' > \"$1.new\"; cat \"$1\" >> \"$1.new\"; mv \"$1.new\" \"$1\"");
      UseEditor use(editor);
      CHECK(read_notes(std::nullopt, ForceEditor::yes, k_template) == "Typed on top");
      CHECK(editor.initial_text() == "\n" + k_template);
    }
    SUBCASE("comment lines are dropped")
    {
      Editor editor(temp, "printf '# a comment\\nkept line\\n#another\\n  # indented is kept\\n' > \"$1\"");
      UseEditor use(editor);
      CHECK(read_notes(std::nullopt, ForceEditor::yes, k_template) == "kept line\n  # indented is kept");
    }
    SUBCASE("with an argument, the editor starts from it")
    {
      Editor editor(temp, "printf 'more\\n' >> \"$1\"");
      UseEditor use(editor);
      const auto note = read_notes(std::string("from the argument  \r\n"), ForceEditor::yes, k_template);
      CHECK(editor.initial_text() == "from the argument\n" + k_template);
      CHECK(note == "from the argument\nmore");
    }
    SUBCASE("with an argument, an unchanged file keeps the argument")
    {
      Editor editor(temp, "true");
      UseEditor use(editor);
      CHECK(read_notes(std::string("keep me"), ForceEditor::yes, k_template) == "keep me");
    }
    SUBCASE("CRLF from the editor is normalised")
    {
      Editor editor(temp, "printf 'one\\r\\ntwo  \\r\\n\\r\\n' > \"$1\"");
      UseEditor use(editor);
      CHECK(read_notes(std::nullopt, ForceEditor::yes, k_template) == "one\ntwo");
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
      CHECK(read_notes(std::nullopt, ForceEditor::yes, k_template) == "via EDITOR");
    }
    SUBCASE("an editor command with arguments runs through the shell")
    {
      Editor editor(temp, "printf 'with args\\n' > \"$1\"");
      EnvVar visual("VISUAL", "sh " + editor.command());
      CHECK(read_notes(std::nullopt, ForceEditor::yes, k_template) == "with args");
    }
  }

  TEST_CASE("the editor's file is private and removed afterwards")
  {
    TempDir temp;

    SUBCASE("after success")
    {
      Editor editor(temp, "printf 'secret\\n' > \"$1\"");
      UseEditor use(editor);
      CHECK(read_notes(std::nullopt, ForceEditor::yes, k_template) == "secret");
      REQUIRE(editor.ran());
      CHECK(editor.mode() == "600\n");
      CHECK(editor.file().filename().string().starts_with("mentor-note-"));
      CHECK_FALSE(fs::exists(editor.file()));
    }
    SUBCASE("after a failing editor")
    {
      Editor editor(temp, "printf 'secret\\n' > \"$1\"; exit 3");
      UseEditor use(editor);
      CHECK_THROWS_AS(read_notes(std::nullopt, ForceEditor::yes, k_template), Error);
      REQUIRE(editor.ran());
      CHECK(editor.mode() == "600\n");
      CHECK_FALSE(fs::exists(editor.file()));
    }
    SUBCASE("after an empty note")
    {
      Editor editor(temp, ": > \"$1\"");
      UseEditor use(editor);
      CHECK_THROWS_AS(read_notes(std::nullopt, ForceEditor::yes, k_template), Error);
      REQUIRE(editor.ran());
      CHECK_FALSE(fs::exists(editor.file()));
    }
    SUBCASE("private even with a permissive umask")
    {
      const auto old = ::umask(0);
      Editor editor(temp, "printf 'secret\\n' > \"$1\"");
      UseEditor use(editor);
      CHECK(read_notes(std::nullopt, ForceEditor::yes, k_template) == "secret");
      ::umask(old);
      CHECK(editor.mode() == "600\n");
    }
  }
}
