#include "mentor/cli/autocommit.hpp"
#include "mentor/cli/commands.hpp"
#include "mentor/cli/notes.hpp"
#include "mentor/core/attention.hpp"
#include "mentor/core/brief.hpp"
#include "mentor/core/who.hpp"
#include "mentor/render/review.hpp"
#include "mentor/store/writer.hpp"
#include "mentor/util/error.hpp"
#include "mentor/util/text.hpp"

#include <fmt/format.h>

#include <iostream>
#include <set>

#include <unistd.h>

namespace mentor::cli {

CLI::App* setup_review(CLI::App& app, ReviewOptions& options)
{
  auto* sub = app.add_subcommand("review", "What needs attention; one pairing before its next session; record a review");
  sub->add_option("WHO", options.who, "A pairing, or the other person: show everything to read before the next session");
  sub->add_option("NOTES", options.notes, "With --record: what the review found (else from standard input or $EDITOR)");
  sub->add_flag("--record", options.record, "Record a review of WHO (a `type: review` entry, no hours counted)");
  sub->add_option("--goal", options.goals, "With --record: set a goal's status, as ID=STATUS (open, achieved, dropped)")
    ->type_name("ID=STATUS")
    ->allow_extra_args(false);
  sub->add_option("--date", options.date, "With --record: the day of the review (default: today)")->type_name("DATE");
  sub->add_option("--format", options.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  sub->footer("Without WHO: overdue sessions (by cadence), overdue and long-open actions, goals past due,\n"
              "pairings past their planned end, coaching with no review after six months, and what is\n"
              "coming up in the next 7 days. Paused and ended pairings never appear.");
  return sub;
}

namespace {

struct GoalChange
{
  std::string id;
  core::GoalStatus status;
};

std::vector<GoalChange> parse_goal_changes(const std::vector<std::string>& specs)
{
  std::vector<GoalChange> changes;
  std::set<std::string> seen;
  for (const auto& spec : specs) {
    const auto eq = spec.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw UsageError(fmt::format("--goal: \"{}\" is not ID=STATUS", spec), "for example --goal g1=achieved");
    }
    const auto id = spec.substr(0, eq);
    const auto status = core::parse_goal_status(spec.substr(eq + 1));
    if (!status) {
      throw UsageError(fmt::format("--goal {}: \"{}\" is not a goal status", id, spec.substr(eq + 1)),
                       fmt::format("use one of: {}", core::goal_status_choices()));
    }
    if (!seen.insert(id).second) {
      throw UsageError(fmt::format("--goal {} is given twice", id));
    }
    changes.push_back({id, *status});
  }
  return changes;
}

void record_review(Context& context, const ReviewOptions& options)
{
  if (options.format != "text") {
    throw UsageError("--format is for the review views, not --record");
  }
  const auto today = context.today();
  const auto changes = parse_goal_changes(options.goals);
  const auto date = options.date ? parse_past_date("--date", *options.date, today) : today;
  if (date > today) {
    throw UsageError(fmt::format("--date {} is in the future (today is {})", date.iso(), today.iso()));
  }
  const auto records = context.load_records();
  const AutoCommit autocommit(context, records.config);
  const auto slug = core::resolve_pairing(records, *options.who, core::Want::active_or_paused).slug;
  for (const auto& change : changes) {
    if (!records.pairing(slug)->find_goal(change.id)) {
      std::string ids;
      for (const auto& goal : records.pairing(slug)->goals) {
        ids += (ids.empty() ? "" : ", ") + goal.id;
      }
      throw Error(fmt::format("{} has no goal {}; nothing was written", slug, change.id),
                  ids.empty() ? "it has no goals yet: add them to its `goals:` list" : "its goals are " + ids);
    }
  }
  // Notes from the argument, else piped standard input; on a terminal, the
  // editor only when there are no goal changes (they alone are a review).
  std::string notes;
  if (options.notes || !isatty(STDIN_FILENO)) {
    notes = read_notes(options.notes, ForceEditor::no, "");
  } else if (changes.empty()) {
    notes = read_notes(std::nullopt, ForceEditor::no,
                       fmt::format("Review of {}: how is it going, against its goals?\n"
                                   "Write it above the >8 line; save an empty note to cancel.",
                                   slug));
  }
  if (notes.empty() && changes.empty()) {
    throw UsageError("nothing to record: give notes, or goal changes with --goal ID=STATUS");
  }

  const auto& dir = context.dir();
  const auto lock = dir.lock();
  store::Document document;
  const auto pairing = context.reload_pairing(slug, document);
  store::Patch patch(document);
  store::Node entry = store::Node::map();
  entry.add("date", store::Node::scalar(date.iso()));
  entry.add("type", store::Node::scalar("review"));
  if (!notes.empty()) {
    entry.add("notes", store::Node::scalar(notes.find('\n') != std::string::npos ? notes + "\n" : notes));
  }
  std::string summary;
  if (!changes.empty()) {
    store::Node goals = store::Node::map();
    for (const auto& change : changes) {
      const auto status = std::string(core::to_string(change.status));
      goals.add(change.id, store::Node::scalar(status));
      summary += (summary.empty() ? " (" : ", ") + change.id + ": " + status;
      // Re-read under the lock: the goal may have gone since it was checked.
      std::size_t index = 0;
      while (index < pairing.goals.size() && pairing.goals[index].id != change.id) {
        ++index;
      }
      if (index == pairing.goals.size()) {
        throw Error(fmt::format("{} has no goal {}; nothing was written", slug, change.id),
                    "the file changed while mentor was reading it; run the command again");
      }
      const store::NodePath goal_path = {std::string("goals"), index};
      if (walk(document.root, goal_path)->find("status")) {
        if (pairing.goals[index].status != change.status) {
          patch.replace_scalar(goal_path, "status", status);
        }
      } else {
        patch.insert_keys(goal_path, {store::Entry{"status", {}, store::Node::scalar(status)}},
                          {"due", "measure", "title", "id"});
      }
    }
    summary += ")";
    entry.add("goals", std::move(goals));
  }
  patch.append_to_top_sequence("sessions", entry);
  const auto file = store::RecordsDir::record_file(store::Folder::pairings, slug);
  dir.replace(file, patch.result());
  std::cout << fmt::format("recorded a review of {} on {}{}: {}\n", slug, date.iso(), summary, dir.display(file));
  autocommit.commit({file}, fmt::format("review: {} {}{}", commit_name(records, pairing), date.iso(), summary));
}

} // namespace

void run_review(Context& context, const ReviewOptions& options)
{
  if (options.record) {
    if (!options.who) {
      throw UsageError("--record needs WHO: the pairing, or the other person");
    }
    record_review(context, options);
    return;
  }
  if (!options.goals.empty() || options.date || options.notes) {
    throw UsageError("NOTES, --goal and --date go with --record");
  }
  auto records = context.load_records();
  const auto today = context.today();
  const auto style = context.style_for_stdout();
  const bool json = options.format == "json";
  if (!options.who) {
    const auto attention = core::attention(records, today);
    std::cout << (json ? render::attention_json(records, attention, today)
                       : render::attention_text(records, attention, today, style));
    return;
  }
  const auto slug = core::resolve_pairing(records, *options.who, core::Want::any).slug;
  context.add_pairing_notes(records, slug);
  const auto& pairing = *records.pairing(slug);
  const auto brief = core::brief(records, pairing, today);
  std::cout << (json ? render::brief_json(records, brief, today) : render::brief_text(records, brief, today, style));
}

} // namespace mentor::cli
