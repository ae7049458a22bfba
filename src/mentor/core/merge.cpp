#include "mentor/core/merge.hpp"

#include "mentor/core/changes.hpp"
#include "mentor/store/merge.hpp"
#include "mentor/store/parse.hpp"
#include "mentor/store/source_error.hpp"
#include "mentor/store/writer.hpp"
#include "mentor/util/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

namespace mentor::core {

using store::Document;
using store::Node;
using store::NodePath;

namespace {

// A file whose every line ends in "\r\n" is merged with "\n" and written
// back with "\r\n"; a missing final line break is added.
struct Normalized
{
  std::string text;
  bool crlf = false;
};

Normalized normalize(std::string text)
{
  Normalized result;
  std::size_t lf = 0, crlf = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++lf;
      if (i > 0 && text[i - 1] == '\r') {
        ++crlf;
      }
    }
  }
  result.crlf = lf > 0 && lf == crlf;
  if (result.crlf) {
    std::string lf_text;
    lf_text.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
        lf_text += text[i];
      }
    }
    text = std::move(lf_text);
  }
  if (!text.empty() && text.back() != '\n') {
    text += '\n';
  }
  result.text = std::move(text);
  return result;
}

std::string to_crlf(const std::string& text)
{
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (char c : text) {
    if (c == '\n') {
      out += '\r';
    }
    out += c;
  }
  return out;
}

// An id in a list of maps (goals, or the actions of a session), and where.
struct IdSite
{
  NodePath item;        // path of the goal or action
  const Node* node;     // the goal or action
  const Node* context;  // what must be the same for two uses of the id to be one: the goal, or the action's session
  std::string id;
};

const Node* block_list(const Node& map, std::string_view key)
{
  const Node* list = map.find(key);
  return list && list->is_sequence() ? list : nullptr;
}

void collect_ids(const Node& list, const NodePath& path, const Node* context, std::vector<IdSite>& sites)
{
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    const Node* id = list.items[i].find("id");
    if (id && id->is_scalar()) {
      auto item = path;
      item.emplace_back(i);
      sites.push_back(IdSite{item, &list.items[i], context ? context : &list.items[i], id->value});
    }
  }
}

std::vector<IdSite> goal_ids(const Node& root)
{
  std::vector<IdSite> sites;
  if (const Node* goals = block_list(root, "goals")) {
    collect_ids(*goals, {std::string("goals")}, nullptr, sites);
  }
  return sites;
}

std::vector<IdSite> action_ids(const Node& root)
{
  std::vector<IdSite> sites;
  if (const Node* sessions = block_list(root, "sessions")) {
    for (std::size_t s = 0; s < sessions->items.size(); ++s) {
      if (const Node* actions = block_list(sessions->items[s], "actions")) {
        collect_ids(*actions, {std::string("sessions"), s, std::string("actions")}, &sessions->items[s], sites);
      }
    }
  }
  return sites;
}

bool has_same_item(const Node* list, const Node& item)
{
  return list && std::any_of(list->items.begin(), list->items.end(),
                             [&](const Node& other) { return store::same_content(other, item); });
}

struct Rename
{
  std::string from;
  std::string to;
};

// Their goals (or actions) that are new since the base and take an id that
// ours gave to something else get the next free id.
std::vector<std::pair<IdSite, Rename>> clashes(const std::vector<IdSite>& base, const std::vector<IdSite>& ours,
                                               const std::vector<IdSite>& theirs, char prefix)
{
  std::set<std::string> base_ids;
  long long highest = 0;
  for (const auto* sites : {&base, &ours, &theirs}) {
    for (const auto& site : *sites) {
      highest = std::max(highest, id_number(site.id, prefix));
    }
  }
  for (const auto& site : base) {
    base_ids.insert(site.id);
  }
  std::vector<std::pair<IdSite, Rename>> renames;
  for (const auto& site : theirs) {
    if (base_ids.count(site.id) != 0) {
      continue;
    }
    const bool taken = std::any_of(ours.begin(), ours.end(), [&](const IdSite& other) {
      return other.id == site.id && !store::same_content(*other.context, *site.context);
    });
    if (taken) {
      renames.emplace_back(site, Rename{site.id, fmt::format("{}{}", prefix, ++highest)});
    }
  }
  return renames;
}

// Their side with clashing ids renumbered (and their sessions' references
// to a renumbered goal), or nullopt when nothing clashes.
std::optional<Document> renumber_theirs(const Document& base, const Document& ours, const Document& theirs,
                                        std::vector<std::string>& notes)
{
  const auto goals = clashes(goal_ids(base.root), goal_ids(ours.root), goal_ids(theirs.root), 'g');
  const auto actions = clashes(action_ids(base.root), action_ids(ours.root), action_ids(theirs.root), 'a');
  if (goals.empty() && actions.empty()) {
    return std::nullopt;
  }
  store::Patch patch(theirs);
  for (const auto& [site, rename] : goals) {
    patch.replace_scalar(site.item, "id", rename.to);
    const Node* title = site.node->find("title");
    notes.push_back(fmt::format("their goal {}{} is now {}: ours has another {}", rename.from,
                                title && title->is_scalar() ? " (" + title->value + ")" : "", rename.to,
                                rename.from));
  }
  // A session of theirs that the base does not have refers to their goal.
  const Node* base_sessions = block_list(base.root, "sessions");
  if (const Node* sessions = block_list(theirs.root, "sessions"); sessions && !goals.empty()) {
    for (std::size_t s = 0; s < sessions->items.size(); ++s) {
      const Node* changes = sessions->items[s].find("goals");
      if (!changes || !changes->is_map() || has_same_item(base_sessions, sessions->items[s])) {
        continue;
      }
      for (const auto& [site, rename] : goals) {
        if (changes->find(rename.from)) {
          patch.rename_key({std::string("sessions"), s, std::string("goals")}, rename.from, rename.to);
        }
      }
    }
  }
  for (const auto& [site, rename] : actions) {
    patch.replace_scalar(site.item, "id", rename.to);
    const Node* session_date = walk(theirs.root, {site.item[0], site.item[1], std::string("date")});
    notes.push_back(fmt::format("their action {}{} is now {}: ours has another {}", rename.from,
                                session_date && session_date->is_scalar()
                                  ? " (session of " + session_date->value + ")"
                                  : "",
                                rename.to, rename.from));
  }
  return store::parse_document(theirs.path, patch.result());
}

// Every session and goal that one side added (or changed) since the base
// must be in the merged file: the last guard against losing anything.
void check_nothing_lost(const Node& base, const Node& side, const Node& merged, std::string_view side_name,
                        std::vector<std::string>& conflicts)
{
  for (const char* key : {"sessions", "goals"}) {
    const Node* items = block_list(side, key);
    if (!items) {
      continue;
    }
    for (const auto& item : items->items) {
      if (!has_same_item(block_list(base, key), item) && !has_same_item(block_list(merged, key), item)) {
        const bool session = std::string_view(key) == "sessions";
        const Node* name = item.find(session ? "date" : "id");
        conflicts.push_back(fmt::format("the merge would lose {} {} of {} side", session ? "a session" : "a goal",
                                        name && name->is_scalar() ? name->value : "", side_name));
      }
    }
  }
}

} // namespace

FileMerge merge_records_file(const std::string& path, std::string base, std::string ours, std::string theirs)
{
  FileMerge result;
  const auto b = normalize(std::move(base));
  const auto o = normalize(std::move(ours));
  const auto t = normalize(std::move(theirs));

  std::optional<Document> docs[3];
  const Normalized* texts[3] = {&b, &o, &t};
  const char* sides[3] = {"the common ancestor", "ours", "theirs"};
  for (int i = 0; i < 3; ++i) {
    try {
      docs[i] = store::parse_document(fmt::format("{} ({})", path, sides[i]), texts[i]->text);
    } catch (const store::SourceError& e) {
      result.conflicts.push_back(fmt::format("{} does not read as a mentor file: {}", sides[i], e.what()));
    }
  }
  if (!result.conflicts.empty()) {
    return result;
  }
  for (int i = 0; i < 3; ++i) {
    // An empty base: the file was added on both sides.
    if (!docs[i]->root.is_map() && !(i == 0 && docs[i]->root.is_null())) {
      result.conflicts.push_back(fmt::format("{} is not a map of `key: value` lines", sides[i]));
    }
  }
  if (!result.conflicts.empty()) {
    return result;
  }

  const Document* their_doc = &*docs[2];
  std::optional<Document> renumbered;
  try {
    renumbered = renumber_theirs(*docs[0], *docs[1], *docs[2], result.notes);
  } catch (const Error& e) {
    result.notes.clear();
    result.conflicts.push_back(fmt::format("ids added on both sides clash and cannot be renumbered: {}", e.what()));
    return result;
  }
  if (renumbered) {
    their_doc = &*renumbered;
  }

  const store::MergeRules rules{{"id", "date"}, "date"};
  auto merged = store::merge_three_way(*docs[0], *docs[1], *their_doc, rules);
  if (!merged.clean) {
    result.notes.clear();
    result.conflicts = std::move(merged.conflicts);
    return result;
  }
  check_nothing_lost(docs[0]->root, docs[1]->root, merged.merged, "our", result.conflicts);
  check_nothing_lost(docs[0]->root, their_doc->root, merged.merged, "their", result.conflicts);
  if (!result.conflicts.empty()) {
    result.notes.clear();
    return result;
  }
  result.clean = true;
  result.text = o.crlf ? to_crlf(merged.text) : std::move(merged.text);
  return result;
}

} // namespace mentor::core
