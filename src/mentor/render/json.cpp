#include "mentor/render/json.hpp"

#include <fmt/format.h>

namespace mentor::render {

std::string json_quote(std::string_view text)
{
  std::string out = "\"";
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (c < 0x20 || c == 0x7f) {
        out += fmt::format("\\u{:04x}", c);
      } else {
        out += ch;
      }
    }
  }
  return out + "\"";
}

void JsonWriter::before_value()
{
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (!m_first.empty()) {
    m_out += m_first.back() ? "\n" : ",\n";
    m_first.back() = false;
    m_out += std::string(2 * m_first.size(), ' ');
  }
}

JsonWriter& JsonWriter::begin_object()
{
  before_value();
  m_out += "{";
  m_first.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_object()
{
  close('}');
  return *this;
}

void JsonWriter::close(char bracket)
{
  const bool empty = m_first.back();
  m_first.pop_back();
  m_out += empty ? std::string(1, bracket) : "\n" + std::string(2 * m_first.size(), ' ') + bracket;
}

JsonWriter& JsonWriter::begin_array()
{
  before_value();
  m_out += "[";
  m_first.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array()
{
  close(']');
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name)
{
  before_value();
  m_out += json_quote(name) + ": ";
  m_after_key = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text)
{
  before_value();
  m_out += json_quote(text);
  return *this;
}

JsonWriter& JsonWriter::value(long number)
{
  before_value();
  m_out += std::to_string(number);
  return *this;
}

JsonWriter& JsonWriter::value(double number, int decimals)
{
  before_value();
  m_out += fmt::format("{:.{}f}", number, decimals);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag)
{
  before_value();
  m_out += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null()
{
  before_value();
  m_out += "null";
  return *this;
}

JsonWriter& JsonWriter::optional(std::string_view text)
{
  return text.empty() ? null() : value(text);
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& list)
{
  begin_array();
  for (const auto& item : list) {
    value(item);
  }
  return end_array();
}

} // namespace mentor::render
