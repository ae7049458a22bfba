#include "mentor/cli/commands.hpp"
#include "mentor/core/templates.hpp"
#include "mentor/store/parse.hpp"
#include "mentor/util/atomic_file.hpp"
#include "mentor/util/error.hpp"
#include "mentor/util/slug.hpp"

#include <fmt/format.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;

namespace mentor::cli {

CLI::App* setup_init(CLI::App& app, InitOptions& options)
{
  auto* sub = app.add_subcommand("init", "Start a records directory (and a git repository for it)");
  sub->add_option("DIR", options.dir, "Where to create it (default: here); created when missing");
  sub->add_option("--me", options.me, "Your own name (default: git's user.name, else $USER)")->type_name("NAME");
  sub->add_flag("--no-git", options.no_git, "Do not create a git repository");
  sub->footer("Creates mentor.yaml, people/ (with a file for you), pairings/, .gitignore and .gitattributes.");
  return sub;
}

namespace {

// Runs a command with arguments, without a shell; returns its exit status
// and what it printed (first line), or -1 when it could not run.
int run_quiet(const std::vector<std::string>& argv, std::string* first_line = nullptr)
{
  std::string command;
  for (const auto& arg : argv) {
    std::string quoted = "'";
    for (char c : arg) {
      quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    command += quoted + "' ";
  }
  command += "2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    return -1;
  }
  std::array<char, 512> buffer{};
  std::string output;
  while (fgets(buffer.data(), static_cast<int>(buffer.size()), pipe)) {
    output += buffer.data();
  }
  const int status = pclose(pipe);
  if (first_line) {
    *first_line = output.substr(0, output.find('\n'));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string default_name()
{
  std::string name;
  if (run_quiet({"git", "config", "user.name"}, &name) == 0 && !name.empty()) {
    return name;
  }
  const char* user = std::getenv("USER");
  return user ? user : "";
}

// Writes a file of our own unless the user already has one.
bool create_if_missing(const fs::path& path, const std::string& text)
{
  std::error_code ec;
  if (fs::symlink_status(path, ec).type() != fs::file_type::not_found) {
    return false;
  }
  util::write_file_atomic(path, text, util::Overwrite::no, 0600);
  return true;
}

} // namespace

void run_init(const GlobalOptions& global, const InitOptions& options)
{
  const std::string where = options.dir.empty() ? (global.dir.empty() ? "." : global.dir) : options.dir;
  const fs::path root = fs::absolute(where);
  std::error_code ec;
  if (fs::exists(root / "mentor.yaml", ec)) {
    throw Error(fmt::format("{} is already a records directory (it has mentor.yaml)", where),
                "nothing was changed; run mentor commands there");
  }
  if (fs::exists(root, ec) && !fs::is_directory(root, ec)) {
    throw Error(fmt::format("{} exists and is not a directory", where));
  }

  const auto name = options.me.empty() ? default_name() : options.me;
  if (name.empty()) {
    throw UsageError("who are you? mentor needs your name for the records", "pass --me \"Your Name\"");
  }
  const auto me_name = single_line("--me", name);
  const auto me = util::slugify(me_name);
  if (me.empty()) {
    throw UsageError(fmt::format("--me: \"{}\" has no letters or digits to make an id from", me_name),
                     "give a name written in Latin letters, such as --me \"Phil Rumens\"");
  }

  const auto config = core::config_text(me);
  core::NewPerson person;
  person.name = me_name;
  const auto person_file = core::person_text(person);
  // New files are checked like edited ones: they must read back as meant.
  store::parse_document("mentor.yaml", config);
  store::parse_document("people/" + me + ".yaml", person_file);

  util::create_private_directories(root);
  util::create_private_directories(root / "people");
  util::create_private_directories(root / "pairings");
  create_if_missing(root / "people" / (me + ".yaml"), person_file);
  create_if_missing(root / ".gitattributes", "# mentor's records are text with LF line endings.\n*.yaml text eol=lf\n");
  const fs::path gitignore = root / ".gitignore";
  if (!create_if_missing(gitignore, "# Machine-local state of mentor (lock, caches).\n.mentor/\n")) {
    const auto existing = util::read_file(gitignore, 1 << 20);
    if (existing.find(".mentor/") == std::string::npos) {
      util::write_file_atomic(gitignore,
                              existing + (existing.empty() || existing.back() == '\n' ? "" : "\n") + ".mentor/\n",
                              util::Overwrite::yes);
    }
  }
  // mentor.yaml last: until it exists this is not a records directory.
  util::write_file_atomic(root / "mentor.yaml", config, util::Overwrite::no, 0600);

  std::string git_note;
  if (!options.no_git) {
    std::string inside;
    if (run_quiet({"git", "-C", root.string(), "rev-parse", "--is-inside-work-tree"}, &inside) == 0
        && inside == "true") {
      git_note = ", inside an existing git repository";
    } else if (run_quiet({"git", "init", "-q", root.string()}) == 0) {
      git_note = ", with a new git repository";
    } else {
      git_note = " (git is not available: no repository was created)";
    }
  }
  std::cout << fmt::format("initialised records in {} for {} (me: {}){}\n", where, me_name, me, git_note);
}

} // namespace mentor::cli
