#include "mentor/cli/commands.hpp"
#include "mentor/core/merge.hpp"
#include "mentor/store/git.hpp"
#include "mentor/util/atomic_file.hpp"
#include "mentor/util/error.hpp"

#include <fmt/format.h>

#include <iostream>

namespace fs = std::filesystem;

namespace mentor::cli {

CLI::App* setup_merge_file(CLI::App& app, MergeFileOptions& options)
{
  auto* sub = app.add_subcommand("merge-file", "Merge two versions of a records file (called by git as a merge driver)");
  sub->add_option("BASE", options.base, "The common ancestor's version (git's %O)")->required();
  sub->add_option("OURS", options.ours, "Our version; the result replaces it (git's %A)")->required();
  sub->add_option("THEIRS", options.theirs, "Their version (git's %B)")->required();
  sub->add_option("PATH", options.path, "The file's path in the repository, for messages (git's %P)");
  sub->footer(
    "Meant to be called by git, which `mentor init` sets up in each clone:\n"
    "  git config merge.mentor.driver \"mentor merge-file %O %A %B %P\"\n"
    "plus `merge=mentor` for people/*.yaml, pairings/*.yaml and mentor.yaml in .gitattributes.\n"
    "Sessions added on both sides are all kept, in date order, exactly as written; a value\n"
    "changed on one side takes that side; goals and actions added on both sides are kept, and\n"
    "theirs are renumbered when an id clashes (said on standard error). Anything it cannot\n"
    "merge safely (the same value changed differently, a file that does not parse) gets git's\n"
    "usual conflict markers in OURS and exit status 1. Exit status 0: merged cleanly into OURS.");
  return sub;
}

namespace {

// The largest input read; larger ones are left to git's own merge.
constexpr std::size_t k_max_input = 64 * 1024 * 1024;

// Both versions whole, between conflict markers: what is left when even
// `git merge-file` cannot run.
std::string whole_file_conflict(const std::string& ours, const std::string& theirs)
{
  auto ended = [](const std::string& text) { return text.empty() || text.back() == '\n' ? text : text + "\n"; };
  return "<<<<<<< ours\n" + ended(ours) + "=======\n" + ended(theirs) + ">>>>>>> theirs\n";
}

} // namespace

int run_merge_file(const MergeFileOptions& options)
{
  const fs::path base_file = options.base, ours_file = options.ours, theirs_file = options.theirs;
  const std::string path = options.path.empty() ? options.ours : options.path;
  const auto base = util::read_file(base_file, k_max_input);
  const auto ours = util::read_file(ours_file, k_max_input);
  const auto theirs = util::read_file(theirs_file, k_max_input);

  const auto merged = core::merge_records_file(path, base, ours, theirs);
  if (merged.clean) {
    for (const auto& note : merged.notes) {
      std::cerr << fmt::format("mentor: {}: {}\n", path, note);
    }
    util::write_file_atomic(ours_file, merged.text, util::Overwrite::yes);
    return 0;
  }

  std::cerr << fmt::format("mentor: {}: cannot merge this file safely:\n", path);
  for (const auto& conflict : merged.conflicts) {
    std::cerr << fmt::format("  {}\n", conflict);
  }
  const auto text_merge = store::git::merge_file(ours_file, base_file, theirs_file, {"ours", "base", "theirs"});
  if (!text_merge) {
    util::write_file_atomic(ours_file, whole_file_conflict(ours, theirs), util::Overwrite::yes);
    std::cerr << "  git merge-file could not run: both versions are in the file, whole, between conflict markers\n";
  } else if (text_merge->conflicts > 0) {
    util::write_file_atomic(ours_file, text_merge->text, util::Overwrite::yes);
    std::cerr << "  the file has git's conflict markers: resolve them, run `mentor check`, then `git add` it\n";
  } else {
    util::write_file_atomic(ours_file, text_merge->text, util::Overwrite::yes);
    std::cerr << "  git's line-by-line merge is in the file, without conflict markers: check it (`mentor check`),\n"
                 "  then `git add` it\n";
  }
  return 1;
}

} // namespace mentor::cli
