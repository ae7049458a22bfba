#include "mentor/cli/autocommit.hpp"

#include "mentor/core/build.hpp"
#include "mentor/store/git.hpp"
#include "mentor/util/error.hpp"

#include <fmt/format.h>

namespace mentor::cli {

namespace {

bool commit_setting(Context& context)
{
  core::Problems problems;
  const auto config = core::build_config(context.dir().load(store::RecordsDir::config_file()), problems);
  problems.throw_if_errors();
  return config.git_commit;
}

} // namespace

AutoCommit::AutoCommit(Context& context, const core::Config& config)
  : m_context(context), m_enabled(config.git_commit)
{
  check_before_writing();
}

AutoCommit::AutoCommit(Context& context) : m_context(context), m_enabled(commit_setting(context))
{
  check_before_writing();
}

void AutoCommit::check_before_writing() const
{
  if (!m_enabled) {
    return;
  }
  const auto& root = m_context.dir().root();
  if (!store::git::work_tree(root)) {
    throw Error(fmt::format("mentor.yaml says `git: commit: true`, but {} is not in a git repository; "
                            "nothing was written",
                            root.string()),
                "put the records in git (`git init`), or set `commit: false` under `git:` in mentor.yaml");
  }
  if (const auto operation = store::git::operation_in_progress(root)) {
    throw Error(fmt::format("the records' git repository is in the middle of {}; nothing was written", *operation),
                "finish it first (`git status` says how), then run the command again; or set `commit: false` "
                "under `git:` in mentor.yaml");
  }
}

void AutoCommit::commit(const std::vector<std::string>& files, const std::string& message) const
{
  if (!m_enabled) {
    return;
  }
  try {
    store::git::commit_paths(m_context.dir().root(), files, message);
  } catch (const Error& e) {
    std::string names;
    for (const auto& file : files) {
      names += (names.empty() ? "" : ", ") + m_context.dir().display(file);
    }
    throw Error(fmt::format("{} {} written but not committed: {}", names, files.size() == 1 ? "was" : "were",
                            e.what()),
                "commit it yourself (`git commit -- FILE`), after `git status` shows what stopped git");
  }
}

std::string commit_name(const core::Records& records, const core::Pairing& pairing)
{
  if (pairing.mentor == records.config.me) {
    return pairing.mentee;
  }
  return pairing.mentee == records.config.me ? pairing.mentor : pairing.slug;
}

} // namespace mentor::cli
