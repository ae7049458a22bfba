#pragma once

#include "mentor/util/error.hpp"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// Notes from the argument, standard input or the user's editor.
//
// The file the editor opens (like git's commit message):
//
//   Duration: 1h              header lines, when the command has any
//   Topics: delegation
//                             a blank line
//   The note itself.          lines starting with '#' are kept here
//   # ------------------------ >8 ------------------------
//   # what to do, the last session, open actions: all ignored
//
// Everything from the scissors line (">8") down is ignored, and so are '#'
// lines at the very top (where an error is shown when the editor reopens).
// Without the scissors line, every line starting with '#' is ignored.
namespace mentor::cli {

enum class ForceEditor { yes, no };

// Reopen the editor, with the error on top, when what was saved is wrong?
// Only with someone at the terminal; otherwise the text is kept in a file.
enum class Reopen { on_error, never };

struct HeaderKey
{
  std::string_view name;
  bool repeats = false;
};

struct Header
{
  std::string key; // as in HeaderKey::name
  std::string value; // trimmed
};

struct NoteTemplate
{
  std::vector<std::pair<std::string, std::string>> headers; // shown in order
  std::string body;                                           // the note so far
  std::string comments; // shown below the scissors line, each line behind "# "
};

struct EditedNote
{
  std::vector<Header> headers;
  std::string body; // normalised (util::normalize_note), no leading blank lines
};

extern const std::string_view k_scissors;

// The text the editor starts from.
std::string compose_note(const NoteTemplate& note);

// Reads what the editor saved. Header lines are recognised only when `keys`
// is not empty and the first line (after comments) looks like "Key: value";
// they run to the first blank line, and each must be one of `keys` (case
// does not matter), once unless it repeats. Throws UsageError quoting the
// line otherwise.
EditedNote parse_note(std::string_view text, std::span<const HeaderKey> keys);

// A private temporary file (0600, in $XDG_RUNTIME_DIR, /dev/shm, $TMPDIR or
// /tmp) and the editor on it: $VISUAL, else $EDITOR, else vi, run by
// /bin/sh so that "code --wait" works. The file is removed when this goes
// away, unless it was kept.
class NoteEditor
{
public:
  explicit NoteEditor(const std::string& initial);
  ~NoteEditor();
  NoteEditor(const NoteEditor&) = delete;
  NoteEditor& operator=(const NoteEditor&) = delete;

  // Runs the editor and returns what it saved. Throws Error when it fails
  // (keeping the file when the user had changed it).
  std::string edit();
  // Writes `text` back with `error` as '#' lines on top, for the next edit.
  void show_error(const Error& error, std::string_view text);
  // Throws `error` again (same exit code), with a hint saying that the text
  // is kept in the file, which stays.
  [[noreturn]] void keep_and_throw(const Error& error);
  // Has the user changed the file since mentor wrote it?
  bool changed() const;

  const std::string& path() const { return m_path; }
  // What the file first held.
  const std::string& initial() const { return m_initial; }

private:
  void write(const std::string& text);

  std::string m_path;
  std::string m_initial;
  std::string m_written;
  bool m_keep = false;
};

// The editor flow: opens `note`, parses what is saved, and hands it to
// `accept`, which throws mentor::Error for values it refuses. Then, with
// Reopen::on_error, the editor opens again with the error on top, until the
// note is accepted or saved unchanged; otherwise (and then) the text is kept
// in a file and the error thrown. An empty note aborts (Error, exit 1):
// nothing is written.
EditedNote edit_note(NoteEditor& editor, std::span<const HeaderKey> keys, Reopen reopen,
                     const std::function<void(const EditedNote&)>& accept);

// Where a note comes from: the argument; else standard input when it is not
// a terminal; else the editor, on a note without header lines that starts
// with the argument, if any, above `comments`. With ForceEditor::yes the
// editor opens even with an argument.
//
// Returns the note normalised (util::normalize_note). Throws mentor::Error
// when the editor fails or leaves the note empty (nothing is written then).
// An empty argument or empty standard input is a session without notes.
std::string read_notes(const std::optional<std::string>& argument, ForceEditor force, const std::string& comments);

// True when the notes would come from the editor.
bool notes_from_editor(const std::optional<std::string>& argument, ForceEditor force);

} // namespace mentor::cli
