#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace mentor::store {

// The byte offset of the first `[` or `{` that opens a flow collection
// nested more than `limit` deep, if there is one.
//
// Why: yaml-cpp's scanner reads a whole run of opening brackets ahead before
// it hands over the first event (each one may start a key), so a few
// megabytes of "[[[[…" take seconds to refuse. This one linear pass finds
// them first.
//
// It counts only brackets that YAML reads as flow collections: a value or a
// list item that starts with [ or {, and what nests inside. Comments, quoted
// scalars, block scalars (| and >) and the continuation lines of plain
// scalars are skipped, so text that merely holds brackets is never counted.
// Where the layout is unclear it counts less, never more: what it lets
// through, the parser still refuses.
std::optional<std::size_t> find_deep_flow(std::string_view text, int limit);

} // namespace mentor::store
