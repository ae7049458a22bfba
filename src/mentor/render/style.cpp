#include "mentor/render/style.hpp"

#include "mentor/util/text.hpp"

#include <fmt/format.h>

namespace mentor::render {

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
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    const auto c = static_cast<unsigned char>(text[i]);
    len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const auto piece = text.substr(i, len);
    if (util::display_width(out) + util::display_width(piece) + 1 > width) {
      break;
    }
    out += piece;
    i += len;
  }
  return out + "…";
}

std::string wrap_text(std::string_view text, std::size_t width, std::string_view indent)
{
  std::string out;
  for (auto line : util::split_lines(text)) {
    std::string current(indent);
    bool empty = true;
    std::size_t start = 0;
    while (start <= line.size()) {
      auto end = line.find(' ', start);
      if (end == std::string_view::npos) {
        end = line.size();
      }
      const auto word = line.substr(start, end - start);
      if (!empty && util::display_width(current) + 1 + util::display_width(word) > width) {
        out += current + "\n";
        current = std::string(indent);
        empty = true;
      }
      current += (empty ? "" : " ") + std::string(word);
      empty = false;
      start = end + 1;
    }
    out += current + "\n";
  }
  return out;
}

} // namespace mentor::render
