#include "mentor/cli/autocommit.hpp"
#include "mentor/cli/commands.hpp"
#include "mentor/cli/notes.hpp"
#include "mentor/core/changes.hpp"
#include "mentor/core/who.hpp"
#include "mentor/store/writer.hpp"
#include "mentor/util/duration.hpp"
#include "mentor/util/error.hpp"
#include "mentor/util/text.hpp"

#include <fmt/format.h>

#include <iostream>
#include <set>

namespace mentor::cli {

CLI::App* setup_log(CLI::App& app, LogOptions& options)
{
  auto* sub = app.add_subcommand("log", "Record a session");
  sub->add_option("WHO", options.who, "The pairing, or the other person (slug, prefix or part of the name)")
    ->required();
  sub->add_option("NOTES", options.notes,
                  "What happened. Without it: read from standard input when piped, else from $EDITOR");
  sub->add_option("--date", options.date,
                  "When: YYYY-MM-DD, today, yesterday, a weekday name, -3d, -2w (default: today)")
    ->type_name("DATE");
  sub->add_option("--duration", options.duration, "How long: 45, 45m, 1h, 1.5h, 1h30m (default: the pairing's)")
    ->type_name("DURATION");
  sub->add_option("--topic", options.topics, "A topic discussed (repeat for more)")->type_name("TOPIC")->allow_extra_args(false);
  sub->add_option("--action", options.actions, "An action agreed (repeat for more; ids a1, a2, …)")
    ->type_name("TEXT")
    ->allow_extra_args(false);
  sub->add_option("--due", options.due, "When the actions are due: a date, +1w, tomorrow, friday")->type_name("DATE");
  sub->add_option("--done", options.done, "Mark an open action done, by id (repeat for more)")->type_name("ID")->allow_extra_args(false);
  sub->add_option("--type", options.type, "session, chemistry, review or closing (default: session)")
    ->type_name("TYPE");
  sub->add_flag("--edit", options.edit, "Write the notes in $VISUAL or $EDITOR, even when given");
  return sub;
}

namespace {

std::string editor_template(const core::Records& records, const core::Pairing& pairing)
{
  std::string text = fmt::format(
    "# Notes for a session with {} ({}).\n"
    "# Lines starting with # are ignored. Save an empty note to cancel.\n",
    records.name_of(pairing.mentor == records.config.me ? pairing.mentee : pairing.mentor), pairing.slug);
  if (const auto* last = pairing.last_session()) {
    text += fmt::format("#\n# Last session, {}:\n", last->date.iso());
    for (auto line : util::split_lines(last->notes)) {
      text += "#   " + std::string(line) + "\n";
    }
  }
  std::string open;
  for (const auto& session : pairing.sessions) {
    for (const auto& action : session.actions) {
      if (!action.done) {
        open += fmt::format("#   {} {}{}\n", action.id, action.text,
                            action.due ? " (due " + action.due->iso() + ")" : "");
      }
    }
  }
  if (!open.empty()) {
    text += "#\n# Open actions (close with --done ID):\n" + open;
  }
  return text;
}

} // namespace

void run_log(Context& context, const LogOptions& options)
{
  const auto today = context.today();
  // Only the files this session needs: mentor.yaml, the pairing and its
  // people, so that logging stays instant however many records there are.
  const auto [records, slug] = context.records_for_pairing(options.who, core::Want::active);
  const AutoCommit autocommit(context, records.config);
  const auto& resolved = *records.pairing(slug);

  core::NewSession session;
  session.date = options.date ? parse_past_date("--date", *options.date, today) : today;
  if (session.date > today) {
    throw UsageError(fmt::format("--date {} is in the future (today is {})", session.date.iso(), today.iso()),
                     "log sessions once they have happened");
  }
  if (options.type) {
    auto type = core::parse_session_type(*options.type);
    if (!type) {
      throw UsageError(fmt::format("--type: \"{}\" is not a session type", *options.type),
                       fmt::format("use one of: {}", core::session_type_choices()));
    }
    session.type = *type;
  }
  for (const auto& topic : options.topics) {
    session.topics.push_back(single_line("--topic", topic));
  }
  std::optional<core::Date> due;
  if (options.due) {
    if (options.actions.empty()) {
      throw UsageError("--due goes with --action", "agree an action with --action TEXT, then give its due date");
    }
    due = parse_any_date("--due", *options.due, session.date);
  }
  std::set<std::string> closing;
  for (const auto& id : options.done) {
    if (!closing.insert(id).second) {
      throw UsageError(fmt::format("--done {} is given twice", id));
    }
  }
  const int duration = options.duration ? parse_duration_option("--duration", *options.duration)
                                        : resolved.duration.value_or(records.config.default_duration);
  session.duration = duration;
  const auto notes = read_notes(options.notes, options.edit ? ForceEditor::yes : ForceEditor::no,
                                editor_template(records, resolved));
  session.notes = notes;

  const auto& dir = context.dir();
  const auto lock = dir.lock();
  // Under the lock, from the file as it is now: another mentor may have
  // written to it since it was first read.
  store::Document document;
  const auto pairing = context.reload_pairing(slug, document);
  if (pairing.status != core::Status::active) {
    throw Error(fmt::format("{} is {} now; nothing was written", slug, core::to_string(pairing.status)));
  }
  for (std::size_t i = 0; i < options.actions.size(); ++i) {
    session.actions.push_back(core::NewAction{core::next_action_id(pairing, static_cast<int>(i)),
                                              single_line("--action", options.actions[i]), due});
  }
  store::Patch patch(document);
  std::string closed;
  for (const auto& id : options.done) {
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
      throw Error(fmt::format("{} has no action {}; nothing was written", slug, id),
                  open.empty() ? "it has no open actions" : "its open actions are " + open);
    }
    const auto& action = pairing.sessions[where->first].actions[where->second];
    if (action.done) {
      throw Error(fmt::format("action {} was already done on {}; nothing was written", id, action.done->iso()));
    }
    patch.insert_keys({std::string("sessions"), where->first, std::string("actions"), where->second},
                      {store::Entry{"done", {}, store::Node::scalar(session.date.iso())}}, {"due", "text", "id"});
    closed += (closed.empty() ? "; closed " : ", ") + id;
  }
  patch.append_to_top_sequence("sessions", core::session_node(session));
  if (const auto* last = pairing.last_session(); last && session.date < last->date) {
    std::cerr << fmt::format("mentor: warning: {} is before the last session ({}); it is added at the end\n",
                             session.date.iso(), last->date.iso());
  }
  const auto file = store::RecordsDir::record_file(store::Folder::pairings, slug);
  dir.replace(file, patch.result());

  std::string agreed;
  for (const auto& action : session.actions) {
    agreed += (agreed.empty() ? "; agreed " : ", ") + action.id;
  }
  const auto& other = pairing.mentor == records.config.me ? pairing.mentee : pairing.mentor;
  std::cout << fmt::format("logged {} ({}) with {}{}{}: {}\n", session.date.iso(), util::format_duration(duration),
                           records.name_of(other), agreed, closed, dir.display(file));
  autocommit.commit({file}, fmt::format("log: {} {} ({})", commit_name(records, pairing), session.date.iso(),
                                        util::format_duration(duration)));
}

} // namespace mentor::cli
