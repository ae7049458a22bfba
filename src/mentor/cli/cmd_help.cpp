#include "mentor/cli/commands.hpp"
#include "mentor/cli/manual.hpp"
#include "mentor/util/error.hpp"

#include <CLI/App.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>

namespace mentor::cli {

CLI::App* setup_help(CLI::App& app, HelpOptions& options)
{
  auto* sub = app.add_subcommand("help", "Show the manual: mentor(1), a command's page, or the file format");
  sub->add_option("PAGE", options.topic, "A command, or files for the format of the records (default: mentor(1))");
  sub->footer("Runs man on the pages that belong to this mentor (installed beside it, or in its build\n"
              "tree). Without man or the pages, prints `mentor COMMAND --help` instead, with a note.");
  return sub;
}

namespace {

// The commands a user can ask about: those `mentor --help` lists.
std::vector<const CLI::App*> listed_commands(const CLI::App& app)
{
  return app.get_subcommands([](const CLI::App* sub) { return !sub->get_group().empty(); });
}

std::string topic_list(const std::vector<const CLI::App*>& commands)
{
  std::string list;
  for (const auto* command : commands) {
    list += command->get_name() + ", ";
  }
  return list + "files";
}

} // namespace

int run_help(const CLI::App& app, const HelpOptions& options)
{
  ManualPage page{"mentor", 1};
  // Whose --help text stands in for the page when it cannot be shown.
  const CLI::App* stand_in = &app;
  std::string usage_prefix = app.get_name();
  if (options.topic == "files") {
    page = ManualPage{"mentor", 5};
    stand_in = nullptr;
  } else if (!options.topic.empty()) {
    const auto commands = listed_commands(app);
    const auto it = std::find_if(commands.begin(), commands.end(),
                                 [&](const CLI::App* command) { return command->get_name() == options.topic; });
    if (it == commands.end()) {
      throw UsageError(fmt::format("no command or help topic \"{}\"", options.topic),
                       fmt::format("the topics are {}", topic_list(commands)));
    }
    page = ManualPage{"mentor-" + options.topic, 1};
    stand_in = *it;
    usage_prefix += " " + options.topic;
  }

  std::string why;
  const auto bin_dir = executable_dir();
  if (const auto path = bin_dir ? find_manual_page(*bin_dir, page) : std::nullopt) {
    std::cout.flush();
    std::cerr.flush();
    // man pages the text and honours MANPAGER, PAGER and the terminal's
    // width; on success it takes this process's place.
    ::execlp("man", "man", "-l", path->c_str(), static_cast<char*>(nullptr));
    why = errno == ENOENT ? std::string("man is not installed (it is in the Debian package man-db)")
                          : fmt::format("cannot run man to show {} ({})", path->string(), std::strerror(errno));
  } else {
    why = fmt::format("the manual page {} is not installed beside this mentor{}", page.title(),
                      bin_dir ? fmt::format(" (looked for {})", manual_page_candidates(*bin_dir, page).front().string())
                              : std::string());
  }
  if (!stand_in) {
    throw Error(why, "read man/mentor.5.scd in mentor's source, or install the manual with `cmake --install`");
  }
  std::cerr << fmt::format("mentor: note: {}; here is `{} --help` instead\n", why, usage_prefix);
  std::cout << stand_in->get_formatter()->make_help(stand_in, usage_prefix, CLI::AppFormatMode::Normal);
  return 0;
}

} // namespace mentor::cli
