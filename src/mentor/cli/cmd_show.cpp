#include "mentor/cli/commands.hpp"
#include "mentor/core/who.hpp"
#include "mentor/render/show.hpp"

#include <algorithm>
#include <iostream>

namespace mentor::cli {

CLI::App* setup_show(CLI::App& app, ShowOptions& options)
{
  auto* sub = app.add_subcommand("show", "Show a pairing in full, or a person and their pairings");
  sub->add_option("WHO", options.who, "A pairing, or a person (slug, prefix or part of the name)")->required();
  sub->footer("For a person, also shows in full every pairing between them and you.");
  return sub;
}

void run_show(Context& context, const ShowOptions& options)
{
  auto records = context.load_records();
  const auto style = context.style_for_stdout();
  if (records.pairing(options.who)) {
    context.add_pairing_notes(records, options.who);
    std::cout << render::pairing_details(records, *records.pairing(options.who), style);
    return;
  }
  const auto slug = core::resolve_person(records, options.who).slug;
  context.add_person_notes(records, slug);
  for (const auto* pairing : core::pairings_between(records, records.config.me, slug)) {
    context.add_pairing_notes(records, pairing->slug);
  }
  const auto& person = *records.person(slug);
  std::string out = render::person_details(records, person, style);
  // The pairings between this person and me, most relevant first: active,
  // then paused, then ended.
  auto mine = core::pairings_between(records, records.config.me, person.slug);
  std::stable_sort(mine.begin(), mine.end(),
                   [](const core::Pairing* a, const core::Pairing* b) { return a->status < b->status; });
  if (person.slug != records.config.me) {
    for (const auto* pairing : mine) {
      out += "\n" + render::pairing_details(records, *pairing, style);
    }
  }
  std::cout << out;
}

} // namespace mentor::cli
