#include "mentor/render/review.hpp"

#include "mentor/render/json.hpp"
#include "mentor/render/topics.hpp"
#include "mentor/util/duration.hpp"
#include "mentor/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace mentor::render {

namespace {

constexpr std::size_t k_width = 80;

std::string days(long n)
{
  return fmt::format("{} day{}", n, n == 1 ? "" : "s");
}

std::string ago(core::Date date, core::Date today)
{
  const long n = today - date;
  return n == 0 ? "today" : n == 1 ? "yesterday" : days(n) + " ago";
}

std::string ahead(core::Date date, core::Date today)
{
  const long n = date - today;
  return n < 0 ? days(-n) + " ago" : n == 0 ? "today" : n == 1 ? "tomorrow" : "in " + days(n);
}

std::string reason(const core::AttentionItem& item, const core::Records& records)
{
  const auto& pairing = *item.pairing;
  switch (item.concern) {
  case core::Concern::session_overdue:
    return fmt::format("session overdue: last {}, every {}", item.since.iso(),
                       util::format_cadence(core::pairing_cadence(pairing, records.config)));
  case core::Concern::no_first_session:
    return fmt::format("no session yet since it started on {}", item.since.iso());
  case core::Concern::action_overdue:
    return fmt::format("action {} was due {}: {}", item.id, item.due.iso(), item.text);
  case core::Concern::action_stale:
    return fmt::format("action {} open since {}, no due date: {}", item.id, item.since.iso(), item.text);
  case core::Concern::goal_overdue:
    return fmt::format("goal {} was due {}: {}", item.id, item.due.iso(), item.text);
  case core::Concern::past_planned_end:
    return fmt::format("still active after its planned end, {}", item.due.iso());
  case core::Concern::no_review:
    return fmt::format("coaching since {} with no review yet", item.since.iso());
  }
  return {};
}

std::string person_json_name(const core::Records& records, std::string_view slug)
{
  return records.name_of(slug);
}

// A heading with the pairing's id after it, on the same line when both fit
// in 80 columns, else the id on a line of its own.
std::string heading(const std::string& title, const std::string& id, const Style& style)
{
  if (util::display_width(title) + 2 + id.size() <= k_width) {
    return style.bold(title) + "  " + style.dim(id) + "\n";
  }
  return style.bold(clip(title, k_width)) + "\n  " + style.dim(id) + "\n";
}

std::string cadence_words(int days)
{
  return days > 0 ? "every " + util::format_cadence(days) : "as needed";
}

} // namespace

std::string pairing_with(const core::Records& records, const core::Pairing& pairing)
{
  const auto& me = records.config.me;
  if (pairing.mentor == me) {
    return records.name_of(pairing.mentee);
  }
  if (pairing.mentee == me) {
    return records.name_of(pairing.mentor);
  }
  return fmt::format("{} and {}", records.name_of(pairing.mentor), records.name_of(pairing.mentee));
}

std::string attention_text(const core::Records& records, const core::Attention& attention, core::Date today,
                           const Style& style)
{
  std::string out;
  if (attention.items.empty()) {
    out = fmt::format("Nothing needs attention on {}.\n", today.iso());
  } else {
    out = style.bold(fmt::format("Needs attention on {}:", today.iso())) + "\n";
    // Grouped by pairing, in the order of each pairing's most urgent item.
    std::vector<const core::Pairing*> order;
    for (const auto& item : attention.items) {
      if (std::find(order.begin(), order.end(), item.pairing) == order.end()) {
        order.push_back(item.pairing);
      }
    }
    std::size_t late_width = 0;
    for (const auto& item : attention.items) {
      late_width = std::max(late_width, days(item.days_late).size() + 5);
    }
    for (const auto* pairing : order) {
      out += "\n" + heading(pairing_with(records, *pairing), pairing->slug, style);
      for (const auto& item : attention.items) {
        if (item.pairing != pairing) {
          continue;
        }
        const auto late = days(item.days_late) + " late";
        const auto lead = "  " + std::string(late_width - late.size(), ' ');
        const auto text = clip(reason(item, records), k_width - lead.size() - late.size() - 2);
        out += lead + style.red(late) + "  " + text + "\n";
      }
    }
  }
  if (!attention.coming_up.empty()) {
    out += "\n" + style.bold("Coming up in the next 7 days:") + "\n";
    for (const auto& next : attention.coming_up) {
      const auto line = fmt::format("  {}  {:<11}  {}", next.due.iso(), ahead(next.due, today),
                                    pairing_with(records, *next.pairing));
      const auto& slug = next.pairing->slug;
      // An id too long to share a line has one of its own.
      if (slug.size() + 2 + 30 > k_width) {
        out += clip(line, k_width) + "\n    " + style.dim(slug) + "\n";
      } else {
        out += clip(line, k_width - slug.size() - 2) + "  " + style.dim(slug) + "\n";
      }
    }
  }
  return out;
}

std::string attention_json(const core::Records& records, const core::Attention& attention, core::Date today)
{
  JsonWriter json;
  json.begin_object();
  json.key("today").value(today.iso());
  json.key("attention").begin_array();
  for (const auto& item : attention.items) {
    const auto& pairing = *item.pairing;
    json.begin_object();
    json.key("pairing").value(pairing.slug);
    json.key("with").value(pairing_with(records, pairing));
    json.key("concern").value(core::to_string(item.concern));
    json.key("days_late").value(item.days_late);
    json.key("due").value(item.due.iso());
    json.key("since").value(item.since.iso());
    json.key("id").optional(item.id);
    json.key("text").optional(item.text);
    json.key("message").value(reason(item, records));
    json.end_object();
  }
  json.end_array();
  json.key("coming_up").begin_array();
  for (const auto& next : attention.coming_up) {
    json.begin_object();
    json.key("pairing").value(next.pairing->slug);
    json.key("with").value(pairing_with(records, *next.pairing));
    json.key("due").value(next.due.iso());
    json.key("in_days").value(next.in_days);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return json.str();
}

std::string brief_text(const core::Records& records, const core::Brief& brief, core::Date today, const Style& style)
{
  const auto& pairing = *brief.pairing;
  const auto& config = records.config;
  std::string out = heading(fmt::format("{}: {} since {}", pairing_with(records, pairing), core::to_string(pairing.kind),
                                       pairing.started.iso()),
                           pairing.slug, style);
  std::vector<std::string> terms;
  terms.push_back(fmt::format("{} ({}) with {} ({})", records.name_of(pairing.mentor),
                              pairing.kind == core::Kind::coaching ? "coach" : "mentor",
                              records.name_of(pairing.mentee),
                              pairing.kind == core::Kind::coaching ? "coachee" : "mentee"));
  std::string status = std::string(core::to_string(pairing.status));
  if (pairing.ended) {
    status += " on " + pairing.ended->iso();
  } else if (pairing.until) {
    status += ", planned until " + pairing.until->iso();
  }
  terms.push_back(fmt::format("{}; {}; {} sessions{}", status, cadence_words(brief.cadence),
                              util::format_duration(pairing.duration.value_or(config.default_duration)),
                              pairing.paid ? "" : "; pro bono"));
  if (!pairing.sponsor.empty()) {
    terms.push_back("sponsor: " + pairing.sponsor);
  }
  for (const auto& line : terms) {
    out += wrap_text(line, k_width, "  ");
  }

  if (!pairing.goals.empty()) {
    out += "\n" + style.bold("Goals") + "\n";
    for (const auto& goal : pairing.goals) {
      std::string due;
      if (goal.due) {
        const bool late = goal.status == core::GoalStatus::open && today > *goal.due;
        due = late ? fmt::format(" (due {}, {} late)", goal.due->iso(), days(today - *goal.due))
                   : fmt::format(" (due {})", goal.due->iso());
      }
      out += hanging_text(fmt::format("{}{}", goal.title, due),
                          fmt::format("  {:<4} {:<9} ", goal.id, core::to_string(goal.status)), k_width);
    }
  }

  out += "\n" + style.bold("Open actions") + "\n";
  if (brief.open_actions.empty()) {
    out += "  none\n";
  }
  for (const auto& open : brief.open_actions) {
    std::string when = fmt::format("agreed {} ({})", open.agreed.iso(), ago(open.agreed, today));
    if (open.action->due) {
      when += open.days_late ? fmt::format(", due {} ({} late)", open.action->due->iso(), days(*open.days_late))
                             : fmt::format(", due {}", open.action->due->iso());
    }
    out += hanging_text(fmt::format("{}: {}", open.action->text, when), fmt::format("  {:<4} ", open.action->id),
                        k_width);
  }

  out += "\n" + style.bold("Totals") + "\n";
  std::string totals = fmt::format("{} session{}, {} hours", brief.meetings, brief.meetings == 1 ? "" : "s",
                                   util::format_hours(brief.minutes));
  if (brief.average_gap_days) {
    totals += fmt::format(", one every {:.0f} days on average", *brief.average_gap_days);
  }
  out += "  " + totals + "\n";
  if (brief.last_meeting || brief.next_due) {
    std::string when;
    if (brief.last_meeting) {
      when = fmt::format("last {} ({})", brief.last_meeting->iso(), ago(*brief.last_meeting, today));
    }
    if (brief.next_due && pairing.status == core::Status::active) {
      const bool overdue = *brief.next_due < today;
      when += (when.empty() ? "" : "; ")
              + fmt::format("{} {} ({})", overdue ? "next was due" : "next due", brief.next_due->iso(),
                            ahead(*brief.next_due, today));
    }
    if (!when.empty()) {
      out += "  " + when + "\n";
    }
  }

  if (!brief.recent.empty()) {
    out += "\n" + style.bold(brief.recent.size() == 1 ? "Last session" : "Last sessions") + "\n";
    for (const auto* session : brief.recent) {
      std::string head = fmt::format("  {}  {}  {}", session->date.iso(),
                                     util::format_duration(core::session_minutes(*session, pairing, config)),
                                     core::to_string(session->type));
      if (core::session_minutes(*session, pairing, config) == 0) {
        head = fmt::format("  {}  {}", session->date.iso(), core::to_string(session->type));
      }
      std::string topics;
      for (const auto& topic : session->topics) {
        topics += (topics.empty() ? "" : ", ") + topic;
      }
      if (!topics.empty()) {
        head += "  [" + topics + "]";
      }
      out += clip(head, k_width) + "\n";
      if (!session->notes.empty()) {
        out += wrap_text(session->notes, k_width, "    ");
      }
    }
  }

  if (!brief.topics.empty()) {
    out += "\n" + style.bold("Topics") + "\n";
    out += wrap_text(topic_list(brief.topics), k_width, "  ");
  }
  return out;
}

std::string brief_json(const core::Records& records, const core::Brief& brief, core::Date today)
{
  const auto& pairing = *brief.pairing;
  const auto& config = records.config;
  auto date_or_null = [](JsonWriter& json, const std::optional<core::Date>& date) -> JsonWriter& {
    return date ? json.value(date->iso()) : json.null();
  };
  JsonWriter json;
  json.begin_object();
  json.key("today").value(today.iso());
  json.key("pairing").value(pairing.slug);
  json.key("with").value(pairing_with(records, pairing));
  json.key("mentor").begin_object();
  json.key("id").value(pairing.mentor).key("name").value(person_json_name(records, pairing.mentor));
  json.end_object();
  json.key("mentee").begin_object();
  json.key("id").value(pairing.mentee).key("name").value(person_json_name(records, pairing.mentee));
  json.end_object();
  json.key("kind").value(core::to_string(pairing.kind));
  json.key("status").value(core::to_string(pairing.status));
  json.key("started").value(pairing.started.iso());
  date_or_null(json.key("until"), pairing.until);
  date_or_null(json.key("ended"), pairing.ended);
  json.key("cadence").value(util::format_cadence(brief.cadence));
  json.key("cadence_days").value(brief.cadence);
  json.key("duration").value(util::format_duration(pairing.duration.value_or(config.default_duration)));
  json.key("paid").value(pairing.paid);
  json.key("sponsor").optional(pairing.sponsor);
  json.key("goals").begin_array();
  for (const auto& goal : pairing.goals) {
    json.begin_object();
    json.key("id").value(goal.id);
    json.key("title").value(goal.title);
    json.key("measure").optional(goal.measure);
    date_or_null(json.key("due"), goal.due);
    json.key("status").value(core::to_string(goal.status));
    json.end_object();
  }
  json.end_array();
  json.key("open_actions").begin_array();
  for (const auto& open : brief.open_actions) {
    json.begin_object();
    json.key("id").value(open.action->id);
    json.key("text").value(open.action->text);
    json.key("agreed").value(open.agreed.iso());
    json.key("age_days").value(open.age_days);
    date_or_null(json.key("due"), open.action->due);
    json.key("days_late");
    open.days_late ? json.value(*open.days_late) : json.null();
    json.end_object();
  }
  json.end_array();
  json.key("totals").begin_object();
  json.key("sessions").value(brief.meetings);
  json.key("minutes").value(brief.minutes);
  json.key("hours").value(static_cast<double>(brief.minutes) / 60.0, 2);
  json.key("average_gap_days");
  brief.average_gap_days ? json.value(*brief.average_gap_days, 1) : json.null();
  date_or_null(json.key("last_session"), brief.last_meeting);
  date_or_null(json.key("next_due"), pairing.status == core::Status::active ? brief.next_due : std::nullopt);
  json.end_object();
  json.key("recent_sessions").begin_array();
  for (const auto* session : brief.recent) {
    json.begin_object();
    json.key("date").value(session->date.iso());
    json.key("type").value(core::to_string(session->type));
    json.key("minutes").value(core::session_minutes(*session, pairing, config));
    json.key("topics").strings(session->topics);
    json.key("notes").optional(session->notes);
    json.key("actions").begin_array();
    for (const auto& action : session->actions) {
      json.begin_object();
      json.key("id").value(action.id);
      json.key("text").value(action.text);
      date_or_null(json.key("due"), action.due);
      date_or_null(json.key("done"), action.done);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
  write_topics(json.key("topics"), brief.topics);
  json.end_object();
  return json.str();
}

} // namespace mentor::render
