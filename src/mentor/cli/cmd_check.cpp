#include "mentor/cli/commands.hpp"
#include "mentor/core/check.hpp"
#include "mentor/render/json.hpp"
#include "mentor/store/git.hpp"
#include "mentor/store/parse.hpp"
#include "mentor/util/atomic_file.hpp"
#include "mentor/util/error.hpp"
#include "mentor/util/slug.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

namespace fs = std::filesystem;

namespace mentor::cli {

CLI::App* setup_check(CLI::App& app, CheckOptions& options)
{
  auto* sub = app.add_subcommand("check", "Check every file: syntax, fields, references, dates");
  sub->add_option("--format", options.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  sub->footer("Silent, with exit status 0, when everything is in order. Otherwise every problem, as\n"
              "file:line:col: error|warning: message, the line itself and a hint; the exit status is 1\n"
              "when there are errors (warnings alone leave it 0).");
  return sub;
}

namespace {

// Files in people/ and pairings/ that mentor skips: say so, since a record
// in a misnamed file is invisible to every command.
void odd_files(const store::RecordsDir& dir, core::Problems& problems)
{
  for (const auto* folder : {"people", "pairings"}) {
    std::error_code ec;
    // A folder that is a link is reported already, and what it holds is
    // not part of the records.
    if (fs::symlink_status(dir.root() / folder, ec).type() != fs::file_type::directory) {
      continue;
    }
    for (fs::directory_iterator it(dir.root() / folder, ec), end; !ec && it != end; it.increment(ec)) {
      const auto name = it->path().filename().string();
      if (name.starts_with(".")) {
        continue;
      }
      const auto relative = fmt::format("{}/{}", folder, name);
      const bool yaml = name.size() > 5 && name.ends_with(".yaml");
      const auto slug = yaml ? name.substr(0, name.size() - 5) : std::string();
      const bool listed = std::string_view(folder) == "people" ? util::is_valid_slug(slug)
                                                               : store::is_valid_pairing_slug(slug);
      if (yaml && listed) {
        continue;
      }
      store::Problem problem;
      problem.file = dir.display(relative);
      problem.severity = store::Severity::warning;
      problem.message = yaml ? "mentor ignores this file: its name is not a valid id"
                             : "mentor ignores this file: only .yaml files are records";
      problem.hint = !yaml ? fmt::format("keep other files outside {}/", folder)
                     : std::string_view(folder) == "people"
                       ? "ids are lower-case letters and digits joined by hyphens, such as alice-smith.yaml"
                       : "name it after the ids of the mentor and the mentee, such as alice-smith--bo-chen.yaml";
      problems.add(std::move(problem));
    }
  }
}

// `git: commit: true` where there is no git: every write would be refused.
void git_setting(const store::RecordsDir& dir, const core::Config& config, core::Problems& problems)
{
  if (!config.git_commit || store::git::work_tree(dir.root())) {
    return;
  }
  const auto at = config.at.of("git");
  store::Problem problem;
  problem.file = dir.display(store::RecordsDir::config_file());
  problem.line = at.line;
  problem.col = at.col;
  problem.severity = store::Severity::warning;
  problem.message = "`git: commit: true`, but the records are not in a git repository: every change will be refused";
  problem.hint = "put them in git (`git init`, then `mentor init`), or set `commit: false`";
  problems.add(std::move(problem));
}

// Problems found across files have a position but no excerpt yet.
void add_excerpts(std::vector<store::Problem>& problems)
{
  std::map<std::string, std::string> texts;
  for (auto& problem : problems) {
    if (problem.line <= 0 || !problem.excerpt.empty()) {
      continue;
    }
    auto it = texts.find(problem.file);
    if (it == texts.end()) {
      std::string text;
      try {
        text = util::read_file(problem.file, store::k_max_file_bytes);
      } catch (const Error&) {
      }
      it = texts.emplace(problem.file, std::move(text)).first;
    }
    const auto severity = problem.severity;
    problem = store::problem_at(problem.file, it->second, problem.line, problem.col, problem.message, problem.hint);
    problem.severity = severity;
  }
}

} // namespace

int run_check(Context& context, const CheckOptions& options)
{
  const auto& dir = context.dir();
  core::Problems collected;
  const auto records = context.check_records(collected);
  odd_files(dir, collected);
  git_setting(dir, records.config, collected);

  auto problems = collected.list();
  add_excerpts(problems);
  std::stable_sort(problems.begin(), problems.end(), [](const store::Problem& a, const store::Problem& b) {
    return std::tie(a.file, a.line, a.col) < std::tie(b.file, b.line, b.col);
  });
  const auto errors = std::count_if(problems.begin(), problems.end(),
                                    [](const store::Problem& p) { return p.severity == store::Severity::error; });
  const auto warnings = static_cast<long>(problems.size()) - errors;

  if (options.format == "json") {
    render::JsonWriter json;
    json.begin_object();
    json.key("errors").value(static_cast<long>(errors));
    json.key("warnings").value(warnings);
    json.key("problems").begin_array();
    for (const auto& problem : problems) {
      json.begin_object();
      json.key("file").value(problem.file);
      json.key("line");
      problem.line > 0 ? json.value(problem.line) : json.null();
      json.key("col");
      problem.line > 0 ? json.value(problem.col) : json.null();
      json.key("severity").value(problem.severity == store::Severity::error ? "error" : "warning");
      json.key("message").value(problem.message);
      json.key("hint").optional(problem.hint);
      json.end_object();
    }
    json.end_array();
    json.end_object();
    std::cout << json.str();
  } else if (!problems.empty()) {
    for (const auto& problem : problems) {
      std::cout << store::format_problem(problem, store::ShowSeverity::yes) << "\n";
    }
    std::cout << fmt::format("{} error{}, {} warning{}\n", errors, errors == 1 ? "" : "s", warnings,
                             warnings == 1 ? "" : "s");
  }
  return errors > 0 ? 1 : 0;
}

} // namespace mentor::cli
