#pragma once

#include "mentor/core/brief.hpp"
#include "mentor/core/model.hpp"
#include "mentor/util/period.hpp"

#include <string>
#include <vector>

namespace mentor::core {

// Whose side of a pairing a figure is on, from my point of view.
enum class Side { gave, received, others };  // I am the mentor / the mentee / neither
std::string_view to_string(Side side);

enum class GroupBy { pairing, person, kind, month };
std::string_view to_string(GroupBy by);
std::optional<GroupBy> parse_group_by(std::string_view text);

enum class Redact { no, yes };

// How people are named in reports: their name, or with Redact::yes their
// `pseudonym:` or else a stable code "P-NNN" derived from the id (the same
// person gets the same code in every report).
class Names
{
public:
  Names(const Records& records, Redact redact);
  std::string operator()(std::string_view slug) const;
  bool redacted() const { return m_redact == Redact::yes; }

private:
  const Records& m_records;
  Redact m_redact;
  std::vector<std::pair<std::string, std::string>> m_codes;  // slug -> code, sorted by slug
};

struct Totals
{
  int sessions = 0;          // meetings in the period
  long minutes = 0;
  int people_seen = 0;       // distinct people met in the period (the other side)
  int pairings_active = 0;   // pairings running at some point in the period
  int pairings_started = 0;
  int pairings_ended = 0;
  int goals_achieved = 0;    // goal changes to achieved recorded in the period (`review --record`)
  int actions_agreed = 0;
  int actions_done = 0;
  int actions_open_at_end = 0;     // agreed before the end, not done by then
  int actions_overdue_at_end = 0;  // of those, due before the end
};

// One line of the grouped table.
struct Row
{
  std::string key;     // the group: pairing id, person id, kind or YYYY-MM (a code when redacted)
  std::string label;   // for people: who (name or pseudonym); for kinds and months, the same as key
  std::string kind;    // the pairing's kind, for GroupBy::pairing; else empty
  int sessions = 0;
  long minutes = 0;
};

struct SideReport
{
  Side side = Side::gave;
  Totals totals;
  std::vector<Row> rows;          // in key order (months in time order)
  std::vector<TopicCount> topics; // most discussed first, at most 10
};

struct Report
{
  util::Period period;
  GroupBy by = GroupBy::pairing;
  bool redacted = false;
  std::vector<SideReport> sides;  // gave, received, others: only those with anything in the period
};

Report build_report(const Records& records, const util::Period& period, GroupBy by, const Names& names);

// The ICF coaching log: one row per coaching client where I am the coach
// (and per group size, for group sessions), sessions in the period.
struct IcfRow
{
  std::string client;        // name, or pseudonym / code when redacted
  std::string contact;       // email; empty when redacted
  bool group = false;
  int number_in_group = 1;
  Date start;                // first session in the period
  Date end;                  // last session in the period
  long paid_minutes = 0;
  long pro_bono_minutes = 0;
};

struct Credential
{
  std::string name;          // ACC, PCC, MCC
  int hours = 0;
  int paid_hours = 0;
  int clients = 0;
  int recent_hours = 0;      // of them within the 18 months before applying; 0 = none asked
};
// ACC (100 h, 75 paid, 8 clients, 25 h in the last 18 months), PCC (500, 450,
// 25, 50), MCC (2500, 2250, 35): ICF's published experience requirements.
const std::vector<Credential>& icf_credentials();

struct IcfLog
{
  util::Period period;
  bool redacted = false;
  std::vector<IcfRow> rows;        // by start date, then client
  long total_minutes = 0;
  long paid_minutes = 0;
  int clients = 0;                 // distinct clients
  long last_18_months_minutes = 0; // all coaching hours in the 18 months up to today
};

IcfLog build_icf_log(const Records& records, const util::Period& period, Date today, const Names& names);

} // namespace mentor::core
