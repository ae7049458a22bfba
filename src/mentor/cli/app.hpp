#pragma once

#include "mentor/cli/commands.hpp"

#include <CLI/App.hpp>

#include <vector>

namespace mentor::cli {

// The whole command line: the CLI11 definition of every command, bound to
// the options structs it fills. `run` parses with it; the completer
// (`mentor __complete`) walks the same definition, so the two cannot drift.
// It holds references into itself: neither copied nor moved.
struct CommandLine
{
  CommandLine();
  CommandLine(const CommandLine&) = delete;
  CommandLine& operator=(const CommandLine&) = delete;

  CLI::App app;
  GlobalOptions global;
  InitOptions init;
  AddOptions add;
  PairOptions pair;
  LogOptions log;
  ReviewOptions review;
  ReportOptions report;
  CheckOptions check;
  ListOptions list;
  ShowOptions show;
  MergeFileOptions merge_file;
  HelpOptions help;
  // In the order of `mentor --help`: init, add, pair, log, review, report,
  // check, list, show, merge-file, help.
  std::vector<CLI::App*> commands;
};

} // namespace mentor::cli
