#pragma once

#include "mentor/core/model.hpp"

#include <string>
#include <vector>

namespace mentor::core {

// Why a pairing needs attention.
enum class Concern {
  session_overdue,   // longer since the last session than the cadence
  no_first_session,  // started a full cadence ago (4 weeks for "none") and no session yet
  action_overdue,    // an open action past its due date
  action_stale,      // an open action with no due date, open longer than the cadence
  goal_overdue,      // an open goal past its due date
  past_planned_end,  // active after its `until:` date
  no_review,         // coaching for over six months without a review
};
std::string_view to_string(Concern concern);

struct AttentionItem
{
  const Pairing* pairing = nullptr;
  Concern concern = Concern::session_overdue;
  long days_late = 0;  // since `due`; always at least 1
  Date due;            // when it fell due
  Date since;          // the last session, the day the action was agreed, the start…
  std::string id;      // the action's or goal's id, for those concerns
  std::string text;    // the action's text or the goal's title
};

struct ComingUp
{
  const Pairing* pairing = nullptr;
  Date due;
  long in_days = 0;  // 0 = due today
};

struct Attention
{
  std::vector<AttentionItem> items;  // most urgent first
  std::vector<ComingUp> coming_up;   // soonest first
};

// What needs attention as of `today`, over active pairings (paused and ended
// ones never nag). Something due today is not late; a day past is.
// Sessions are due `cadence` days after the last one; cadence "none" never
// makes a session overdue. Coming up: sessions due within the next 7 days.
Attention attention(const Records& records, Date today);

// A session that counts as a meeting for the cadence: anything but a review
// recorded without a duration (`mentor review --record`).
bool is_meeting(const Session& session);

// Days of the cadence used for actions and first sessions: the pairing's
// cadence, or 28 days when it is "none".
int nag_interval(const Pairing& pairing, const Config& config);

} // namespace mentor::core
