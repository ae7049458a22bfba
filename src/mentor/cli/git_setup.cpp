#include "mentor/cli/git_setup.hpp"

#include "mentor/store/git.hpp"
#include "mentor/util/atomic_file.hpp"
#include "mentor/util/text.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <vector>

namespace fs = std::filesystem;

namespace mentor::cli {

namespace {

constexpr const char* k_merge_comment =
  "# Records changed on two machines merge with `mentor merge-file` (see mentor's README).\n";
const std::vector<std::string> k_merge_lines = {"people/*.yaml merge=mentor", "pairings/*.yaml merge=mentor",
                                                "mentor.yaml merge=mentor"};
constexpr const char* k_driver_arguments = " merge-file %O %A %B %P";

// The program `name` as the shell would find it: a path when it has a
// slash, else the first executable one in PATH.
std::optional<fs::path> find_program(const std::string& name)
{
  if (name.empty()) {
    return std::nullopt;
  }
  auto executable = [](const fs::path& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
  };
  if (name.find('/') != std::string::npos) {
    return executable(name) ? std::optional<fs::path>(name) : std::nullopt;
  }
  const char* env = std::getenv("PATH");
  const std::string_view path = env ? env : "";
  for (std::size_t begin = 0; begin <= path.size();) {
    auto end = path.find(':', begin);
    end = end == std::string_view::npos ? path.size() : end;
    const auto dir = path.substr(begin, end - begin);
    const auto candidate = fs::path(dir.empty() ? "." : std::string(dir)) / name;
    if (executable(candidate)) {
      return candidate;
    }
    begin = end + 1;
  }
  return std::nullopt;
}

std::string shell_quoted(const std::string& word)
{
  if (!word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._+-")
                         == std::string::npos) {
    return word;
  }
  std::string quoted = "'";
  for (char c : word) {
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return quoted + "'";
}

// The program a shell command line starts with (one quoted or plain word).
std::string first_word(std::string_view command)
{
  command = util::trim(command);
  if (command.starts_with('\'')) {
    const auto close = command.find('\'', 1);
    return std::string(command.substr(1, close == std::string_view::npos ? close : close - 1));
  }
  return std::string(command.substr(0, command.find_first_of(" \t")));
}

} // namespace

bool ensure_gitattributes(const fs::path& root)
{
  const auto path = root / ".gitattributes";
  std::error_code ec;
  if (fs::symlink_status(path, ec).type() == fs::file_type::not_found) {
    std::string text = "# mentor's records are text with LF line endings.\n*.yaml text eol=lf\n";
    text += k_merge_comment;
    for (const auto& line : k_merge_lines) {
      text += line + "\n";
    }
    util::write_file_atomic(path, text, util::Overwrite::no, 0600);
    return true;
  }
  const auto existing = util::read_file(path, 1 << 20);
  std::vector<std::string_view> present;
  for (auto line : util::split_lines(existing)) {
    present.push_back(util::trim(line));
  }
  std::string missing;
  for (const auto& line : k_merge_lines) {
    if (std::find(present.begin(), present.end(), line) == present.end()) {
      missing += line + "\n";
    }
  }
  if (missing.empty()) {
    return false;
  }
  const auto separator = existing.empty() || existing.back() == '\n' ? "" : "\n";
  util::write_file_atomic(path, existing + separator + k_merge_comment + missing, util::Overwrite::yes);
  return true;
}

std::string merge_driver_command()
{
  std::error_code ec;
  const auto self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) {
    return std::string("mentor") + k_driver_arguments;
  }
  if (const auto in_path = find_program("mentor"); in_path && fs::equivalent(*in_path, self, ec)) {
    return std::string("mentor") + k_driver_arguments;
  }
  return shell_quoted(self.string()) + k_driver_arguments;
}

DriverSetup set_up_merge_driver(const fs::path& root, std::string* previous)
{
  auto result = DriverSetup::added;
  // Set for every repository (git config --global) counts too.
  if (const auto current = store::git::config(root, "merge.mentor.driver")) {
    if (find_program(first_word(*current))) {
      return DriverSetup::kept;
    }
    if (previous) {
      *previous = *current;
    }
    result = DriverSetup::replaced;
  }
  store::git::set_local_config(root, "merge.mentor.name", "mentor's merge of records files");
  store::git::set_local_config(root, "merge.mentor.driver", merge_driver_command());
  return result;
}

} // namespace mentor::cli
