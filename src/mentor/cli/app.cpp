#include "mentor/cli/app.hpp"

#include "mentor/render/style.hpp"
#include "mentor/util/version.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>
#include <sstream>

namespace mentor::cli {

namespace {

constexpr std::size_t k_width = 80;

// Text wrapped to `width` columns, without the last line break.
std::string wrapped(const std::string& text, std::size_t width)
{
  auto out = render::wrap_text(text, width, "");
  while (!out.empty() && out.back() == '\n') {
    out.pop_back();
  }
  return out;
}

// CLI11's help, wrapped to 80 columns: option and command descriptions
// continue under themselves, footers and descriptions wrap at spaces.
class Formatter : public CLI::Formatter
{
public:
  std::string make_option_desc(const CLI::Option* option) const override
  {
    return wrapped(CLI::Formatter::make_option_desc(option), k_width - get_column_width());
  }

  std::string make_subcommand(const CLI::App* sub) const override
  {
    std::stringstream out;
    CLI::detail::format_help(out, sub->get_display_name(true),
                             wrapped(sub->get_description(), k_width - get_column_width()), get_column_width());
    return out.str();
  }

  std::string make_description(const CLI::App* app) const override
  {
    const auto description = CLI::Formatter::make_description(app);
    return description.empty() ? description : wrapped(description, k_width) + "\n";
  }

  std::string make_footer(const CLI::App* app) const override
  {
    const auto footer = CLI::Formatter::make_footer(app);
    return footer.empty() ? footer : wrapped(footer, k_width) + "\n";
  }
};

} // namespace

CommandLine::CommandLine()
  : app("mentor keeps a coach's or mentor's records in plain YAML files: people, pairings\n"
        "(coaching and mentoring relationships) and the sessions of each.",
        "mentor")
{
  app.formatter(std::make_shared<Formatter>());
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
