#include "mentor/render/show.hpp"

#include "mentor/util/duration.hpp"
#include "mentor/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace mentor::render {

namespace {

constexpr std::size_t k_width = 80;

std::string field(std::string_view label, const std::string& value)
{
  return value.empty() ? std::string() : hanging_text(value, fmt::format("  {:<14}", std::string(label) + ":"), k_width);
}


} // namespace

std::string pairing_details(const core::Records& records, const core::Pairing& pairing, const Style& style)
{
  const auto& config = records.config;
  std::string out = style.bold(pairing.slug) + "\n";
  out += field("mentor", fmt::format("{} ({})", records.name_of(pairing.mentor), pairing.mentor));
  out += field("mentee", fmt::format("{} ({})", records.name_of(pairing.mentee), pairing.mentee));
  out += field("kind", std::string(core::to_string(pairing.kind)));
  out += field("status", std::string(core::to_string(pairing.status)));
  std::string span = "since " + pairing.started.iso();
  if (pairing.ended) {
    span = fmt::format("{} to {}", pairing.started.iso(), pairing.ended->iso());
  } else if (pairing.until) {
    span += ", planned until " + pairing.until->iso();
  }
  out += field("dates", span);
  out += field("cadence", util::format_cadence(core::pairing_cadence(pairing, config)));
  out += field("duration", util::format_duration(pairing.duration.value_or(config.default_duration)));
  out += field("paid", pairing.paid ? "yes" : "no (pro bono)");
  out += field("sponsor", pairing.sponsor);
  out += field("outcome", pairing.outcome);
  long minutes = 0;
  for (const auto& session : pairing.sessions) {
    minutes += core::session_minutes(session, pairing, config);
  }
  out += field("sessions", fmt::format("{} ({} hours)", pairing.sessions.size(), util::format_hours(minutes)));

  if (!pairing.goals.empty()) {
    out += "\n" + style.bold("Goals") + "\n";
    for (const auto& goal : pairing.goals) {
      out += hanging_text(goal.title + (goal.due ? " (due " + goal.due->iso() + ")" : ""),
                     fmt::format("  {:<4} {:<9} ", goal.id, core::to_string(goal.status)));
      if (!goal.measure.empty()) {
        out += wrap_text("measure: " + goal.measure, k_width, "                  ");
      }
    }
  }
  if (!pairing.sessions.empty()) {
    out += "\n" + style.bold("Sessions") + "\n";
  }
  for (const auto& session : pairing.sessions) {
    const auto lead = [&](const std::string& date) {
      return fmt::format("  {}  {}  {}", date, util::format_duration(core::session_minutes(session, pairing, config)),
                         core::to_string(session.type));
    };
    const auto plain = lead(session.date.iso());
    const auto styled = lead(style.bold(session.date.iso()));
    if (session.topics.empty()) {
      out += styled + "\n";
    } else {
      std::string topics;
      for (const auto& topic : session.topics) {
        topics += (topics.empty() ? "" : ", ") + topic;
      }
      // Topics wrap under themselves; the date stays bold.
      out += styled + hanging_text("[" + topics + "]", plain + "  ", k_width).substr(plain.size());
    }
    if (!session.notes.empty()) {
      out += wrap_text(session.notes, k_width, "    ");
    }
    for (const auto& action : session.actions) {
      const auto state = action.done ? "done " + action.done->iso()
                                     : "open" + (action.due ? ", due " + action.due->iso() : std::string());
      out += hanging_text(fmt::format("{} {} ({})", action.id, action.text, state), "    - ");
    }
  }
  return out;
}

std::string person_details(const core::Records& records, const core::Person& person, const Style& style)
{
  std::string out = style.bold(person.name.empty() ? person.slug : person.name) + "\n";
  out += field("id", person.slug + (person.slug == records.config.me ? " (me)" : ""));
  out += field("email", person.email);
  out += field("organisation", person.organisation);
  out += field("role", person.role);
  out += field("pseudonym", person.pseudonym);
  std::string tags;
  for (const auto& tag : person.tags) {
    tags += (tags.empty() ? "" : ", ") + tag;
  }
  out += field("tags", tags);
  if (!person.notes.empty()) {
    out += "  notes:\n" + wrap_text(person.notes, k_width, "    ");
  }
  // Ids line up in a column; one too long for it has its line to itself,
  // the description below.
  constexpr std::size_t k_slug_column = 40;
  std::vector<const core::Pairing*> theirs;
  std::size_t slug_width = 0;
  for (const auto& pairing : records.pairings) {
    if (pairing.mentor == person.slug || pairing.mentee == person.slug) {
      theirs.push_back(&pairing);
      if (pairing.slug.size() <= k_slug_column) {
        slug_width = std::max(slug_width, pairing.slug.size());
      }
    }
  }
  std::string lines;
  for (const auto* pairing : theirs) {
    const bool is_mentor = pairing->mentor == person.slug;
    const auto& other = is_mentor ? pairing->mentee : pairing->mentor;
    const auto count = pairing->sessions.size();
    const auto about = fmt::format("{} {} {}, {}, {} session{}", core::to_string(pairing->kind),
                                   is_mentor ? "of" : "by", records.name_of(other),
                                   core::to_string(pairing->status), count, count == 1 ? "" : "s");
    const auto lead = fmt::format("  {}  ", pad(pairing->slug, slug_width));
    if (pairing->slug.size() <= slug_width && util::display_width(lead) + util::display_width(about) <= k_width) {
      lines += lead + about + "\n";
    } else {
      lines += "  " + pairing->slug + "\n" + hanging_text(about, "      ", k_width);
    }
  }
  if (!lines.empty()) {
    out += "\n" + style.bold("Pairings") + "\n" + lines;
  }
  return out;
}

} // namespace mentor::render
