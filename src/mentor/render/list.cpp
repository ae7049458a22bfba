#include "mentor/render/list.hpp"

#include "mentor/render/table.hpp"

#include <fmt/format.h>

namespace mentor::render {

std::string people_table(const core::Records& records, const Style& style)
{
  if (records.people.empty()) {
    return "No people yet: add someone with `mentor add NAME`.\n";
  }
  Table table({"ID", "NAME", "ORGANISATION", "ROLE"});
  table.keep_whole(0);
  for (const auto& person : records.people) {
    const bool me = person.slug == records.config.me;
    table.add_row({person.slug, me ? person.name + " (me)" : person.name, person.organisation, person.role});
  }
  return table.render(style);
}

std::string pairings_table(const core::Records& records, const Style& style)
{
  if (records.pairings.empty()) {
    return "No pairings yet: start one with `mentor pair NAME`.\n";
  }
  Table table({"ID", "KIND", "STATUS", "STARTED", "SESSIONS", "LAST"});
  table.keep_whole(0);
  for (const auto& pairing : records.pairings) {
    const auto* last = pairing.last_session();
    const auto status = std::string(core::to_string(pairing.status));
    table.add_row({pairing.slug, std::string(core::to_string(pairing.kind)), status, pairing.started.iso(),
                   std::to_string(pairing.sessions.size()), last ? last->date.iso() : "-"});
  }
  return table.render(style);
}

} // namespace mentor::render
