#include "mentor/core/brief.hpp"

#include "mentor/core/attention.hpp"

#include <algorithm>
#include <map>

namespace mentor::core {

Brief brief(const Records& records, const Pairing& pairing, Date today)
{
  Brief out;
  out.pairing = &pairing;
  out.other = pairing.mentor == records.config.me ? pairing.mentee
              : pairing.mentee == records.config.me ? pairing.mentor
                                                    : pairing.mentee;
  out.cadence = pairing_cadence(pairing, records.config);

  std::vector<Date> dates;
  std::map<std::string, int> topic_counts;
  std::map<std::string, std::size_t> first_seen;
  for (const auto& session : pairing.sessions) {
    out.minutes += session_minutes(session, pairing, records.config);
    if (is_meeting(session)) {
      ++out.meetings;
      dates.push_back(session.date);
    }
    for (const auto& topic : session.topics) {
      ++topic_counts[topic];
      first_seen.emplace(topic, first_seen.size());
    }
    for (const auto& action : session.actions) {
      if (!action.done) {
        OpenAction open{&action, session.date, today - session.date, std::nullopt};
        if (action.due && today > *action.due) {
          open.days_late = today - *action.due;
        }
        out.open_actions.push_back(open);
      }
    }
  }
  std::sort(dates.begin(), dates.end());
  if (!dates.empty()) {
    out.last_meeting = dates.back();
    if (out.cadence > 0) {
      out.next_due = dates.back().add_days(out.cadence);
    }
  } else if (pairing.status == Status::active) {
    out.next_due = pairing.started.add_days(nag_interval(pairing, records.config));
  }
  if (dates.size() >= 2) {
    out.average_gap_days = static_cast<double>(dates.back() - dates.front()) / static_cast<double>(dates.size() - 1);
  }
  std::stable_sort(out.open_actions.begin(), out.open_actions.end(),
                   [](const OpenAction& a, const OpenAction& b) { return a.agreed < b.agreed; });
  // Newest first by date; sessions logged late stand in the file out of order.
  std::vector<const Session*> by_date;
  for (const auto& session : pairing.sessions) {
    by_date.push_back(&session);
  }
  std::stable_sort(by_date.begin(), by_date.end(), [](const Session* a, const Session* b) { return a->date > b->date; });
  by_date.resize(std::min<std::size_t>(by_date.size(), 3));
  out.recent = by_date;
  for (const auto& [topic, count] : topic_counts) {
    out.topics.push_back({topic, count});
  }
  // Most discussed first; ties in the order they first came up.
  std::sort(out.topics.begin(), out.topics.end(), [&](const TopicCount& a, const TopicCount& b) {
    return a.count != b.count ? a.count > b.count : first_seen[a.topic] < first_seen[b.topic];
  });
  if (out.topics.size() > 8) {
    out.topics.resize(8);
  }
  return out;
}

} // namespace mentor::core
