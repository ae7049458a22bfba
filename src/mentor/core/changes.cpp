#include "mentor/core/changes.hpp"

#include "mentor/store/writer.hpp"
#include "mentor/util/duration.hpp"
#include "mentor/util/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace mentor::core {

using store::Node;

store::Node session_node(const NewSession& session)
{
  Node node = Node::map();
  node.add("date", Node::scalar(session.date.iso()));
  node.add("duration", Node::scalar(util::format_duration(session.duration)));
  node.add("type", Node::scalar(std::string(to_string(session.type))));
  if (!session.topics.empty()) {
    Node topics = Node::sequence();
    topics.flow = true;
    for (const auto& topic : session.topics) {
      topics.items.push_back(Node::scalar(topic));
    }
    node.add("topics", std::move(topics));
  }
  if (!session.notes.empty()) {
    // A block of several lines is written as `|` and so ends with a line break.
    const bool block = session.notes.find('\n') != std::string::npos;
    node.add("notes", Node::scalar(block ? session.notes + "\n" : session.notes));
  }
  if (!session.actions.empty()) {
    Node actions = Node::sequence();
    for (const auto& action : session.actions) {
      Node item = Node::map();
      item.add("id", Node::scalar(action.id));
      item.add("text", Node::scalar(action.text));
      if (action.due) {
        item.add("due", Node::scalar(action.due->iso()));
      }
      actions.items.push_back(std::move(item));
    }
    node.add("actions", std::move(actions));
  }
  return node;
}

std::pair<std::size_t, std::size_t> open_action(const Pairing& pairing, const std::string& id)
{
  const auto where = pairing.find_action(id);
  if (!where) {
    std::string open;
    for (const auto& s : pairing.sessions) {
      for (const auto& action : s.actions) {
        if (!action.done) {
          open += (open.empty() ? "" : ", ") + action.id;
        }
      }
    }
    throw Error(fmt::format("{} has no action {}; nothing was written", pairing.slug, id),
                open.empty() ? "it has no open actions" : "its open actions are " + open);
  }
  const auto& action = pairing.sessions[where->first].actions[where->second];
  if (action.done) {
    throw Error(fmt::format("action {} was already done on {}; nothing was written", id, action.done->iso()));
  }
  return *where;
}

std::string append_session(const store::Document& document, const Pairing& pairing, const NewSession& session,
                           const std::vector<std::string>& done)
{
  store::Patch patch(document);
  for (const auto& id : done) {
    const auto where = open_action(pairing, id);
    patch.insert_keys({std::string("sessions"), where.first, std::string("actions"), where.second},
                      {store::Entry{"done", {}, Node::scalar(session.date.iso())}}, {"due", "text", "id"});
  }
  patch.append_to_top_sequence("sessions", session_node(session));
  return patch.result();
}

long long id_number(std::string_view id, char prefix)
{
  if (id.size() < 2 || id.front() != prefix) {
    return 0;
  }
  long long number = 0;
  const auto* begin = id.data() + 1;
  const auto* end = id.data() + id.size();
  auto [ptr, ec] = std::from_chars(begin, end, number);
  return ec == std::errc() && ptr == end && number < 1'000'000'000'000'000'000 ? number : 0;
}

std::string next_action_id(const Pairing& pairing, int offset)
{
  long long highest = 0;
  for (const auto& session : pairing.sessions) {
    for (const auto& action : session.actions) {
      highest = std::max(highest, id_number(action.id, 'a'));
    }
  }
  return fmt::format("a{}", highest + 1 + offset);
}

std::string next_goal_id(const std::vector<Goal>& goals, int offset)
{
  long long highest = 0;
  for (const auto& goal : goals) {
    highest = std::max(highest, id_number(goal.id, 'g'));
  }
  return fmt::format("g{}", highest + 1 + offset);
}

std::string new_pairing_slug(const Records& records, std::string_view mentor, std::string_view mentee)
{
  const auto base = fmt::format("{}--{}", mentor, mentee);
  if (!records.pairing(base)) {
    return base;
  }
  for (int n = 2;; ++n) {
    auto candidate = fmt::format("{}-{}", base, n);
    if (!records.pairing(candidate)) {
      return candidate;
    }
  }
}

} // namespace mentor::core
