#pragma once

#include "mentor/cli/context.hpp"

#include <CLI/App.hpp>

#include <optional>
#include <string>
#include <vector>

// One file per command (cmd_<name>.cpp): an options struct, setup_<name>
// binding the options to a CLI11 subcommand, run_<name> doing the work.
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
  std::string id;
  std::string email;
  std::string org;
  std::string role;
  std::vector<std::string> tags;
  std::optional<std::string> note;
};
CLI::App* setup_add(CLI::App& app, AddOptions& options);
void run_add(Context& context, const AddOptions& options);

struct PairOptions
{
  std::string who;
  std::string mentor;
  std::string kind;
  std::string start;
  std::string until;
  std::string cadence;
  std::string duration;
  std::vector<std::string> goals;
  bool pro_bono = false;
  std::string sponsor;
  bool end = false;
  bool pause = false;
  bool resume = false;
  std::string date;
  std::optional<std::string> outcome;
};
CLI::App* setup_pair(CLI::App& app, PairOptions& options);
void run_pair(Context& context, const PairOptions& options);

struct LogOptions
{
  std::string who;
  std::optional<std::string> notes;
  std::string date;
  std::string duration;
  std::vector<std::string> topics;
  std::vector<std::string> actions;
  std::string due;
  std::vector<std::string> done;
  std::string type;
  bool edit = false;
};
CLI::App* setup_log(CLI::App& app, LogOptions& options);
void run_log(Context& context, const LogOptions& options);

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

} // namespace mentor::cli
