#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// The git repository that holds a records directory. Every call runs the
// `git` program found in PATH (with an argument list, never a shell) as
// `git -C <dir> …`, so the repository is the one that holds `dir`.
namespace mentor::store::git {

// True when `git` can be run at all.
bool available();

// The top of the work tree holding `dir`; nullopt when `dir` is not inside
// one (or git is missing).
std::optional<std::filesystem::path> work_tree(const std::filesystem::path& dir);

// What the repository is in the middle of ("a merge", "a rebase",
// "a cherry-pick", "a revert"), or nullopt when nothing is under way.
std::optional<std::string> operation_in_progress(const std::filesystem::path& dir);

// `git init` in `dir`; false when it failed (git's message in `error`).
bool init(const std::filesystem::path& dir, std::string* error = nullptr);

// The repository's own value of a setting (`git config --local`), if set.
std::optional<std::string> local_config(const std::filesystem::path& dir, const std::string& key);
// Sets a setting in the repository's own config. Throws mentor::Error.
void set_local_config(const std::filesystem::path& dir, const std::string& key, const std::string& value);

// A setting from any of git's config files (the value git would use).
std::optional<std::string> config(const std::filesystem::path& dir, const std::string& key);

// Commits exactly `paths` (relative to `dir`) as they are in the work tree,
// with `message`: changes staged for other files stay staged and are not
// committed. Throws mentor::Error with git's own message when it fails.
void commit_paths(const std::filesystem::path& dir, const std::vector<std::string>& paths, const std::string& message);

// `git merge-file -p` of three files with conflict markers labelled
// `labels` (ours, base, theirs): the merged text, and the number of
// conflicts (0 when it merged cleanly). nullopt when git could not run it.
struct TextMerge
{
  std::string text;
  int conflicts = 0;
};
std::optional<TextMerge> merge_file(const std::filesystem::path& ours, const std::filesystem::path& base,
                                    const std::filesystem::path& theirs, const std::vector<std::string>& labels);

} // namespace mentor::store::git
