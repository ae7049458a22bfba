#pragma once

#include <CLI/App.hpp>

#include <filesystem>
#include <string>
#include <vector>

// Shell completion: `mentor __complete WORD...` prints what may come next.
// The shell scripts in completions/ are thin wrappers around it; everything
// they offer comes from the CLI11 definition that parses the command line
// (commands, options, the values of IsMember checks) and from the type name
// of each option and positional (WHO, KIND, EXPR, FILE, DIR...).
namespace mentor::cli {

struct Candidate
{
  std::string value;
  std::string description; // may be empty
};

struct Completion
{
  // Also offer file or directory names (the shell knows them best).
  enum class Paths { none, files, dirs };

  std::vector<Candidate> candidates;
  Paths paths = Paths::none;
};

// What fits as the last of `words`, the words after "mentor" (the last one
// is the word being typed, maybe empty). WHO candidates are the file names
// in people/ and pairings/ of the records directory given earlier on the
// line (--dir), else $MENTOR_DIR, else the nearest parent of `cwd` with
// mentor.yaml; none when there is no such directory. Never throws for what
// a user can type.
Completion complete(const CLI::App& app, const std::vector<std::string>& words, const std::filesystem::path& cwd);

// The lines `mentor __complete` prints: "value<TAB>description" (or just
// "value") for each candidate, then ":files" or ":dirs" when the shell
// should offer paths too.
std::string format_completion(const Completion& completion);

// Type names (of options) and names (of positionals) whose values are free
// text: nothing to offer. Every other must be known to the completer; a
// test checks that each option of each command is one or the other.
bool is_free_text(const std::string& type_name);
bool has_completer(const std::string& type_name);

} // namespace mentor::cli
