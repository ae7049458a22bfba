#include "mentor/cli/commands.hpp"
#include "mentor/render/list.hpp"
#include "mentor/util/error.hpp"

#include <fmt/format.h>

#include <iostream>

namespace mentor::cli {

CLI::App* setup_list(CLI::App& app, ListOptions& options)
{
  auto* sub = app.add_subcommand("list", "List people and pairings");
  sub->add_option("WHAT", options.what, "people or pairings (default: both)")
    ->check(CLI::IsMember({"people", "pairings"}));
  return sub;
}

void run_list(Context& context, const ListOptions& options)
{
  const auto records = context.load_records();
  const auto style = context.style_for_stdout();
  std::string out;
  if (options.what.empty() || options.what == "people") {
    out += render::people_table(records, style);
  }
  if (options.what.empty()) {
    out += "\n";
  }
  if (options.what.empty() || options.what == "pairings") {
    out += render::pairings_table(records, style);
  }
  std::cout << out;
}

} // namespace mentor::cli
