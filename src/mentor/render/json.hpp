#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mentor::render {

// Writes pretty-printed JSON (two-space indent, keys in the order written).
// Strings are escaped per RFC 8259; text is passed through as UTF-8.
class JsonWriter
{
public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(long number);
  JsonWriter& value(int number) { return value(static_cast<long>(number)); }
  JsonWriter& value(double number, int decimals);
  JsonWriter& value(bool flag);
  JsonWriter& null();
  // A string, or null when empty / absent.
  JsonWriter& optional(std::string_view text);
  JsonWriter& strings(const std::vector<std::string>& list);

  // The document, with a final line break.
  std::string str() const { return m_out + "\n"; }

private:
  void before_value();
  void close(char bracket);
  std::string m_out;
  std::vector<bool> m_first;   // per open container: nothing written yet
  bool m_after_key = false;
};

std::string json_quote(std::string_view text);

} // namespace mentor::render
