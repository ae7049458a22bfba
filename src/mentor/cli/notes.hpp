#pragma once

#include <optional>
#include <string>

namespace mentor::cli {

enum class ForceEditor { yes, no };

// Where a note comes from: the argument; else standard input when it is not
// a terminal; else the user's editor ($VISUAL, $EDITOR, vi) on a temporary
// private file that starts with `template_text` (lines starting with '#' are
// dropped afterwards, as git does). With ForceEditor::yes the editor opens
// even with an argument, starting from it.
//
// Returns the note normalised (util::normalize_note; from the editor, blank
// lines before the text are dropped too). Throws mentor::Error when the
// editor fails or leaves the note empty (nothing is written then). An empty
// argument or empty standard input is a session without notes.
std::string read_notes(const std::optional<std::string>& argument, ForceEditor force,
                       const std::string& template_text);

} // namespace mentor::cli
