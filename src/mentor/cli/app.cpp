#include "mentor/cli/app.hpp"

#include "mentor/util/version.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace mentor::cli {

CommandLine::CommandLine()
  : app("mentor keeps a coach's or mentor's records in plain YAML files: people, pairings\n"
        "(coaching and mentoring relationships) and the sessions of each.",
        "mentor")
{
  app.set_version_flag("--version", fmt::format("mentor {}", util::k_version));
  app.require_subcommand(1);
  app.footer("Run `mentor COMMAND --help` for the options of a command, `mentor help COMMAND`\n"
             "for its manual page. --dir, --today and --color may come before or after the\n"
             "command: mentor log zoe \"notes\" --today 2026-11-20");

  app.add_option("--dir", global.dir, "The records directory (default: the nearest parent with mentor.yaml)")
    ->envname("MENTOR_DIR")
    ->type_name("DIR");
  app.add_option("--today", global.today, "Take this date as today (YYYY-MM-DD), for reproducible output")
    ->envname("MENTOR_TODAY")
    ->type_name("DATE");
  app.add_option("--color", global.color, "Colour: auto (on a terminal, unless NO_COLOR is set), always, never")
    ->check(CLI::IsMember({"auto", "always", "never"}))
    ->type_name("WHEN");

  commands = {setup_init(app, init),     setup_add(app, add),       setup_pair(app, pair),
              setup_log(app, log),       setup_review(app, review), setup_report(app, report),
              setup_check(app, check),   setup_list(app, list),     setup_show(app, show),
              setup_merge_file(app, merge_file), setup_help(app, help)};
  for (auto* command : commands) {
    // Global options may follow the command name.
    command->fallthrough();
  }
}

} // namespace mentor::cli
