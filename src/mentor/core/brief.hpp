#pragma once

#include "mentor/core/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mentor::core {

struct OpenAction
{
  const Action* action = nullptr;
  Date agreed;                      // the date of the session that agreed it
  long age_days = 0;                // since agreed
  std::optional<long> days_late;    // past its due date, when it has one and is late
};

struct TopicCount
{
  std::string topic;
  int count = 0;
};

// Everything to read before the next session of one pairing.
struct Brief
{
  const Pairing* pairing = nullptr;
  std::string other;                 // the other person's slug (the mentee when I am in neither role)
  int cadence = 0;                   // days; 0 = as needed
  int meetings = 0;                  // sessions that count as meetings
  long minutes = 0;                  // hours spent, in minutes
  std::optional<double> average_gap_days;
  std::optional<Date> last_meeting;
  std::optional<Date> next_due;      // by the cadence
  std::vector<OpenAction> open_actions;   // oldest first
  std::vector<const Session*> recent;     // the three latest entries by date, newest first
  std::vector<TopicCount> topics;         // most discussed first (at most 8)
};

Brief brief(const Records& records, const Pairing& pairing, Date today);

} // namespace mentor::core
