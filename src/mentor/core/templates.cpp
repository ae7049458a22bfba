#include "mentor/core/templates.hpp"

#include "mentor/store/emit.hpp"

#include <fmt/format.h>

namespace mentor::core {

using store::Node;

namespace {

enum class Typed { no, yes };

// "key: value" with a comment lined up at column 32. Typed values (numbers,
// booleans, cadences) are written as they are; text goes through the
// emitter, which quotes what a YAML reader would misread.
std::string line(std::string_view key, const std::string& value, std::string_view comment = {}, int indent = 0,
                 Typed typed = Typed::no)
{
  auto text = typed == Typed::yes ? fmt::format("{}{}: {}\n", std::string(static_cast<std::size_t>(indent), ' '), key, value)
                                  : store::emit_entry(key, Node::scalar(value), indent);
  if (comment.empty() || text.find('\n') + 1 != text.size()) {
    return text;
  }
  text.pop_back();
  const std::size_t column = 32;
  text += text.size() < column ? std::string(column - text.size(), ' ') : std::string(2, ' ');
  return text + "# " + std::string(comment) + "\n";
}

// Text for a comment line: a line break in a name (possible in a
// hand-edited file) would end the comment and start YAML of its own.
std::string comment_text(std::string_view text)
{
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const auto rest = text.substr(i);
    if (c < 0x20 || c == 0x7f) {
      out += ' ';
    } else if (rest.starts_with("\xC2\x85")) {
      out += ' ';
      i += 1;
    } else if (rest.starts_with("\xE2\x80\xA8") || rest.starts_with("\xE2\x80\xA9")) {
      out += ' ';
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string role_words(Kind kind)
{
  switch (kind) {
  case Kind::coaching:
    return "coach and coachee";
  case Kind::mentoring:
    return "mentor and mentee";
  case Kind::supervision:
    return "supervisor and supervisee";
  case Kind::peer:
    return "peers";
  case Kind::shadowing:
    return "host and shadow";
  }
  return "mentor and mentee";
}

} // namespace

std::string config_text(const std::string& me)
{
  std::string text =
    "# mentor records: settings. The folders beside this file hold one YAML\n"
    "# file per person (people/) and per pairing (pairings/). Edit them freely:\n"
    "# mentor keeps your comments, key order and keys of your own.\n";
  text += line("version", "1", {}, 0, Typed::yes);
  text += line("me", me, "you: your own file in people/");
  text += "defaults:\n";
  text += line("kind", "coaching", "coaching | mentoring | peer | shadowing | supervision", 2);
  text += line("duration", "60m", "session length when none is given", 2);
  text += line("cadence", "4w", "expected gap between sessions; none = as needed", 2, Typed::yes);
  text += "# git:\n"
          "#   commit: true                # commit each change mentor makes (see mentor's README)\n";
  return text;
}

std::string person_text(const NewPerson& person)
{
  std::string text = "# One file per person. Add any keys of your own; mentor keeps them.\n";
  text += line("name", person.name);
  if (!person.email.empty()) {
    text += line("email", person.email);
  }
  if (!person.organisation.empty()) {
    text += line("organisation", person.organisation);
  }
  if (!person.role.empty()) {
    text += line("role", person.role);
  }
  text += "# pseudonym: C-001              # shown instead of the name in redacted reports\n";
  if (!person.tags.empty()) {
    Node tags = Node::sequence();
    tags.flow = true;
    for (const auto& tag : person.tags) {
      tags.items.push_back(Node::scalar(tag));
    }
    text += store::emit_entry("tags", tags, 0);
  }
  if (!person.notes.empty()) {
    const bool block = person.notes.find('\n') != std::string::npos;
    text += store::emit_entry("notes", Node::scalar(block ? person.notes + "\n" : person.notes), 0);
  }
  return text;
}

std::string pairing_text(const NewPairing& p)
{
  std::string text = fmt::format("# {}: {} and {} ({}).\n", to_string(p.kind), comment_text(p.mentor_name),
                                 comment_text(p.mentee_name), role_words(p.kind));
  text +=
    "# `mentor log` adds sessions at the end; edit anything by hand, mentor keeps\n"
    "# your comments and layout.\n";
  text += line("mentor", p.mentor);
  text += line("mentee", p.mentee);
  text += line("kind", std::string(to_string(p.kind)), "coaching | mentoring | peer | shadowing | supervision");
  text += line("status", "active", "active | paused | ended");
  text += line("started", p.started.iso());
  if (p.until) {
    text += line("until", p.until->iso(), "planned end");
  }
  text += line("cadence", p.cadence, "expected gap between sessions; none = as needed", 0, Typed::yes);
  text += line("duration", p.duration, "default session length");
  text += line("paid", p.paid ? "true" : "false", "false = pro bono (ICF log)", 0, Typed::yes);
  if (!p.sponsor.empty()) {
    text += line("sponsor", p.sponsor);
  }
  if (p.goals.empty()) {
    text += "goals: []\n";
  } else {
    text += "goals:\n";
    for (const auto& goal : p.goals) {
      Node item = Node::map();
      item.add("id", Node::scalar(goal.id));
      item.add("title", Node::scalar(goal.title));
      item.add("status", Node::scalar("open"));
      text += store::emit_sequence_item(item, 2);
    }
  }
  text += "sessions:                       # oldest first; `mentor log` appends here\n";
  return text;
}

} // namespace mentor::core
