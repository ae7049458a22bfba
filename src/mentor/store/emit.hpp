#pragma once

#include "mentor/store/document.hpp"

#include <string>
#include <string_view>

namespace mentor::store {

// Writing new YAML text for values mentor adds. Existing text is never
// re-emitted; these functions only produce the lines being added.
//
// Scalars are written plain only when every YAML reader (1.1 included) reads
// them back as the same text: "yes", "on", "007", "1e3", "12:30" and the like
// are quoted. ISO dates and durations ("2026-11-20", "1h30m") stay plain.
// Text with line breaks becomes a literal block (`|`) when it reads back
// exactly, and a double-quoted string otherwise. Every choice is checked by
// parsing the result back.

enum class Context { block, flow };

// One line of text for a scalar: plain when safe, else double-quoted.
std::string inline_scalar(std::string_view value, Context context = Context::block);

// "key: value\n" for a map entry whose key starts at column `indent`
// (0-based); block maps and sequences continue on the following lines.
std::string emit_entry(std::string_view key, const Node& value, int indent);

// One block-sequence item: `dash_col` spaces, "- ", then the item; a map's
// further keys line up at dash_col + 2.
std::string emit_sequence_item(const Node& item, int dash_col);

// A value on one line (a scalar, or a flow list of scalars), for inserting a
// single key line. Multi-line text is double-quoted.
std::string emit_inline_value(const Node& value);

} // namespace mentor::store
