#include "mentor/core/report.hpp"

#include "mentor/core/attention.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>

namespace mentor::core {

std::string_view to_string(Side side)
{
  switch (side) {
  case Side::gave:
    return "gave";
  case Side::received:
    return "received";
  case Side::others:
    return "others";
  }
  return "";
}

std::string_view to_string(GroupBy by)
{
  switch (by) {
  case GroupBy::pairing:
    return "pairing";
  case GroupBy::person:
    return "person";
  case GroupBy::kind:
    return "kind";
  case GroupBy::month:
    return "month";
  }
  return "";
}

std::optional<GroupBy> parse_group_by(std::string_view text)
{
  for (auto by : {GroupBy::pairing, GroupBy::person, GroupBy::kind, GroupBy::month}) {
    if (to_string(by) == text) {
      return by;
    }
  }
  return std::nullopt;
}

namespace {

// FNV-1a: a code must not change when other people are added.
std::uint32_t fnv1a(std::string_view text)
{
  std::uint32_t hash = 2166136261u;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  return hash;
}

} // namespace

Names::Names(const Records& records, Redact redact) : m_records(records), m_redact(redact)
{
  if (redact == Redact::no) {
    return;
  }
  std::set<std::string> slugs;
  for (const auto& person : records.people) {
    slugs.insert(person.slug);
  }
  for (const auto& pairing : records.pairings) {
    slugs.insert(pairing.mentor);
    slugs.insert(pairing.mentee);
  }
  const std::uint32_t space = slugs.size() < 500 ? 1000 : 100000;
  std::set<std::uint32_t> taken;
  for (const auto& slug : slugs) {
    const Person* person = records.person(slug);
    if (person && !person->pseudonym.empty()) {
      continue;
    }
    auto number = fnv1a(slug) % space;
    while (!taken.insert(number).second) {
      number = (number + 1) % space;
    }
    m_codes.emplace_back(slug, fmt::format("P-{:0{}}", number, space == 1000 ? 3 : 5));
  }
}

std::string Names::operator()(std::string_view slug) const
{
  if (m_redact == Redact::no) {
    return m_records.name_of(slug);
  }
  if (const Person* person = m_records.person(slug); person && !person->pseudonym.empty()) {
    return person->pseudonym;
  }
  auto it = std::lower_bound(m_codes.begin(), m_codes.end(), slug,
                             [](const auto& entry, std::string_view s) { return entry.first < s; });
  return it != m_codes.end() && it->first == slug ? it->second : std::string("P-???");
}

namespace {

Side side_of(const Pairing& pairing, const std::string& me)
{
  return pairing.mentor == me ? Side::gave : pairing.mentee == me ? Side::received : Side::others;
}

// The last day a pairing ran: `ended:`, else for an ended pairing without
// one its last entry, else none (still running).
std::optional<Date> end_of(const Pairing& pairing)
{
  if (pairing.ended) {
    return pairing.ended;
  }
  if (pairing.status == Status::ended) {
    Date last = pairing.started;
    for (const auto& session : pairing.sessions) {
      last = std::max(last, session.date);
    }
    return last;
  }
  return std::nullopt;
}

struct TopicTally
{
  int count = 0;
  std::size_t first_seen = 0;  // order of first mention, for ties
};

struct Accumulator
{
  Totals totals;
  std::set<std::string> people;
  std::map<std::string, Row> rows;
  std::unordered_map<std::string, TopicTally> topics;
  bool any = false;
};

// "YYYY-MM", without going through a formatter: it runs once per session.
std::string month_key(Date date)
{
  const int year = date.year();
  const int month = date.month();
  if (year < 0 || year > 9999) {
    return date.iso().substr(0, 7);
  }
  std::string key = "0000-00";
  key[0] = static_cast<char>('0' + year / 1000);
  key[1] = static_cast<char>('0' + year / 100 % 10);
  key[2] = static_cast<char>('0' + year / 10 % 10);
  key[3] = static_cast<char>('0' + year % 10);
  key[5] = static_cast<char>('0' + month / 10);
  key[6] = static_cast<char>('0' + month % 10);
  return key;
}

} // namespace

Report build_report(const Records& records, const util::Period& period, GroupBy by, const Names& names)
{
  std::array<Accumulator, 3> acc;
  const auto& config = records.config;
  // Redacted pairing keys are built from the two people's codes; a second
  // pairing of the same two gets "-2" (and so on, in slug order) so that it
  // keeps a row of its own.
  std::map<std::pair<std::string, std::string>, int> pairings_of_two;
  for (const auto& pairing : records.pairings) {
    const Side side = side_of(pairing, config.me);
    const int nth = ++pairings_of_two[{pairing.mentor, pairing.mentee}];
    Accumulator& a = acc[static_cast<std::size_t>(side)];
    const auto end = end_of(pairing);
    const bool active = pairing.started < period.to && (!end || *end >= period.from);
    // Who the pairing is with, from my side (the mentee between others).
    const std::string& other = side == Side::received ? pairing.mentor : pairing.mentee;

    // The pairing's row in the grouped table. It runs once per session, so
    // the row found last is kept: for months it changes only when the month
    // does (sessions come in date order), otherwise never within a pairing.
    Row* last_row = nullptr;
    int last_month = 0;
    bool other_seen = false;
    auto row_for = [&](Date date) -> Row& {
      if (last_row) {
        if (by != GroupBy::month) {
          return *last_row;
        }
        if (date.year() * 12 + date.month() == last_month) {
          return *last_row;
        }
      }
      std::string key;
      std::string label;
      std::string kind;
      switch (by) {
      case GroupBy::pairing:
        key = names.redacted()
                  ? names(pairing.mentor) + "--" + names(pairing.mentee) + (nth > 1 ? fmt::format("-{}", nth) : "")
                  : pairing.slug;
        label = side == Side::others ? names(pairing.mentor) + " and " + names(pairing.mentee) : names(other);
        kind = std::string(to_string(pairing.kind));
        break;
      case GroupBy::person:
        key = names.redacted() ? names(other) : other;
        label = names(other);
        break;
      case GroupBy::kind:
        key = label = std::string(to_string(pairing.kind));
        break;
      case GroupBy::month:
        key = label = month_key(date);
        break;
      }
      auto [it, inserted] = a.rows.try_emplace(key);
      if (inserted) {
        it->second.key = key;
        it->second.label = label;
        it->second.kind = kind;
      }
      last_row = &it->second;  // map nodes stay put
      last_month = date.year() * 12 + date.month();
      return it->second;
    };

    if (active) {
      a.any = true;
      ++a.totals.pairings_active;
      if (by == GroupBy::pairing || by == GroupBy::person) {
        row_for(period.from);  // listed even without a session in the period
      }
    }
    if (period.contains(pairing.started)) {
      ++a.totals.pairings_started;
      a.any = true;
    }
    if (end && pairing.status == Status::ended && period.contains(*end)) {
      ++a.totals.pairings_ended;
      a.any = true;
    }
    for (const auto& session : pairing.sessions) {
      const bool in_period = period.contains(session.date);
      if (in_period) {
        for (const auto& [id, status] : session.goal_changes) {
          if (status == GoalStatus::achieved) {
            ++a.totals.goals_achieved;
          }
        }
      }
      if (in_period && is_meeting(session)) {
        a.any = true;
        const auto minutes = session_minutes(session, pairing, config);
        ++a.totals.sessions;
        a.totals.minutes += minutes;
        if (!other_seen) {
          a.people.insert(other);
          other_seen = true;
        }
        Row& row = row_for(session.date);
        ++row.sessions;
        row.minutes += minutes;
        for (const auto& topic : session.topics) {
          auto [it, inserted] = a.topics.try_emplace(topic);
          if (inserted) {
            it->second.first_seen = a.topics.size() - 1;
          }
          ++it->second.count;
        }
      }
      for (const auto& action : session.actions) {
        if (in_period) {
          ++a.totals.actions_agreed;
        }
        if (action.done && period.contains(*action.done)) {
          ++a.totals.actions_done;
        }
        const bool open_at_end = session.date < period.to && (!action.done || *action.done >= period.to);
        if (open_at_end) {
          ++a.totals.actions_open_at_end;
          if (action.due && *action.due < period.to) {
            ++a.totals.actions_overdue_at_end;
          }
        }
      }
    }
  }

  Report report;
  report.period = period;
  report.by = by;
  report.redacted = names.redacted();
  for (std::size_t i = 0; i < acc.size(); ++i) {
    Accumulator& a = acc[i];
    if (!a.any) {
      continue;
    }
    SideReport side;
    side.side = static_cast<Side>(i);
    side.totals = a.totals;
    side.totals.people_seen = static_cast<int>(a.people.size());
    if (by == GroupBy::month) {
      // Every month of the period, empty ones too, so the table has no gaps.
      const long months = (period.to.year() - period.from.year()) * 12L + period.to.month() - period.from.month();
      if (months <= 1200) {
        for (Date d = Date::from_ymd(period.from.year(), period.from.month(), 1); d < period.to; d = d.add_months(1)) {
          auto [it, inserted] = a.rows.try_emplace(month_key(d));
          if (inserted) {
            it->second.key = it->second.label = month_key(d);
          }
        }
      }
    }
    for (auto& [key, row] : a.rows) {
      side.rows.push_back(std::move(row));
    }
    std::vector<std::pair<const std::string*, TopicTally>> tallies;
    tallies.reserve(a.topics.size());
    for (const auto& [topic, tally] : a.topics) {
      tallies.emplace_back(&topic, tally);
    }
    // Most mentioned first; among equals, the one mentioned first.
    std::sort(tallies.begin(), tallies.end(), [](const auto& x, const auto& y) {
      return x.second.count != y.second.count ? x.second.count > y.second.count
                                              : x.second.first_seen < y.second.first_seen;
    });
    for (const auto& [topic, tally] : tallies) {
      side.topics.push_back({*topic, tally.count});
    }
    if (side.topics.size() > 10) {
      side.topics.resize(10);
    }
    report.sides.push_back(std::move(side));
  }
  return report;
}

const std::vector<Credential>& icf_credentials()
{
  static const std::vector<Credential> credentials = {
    {"ACC", 100, 75, 8, 25},
    {"PCC", 500, 450, 25, 50},
    {"MCC", 2500, 2250, 35, 0},
  };
  return credentials;
}

IcfLog build_icf_log(const Records& records, const util::Period& period, Date today, const Names& names)
{
  IcfLog log;
  log.period = period;
  log.redacted = names.redacted();
  const auto& config = records.config;
  std::map<std::pair<std::string, int>, IcfRow> rows;  // (client, group size)
  std::set<std::string> clients;
  const Date window_start = today.add_months(-18);
  for (const auto& pairing : records.pairings) {
    if (pairing.kind != Kind::coaching || pairing.mentor != config.me) {
      continue;
    }
    const Person* client = records.person(pairing.mentee);
    for (const auto& session : pairing.sessions) {
      if (!is_meeting(session)) {
        continue;
      }
      const long minutes = session_minutes(session, pairing, config);
      if (session.date >= window_start && session.date <= today) {
        log.last_18_months_minutes += minutes;
      }
      if (!period.contains(session.date)) {
        continue;
      }
      const int size = session.group > 1 ? session.group : 1;
      auto [it, inserted] = rows.try_emplace({pairing.mentee, size});
      IcfRow& row = it->second;
      if (inserted) {
        row.client = names(pairing.mentee);
        row.contact = names.redacted() || !client ? std::string() : client->email;
        row.group = size > 1;
        row.number_in_group = size;
        row.start = row.end = session.date;
      }
      row.start = std::min(row.start, session.date);
      row.end = std::max(row.end, session.date);
      (session.paid.value_or(pairing.paid) ? row.paid_minutes : row.pro_bono_minutes) += minutes;
      log.total_minutes += minutes;
      if (session.paid.value_or(pairing.paid)) {
        log.paid_minutes += minutes;
      }
      clients.insert(pairing.mentee);
    }
  }
  for (auto& [key, row] : rows) {
    log.rows.push_back(std::move(row));
  }
  std::sort(log.rows.begin(), log.rows.end(), [](const IcfRow& a, const IcfRow& b) {
    return a.start != b.start ? a.start < b.start : a.client < b.client;
  });
  log.clients = static_cast<int>(clients.size());
  return log;
}

} // namespace mentor::core
