#include "mentor/cli/run.hpp"

#include "mentor/cli/app.hpp"
#include "mentor/cli/complete.hpp"
#include "mentor/util/error.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace mentor::cli {

namespace {

void print_error(const std::string& message, const std::string& hint)
{
  std::cerr << "mentor: error: " << message << "\n";
  if (!hint.empty()) {
    std::cerr << "  hint: " << hint << "\n";
  }
}

} // namespace

int run(int argc, char** argv)
{
  CommandLine cli;
  auto& app = cli.app;
  if (argc >= 2 && std::string_view(argv[1]) == "__complete") {
    // Hidden: what the shell completions in completions/ call.
    std::vector<std::string> words(argv + 2, argv + argc);
    std::error_code ec;
    std::cout << format_completion(complete(app, words, std::filesystem::current_path(ec)));
    return 0;
  }
  const auto& global = cli.global;
  const auto& subcommands = cli.commands;

  try {
    app.parse(argc, argv);
    if (subcommands[0]->parsed()) {
      run_init(global, cli.init);
      return 0;
    }
    if (subcommands[9]->parsed()) {
      return run_merge_file(cli.merge_file);
    }
    if (subcommands[10]->parsed()) {
      return run_help(app, cli.help);
    }
    Context context(global);
    if (subcommands[1]->parsed()) {
      run_add(context, cli.add);
    } else if (subcommands[2]->parsed()) {
      run_pair(context, cli.pair);
    } else if (subcommands[3]->parsed()) {
      run_log(context, cli.log);
    } else if (subcommands[4]->parsed()) {
      run_review(context, cli.review);
    } else if (subcommands[5]->parsed()) {
      run_report(context, cli.report);
    } else if (subcommands[6]->parsed()) {
      return run_check(context, cli.check);
    } else if (subcommands[7]->parsed()) {
      run_list(context, cli.list);
    } else if (subcommands[8]->parsed()) {
      run_show(context, cli.show);
    }
    return 0;
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    const bool no_command = std::none_of(subcommands.begin(), subcommands.end(), [](auto* s) { return s->parsed(); });
    if (no_command) {
      // CLI11 reports a missing command before an unknown word: say which.
      const auto extra = app.remaining();
      if (extra.empty()) {
        std::cerr << app.help();
        return 2;
      }
      print_error(fmt::format("unknown command \"{}\"", extra.front()),
                  "the commands are init, add, pair, log, review, report, check, list, show, merge-file and help; "
                  "see `mentor --help`");
      return 2;
    }
    print_error(e.what(), "run `mentor --help` or `mentor COMMAND --help` for the options");
    return 2;
  } catch (const Error& e) {
    auto hint = e.hint();
    if (hint.empty() && e.exit_code() == 2) {
      // Every usage error ends with a hint: at least where the options are.
      const auto command = std::find_if(subcommands.begin(), subcommands.end(), [](auto* s) { return s->parsed(); });
      hint = command == subcommands.end() ? "see `mentor --help`"
                                          : fmt::format("see `mentor {} --help`", (*command)->get_name());
    }
    print_error(e.what(), hint);
    return e.exit_code();
  } catch (const std::bad_alloc&) {
    print_error("out of memory", "");
    return 1;
  } catch (const std::exception& e) {
    print_error(e.what(), "");
    return 1;
  }
}

} // namespace mentor::cli
