#pragma once

#include "mentor/cli/context.hpp"

#include <CLI/App.hpp>

#include <optional>
#include <string>
#include <vector>

// One file per command (cmd_<name>.cpp): an options struct, setup_<name>
// binding the options to a CLI11 subcommand, run_<name> doing the work.
// Options a user may give as empty text are optionals, so that `--id ''` is
// an error rather than the same as no --id.
namespace mentor::cli {

struct InitOptions
{
  std::string dir;
  std::string me;
  bool no_git = false;
};
CLI::App* setup_init(CLI::App& app, InitOptions& options);
void run_init(const GlobalOptions& global, const InitOptions& options);

struct AddOptions
{
  std::string name;
  std::optional<std::string> id;
  std::optional<std::string> email;
  std::optional<std::string> org;
  std::optional<std::string> role;
  std::vector<std::string> tags;
  std::optional<std::string> note;
};
CLI::App* setup_add(CLI::App& app, AddOptions& options);
void run_add(Context& context, const AddOptions& options);

struct PairOptions
{
  std::string who;
  std::optional<std::string> mentor;
  std::optional<std::string> kind;
  std::optional<std::string> start;
  std::optional<std::string> until;
  std::optional<std::string> cadence;
  std::optional<std::string> duration;
  std::vector<std::string> goals;
  bool pro_bono = false;
  std::optional<std::string> sponsor;
  bool end = false;
  bool pause = false;
  bool resume = false;
  std::optional<std::string> date;
  std::optional<std::string> outcome;
};
CLI::App* setup_pair(CLI::App& app, PairOptions& options);
void run_pair(Context& context, const PairOptions& options);

struct LogOptions
{
  std::string who;
  std::optional<std::string> notes;
  std::optional<std::string> date;
  std::optional<std::string> duration;
  std::vector<std::string> topics;
  std::vector<std::string> actions;
  std::optional<std::string> due;
  std::vector<std::string> done;
  std::optional<std::string> type;
  bool edit = false;
};
CLI::App* setup_log(CLI::App& app, LogOptions& options);
void run_log(Context& context, const LogOptions& options);

struct ReviewOptions
{
  std::optional<std::string> who;
  std::optional<std::string> notes;
  bool record = false;
  std::vector<std::string> goals;   // ID=STATUS
  std::optional<std::string> date;
  std::string format = "text";
};
CLI::App* setup_review(CLI::App& app, ReviewOptions& options);
void run_review(Context& context, const ReviewOptions& options);

struct ReportOptions
{
  std::optional<std::string> month;
  std::optional<std::string> period;
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::string by = "pairing";
  std::optional<std::string> format;
  bool icf = false;
  bool redact = false;
  std::optional<std::string> output;
};
CLI::App* setup_report(CLI::App& app, ReportOptions& options);
void run_report(Context& context, const ReportOptions& options);

struct CheckOptions
{
  std::string format = "text";
};
CLI::App* setup_check(CLI::App& app, CheckOptions& options);
// Returns the exit status: 1 when there are errors.
int run_check(Context& context, const CheckOptions& options);

struct ListOptions
{
  std::string what;
};
CLI::App* setup_list(CLI::App& app, ListOptions& options);
void run_list(Context& context, const ListOptions& options);

struct ShowOptions
{
  std::string who;
};
CLI::App* setup_show(CLI::App& app, ShowOptions& options);
void run_show(Context& context, const ShowOptions& options);

struct MergeFileOptions
{
  std::string base;
  std::string ours;
  std::string theirs;
  std::string path;
};
CLI::App* setup_merge_file(CLI::App& app, MergeFileOptions& options);
// Returns the exit status: 0 merged cleanly into OURS, 1 conflict markers written.
int run_merge_file(const MergeFileOptions& options);

struct HelpOptions
{
  std::string topic; // a command, "files", or empty for mentor(1)
};
CLI::App* setup_help(CLI::App& app, HelpOptions& options);
// Shows the manual page (running man in this process's place); without man
// or the page, prints the command's --help text with a note. Returns the
// exit status.
int run_help(const CLI::App& app, const HelpOptions& options);

} // namespace mentor::cli
