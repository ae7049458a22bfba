#include "mentor/core/attention.hpp"

#include <algorithm>

namespace mentor::core {

std::string_view to_string(Concern concern)
{
  switch (concern) {
  case Concern::session_overdue:
    return "session_overdue";
  case Concern::no_first_session:
    return "no_first_session";
  case Concern::action_overdue:
    return "action_overdue";
  case Concern::action_stale:
    return "action_stale";
  case Concern::goal_overdue:
    return "goal_overdue";
  case Concern::past_planned_end:
    return "past_planned_end";
  case Concern::no_review:
    return "no_review";
  }
  return "";
}

bool is_meeting(const Session& session)
{
  return !(session.type == SessionType::review && !session.duration);
}

int nag_interval(const Pairing& pairing, const Config& config)
{
  const int cadence = pairing_cadence(pairing, config);
  return cadence > 0 ? cadence : 28;
}

namespace {

// The latest meeting by date: sessions are appended in the order they were
// logged, which is not always the order they happened.
const Session* latest_meeting(const Pairing& pairing)
{
  const Session* latest = nullptr;
  for (const auto& session : pairing.sessions) {
    if (is_meeting(session) && (!latest || session.date >= latest->date)) {
      latest = &session;
    }
  }
  return latest;
}

void add_if_late(std::vector<AttentionItem>& items, AttentionItem item, Date today)
{
  item.days_late = today - item.due;
  if (item.days_late > 0) {
    items.push_back(std::move(item));
  }
}

} // namespace

Attention attention(const Records& records, Date today)
{
  Attention result;
  for (const auto& pairing : records.pairings) {
    if (pairing.status != Status::active) {
      continue;
    }
    const int cadence = pairing_cadence(pairing, records.config);
    const int interval = nag_interval(pairing, records.config);
    const Session* last = latest_meeting(pairing);

    std::optional<Date> next_due;
    if (last) {
      if (cadence > 0) {
        next_due = last->date.add_days(cadence);
        add_if_late(result.items, {&pairing, Concern::session_overdue, 0, *next_due, last->date, {}, {}}, today);
      }
    } else {
      next_due = pairing.started.add_days(interval);
      add_if_late(result.items, {&pairing, Concern::no_first_session, 0, *next_due, pairing.started, {}, {}}, today);
    }
    if (next_due && *next_due >= today && *next_due - today <= 7) {
      result.coming_up.push_back({&pairing, *next_due, *next_due - today});
    }

    for (const auto& session : pairing.sessions) {
      for (const auto& action : session.actions) {
        if (action.done) {
          continue;
        }
        if (action.due) {
          add_if_late(result.items,
                      {&pairing, Concern::action_overdue, 0, *action.due, session.date, action.id, action.text}, today);
        } else {
          add_if_late(result.items,
                      {&pairing, Concern::action_stale, 0, session.date.add_days(interval), session.date, action.id,
                       action.text},
                      today);
        }
      }
    }
    for (const auto& goal : pairing.goals) {
      if (goal.status == GoalStatus::open && goal.due) {
        add_if_late(result.items, {&pairing, Concern::goal_overdue, 0, *goal.due, pairing.started, goal.id, goal.title},
                    today);
      }
    }
    if (pairing.until) {
      add_if_late(result.items, {&pairing, Concern::past_planned_end, 0, *pairing.until, pairing.started, {}, {}},
                  today);
    }
    if (pairing.kind == Kind::coaching) {
      const bool reviewed = std::any_of(pairing.sessions.begin(), pairing.sessions.end(),
                                        [](const Session& s) { return s.type == SessionType::review; });
      if (!reviewed) {
        add_if_late(result.items,
                    {&pairing, Concern::no_review, 0, pairing.started.add_months(6), pairing.started, {}, {}}, today);
      }
    }
  }
  std::stable_sort(result.items.begin(), result.items.end(), [](const AttentionItem& a, const AttentionItem& b) {
    if (a.days_late != b.days_late) {
      return a.days_late > b.days_late;
    }
    if (a.pairing->slug != b.pairing->slug) {
      return a.pairing->slug < b.pairing->slug;
    }
    return a.concern < b.concern;
  });
  std::stable_sort(result.coming_up.begin(), result.coming_up.end(), [](const ComingUp& a, const ComingUp& b) {
    return a.due != b.due ? a.due < b.due : a.pairing->slug < b.pairing->slug;
  });
  return result;
}

} // namespace mentor::core
