#include "mentor/cli/autocommit.hpp"
#include "mentor/cli/commands.hpp"
#include "mentor/cli/notes.hpp"
#include "mentor/core/changes.hpp"
#include "mentor/core/who.hpp"
#include "mentor/util/duration.hpp"
#include "mentor/util/error.hpp"
#include "mentor/util/text.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <array>
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

// What the session will be, from the options or the editor's header lines.
struct Plan
{
  core::NewSession session; // without notes and actions
  std::vector<std::string> actions;
  std::optional<core::Date> due;
  std::vector<std::string> done;
};

// How values are named in messages: as options, or as the editor's headers.
struct Labels
{
  const char* date;
  const char* duration;
  const char* type;
  const char* topic;
  const char* action;
  const char* due;
  const char* done;
};
constexpr Labels k_option_labels = {"--date", "--duration", "--type", "--topic", "--action", "--due", "--done"};
constexpr Labels k_header_labels = {"Date:", "Duration:", "Type:", "Topics:", "Action:", "Due:", "Done:"};

constexpr std::array<HeaderKey, 7> k_headers = {{{"Date", false},
                                                 {"Duration", false},
                                                 {"Type", false},
                                                 {"Topics", true},
                                                 {"Action", true},
                                                 {"Due", false},
                                                 {"Done", true}}};

// For the helpers that write "LABEL: …": "--date", or "Date" for "Date:".
std::string bare(const char* label)
{
  std::string out(label);
  if (out.ends_with(':')) {
    out.pop_back();
  }
  return out;
}

Plan plan(const LogOptions& options, const Labels& labels, util::Date today, const core::Records& records,
          const core::Pairing& pairing)
{
  Plan plan;
  auto& session = plan.session;
  session.date = options.date ? parse_past_date(bare(labels.date), *options.date, today) : today;
  if (session.date > today) {
    throw UsageError(fmt::format("{} {} is in the future (today is {})", labels.date, session.date.iso(), today.iso()),
                     "log sessions once they have happened");
  }
  if (options.type) {
    auto type = core::parse_session_type(*options.type);
    if (!type) {
      throw UsageError(fmt::format("{}: \"{}\" is not a session type", bare(labels.type), *options.type),
                       fmt::format("use one of: {}", core::session_type_choices()));
    }
    session.type = *type;
  }
  for (const auto& topic : options.topics) {
    session.topics.push_back(single_line(bare(labels.topic), topic));
  }
  for (const auto& action : options.actions) {
    plan.actions.push_back(single_line(bare(labels.action), action));
  }
  if (options.due) {
    if (options.actions.empty()) {
      throw UsageError(fmt::format("{} goes with {}", labels.due, labels.action),
                       "agree an action, then give its due date");
    }
    plan.due = parse_any_date(bare(labels.due), *options.due, session.date);
  }
  std::set<std::string> closing;
  for (const auto& id : options.done) {
    if (!closing.insert(id).second) {
      throw UsageError(fmt::format("{} {} is given twice", labels.done, id));
    }
  }
  for (const auto& id : options.done) {
    core::open_action(pairing, id);
    plan.done.push_back(id);
  }
  session.duration = options.duration ? parse_duration_option(bare(labels.duration), *options.duration)
                                      : pairing.duration.value_or(records.config.default_duration);
  return plan;
}

std::string join(const std::vector<std::string>& items)
{
  std::string out;
  for (const auto& item : items) {
    out += (out.empty() ? "" : ", ") + item;
  }
  return out;
}

// The editor's file: the plan as header lines, the notes given so far, and
// what helps to write them.
NoteTemplate log_template(const LogOptions& options, const Plan& plan, const core::Records& records,
                          const core::Pairing& pairing)
{
  NoteTemplate note;
  note.headers = {{"Date", plan.session.date.iso()},
                  {"Duration", util::format_duration(plan.session.duration)},
                  {"Type", std::string(core::to_string(plan.session.type))},
                  {"Topics", join(plan.session.topics)}};
  for (const auto& action : plan.actions) {
    note.headers.emplace_back("Action", action);
  }
  if (plan.actions.empty()) {
    note.headers.emplace_back("Action", "");
  }
  note.headers.emplace_back("Due", options.due.value_or(""));
  note.headers.emplace_back("Done", join(plan.done));
  note.body = options.notes.value_or("");

  const auto& other = pairing.mentor == records.config.me ? pairing.mentee : pairing.mentor;
  auto& text = note.comments;
  text = fmt::format("A session with {} ({}, {}).\n"
                     "Write the notes above, under the header lines and one blank line; a line of\n"
                     "the notes may start with #. Save an empty note to cancel.\n"
                     "Topics: comma-separated. Action: one a line (repeat the line); Due: when\n"
                     "they are due. Done: ids of open actions now done, such as Done: a1, a3.\n",
                     records.name_of(other), pairing.slug, core::to_string(pairing.kind));
  if (const auto* last = pairing.last_session()) {
    std::string about = util::format_duration(last->duration.value_or(pairing.duration.value_or(
      records.config.default_duration)));
    for (const auto& topic : last->topics) {
      about += ", " + topic;
    }
    text += fmt::format("\nLast session, {} ({}):\n", last->date.iso(), about);
    for (auto line : util::split_lines(last->notes)) {
      text += "  " + std::string(line) + "\n";
    }
  }
  std::string open;
  for (const auto& session : pairing.sessions) {
    for (const auto& action : session.actions) {
      if (!action.done) {
        open += fmt::format("  {}  {}{}\n", action.id, action.text,
                            action.due ? " (due " + action.due->iso() + ")" : "");
      }
    }
  }
  if (!open.empty()) {
    text += "\nOpen actions:\n" + open;
  }
  return note;
}

// The options the header lines say: what the file holds is what counts.
LogOptions from_headers(const LogOptions& given, const EditedNote& note)
{
  LogOptions options;
  options.who = given.who;
  auto split = [](const std::string& value, const char* separators) {
    std::vector<std::string> items;
    std::size_t pos = 0;
    while (pos <= value.size()) {
      const auto end = std::min(value.find_first_of(separators, pos), value.size());
      const auto item = util::trim(std::string_view(value).substr(pos, end - pos));
      if (!item.empty()) {
        items.emplace_back(item);
      }
      pos = end + 1;
    }
    return items;
  };
  for (const auto& [key, value] : note.headers) {
    if (value.empty()) {
      continue;
    }
    if (key == "Date") {
      options.date = value;
    } else if (key == "Duration") {
      options.duration = value;
    } else if (key == "Type") {
      options.type = value;
    } else if (key == "Topics") {
      for (auto& topic : split(value, ",")) {
        options.topics.push_back(std::move(topic));
      }
    } else if (key == "Action") {
      options.actions.push_back(value);
    } else if (key == "Due") {
      options.due = value;
    } else if (key == "Done") {
      for (auto& id : split(value, ", \t")) {
        options.done.push_back(std::move(id));
      }
    }
  }
  return options;
}

void write_session(Context& context, const std::string& slug, const Plan& plan, const std::string& notes,
                   const core::Records& records, const AutoCommit& autocommit)
{
  auto session = plan.session;
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
  for (std::size_t i = 0; i < plan.actions.size(); ++i) {
    session.actions.push_back(
      core::NewAction{core::next_action_id(pairing, static_cast<int>(i)), plan.actions[i], plan.due});
  }
  std::string closed;
  for (const auto& id : plan.done) {
    closed += (closed.empty() ? "; closed " : ", ") + id;
  }
  const auto text = core::append_session(document, pairing, session, plan.done);
  if (const auto* last = pairing.last_session(); last && session.date < last->date) {
    std::cerr << fmt::format("mentor: warning: {} is before the last session ({}); it is added at the end\n",
                             session.date.iso(), last->date.iso());
  }
  const auto file = store::RecordsDir::record_file(store::Folder::pairings, slug);
  dir.replace(file, text);

  std::string agreed;
  for (const auto& action : session.actions) {
    agreed += (agreed.empty() ? "; agreed " : ", ") + action.id;
  }
  const auto& other = pairing.mentor == records.config.me ? pairing.mentee : pairing.mentor;
  std::cout << fmt::format("logged {} ({}) with {}{}{}: {}\n", session.date.iso(),
                           util::format_duration(session.duration), records.name_of(other), agreed, closed,
                           dir.display(file));
  autocommit.commit({file}, fmt::format("log: {} {} ({})", commit_name(records, pairing), session.date.iso(),
                                        util::format_duration(session.duration)));
}

} // namespace

void run_log(Context& context, const LogOptions& options)
{
  const auto today = context.today();
  // Only the files this session needs: mentor.yaml, the pairing and its
  // people, so that logging stays instant however many records there are.
  // (Not a structured binding: clang 14 cannot capture one in the lambda below.)
  const auto found = context.records_for_pairing(options.who, core::Want::active);
  const auto& records = found.first;
  const auto& slug = found.second;
  const AutoCommit autocommit(context, records.config);
  const auto& resolved = *records.pairing(slug);

  // The options are checked before an editor opens.
  auto planned = plan(options, k_option_labels, today, records, resolved);
  std::string notes;
  std::optional<NoteEditor> editor;
  const auto force = options.edit ? ForceEditor::yes : ForceEditor::no;
  if (!notes_from_editor(options.notes, force)) {
    notes = read_notes(options.notes, force, "");
  } else {
    editor.emplace(compose_note(log_template(options, planned, records, resolved)));
    const auto reopen = isatty(STDIN_FILENO) ? Reopen::on_error : Reopen::never;
    notes = edit_note(*editor, k_headers, reopen, [&](const EditedNote& note) {
              planned = plan(from_headers(options, note), k_header_labels, today, records, resolved);
            }).body;
  }
  try {
    write_session(context, slug, planned, notes, records, autocommit);
  } catch (const Error& e) {
    if (editor) {
      editor->keep_and_throw(e);
    }
    throw;
  }
}

} // namespace mentor::cli
