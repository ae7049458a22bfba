#pragma once

#include "mentor/store/document.hpp"

#include <string>
#include <vector>

namespace mentor::store {

// A change to an existing file made only of the edits mentor allows itself:
// appending to a top-level block sequence (the `sessions:` log), replacing one
// single-line scalar, inserting key lines. Every other byte stays as it was.
//
// Each edit also updates an expected tree. result() applies the text edits,
// parses the new text and returns it only when it reads back as exactly the
// old records plus the intended change; otherwise it throws and nothing may
// be written.
class Patch
{
public:
  explicit Patch(const Document& document);

  // Appends `item` to the block sequence under top-level `key`, creating
  // `key:` at the end of the file when the file has none.
  void append_to_top_sequence(const std::string& key, const Node& item);

  // Replaces the one-line scalar (or empty value) of `key` in the map at
  // `map_path` with `value`, written plain or quoted as needed.
  void replace_scalar(const NodePath& map_path, const std::string& key, const std::string& value);

  // Inserts `key: value` lines into the block map at `map_path`, right after
  // the line of the first key of `after` that the map has with a one-line
  // value (or after its last such key when none of `after` is there).
  void insert_keys(const NodePath& map_path, const std::vector<Entry>& entries,
                   const std::vector<std::string>& after);

  // Renames `key` of the map at `map_path` to `new_key`, in place.
  void rename_key(const NodePath& map_path, const std::string& key, const std::string& new_key);

  // The edited text, verified. Throws mentor::Error when an edit is not
  // possible in this file or the result would not read back as intended.
  std::string result() const;

  const Node& expected() const { return m_expected; }

private:
  struct TextEdit
  {
    std::size_t offset;
    std::size_t erase;
    std::string insert;
  };

  [[noreturn]] void refuse(const Mark& mark, const std::string& message, const std::string& hint) const;
  // The entry `key` of the map at `map_path`, which must be there.
  const Entry* existing_entry(const NodePath& map_path, const std::string& key) const;
  std::size_t end_of_top_entry(std::size_t index) const;
  std::size_t ensure_line_end(std::size_t offset);

  const Document& m_document;
  Node m_expected;
  std::vector<TextEdit> m_edits;
  bool m_final_newline_added = false;
};

// Where a one-line scalar's text is: [begin, end) byte offsets. Throws
// SourceError when the value spans several lines or is a block.
struct Extent
{
  std::size_t begin;
  std::size_t end;
};
Extent single_line_extent(const Document& document, const Node& value);

} // namespace mentor::store
