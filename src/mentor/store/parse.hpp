#pragma once

#include "mentor/store/document.hpp"

#include <cstddef>
#include <string>

namespace mentor::store {

// The largest file mentor reads. yaml-cpp needs about 13 times a file's size
// in memory; a pairing with ten years of weekly sessions is well under 1 MiB.
inline constexpr std::size_t k_max_file_bytes = 4 * 1024 * 1024;

// Deeper than this is never a mentor record (they nest five levels at most).
inline constexpr int k_max_depth = 64;

// Parses one YAML file, refusing what mentor will never write to: invalid
// UTF-8, NUL bytes, syntax errors, several documents, anchors and aliases,
// tags, duplicate keys, keys that are not plain text, nesting deeper than
// k_max_depth. Throws SourceError naming file:line:col, what is wrong and how
// to fix it. `display_path` is how the file is named in messages.
Document parse_document(std::string display_path, std::string text);

} // namespace mentor::store
