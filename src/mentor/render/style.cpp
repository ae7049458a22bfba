#include "mentor/render/style.hpp"

#include "mentor/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace mentor::render {

namespace {

// The code point (or stray byte) at `pos`, never past the end.
std::string_view piece_at(std::string_view text, std::size_t pos)
{
  // A byte that cannot start a sequence stands alone (display_width shows it
  // as one column).
  const auto length = std::max<std::size_t>(1, util::utf8_sequence_length(static_cast<unsigned char>(text[pos])));
  return text.substr(pos, std::min(length, text.size() - pos));
}

void trim_trailing_spaces(std::string& line)
{
  while (!line.empty() && line.back() == ' ') {
    line.pop_back();
  }
}

} // namespace

std::string Style::wrap(std::string_view code, std::string_view text) const
{
  if (!m_color) {
    return std::string(text);
  }
  return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}

std::string pad(std::string_view text, std::size_t width)
{
  const auto shown = util::display_width(text);
  return std::string(text) + (shown < width ? std::string(width - shown, ' ') : std::string());
}

std::string clip(std::string_view text, std::size_t width)
{
  if (util::display_width(text) <= width) {
    return std::string(text);
  }
  if (width == 0) {
    return {};
  }
  // Room for the text, then one column for "…".
  std::string out;
  std::size_t shown = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto piece = piece_at(text, i);
    const auto piece_width = util::display_width(piece);
    if (shown + piece_width + 1 > width) {
      break;
    }
    out += piece;
    shown += piece_width;
    i += piece.size();
  }
  return out + "…";
}

std::string wrap_text(std::string_view text, std::size_t width, std::string_view indent)
{
  const auto indent_width = util::display_width(indent);
  // At least one column for the text, even when the indent takes them all.
  const auto room = width > indent_width ? width - indent_width : 1;
  std::string out;
  for (auto line : util::split_lines(text)) {
    if (util::trim(line).empty()) {
      out += "\n";
      continue;
    }
    std::string current;
    std::size_t used = 0;
    bool fresh = true;         // nothing on the output line yet
    bool continuation = false; // the output line continues a wrapped one
    auto flush = [&] {
      std::string shown = std::string(indent) + current;
      trim_trailing_spaces(shown);
      out += shown + "\n";
      current.clear();
      used = 0;
      fresh = true;
      continuation = true;
    };
    std::size_t start = 0;
    while (start <= line.size()) {
      auto end = line.find(' ', start);
      if (end == std::string_view::npos) {
        end = line.size();
      }
      const auto word = line.substr(start, end - start);
      start = end + 1;
      // Spaces where a line was wrapped are not carried to the next one;
      // leading spaces of a line of the text (its own indent) are kept.
      if (word.empty() && fresh && continuation) {
        continue;
      }
      const auto word_width = util::display_width(word);
      if (word_width > room) {
        // Too long for any line (a URL, say): cut it where the line ends.
        if (!fresh) {
          flush();
        }
        for (std::size_t i = 0; i < word.size();) {
          const auto piece = piece_at(word, i);
          const auto piece_width = util::display_width(piece);
          if (!fresh && used + piece_width > room) {
            flush();
          }
          current += piece;
          used += piece_width;
          fresh = false;
          i += piece.size();
        }
        continue;
      }
      if (!fresh && used + 1 + word_width > room) {
        flush();
        if (word.empty()) {
          continue;
        }
      }
      if (!fresh) {
        current += ' ';
        ++used;
      }
      current += word;
      used += word_width;
      fresh = false;
    }
    flush();
  }
  return out;
}

// Wraps text after `first` (such as "    - "), its later lines indented to
// line up under the text rather than repeating `first`.
std::string hanging_text(std::string_view text, const std::string& first, std::size_t width)
{
  const std::string rest(util::display_width(first), ' ');
  auto out = wrap_text(text, width, rest);
  if (out.starts_with(rest)) {
    out.replace(0, rest.size(), first);
  } else {
    // Nothing on the first line: no trailing spaces after `first`.
    out.insert(0, std::string(first.substr(0, first.find_last_not_of(' ') + 1)) + (out.empty() ? "\n" : ""));
  }
  return out;
}

// Text from the records on one terminal line: line breaks, tabs and other
// control characters (escape sequences included) become spaces.
std::string one_line(std::string_view text)
{
  std::string out(text);
  for (auto& ch : out) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f) {
      ch = ' ';
    }
  }
  return out;
}

} // namespace mentor::render
