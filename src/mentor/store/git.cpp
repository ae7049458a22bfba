#include "mentor/store/git.hpp"

#include "mentor/util/error.hpp"
#include "mentor/util/process.hpp"
#include "mentor/util/text.hpp"

#include <fmt/format.h>

namespace fs = std::filesystem;

namespace mentor::store::git {

namespace {

util::ProcessResult git_in(const fs::path& dir, std::vector<std::string> args,
                           const std::vector<std::pair<std::string, std::string>>& env = {})
{
  // Paths mentor passes are file names, never patterns.
  std::vector<std::string> argv = {"git", "--literal-pathspecs", "-C", dir.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return util::run_process(argv, env);
}

std::string first_line(const std::string& text)
{
  return std::string(util::trim(text.substr(0, text.find('\n'))));
}

// git's own message, for an error: its standard error, trimmed.
std::string what_git_said(const util::ProcessResult& result)
{
  if (!result.started) {
    return "git could not be run (" + result.err + ")";
  }
  auto said = std::string(util::trim(result.err.empty() ? result.out : result.err));
  return said.empty() ? fmt::format("git exited with status {}", result.status) : said;
}

} // namespace

bool available()
{
  return util::run_process({"git", "--version"}).started;
}

std::optional<fs::path> work_tree(const fs::path& dir)
{
  const auto result = git_in(dir, {"rev-parse", "--show-toplevel"});
  if (!result.started || result.status != 0) {
    return std::nullopt;
  }
  const auto top = first_line(result.out);
  if (top.empty()) {
    return std::nullopt;
  }
  return fs::path(top);
}

std::optional<std::string> operation_in_progress(const fs::path& dir)
{
  struct Marker
  {
    const char* path;
    const char* what;
  };
  static constexpr Marker k_markers[] = {{"MERGE_HEAD", "a merge"},
                                         {"rebase-merge", "a rebase"},
                                         {"rebase-apply", "a rebase"},
                                         {"CHERRY_PICK_HEAD", "a cherry-pick"},
                                         {"REVERT_HEAD", "a revert"}};
  std::vector<std::string> args = {"rev-parse"};
  for (const auto& marker : k_markers) {
    args.push_back("--git-path");
    args.push_back(marker.path);
  }
  const auto result = git_in(dir, args);
  if (!result.started || result.status != 0) {
    throw Error(fmt::format("cannot ask git about the repository of {}: {}", dir.string(), what_git_said(result)));
  }
  const auto lines = util::split_lines(result.out);
  for (std::size_t i = 0; i < std::size(k_markers) && i < lines.size(); ++i) {
    // --git-path answers relative to the directory git ran in.
    const fs::path path = fs::path(std::string(util::trim(lines[i])));
    std::error_code ec;
    if (fs::exists(path.is_absolute() ? path : dir / path, ec)) {
      return std::string(k_markers[i].what);
    }
  }
  return std::nullopt;
}

bool init(const fs::path& dir, std::string* error)
{
  const auto result = util::run_process({"git", "init", "-q", dir.string()});
  if (result.started && result.status == 0) {
    return true;
  }
  if (error) {
    *error = what_git_said(result);
  }
  return false;
}

std::optional<std::string> local_config(const fs::path& dir, const std::string& key)
{
  const auto result = git_in(dir, {"config", "--local", "--get", key});
  if (!result.started || result.status != 0) {
    return std::nullopt;
  }
  auto value = result.out;
  if (!value.empty() && value.back() == '\n') {
    value.pop_back();
  }
  return value;
}

void set_local_config(const fs::path& dir, const std::string& key, const std::string& value)
{
  const auto result = git_in(dir, {"config", "--local", key, value});
  if (!result.started || result.status != 0) {
    throw Error(fmt::format("cannot set git's {}: {}", key, what_git_said(result)));
  }
}

std::optional<std::string> config(const fs::path& dir, const std::string& key)
{
  const auto result = git_in(dir, {"config", "--get", key});
  if (!result.started || result.status != 0) {
    return std::nullopt;
  }
  return first_line(result.out);
}

void commit_paths(const fs::path& dir, const std::vector<std::string>& paths, const std::string& message)
{
  // A new file must be known to git before `commit --only` takes it;
  // adding one path stages nothing else.
  std::vector<std::string> add = {"add", "--"};
  add.insert(add.end(), paths.begin(), paths.end());
  auto result = git_in(dir, add);
  if (!result.started || result.status != 0) {
    throw Error(what_git_said(result));
  }
  // --only commits these paths as they are in the work tree, from a
  // temporary index built from HEAD: whatever else is staged stays staged.
  std::vector<std::string> commit = {"commit", "--quiet", "--only", "-m", message, "--"};
  commit.insert(commit.end(), paths.begin(), paths.end());
  result = git_in(dir, commit);
  if (!result.started || result.status != 0) {
    throw Error(what_git_said(result));
  }
}

std::optional<TextMerge> merge_file(const fs::path& ours, const fs::path& base, const fs::path& theirs,
                                    const std::vector<std::string>& labels)
{
  std::vector<std::string> argv = {"git", "merge-file", "-p"};
  for (const auto& label : labels) {
    argv.push_back("-L");
    argv.push_back(label);
  }
  argv.push_back(ours.string());
  argv.push_back(base.string());
  argv.push_back(theirs.string());
  const auto result = util::run_process(argv);
  // The exit status is the number of conflicts (at most 127); a negative
  // one (255 here) means git could not merge at all.
  if (!result.started || result.status < 0 || result.status > 127) {
    return std::nullopt;
  }
  return TextMerge{result.out, result.status};
}

} // namespace mentor::store::git
