#pragma once

#include "mentor/cli/context.hpp"
#include "mentor/core/model.hpp"

#include <string>
#include <vector>

namespace mentor::cli {

// The commit a write command makes when mentor.yaml says
// `git: {commit: true}`: exactly the files it changed, nothing else that
// happens to be staged.
class AutoCommit
{
public:
  // With the settings already read (the records were loaded).
  AutoCommit(Context& context, const core::Config& config);
  // Reads mentor.yaml for the setting.
  explicit AutoCommit(Context& context);

  // Throws mentor::Error when committing is on and cannot work: the records
  // are not in a git work tree, or the repository is in the middle of a
  // merge, rebase, cherry-pick or revert. Call it before writing anything.
  void check_before_writing() const;

  // After the write: commits `files` (relative to the records directory)
  // with `message`. When git fails, throws mentor::Error saying the files
  // were written but not committed. Does nothing when committing is off.
  void commit(const std::vector<std::string>& files, const std::string& message) const;

  bool enabled() const { return m_enabled; }

private:
  Context& m_context;
  bool m_enabled = false;
};

// How a commit message names a pairing: the other person's id when I am in
// it ("log: alice-smith 2026-11-20 (1h)"), else the pairing's id.
std::string commit_name(const core::Records& records, const core::Pairing& pairing);

} // namespace mentor::cli
