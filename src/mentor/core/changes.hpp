#pragma once

#include "mentor/core/model.hpp"
#include "mentor/store/document.hpp"

#include <string>
#include <vector>

namespace mentor::core {

// What a user asked to add, before it becomes YAML.
struct NewAction
{
  std::string id;
  std::string text;
  std::optional<Date> due;
};

struct NewSession
{
  Date date;
  int duration = 0;  // minutes
  SessionType type = SessionType::session;
  std::vector<std::string> topics;
  std::string notes;  // already normalised (util::normalize_note)
  std::vector<NewAction> actions;
};

// The session as a tree in the key order DESIGN.md shows:
// date, duration, type, topics, notes, actions.
store::Node session_node(const NewSession& session);

// N for an id "<prefix><N>" (a3 → 3 with prefix 'a'); 0 for any other id,
// and for N of 19 digits or more (so that one past the highest, plus an
// offset, cannot overflow).
long long id_number(std::string_view id, char prefix);

// The open action `id` of `pairing` (its session and action index); throws
// mentor::Error, naming the open ones, when there is no such action or it is
// done already.
std::pair<std::size_t, std::size_t> open_action(const Pairing& pairing, const std::string& id);

// What `mentor log` writes: the text of the pairing's file (`document`, which
// `pairing` was built from) with `session` appended to `sessions:` and each
// action in `done` marked done on the session's date, verified by reading it
// back (store::Patch). Throws mentor::Error, and nothing may be written, when
// an action is unknown or already done, or when the file cannot be changed
// safely.
std::string append_session(const store::Document& document, const Pairing& pairing, const NewSession& session,
                           const std::vector<std::string>& done);

// The next free "a<N>" / "g<N>" id in a pairing: one past the highest used.
std::string next_action_id(const Pairing& pairing, int offset = 0);
std::string next_goal_id(const std::vector<Goal>& goals, int offset = 0);

// "<mentor>--<mentee>", or with "-2", "-3"… when that id is taken.
std::string new_pairing_slug(const Records& records, std::string_view mentor, std::string_view mentee);

} // namespace mentor::core
