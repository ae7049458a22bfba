#include "mentor/store/writer.hpp"

#include "mentor/store/emit.hpp"
#include "mentor/store/parse.hpp"
#include "mentor/store/source_error.hpp"
#include "mentor/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace mentor::store {

namespace {

bool is_blank(char c)
{
  return c == ' ' || c == '\t';
}

// Start of the line holding `offset`.
std::size_t line_begin(std::string_view text, std::size_t offset)
{
  while (offset > 0 && text[offset - 1] != '\n') {
    --offset;
  }
  return offset;
}

// Offset just past the line break of the line holding `offset` (text.size()
// when the line is the last one and has no line break).
std::size_t next_line(std::string_view text, std::size_t offset)
{
  const auto nl = text.find('\n', offset);
  return nl == std::string_view::npos ? text.size() : nl + 1;
}

bool rest_of_line_is_comment(std::string_view text, std::size_t offset)
{
  while (offset < text.size() && is_blank(text[offset])) {
    ++offset;
  }
  return offset >= text.size() || text[offset] == '\n' || text[offset] == '\r' || text[offset] == '#';
}

// `~` or `null` written out, rather than a value left empty.
bool is_explicit_null(std::string_view text, std::size_t offset)
{
  const auto at = text.substr(std::min(offset, text.size()));
  return at.starts_with("~") || at.starts_with("null") || at.starts_with("Null") || at.starts_with("NULL");
}

} // namespace

Extent single_line_extent(const Document& document, const Node& value)
{
  const std::string_view text = document.text;
  auto refuse = [&](const std::string& message) -> Extent {
    throw SourceError({problem_at(document.path, text, value.mark.line, value.mark.col, message,
                                  "write the value on one line (mentor only changes one-line values), "
                                  "then run the command again")});
  };
  const auto begin = value.mark.offset;
  if (begin >= text.size()) {
    return refuse("this value cannot be changed in place");
  }
  const char first = text[begin];
  if (value.is_scalar() && !value.plain && (first == '"' || first == '\'')) {
    std::size_t i = begin + 1;
    while (i < text.size() && text[i] != '\n') {
      if (first == '"' && text[i] == '\\') {
        i += 2;
        continue;
      }
      if (text[i] == first) {
        if (first == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
          i += 2;
          continue;
        }
        if (rest_of_line_is_comment(text, i + 1)) {
          return Extent{begin, i + 1};
        }
        break;
      }
      ++i;
    }
    return refuse("this quoted value spans several lines");
  }
  if (!value.is_scalar() && !value.is_null()) {
    return refuse("this value is a list or a map, not a single value");
  }
  if (value.is_scalar() && !value.plain) {
    return refuse("this value is a block of text (| or >)");
  }
  // Plain text (or an explicit null such as `~`): up to a comment or the end
  // of the line, without trailing blanks.
  std::size_t end = begin;
  while (end < text.size() && text[end] != '\n' && text[end] != '\r'
         && !(text[end] == '#' && end > begin && is_blank(text[end - 1]))) {
    ++end;
  }
  while (end > begin && is_blank(text[end - 1])) {
    --end;
  }
  const auto written = text.substr(begin, end - begin);
  const bool matches = value.is_null() ? (written == "~" || written == "null" || written == "Null" || written == "NULL")
                                       : written == value.value;
  if (!matches) {
    return refuse("this value spans several lines");
  }
  return Extent{begin, end};
}

Patch::Patch(const Document& document) : m_document(document), m_expected(document.root)
{
}

void Patch::refuse(const Mark& mark, const std::string& message, const std::string& hint) const
{
  throw SourceError({problem_at(m_document.path, m_document.text, mark.line, mark.col, message, hint)});
}

// The offset where text added at the end of top-level entry `index` goes:
// the end of the file for the last entry; otherwise the start of the next
// key's line, before the blank lines and comments that lead up to that key.
std::size_t Patch::end_of_top_entry(std::size_t index) const
{
  const auto& root = m_document.root;
  const std::string_view text = m_document.text;
  if (index + 1 >= root.entries.size()) {
    return text.size();
  }
  std::size_t offset = line_begin(text, root.entries[index + 1].key_mark.offset);
  while (offset > 0) {
    const auto previous = line_begin(text, offset - 1);
    const auto line = text.substr(previous, offset - previous);
    const auto trimmed = util::trim(line);
    if (!(trimmed.empty() || (line.front() == '#'))) {
      break;
    }
    offset = previous;
  }
  return offset;
}

// Makes sure text inserted at `offset` starts on a line of its own: at the
// end of a file without a final line break, one is added first.
std::size_t Patch::ensure_line_end(std::size_t offset)
{
  const std::string_view text = m_document.text;
  if (offset == text.size() && !text.empty() && text.back() != '\n' && !m_final_newline_added) {
    m_edits.push_back(TextEdit{offset, 0, "\n"});
    m_final_newline_added = true;
  }
  return offset;
}

void Patch::append_to_top_sequence(const std::string& key, const Node& item)
{
  const auto& root = m_document.root;
  if (!root.is_map() || root.flow) {
    refuse(root.mark, "the file is not a block of `key: value` lines",
           "mentor's files are YAML maps written one key per line");
  }
  const auto index = root.entry_index(key);
  if (index == std::string::npos) {
    const auto at = ensure_line_end(m_document.text.size());
    m_edits.push_back(TextEdit{at, 0, key + ":\n" + emit_sequence_item(item, 2)});
    m_expected.add(key, Node::sequence({item}));
    return;
  }
  const Entry& entry = root.entries[index];
  const Node& value = entry.value;
  int dash_col = 2;
  if (value.is_sequence() && !value.flow) {
    dash_col = value.mark.col - 1;
  } else if (value.is_sequence() && value.flow && value.items.empty()
             && value.mark.line == entry.key_mark.line) {
    // `sessions: []` becomes `sessions:` followed by the first item.
    const std::string_view text = m_document.text;
    auto close = text.find(']', value.mark.offset);
    if (close == std::string_view::npos || text.substr(value.mark.offset, close - value.mark.offset).find('\n') != std::string_view::npos) {
      refuse(value.mark, fmt::format("`{}:` is written as a flow list", key),
             fmt::format("write `{}:` on a line of its own, with each item below it as `  - …`", key));
    }
    auto from = value.mark.offset;
    while (from > 0 && is_blank(text[from - 1])) {
      --from;
    }
    m_edits.push_back(TextEdit{from, close + 1 - from, ""});
  } else if (value.is_null()) {
    // An explicit `~` or `null` goes; an empty value (maybe with a comment
    // after the colon) stays as it is.
    if (value.mark.line == entry.key_mark.line && is_explicit_null(m_document.text, value.mark.offset)) {
      const auto extent = single_line_extent(m_document, value);
      auto from = extent.begin;
      while (from > 0 && is_blank(m_document.text[from - 1])) {
        --from;
      }
      m_edits.push_back(TextEdit{from, extent.end - from, ""});
    }
  } else {
    refuse(value.mark,
           fmt::format("`{}:` must be a list written one item per line to add to it", key),
           fmt::format("write `{}:` on a line of its own, with each item below it as `  - …`", key));
  }
  const auto at = ensure_line_end(end_of_top_entry(index));
  m_edits.push_back(TextEdit{at, 0, emit_sequence_item(item, dash_col)});
  Node& target = m_expected.entries[index].value;
  if (target.is_null()) {
    target = Node::sequence();
  }
  target.items.push_back(item);
}

const Entry* Patch::existing_entry(const NodePath& map_path, const std::string& key) const
{
  const Node* map = walk(m_document.root, map_path);
  const Entry* entry = map ? map->find_entry(key) : nullptr;
  if (!entry) {
    throw Error(fmt::format("internal error: {} has no key \"{}\"", path_to_string(map_path), key));
  }
  return entry;
}

void Patch::replace_scalar(const NodePath& map_path, const std::string& key, const std::string& value)
{
  const Entry* entry = existing_entry(map_path, key);
  const std::string_view text = m_document.text;
  const auto replacement = inline_scalar(value);
  if (entry->value.is_null()
      && (entry->value.mark.line != entry->key_mark.line || !is_explicit_null(text, entry->value.mark.offset))) {
    // `key:` with nothing after it (at the end of the file, the empty value
    // is on the key's line): the value goes after the colon.
    auto colon = text.find(':', entry->key_mark.offset);
    if (colon == std::string_view::npos || !rest_of_line_is_comment(text, colon + 1)) {
      refuse(entry->key_mark, fmt::format("cannot find where the value of `{}` goes", key),
             fmt::format("write `{}: {}` on this line yourself", key, replacement));
    }
    m_edits.push_back(TextEdit{colon + 1, 0, " " + replacement});
  } else {
    const auto extent = single_line_extent(m_document, entry->value);
    m_edits.push_back(TextEdit{extent.begin, extent.end - extent.begin, replacement});
  }
  Node* target = walk(m_expected, map_path)->find(key);
  *target = Node::scalar(value);
}

void Patch::insert_keys(const NodePath& map_path, const std::vector<Entry>& entries,
                        const std::vector<std::string>& after)
{
  const Node* map = walk(m_document.root, map_path);
  if (!map || !map->is_map()) {
    throw Error(fmt::format("internal error: {} is not a map", path_to_string(map_path)));
  }
  if (map->flow) {
    refuse(map->mark, "this map is written in flow style ({ … })",
           "write it one `key: value` per line so mentor can add a line to it");
  }
  // Only a key whose value ends on its own line can have a line put after it.
  auto one_line = [&](const Entry& entry) {
    return (entry.value.is_scalar() && entry.value.mark.line == entry.key_mark.line
            && (entry.value.plain || m_document.text[entry.value.mark.offset] == '"'
                || m_document.text[entry.value.mark.offset] == '\''))
           || (entry.value.is_null() && entry.value.mark.line == entry.key_mark.line);
  };
  const Entry* anchor = nullptr;
  for (const auto& name : after) {
    const Entry* candidate = map->find_entry(name);
    if (candidate && one_line(*candidate)) {
      anchor = candidate;
      break;
    }
  }
  if (!anchor) {
    for (const auto& entry : map->entries) {
      if (one_line(entry)) {
        anchor = &entry;
      }
    }
  }
  if (!anchor) {
    refuse(map->mark, "no one-line value here to add a line after",
           "mentor adds lines after a `key: value` line; add one such line to this map");
  }
  // The anchor's value must really end on its line (a plain scalar may go on).
  const auto extent = single_line_extent(m_document, anchor->value);
  const auto at = ensure_line_end(next_line(m_document.text, extent.end));
  std::string lines;
  for (const auto& entry : entries) {
    lines += std::string(static_cast<std::size_t>(anchor->key_mark.col - 1), ' ') + inline_scalar(entry.key)
             + ": " + emit_inline_value(entry.value) + "\n";
  }
  m_edits.push_back(TextEdit{at, 0, lines});

  Node* target = walk(m_expected, map_path);
  auto position = target->entry_index(anchor->key) + 1;
  for (const auto& entry : entries) {
    target->entries.insert(target->entries.begin() + static_cast<std::ptrdiff_t>(position++),
                           Entry{entry.key, {}, entry.value});
  }
}

void Patch::rename_key(const NodePath& map_path, const std::string& key, const std::string& new_key)
{
  const Entry* entry = existing_entry(map_path, key);
  const Node* map = walk(m_document.root, map_path);
  // The key as written: plain, or quoted without escapes.
  const std::string_view text = m_document.text;
  const auto begin = entry->key_mark.offset;
  const bool quoted = begin < text.size() && (text[begin] == '"' || text[begin] == '\'');
  const auto end = begin + key.size() + (quoted ? 2 : 0);
  const bool as_is = quoted ? end <= text.size() && text[end - 1] == text[begin] && text.substr(begin + 1, key.size()) == key
                            : text.substr(begin, key.size()) == key;
  if (!as_is) {
    refuse(entry->key_mark, fmt::format("the key `{}` is written in a way mentor cannot change", key),
           fmt::format("write it plainly, as `{}:`", key));
  }
  m_edits.push_back(TextEdit{begin, end - begin, inline_scalar(new_key, map->flow ? Context::flow : Context::block)});
  Node* target = walk(m_expected, map_path);
  target->entries[target->entry_index(key)].key = new_key;
}

std::string Patch::result() const
{
  // Later offsets first, so earlier offsets stay valid; at the same offset
  // the edit made later goes in first, ending up after the earlier one.
  std::vector<std::size_t> order(m_edits.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return m_edits[a].offset != m_edits[b].offset ? m_edits[a].offset > m_edits[b].offset : a > b;
  });
  // New lines follow the file's own line endings (those of its first line).
  const auto first_break = m_document.text.find('\n');
  const bool crlf = first_break != std::string::npos && first_break > 0 && m_document.text[first_break - 1] == '\r';
  std::string text = m_document.text;
  for (auto i : order) {
    const auto& edit = m_edits[i];
    std::string insert = edit.insert;
    if (crlf) {
      insert.clear();
      for (std::size_t k = 0; k < edit.insert.size(); ++k) {
        if (edit.insert[k] == '\n' && (k == 0 || edit.insert[k - 1] != '\r')) {
          insert += '\r';
        }
        insert += edit.insert[k];
      }
    }
    text.replace(edit.offset, edit.erase, insert);
  }

  Document reread;
  try {
    reread = parse_document(m_document.path, text);
  } catch (const SourceError& e) {
    throw Error(fmt::format("{}: the change would leave the file unreadable, so nothing was written:\n{}",
                            m_document.path, e.what()),
                "this file is laid out in a way mentor cannot add to safely; make the change by hand");
  }
  if (!same_content(reread.root, m_expected)) {
    throw Error(fmt::format("{}: the change would not read back as intended ({}), so nothing was written",
                            m_document.path, describe_difference(m_expected, reread.root)),
                "this file is laid out in a way mentor cannot add to safely; make the change by hand");
  }
  return text;
}

} // namespace mentor::store
