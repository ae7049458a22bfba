#include "mentor/util/text.hpp"

#include <algorithm>
#include <array>

namespace mentor::util {

namespace {

struct Decoded
{
  char32_t code_point;
  std::size_t length; // 0 when the bytes at the position are not valid UTF-8
};

// Decodes one sequence following the Unicode Standard's table of well-formed
// byte sequences (Table 3-7), which rules out overlongs, surrogates and code
// points above U+10FFFF through the allowed range of the second byte.
Decoded decode_at(std::string_view text, std::size_t pos)
{
  const auto byte = [&](std::size_t i) {
    return static_cast<unsigned char>(text[pos + i]);
  };
  const auto in = [](unsigned char b, unsigned char lo, unsigned char hi) {
    return b >= lo && b <= hi;
  };
  const std::size_t available = text.size() - pos;
  const unsigned char lead = byte(0);

  if (lead < 0x80) {
    return {lead, 1};
  }

  std::size_t length = 0;
  unsigned char second_lo = 0x80;
  unsigned char second_hi = 0xBF;
  char32_t cp = 0;
  if (in(lead, 0xC2, 0xDF)) {
    length = 2;
    cp = lead & 0x1Fu;
  } else if (in(lead, 0xE0, 0xEF)) {
    length = 3;
    cp = lead & 0x0Fu;
    if (lead == 0xE0) {
      second_lo = 0xA0; // below is an overlong
    } else if (lead == 0xED) {
      second_hi = 0x9F; // above are the UTF-16 surrogates
    }
  } else if (in(lead, 0xF0, 0xF4)) {
    length = 4;
    cp = lead & 0x07u;
    if (lead == 0xF0) {
      second_lo = 0x90; // below is an overlong
    } else if (lead == 0xF4) {
      second_hi = 0x8F; // above is past U+10FFFF
    }
  } else {
    return {0, 0};
  }

  if (available < length || !in(byte(1), second_lo, second_hi)) {
    return {0, 0};
  }
  for (std::size_t i = 1; i < length; ++i) {
    if (!in(byte(i), 0x80, 0xBF)) {
      return {0, 0};
    }
    cp = (cp << 6) | (byte(i) & 0x3Fu);
  }
  return {cp, length};
}

bool is_blank(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char lower(char c)
{
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

struct Range
{
  char32_t first;
  char32_t last;
};

// Wide (two-column) East Asian scripts and emoji; a coarse version of
// Unicode's East Asian Width property that is enough to line up a table.
constexpr std::array k_wide_ranges = {
  Range{0x1100, 0x115F},   // Hangul Jamo initial consonants
  Range{0x2E80, 0xA4CF},   // CJK radicals ... Yi
  Range{0xAC00, 0xD7A3},   // Hangul syllables
  Range{0xF900, 0xFAFF},   // CJK compatibility ideographs
  Range{0xFE30, 0xFE4F},   // CJK compatibility forms
  Range{0xFF00, 0xFF60},   // Fullwidth forms
  Range{0xFFE0, 0xFFE6},   // Fullwidth signs
  Range{0x1F300, 0x1FAFF}, // Emoji and pictographs
  Range{0x20000, 0x3FFFD}, // CJK extension planes
};

std::size_t code_point_width(char32_t cp)
{
  if (cp >= 0x300 && cp <= 0x36F) {
    return 0;
  }
  for (const auto& range : k_wide_ranges) {
    if (cp >= range.first && cp <= range.last) {
      return 2;
    }
  }
  return 1;
}

} // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view text)
{
  std::size_t pos = 0;
  while (pos < text.size()) {
    const Decoded decoded = decode_at(text, pos);
    if (decoded.length == 0) {
      return pos;
    }
    pos += decoded.length;
  }
  return std::nullopt;
}

LineCol line_col_at(std::string_view text, std::size_t offset)
{
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const auto newlines = std::count(before.begin(), before.end(), '\n');
  const std::size_t last_newline = before.rfind('\n');
  const std::size_t line_begin = last_newline == std::string_view::npos ? 0 : last_newline + 1;
  return {static_cast<int>(newlines + 1), static_cast<int>(offset - line_begin + 1)};
}

std::size_t line_start(std::string_view text, int line)
{
  if (line < 1) {
    return text.size();
  }
  std::size_t pos = 0;
  for (int current = 1; current < line; ++current) {
    const std::size_t newline = text.find('\n', pos);
    if (newline == std::string_view::npos) {
      return text.size();
    }
    pos = newline + 1;
  }
  return pos;
}

std::string_view line_at(std::string_view text, int line)
{
  const std::size_t start = line_start(text, line);
  if (start >= text.size()) {
    return {};
  }
  std::size_t end = text.find('\n', start);
  if (end == std::string_view::npos) {
    end = text.size();
  } else if (end > start && text[end - 1] == '\r') {
    // The line break of a CRLF file is both bytes; a stray CR shown in an
    // error message would move the cursor back to the start of the line.
    --end;
  }
  return text.substr(start, end - start);
}

std::vector<std::string_view> split_lines(std::string_view text)
{
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t newline = text.find('\n', pos);
    if (newline == std::string_view::npos) {
      lines.push_back(text.substr(pos));
      break;
    }
    lines.push_back(text.substr(pos, newline - pos));
    pos = newline + 1;
  }
  return lines;
}

std::string_view trim(std::string_view text)
{
  while (!text.empty() && is_blank(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_blank(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

bool starts_with_ci(std::string_view text, std::string_view prefix)
{
  if (prefix.size() > text.size()) {
    return false;
  }
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower(text[i]) != lower(prefix[i])) {
      return false;
    }
  }
  return true;
}

std::string to_lower_ascii(std::string_view text)
{
  std::string out(text);
  for (char& c : out) {
    c = lower(c);
  }
  return out;
}

std::string normalize_note(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
    } else {
      out.push_back(text[i]);
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t' || out.back() == '\n')) {
    out.pop_back();
  }
  return out;
}

std::size_t display_width(std::string_view text)
{
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const Decoded decoded = decode_at(text, pos);
    if (decoded.length == 0) {
      // A terminal shows an invalid byte as one replacement character.
      width += 1;
      pos += 1;
      continue;
    }
    width += code_point_width(decoded.code_point);
    pos += decoded.length;
  }
  return width;
}

std::size_t utf8_sequence_length(unsigned char lead)
{
  if (lead < 0x80) {
    return 1;
  }
  if (lead >= 0xC2 && lead <= 0xDF) {
    return 2;
  }
  if (lead >= 0xE0 && lead <= 0xEF) {
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    return 4;
  }
  return 0;
}

} // namespace mentor::util
