#include "mentor/store/emit.hpp"

#include "mentor/store/parse.hpp"
#include "mentor/store/source_error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>

namespace mentor::store {

namespace {

bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}

bool is_iso_date(std::string_view v)
{
  return v.size() == 10 && is_digit(v[0]) && is_digit(v[1]) && is_digit(v[2]) && is_digit(v[3])
         && v[4] == '-' && is_digit(v[5]) && is_digit(v[6]) && v[7] == '-' && is_digit(v[8])
         && is_digit(v[9]);
}

bool all_digits(std::string_view v)
{
  return std::all_of(v.begin(), v.end(), is_digit);
}

// "45m", "1h", "1h30m": not a number to any YAML reader. (Written out rather
// than as a std::regex, which GCC 12 warns about under the sanitizers.)
bool is_duration_word(std::string_view v)
{
  const auto unit = v.find_first_of("hm");
  if (unit == 0 || unit > 4 || unit == std::string_view::npos || !all_digits(v.substr(0, unit))) {
    return false;
  }
  const auto rest = v.substr(unit);
  if (rest == "m" || rest == "h") {
    return true;
  }
  // "h", one or two digits, "m"
  return rest.size() >= 3 && rest.size() <= 4 && rest.front() == 'h' && rest.back() == 'm'
         && all_digits(rest.substr(1, rest.size() - 2));
}

bool is_reserved_word(std::string_view v)
{
  static constexpr std::array<std::string_view, 13> words = {
    "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", "<<", "=", ".inf"};
  std::string lower;
  for (char c : v) {
    lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return std::find(words.begin(), words.end(), lower) != words.end();
}

// U+0080..U+009F (NEL among them), written C2 80..C2 9F: YAML does not
// allow them unescaped, and PyYAML refuses a file holding one.
bool is_c1_control(std::string_view rest)
{
  return rest.size() >= 2 && static_cast<unsigned char>(rest[0]) == 0xC2
         && static_cast<unsigned char>(rest[1]) >= 0x80 && static_cast<unsigned char>(rest[1]) <= 0x9F;
}

// Characters that no plain scalar of ours may contain: control characters,
// Unicode line breaks and the byte-order mark, which YAML treats specially,
// and the noncharacters U+FFFE and U+FFFF, which YAML does not allow.
bool has_special_characters(std::string_view v)
{
  for (std::size_t i = 0; i < v.size(); ++i) {
    const auto c = static_cast<unsigned char>(v[i]);
    if (c < 0x20 || c == 0x7f) {
      return true;
    }
    const auto rest = v.substr(i);
    if (is_c1_control(rest) || rest.starts_with("\xE2\x80\xA8") || rest.starts_with("\xE2\x80\xA9")
        || rest.starts_with("\xEF\xBB\xBF") || rest.starts_with("\xEF\xBF\xBE")
        || rest.starts_with("\xEF\xBF\xBF")) {
      return true;
    }
  }
  return false;
}

bool plain_is_safe(std::string_view v, Context context)
{
  if (v.empty() || v.front() == ' ' || v.back() == ' ' || has_special_characters(v)) {
    return false;
  }
  if (is_iso_date(v) || is_duration_word(v)) {
    return true;
  }
  static constexpr std::string_view indicators = "-?:,[]{}#&*!|>'\"%@`+.";
  if (indicators.find(v.front()) != std::string_view::npos || is_digit(v.front())) {
    return false;
  }
  if (v.find(": ") != std::string_view::npos || v.find(" #") != std::string_view::npos
      || v.back() == ':' || is_reserved_word(v)) {
    return false;
  }
  // In a flow list a '?' ends a plain scalar too: yaml-cpp and PyYAML both
  // fail on `[why?]`.
  if (context == Context::flow && v.find_first_of(",[]{}#?") != std::string_view::npos) {
    return false;
  }
  return true;
}

std::string double_quoted(std::string_view v)
{
  std::string out = "\"";
  for (std::size_t i = 0; i < v.size(); ++i) {
    const auto c = static_cast<unsigned char>(v[i]);
    const auto rest = v.substr(i);
    switch (c) {
    case '"':
      out += "\\\"";
      continue;
    case '\\':
      out += "\\\\";
      continue;
    case '\n':
      out += "\\n";
      continue;
    case '\t':
      out += "\\t";
      continue;
    case '\r':
      out += "\\r";
      continue;
    default:
      break;
    }
    if (c < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02X}", c);
    } else if (is_c1_control(rest)) {
      // NEL too: yaml-cpp 0.7 reads "\N" back as a lone byte 0x85, not UTF-8.
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(rest[1]));
      ++i;
    } else if (rest.starts_with("\xEF\xBF\xBE") || rest.starts_with("\xEF\xBF\xBF")) {
      out += rest[2] == '\xBE' ? "\\uFFFE" : "\\uFFFF";
      i += 2;
    } else if (rest.starts_with("\xE2\x80\xA8")) {
      out += "\\L";
      i += 2;
    } else if (rest.starts_with("\xE2\x80\xA9")) {
      out += "\\P";
      i += 2;
    } else if (rest.starts_with("\xEF\xBB\xBF")) {
      out += "\\uFEFF";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
  return out;
}

// Parses "k: <text>" (with the value's continuation lines as given) and
// returns the value read back, or nullopt when it does not parse to a scalar.
std::optional<std::string> read_back(const std::string& snippet)
{
  try {
    const auto doc = parse_document("(new text)", snippet);
    const Node* value = doc.root.find("k");
    if (value && value->is_scalar()) {
      return value->value;
    }
  } catch (const SourceError&) {
  }
  return std::nullopt;
}

// A literal block for multi-line text under a key at column `indent`, or
// nullopt when a literal block would not read back as exactly `v`.
std::optional<std::string> literal_block(std::string_view v, int indent)
{
  if (v.find('\n') == std::string_view::npos || v.find('\r') != std::string_view::npos) {
    return std::nullopt;
  }
  std::size_t body_end = v.size();
  while (body_end > 0 && v[body_end - 1] == '\n') {
    --body_end;
  }
  const auto trailing = v.size() - body_end;
  const auto body = v.substr(0, body_end);
  if (body.empty()) {
    return std::nullopt;
  }
  for (char c : body) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7f) {
      return std::nullopt;
    }
  }
  if (has_special_characters(std::string(body) + "")) {
    // has_special_characters flags '\n' too; check without line breaks.
    std::string flat(body);
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    std::replace(flat.begin(), flat.end(), '\t', ' ');
    if (has_special_characters(flat)) {
      return std::nullopt;
    }
  }
  const std::string pad(static_cast<std::size_t>(indent + 2), ' ');
  std::string header = "|";
  if (body.front() == ' ' || body.front() == '\n') {
    header += "2"; // explicit indentation: the text itself starts with spaces
  }
  header += trailing == 0 ? "-" : trailing == 1 ? "" : "+";
  std::string out = header + "\n";
  std::size_t start = 0;
  while (start <= v.size()) {
    const auto end = v.find('\n', start);
    if (end == std::string_view::npos) {
      break;
    }
    const auto line = v.substr(start, end - start);
    out += line.empty() ? "\n" : pad + std::string(line) + "\n";
    start = end + 1;
  }
  if (start < v.size()) {
    out += pad + std::string(v.substr(start)) + "\n";
  }
  const auto check = read_back(std::string(static_cast<std::size_t>(indent), ' ') + "k: " + out);
  if (!check || *check != v) {
    return std::nullopt;
  }
  return out;
}

std::string scalar_after_key(std::string_view v, int indent)
{
  if (v.find('\n') != std::string_view::npos) {
    if (auto block = literal_block(v, indent)) {
      return " " + *block;
    }
  }
  return " " + inline_scalar(v) + "\n";
}

bool all_scalars(const Node& node)
{
  return std::all_of(node.items.begin(), node.items.end(), [](const Node& item) {
    return item.is_scalar() && item.value.find('\n') == std::string::npos;
  });
}

std::string flow_sequence(const Node& node)
{
  std::string out = "[";
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    out += (i ? ", " : "") + inline_scalar(node.items[i].value, Context::flow);
  }
  return out + "]";
}

std::string emit_value_after_key(const Node& value, int indent);

std::string emit_map_body(const Node& map, int indent, bool first_inline)
{
  std::string out;
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  for (std::size_t i = 0; i < map.entries.size(); ++i) {
    const auto& entry = map.entries[i];
    out += (i == 0 && first_inline ? "" : pad) + inline_scalar(entry.key) + ":"
           + emit_value_after_key(entry.value, indent);
  }
  return out;
}

std::string emit_value_after_key(const Node& value, int indent)
{
  switch (value.kind) {
  case Node::Kind::null:
    return "\n";
  case Node::Kind::scalar:
    return scalar_after_key(value.value, indent);
  case Node::Kind::sequence:
    if (value.items.empty() || (value.flow && all_scalars(value))) {
      return " " + flow_sequence(value) + "\n";
    } else {
      std::string out = "\n";
      for (const auto& item : value.items) {
        out += emit_sequence_item(item, indent + 2);
      }
      return out;
    }
  case Node::Kind::map:
    if (value.entries.empty()) {
      return " {}\n";
    }
    return "\n" + emit_map_body(value, indent + 2, false);
  }
  return "\n";
}

} // namespace

std::string inline_scalar(std::string_view value, Context context)
{
  if (plain_is_safe(value, context)) {
    return std::string(value);
  }
  return double_quoted(value);
}

std::string emit_entry(std::string_view key, const Node& value, int indent)
{
  return std::string(static_cast<std::size_t>(indent), ' ') + inline_scalar(key) + ":"
         + emit_value_after_key(value, indent);
}

std::string emit_sequence_item(const Node& item, int dash_col)
{
  const std::string prefix = std::string(static_cast<std::size_t>(dash_col), ' ') + "-";
  switch (item.kind) {
  case Node::Kind::null:
    return prefix + "\n";
  case Node::Kind::scalar:
    // Sequence items are written like map values one column further in.
    return prefix + scalar_after_key(item.value, dash_col);
  case Node::Kind::sequence:
    return prefix + " " + flow_sequence(item) + "\n";
  case Node::Kind::map:
    if (item.entries.empty()) {
      return prefix + " {}\n";
    }
    return prefix + " " + emit_map_body(item, dash_col + 2, true);
  }
  return prefix + "\n";
}

std::string emit_inline_value(const Node& value)
{
  switch (value.kind) {
  case Node::Kind::null:
    return "";
  case Node::Kind::scalar:
    return inline_scalar(value.value);
  case Node::Kind::sequence:
    return flow_sequence(value);
  case Node::Kind::map:
    break;
  }
  throw Error("internal error: a map cannot be written on one line");
}

} // namespace mentor::store
