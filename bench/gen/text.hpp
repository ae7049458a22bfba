#pragma once

#include "random.hpp"

#include <span>
#include <string>
#include <string_view>

namespace mentor::bench {

// Word pools for records that read like a real practice: names from many
// languages (accents, apostrophes, a few in other scripts), organisations
// and notes with characters a careless YAML writer gets wrong.
namespace pool {
extern const std::span<const std::string_view> first_names;
extern const std::span<const std::string_view> last_names;
extern const std::span<const std::string_view> organisations;
extern const std::span<const std::string_view> roles;
extern const std::span<const std::string_view> tags;
extern const std::span<const std::string_view> topics;
extern const std::span<const std::string_view> goal_titles;
extern const std::span<const std::string_view> measures;
extern const std::span<const std::string_view> action_texts;
extern const std::span<const std::string_view> outcomes;
extern const std::span<const std::string_view> person_notes;
extern const std::span<const std::string_view> pairing_comments;
extern const std::span<const std::string_view> session_comments;
extern const std::span<const std::string_view> locations;
} // namespace pool

// A name written in another script, with the id a user would give it
// (`mentor add NAME --id ID`): such a name has no letters a slug can use.
struct NativeName
{
  std::string_view name;
  std::string_view slug;
};
std::span<const NativeName> native_names();

// What a note may mention.
struct NoteContext
{
  std::string_view name;  // the mentee's first name
  std::string_view peer;  // someone else's first name
  std::string_view org;
  std::string_view topic;
};

// Notes of about `target` bytes on `lines` lines (joined by '\n', no final
// line break). `hostile` starts the text with something a YAML reader takes
// for syntax (a quote, "- ", "[", "key: ", a '#' after a space, …), so the
// writer must quote it.
std::string session_notes(Rng& rng, const NoteContext& context, std::size_t target, int lines, bool hostile);

// A short multi-line note whose lines look like YAML syntax: comments, list
// items, keys, a blank line and an indented line inside a block.
std::string tricky_block_notes(Rng& rng, const NoteContext& context);

// Replaces every "{key}" in `text` by the context's words.
std::string fill(Rng& rng, std::string_view text, const NoteContext& context);

} // namespace mentor::bench
