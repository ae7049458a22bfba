#pragma once

#include <string>
#include <string_view>

namespace mentor::render {

// Terminal colour, or none. Renderers take a Style and stay pure: whether
// colour is wanted is decided by the caller (terminal, NO_COLOR, --color).
class Style
{
public:
  explicit Style(bool color) : m_color(color) {}

  bool color() const { return m_color; }
  std::string bold(std::string_view text) const { return wrap("1", text); }
  std::string dim(std::string_view text) const { return wrap("2", text); }
  std::string red(std::string_view text) const { return wrap("31", text); }
  std::string green(std::string_view text) const { return wrap("32", text); }
  std::string yellow(std::string_view text) const { return wrap("33", text); }

private:
  std::string wrap(std::string_view code, std::string_view text) const;
  bool m_color;
};

// Text from the records on one terminal line: line breaks, tabs and other
// control characters (escape sequences included) become spaces.
std::string one_line(std::string_view text);

// Pads UTF-8 text with spaces to `width` display columns (never cuts).
std::string pad(std::string_view text, std::size_t width);

// Cuts UTF-8 text to at most `width` display columns, ending in "…" when cut.
std::string clip(std::string_view text, std::size_t width);

// Wraps text to `width` columns, each line starting with `indent`; existing
// line breaks are kept.
std::string wrap_text(std::string_view text, std::size_t width, std::string_view indent);

// Wraps text after `first` (such as "    - "), its later lines indented to
// line up under the text rather than repeating `first`.
std::string hanging_text(std::string_view text, const std::string& first, std::size_t width = 80);

} // namespace mentor::render
