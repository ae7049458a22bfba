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
// Returns the note normalised (util::normalize_note). Throws mentor::Error
// when the editor fails, or when a note from the editor is empty or left
// unchanged (nothing is written then).
std::string read_notes(const std::optional<std::string>& argument, ForceEditor force,
                       const std::string& template_text);

} // namespace mentor::cli
