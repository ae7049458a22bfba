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

// N for an id "<prefix><N>" (a3 → 3 with prefix 'a'); 0 for any other id.
int id_number(std::string_view id, char prefix);

// The next free "a<N>" / "g<N>" id in a pairing: one past the highest used.
std::string next_action_id(const Pairing& pairing, int offset = 0);
std::string next_goal_id(const std::vector<Goal>& goals, int offset = 0);

// "<mentor>--<mentee>", or with "-2", "-3"… when that id is taken.
std::string new_pairing_slug(const Records& records, std::string_view mentor, std::string_view mentee);

} // namespace mentor::core
