#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mentor::util {

// Bytes of the UTF-8 sequence that starts with `lead` (1 for ASCII), or 0
// for a byte that cannot start one. Says nothing of the bytes that follow.
std::size_t utf8_sequence_length(unsigned char lead);

// Offset of the first byte that is not valid UTF-8 (overlongs, surrogates and
// code points above U+10FFFF count as invalid); nullopt when all is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// 1-based line and column (in bytes) of a byte offset.
struct LineCol
{
  int line = 1;
  int col = 1;
};
LineCol line_col_at(std::string_view text, std::size_t offset);

// The text of 1-based line `line`, without its line break; empty past the end.
std::string_view line_at(std::string_view text, int line);

// Byte offset where 1-based line `line` starts (text.size() past the end).
std::size_t line_start(std::string_view text, int line);

std::vector<std::string_view> split_lines(std::string_view text);
std::string_view trim(std::string_view text);
bool starts_with_ci(std::string_view text, std::string_view prefix);
std::string to_lower_ascii(std::string_view text);

// Turn CRLF and lone CR into LF, and drop trailing white space and line
// breaks at the very end. Nothing else changes.
std::string normalize_note(std::string_view text);

// Number of display columns of UTF-8 text (each code point counts as one,
// combining marks as zero); good enough for aligning names in tables.
std::size_t display_width(std::string_view text);

} // namespace mentor::util
