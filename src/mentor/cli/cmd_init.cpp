#include "mentor/cli/commands.hpp"
#include "mentor/cli/git_setup.hpp"
#include "mentor/core/templates.hpp"
#include "mentor/store/git.hpp"
#include "mentor/store/parse.hpp"
#include "mentor/util/atomic_file.hpp"
#include "mentor/util/error.hpp"
#include "mentor/util/slug.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;

namespace mentor::cli {

CLI::App* setup_init(CLI::App& app, InitOptions& options)
{
  auto* sub = app.add_subcommand("init", "Start a records directory (and a git repository), or set up git in a clone of one");
  sub->add_option("DIR", options.dir, "Where to create it (default: here); created when missing");
  sub->add_option("--me", options.me, "Your own name (default: git's user.name, else $USER)")->type_name("NAME");
  sub->add_flag("--no-git", options.no_git, "Do not create a git repository");
  sub->footer(
    "Creates mentor.yaml, people/ (with a file for you), pairings/, .gitignore and .gitattributes,\n"
    "and a git repository unless --no-git or DIR is already inside one. In the repository's own\n"
    "config it sets git's merge driver for records files (merge.mentor.driver: `mentor merge-file`).\n"
    "In an existing records directory (a clone of your records, say) it only sets up that driver,\n"
    "since git's config does not travel with clones; running it again changes nothing.");
  return sub;
}

namespace {

std::string default_name()
{
  if (auto name = store::git::config(fs::current_path(), "user.name"); name && !name->empty()) {
    return *name;
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

// What setting up the merge driver did, as a line for the user.
std::string driver_line(const fs::path& root, DriverSetup setup, const std::string& previous)
{
  switch (setup) {
  case DriverSetup::added:
    return fmt::format("git merges records files with `mentor merge-file` in this clone (merge.mentor.driver: {})",
                       merge_driver_command());
  case DriverSetup::replaced:
    return fmt::format("git's merge driver named a program that is gone ({}); it is now {}", previous,
                       merge_driver_command());
  case DriverSetup::kept:
    break;
  }
  return fmt::format("git's merge driver for records files was already set up (merge.mentor.driver: {})",
                     store::git::config(root, "merge.mentor.driver").value_or(""));
}

// `mentor init` where there are records already: only git's side.
void set_up_existing(const fs::path& root, const std::string& where, const InitOptions& options)
{
  // Someone else's --me, or --no-git, asks for a records directory that
  // is not this one.
  bool same_me = true;
  if (!options.me.empty()) {
    const auto config = store::parse_document(
      "mentor.yaml", util::read_file(root / "mentor.yaml", store::k_max_file_bytes));
    const auto* me = config.root.find("me");
    same_me = me && me->is_scalar() && me->value == util::slugify(options.me);
  }
  if (options.no_git || !same_me) {
    throw Error(fmt::format("{} is already a records directory (it has mentor.yaml)", where),
                "nothing was changed; run mentor commands there, or `mentor init` there without --no-git "
                "(and without someone else's --me) to set up git's merge driver in it");
  }
  if (!store::git::work_tree(root)) {
    std::cout << fmt::format("{} is already a records directory, and not in a git repository: nothing to set up.\n"
                             "To keep it in git: `git init {}`, then `mentor init {}` again.\n",
                             where, where, where);
    return;
  }
  const bool attributes = ensure_gitattributes(root);
  std::string previous;
  const auto setup = set_up_merge_driver(root, &previous);
  if (!attributes && setup == DriverSetup::kept) {
    std::cout << fmt::format("{} is already a records directory, and git's merge driver is set up for it "
                             "(merge.mentor.driver: {}): nothing to do\n",
                             where, store::git::config(root, "merge.mentor.driver").value_or(""));
    return;
  }
  std::cout << fmt::format("{} is already a records directory: only git was set up (git's config does not "
                           "travel with clones)\n",
                           where);
  if (attributes) {
    std::cout << "added the merge lines to .gitattributes: commit it, so that every clone has them\n";
  }
  std::cout << driver_line(root, setup, previous) << "\n";
}

} // namespace

void run_init(const GlobalOptions& global, const InitOptions& options)
{
  const std::string where = options.dir.empty() ? (global.dir.empty() ? "." : global.dir) : options.dir;
  const fs::path root = fs::absolute(where);
  std::error_code ec;
  if (fs::exists(root / "mentor.yaml", ec)) {
    set_up_existing(root, where, options);
    return;
  }
  if (fs::exists(root, ec) && !fs::is_directory(root, ec)) {
    throw Error(fmt::format("{} exists and is not a directory", where),
                "give init a new or existing directory for the records");
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
  ensure_gitattributes(root);
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
  bool in_git = false;
  if (!options.no_git) {
    std::string error;
    if (store::git::work_tree(root)) {
      git_note = ", inside an existing git repository";
      in_git = true;
    } else if (!store::git::available()) {
      git_note = " (git is not available: no repository was created)";
    } else if (store::git::init(root, &error)) {
      git_note = ", with a new git repository";
      in_git = true;
    } else {
      git_note = fmt::format(" (git init failed, no repository was created: {})", error);
    }
  }
  std::cout << fmt::format("initialised records in {} for {} (me: {}){}\n", where, me_name, me, git_note);
  if (in_git) {
    std::string previous;
    const auto setup = set_up_merge_driver(root, &previous);
    std::cout << driver_line(root, setup, previous) << "\n";
  }
}

} // namespace mentor::cli
