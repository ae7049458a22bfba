#pragma once

#include "mentor/store/document.hpp"

#include <string>
#include <vector>

namespace mentor::store {

// A three-way merge of one YAML file that works on its text, the way a
// person would merge it by hand: the tree only says where each key and each
// list item is; the merged file is made of the three files' own bytes.
//
// Every block map and block list is cut into regions, one per key or item:
// from the start of its line up to the start of the next one (comments and
// blank lines after a value go with it). A region the same in the base and
// one side takes the other side's bytes; where both sides changed a block
// map or list, it is merged key by key or item by item, and list items added
// on both sides at the same place are all kept. Anything else changed on
// both sides (the same value changed differently, one side deleting what the
// other changed) is a conflict. The result is parsed again and must read as
// exactly the merged tree.
//
// The three texts must use "\n" line breaks and end with one.
struct MergeRules
{
  // List items are matched across the versions by the first of these keys
  // that every item, in all three, has with a one-line value ("id", then
  // "date"); lists of plain values by the values; others by their text.
  std::vector<std::string> identity_keys;
  // Items added at the same place on both sides are put in the order of
  // this key's values (ours first among equals) when every one has it;
  // otherwise ours come first.
  std::string order_key;
};

struct MergeOutcome
{
  bool clean = false;
  std::string text;                    // when clean: the merged file
  Node merged;                         // when clean: what it reads as
  std::vector<std::string> conflicts;  // when not: each place that could not be merged, and why
};

MergeOutcome merge_three_way(const Document& base, const Document& ours, const Document& theirs,
                             const MergeRules& rules);

} // namespace mentor::store
