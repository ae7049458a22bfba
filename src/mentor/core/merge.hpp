#pragma once

#include <string>
#include <vector>

namespace mentor::core {

// The merge of one records file that git hands to `mentor merge-file`: the
// common ancestor (base), our version and theirs.
struct FileMerge
{
  bool clean = false;
  std::string text;                    // when clean: the merged file, in our line endings
  std::vector<std::string> notes;      // what a person should know (ids renumbered)
  std::vector<std::string> conflicts;  // when not clean: what could not be merged, and why
};

// Merges a records file (people/*.yaml, pairings/*.yaml, mentor.yaml; `path`
// as in the repository) on its text, with store::merge_three_way: sessions
// added on both sides are all kept, in date order, goals and actions are
// matched by id, sessions by date. A goal or action that both sides added
// under the same id keeps its id on our side and gets the next free one on
// theirs, and their sessions' references to that goal follow (said in
// `notes`). The merged file must hold every session and goal either side
// added. Any file that does not parse is a conflict.
FileMerge merge_records_file(const std::string& path, std::string base, std::string ours, std::string theirs);

} // namespace mentor::core
