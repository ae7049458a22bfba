#include "mentor/render/table.hpp"

#include "mentor/util/text.hpp"

#include <algorithm>

namespace mentor::render {

std::string Table::render(const Style& style, std::size_t width) const
{
  const auto columns = m_headers.size();
  std::vector<std::size_t> widths(columns, 0);
  for (std::size_t c = 0; c < columns; ++c) {
    widths[c] = util::display_width(m_headers[c]);
    for (const auto& row : m_rows) {
      if (c < row.size()) {
        widths[c] = std::max(widths[c], util::display_width(row[c]));
      }
    }
  }
  // Shrink the widest columns until the line fits (two spaces between).
  auto total = [&] {
    std::size_t sum = columns > 0 ? 2 * (columns - 1) : 0;
    for (auto w : widths) {
      sum += w;
    }
    return sum;
  };
  // Other columns give way first, down to 12 columns; then, only when the
  // line cannot fit otherwise, any column (those kept whole too), widest
  // first, down to 8.
  for (const bool cut_whole : {false, true}) {
    const std::size_t floor = cut_whole ? 8 : 12;
    auto shrinkable = [&](std::size_t c) {
      return widths[c] > floor && (cut_whole || std::find(m_whole.begin(), m_whole.end(), c) == m_whole.end());
    };
    while (total() > width) {
      std::size_t widest = columns;
      for (std::size_t c = 0; c < columns; ++c) {
        if (shrinkable(c) && (widest == columns || widths[c] > widths[widest])) {
          widest = c;
        }
      }
      if (widest == columns) {
        break;
      }
      --widths[widest];
    }
  }
  auto line = [&](const std::vector<std::string>& cells, bool header) {
    std::string out;
    for (std::size_t c = 0; c < columns; ++c) {
      const std::string cell = c < cells.size() ? clip(cells[c], widths[c]) : std::string();
      const bool last = c + 1 == columns;
      const auto text = last ? cell : pad(cell, widths[c]);
      out += header ? style.bold(text) : text;
      if (!last) {
        out += "  ";
      }
    }
    while (!out.empty() && out.back() == ' ') {
      out.pop_back();
    }
    return out + "\n";
  };
  std::string out = line(m_headers, true);
  for (const auto& row : m_rows) {
    out += line(row, false);
  }
  return out;
}

} // namespace mentor::render
