#include "mentor/cli/run.hpp"

#include "mentor/cli/commands.hpp"
#include "mentor/util/error.hpp"
#include "mentor/util/version.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
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
  CLI::App app("mentor keeps a coach's or mentor's records in plain YAML files: people, pairings\n"
               "(coaching and mentoring relationships) and the sessions of each.",
               "mentor");
  app.set_version_flag("--version", fmt::format("mentor {}", util::k_version));
  app.require_subcommand(1);
  app.footer("Run `mentor COMMAND --help` for the options of a command, `mentor help COMMAND`\n"
             "for its manual page. --dir, --today and --color may come before or after the\n"
             "command: mentor log zoe \"notes\" --today 2026-11-20");

  GlobalOptions global;
  app.add_option("--dir", global.dir, "The records directory (default: the nearest parent with mentor.yaml)")
    ->envname("MENTOR_DIR")
    ->type_name("DIR");
  app.add_option("--today", global.today, "Take this date as today (YYYY-MM-DD), for reproducible output")
    ->envname("MENTOR_TODAY")
    ->type_name("DATE");
  app.add_option("--color", global.color, "Colour: auto (on a terminal, unless NO_COLOR is set), always, never")
    ->check(CLI::IsMember({"auto", "always", "never"}))
    ->type_name("WHEN");

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
  std::vector<CLI::App*> subcommands = {setup_init(app, init),     setup_add(app, add),       setup_pair(app, pair),
                                        setup_log(app, log),       setup_review(app, review), setup_report(app, report),
                                        setup_check(app, check),   setup_list(app, list),     setup_show(app, show),
                                        setup_merge_file(app, merge_file), setup_help(app, help)};
  for (auto* sub : subcommands) {
    // Global options may follow the command name.
    sub->fallthrough();
  }

  try {
    app.parse(argc, argv);
    if (subcommands[0]->parsed()) {
      run_init(global, init);
      return 0;
    }
    if (subcommands[9]->parsed()) {
      return run_merge_file(merge_file);
    }
    if (subcommands[10]->parsed()) {
      return run_help(app, help);
    }
    Context context(global);
    if (subcommands[1]->parsed()) {
      run_add(context, add);
    } else if (subcommands[2]->parsed()) {
      run_pair(context, pair);
    } else if (subcommands[3]->parsed()) {
      run_log(context, log);
    } else if (subcommands[4]->parsed()) {
      run_review(context, review);
    } else if (subcommands[5]->parsed()) {
      run_report(context, report);
    } else if (subcommands[6]->parsed()) {
      return run_check(context, check);
    } else if (subcommands[7]->parsed()) {
      run_list(context, list);
    } else if (subcommands[8]->parsed()) {
      run_show(context, show);
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
    print_error(e.what(), e.hint());
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
