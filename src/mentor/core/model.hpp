#pragma once

#include "mentor/util/date.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mentor::core {

using util::Date;

// Where a value was written: 1-based line and column in its record's file.
struct Pos
{
  int line = 0;
  int col = 0;

  bool operator==(const Pos&) const = default;
};

// The position of each key mentor reads, in file order. Keys are kept as
// small numbers into a fixed table (`key_name`), which keeps the records of
// a large directory compact; keys mentor does not read are not kept. One
// pointer wide: most records are read without their positions (only `mentor
// check` and the commands that edit need them), and a large directory has a
// few hundred thousand of them.
class Positions
{
public:
  using Entry = std::pair<std::uint8_t, Pos>;

  Positions() = default;
  Positions(const Positions& other);
  Positions(Positions&& other) noexcept : m_block(std::exchange(other.m_block, nullptr)) {}
  Positions& operator=(const Positions& other);
  Positions& operator=(Positions&& other) noexcept;
  ~Positions()
  {
    if (m_block != nullptr) {  // most records are read without positions: keep that free
      release();
    }
  }

  void set(std::string_view key, Pos pos);
  // The key's position, or `fallback` when the record has no such key.
  Pos of(std::string_view key, Pos fallback = {}) const;

  std::span<const Entry> entries() const;
  // For the record cache: an entry as `entries()` gave it. Returns false for
  // a key number outside the table.
  bool add(std::uint8_t key, Pos pos);
  void reserve(std::size_t n);

  bool operator==(const Positions& other) const;

private:
  struct Block;  // a count and a capacity, then the entries
  void push(std::uint8_t key, Pos pos);
  void release() noexcept;

  Block* m_block = nullptr;
};

// The name of a key number in Positions, or "" outside the table.
std::string_view key_name(std::uint8_t key);

enum class Kind : std::uint8_t { coaching, mentoring, peer, shadowing, supervision };
enum class Status : std::uint8_t { active, paused, ended };
enum class GoalStatus : std::uint8_t { open, achieved, dropped };
enum class SessionType : std::uint8_t { session, chemistry, review, closing };

std::string_view to_string(Kind kind);
std::string_view to_string(Status status);
std::string_view to_string(GoalStatus status);
std::string_view to_string(SessionType type);
std::optional<Kind> parse_kind(std::string_view text);
std::optional<Status> parse_status(std::string_view text);
std::optional<GoalStatus> parse_goal_status(std::string_view text);
std::optional<SessionType> parse_session_type(std::string_view text);
// "coaching | mentoring | …", for messages.
// Every value, in order (for completion and help).
std::span<const std::string_view> kind_names();
std::span<const std::string_view> session_type_names();
std::span<const std::string_view> goal_status_names();

std::string kind_choices();
std::string session_type_choices();
std::string goal_status_choices();

// mentor.yaml
struct Config
{
  std::string file;
  int version = 1;
  std::string me;
  Kind default_kind = Kind::coaching;
  int default_duration = 60;  // minutes
  int default_cadence = 28;   // days; 0 = as needed
  bool git_commit = false;    // `git: {commit: true}`: commit every change mentor makes
  Positions at;
  bool operator==(const Config&) const = default;
};

struct Person
{
  std::string slug;
  std::string file;
  std::string name;
  std::string email;
  std::string organisation;
  std::string role;
  std::string pseudonym;
  std::vector<std::string> tags;
  std::string notes;
  Positions at;
  bool operator==(const Person&) const = default;
};

struct Goal
{
  std::string id;
  std::string title;
  std::string measure;
  std::optional<Date> due;
  GoalStatus status = GoalStatus::open;
  Pos pos;
  Positions at;
  bool operator==(const Goal&) const = default;
};

struct Action
{
  std::string id;
  std::string text;
  std::optional<Date> due;
  std::optional<Date> done;
  Pos pos;
  Positions at;
  bool operator==(const Action&) const = default;
};

struct Session
{
  Date date;
  std::optional<int> duration;  // minutes; absent: the pairing's default
  SessionType type = SessionType::session;
  std::vector<std::string> topics;
  std::string notes;
  std::vector<Action> actions;
  std::optional<bool> paid;     // overrides the pairing's `paid`
  int group = 0;                // number in group; 0 = one-to-one
  // Goal status changes recorded with this entry (`mentor review --record`).
  std::vector<std::pair<std::string, GoalStatus>> goal_changes;
  Pos pos;
  Positions at;
  bool operator==(const Session&) const = default;
};

struct Pairing
{
  std::string slug;
  std::string file;
  std::string mentor;
  std::string mentee;
  Kind kind = Kind::coaching;
  Status status = Status::active;
  Date started;
  std::optional<Date> until;
  std::optional<Date> ended;
  std::optional<int> cadence;   // days; 0 = as needed; absent: mentor.yaml's
  std::optional<int> duration;  // minutes; absent: mentor.yaml's
  bool paid = true;
  std::string sponsor;
  std::string outcome;
  std::vector<Goal> goals;
  std::vector<Session> sessions;  // oldest first, as in the file
  Positions at;

  const Session* last_session() const { return sessions.empty() ? nullptr : &sessions.back(); }
  // The action with this id and the index of its session, if any.
  std::optional<std::pair<std::size_t, std::size_t>> find_action(std::string_view id) const;
  const Goal* find_goal(std::string_view id) const;
  bool operator==(const Pairing&) const = default;
};

// Everything in a records directory.
struct Records
{
  Config config;
  std::vector<Person> people;      // sorted by slug
  std::vector<Pairing> pairings;   // sorted by slug

  const Person* person(std::string_view slug) const;
  const Pairing* pairing(std::string_view slug) const;
  // The person's name, or the slug when there is no such person.
  std::string name_of(std::string_view slug) const;
  bool operator==(const Records&) const = default;
};

// Minutes a session counts for: its own duration, else the pairing's, else
// the default from mentor.yaml; 0 for a review recorded without a duration.
int session_minutes(const Session& session, const Pairing& pairing, const Config& config);
int pairing_cadence(const Pairing& pairing, const Config& config);

} // namespace mentor::core
