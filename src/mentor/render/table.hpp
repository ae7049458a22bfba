#pragma once

#include "mentor/render/style.hpp"

#include <string>
#include <vector>

namespace mentor::render {

// A plain text table that fits a terminal: columns as wide as their widest
// cell, the last column clipped so each line fits `width` columns.
class Table
{
public:
  explicit Table(std::vector<std::string> headers) : m_headers(std::move(headers)) {}

  void add_row(std::vector<std::string> cells) { m_rows.push_back(std::move(cells)); }
  // A column clipped only when nothing else can give way (ids a user may copy).
  void keep_whole(std::size_t column) { m_whole.push_back(column); }
  bool empty() const { return m_rows.empty(); }
  std::string render(const Style& style, std::size_t width = 80) const;

private:
  std::vector<std::string> m_headers;
  std::vector<std::vector<std::string>> m_rows;
  std::vector<std::size_t> m_whole;
};

} // namespace mentor::render
