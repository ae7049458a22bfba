#include "mentor/cli/autocommit.hpp"
#include "mentor/cli/commands.hpp"
#include "mentor/core/build.hpp"
#include "mentor/core/changes.hpp"
#include "mentor/core/templates.hpp"
#include "mentor/core/who.hpp"
#include "mentor/store/parse.hpp"
#include "mentor/store/writer.hpp"
#include "mentor/util/duration.hpp"
#include "mentor/util/error.hpp"

#include <fmt/format.h>

#include <iostream>

namespace mentor::cli {

CLI::App* setup_pair(CLI::App& app, PairOptions& options)
{
  auto* sub = app.add_subcommand("pair", "Start a pairing, or end, pause or resume one");
  sub->add_option("WHO", options.who,
                  "To start: the mentee (a person). With --end/--pause/--resume: the pairing, or the other person")
    ->required();
  sub->add_option("--mentor", options.mentor, "The coach or mentor (default: me)")->type_name("WHO");
  sub->add_option("--kind", options.kind, "coaching, mentoring, peer, shadowing or supervision (default from mentor.yaml)")
    ->type_name("KIND");
  sub->add_option("--start", options.start, "When it started (default: today)")->type_name("DATE");
  sub->add_option("--until", options.until, "Planned end")->type_name("DATE");
  sub->add_option("--cadence", options.cadence, "Expected gap between sessions: 2w, 10d, none (default from mentor.yaml)")
    ->type_name("CADENCE");
  sub->add_option("--duration", options.duration, "Usual session length: 45m, 1h, 1h30m (default from mentor.yaml)")
    ->type_name("DURATION");
  sub->add_option("--goal", options.goals, "A goal (repeat for more; ids g1, g2, …)")->type_name("TEXT")->allow_extra_args(false);
  sub->add_flag("--pro-bono", options.pro_bono, "Unpaid (counts as pro bono in the ICF log)");
  sub->add_option("--sponsor", options.sponsor, "Who sponsors it (three-way contracting)")->type_name("NAME");
  auto* end = sub->add_flag("--end", options.end, "End the pairing (status: ended, ended: DATE)");
  auto* pause = sub->add_flag("--pause", options.pause, "Pause the pairing (status: paused)");
  auto* resume = sub->add_flag("--resume", options.resume, "Resume a paused pairing (status: active)");
  end->excludes(pause)->excludes(resume);
  pause->excludes(resume);
  sub->add_option("--date", options.date, "With --end: the day it ended (default: today)")->type_name("DATE");
  sub->add_option("--outcome", options.outcome, "With --end: how it ended, in a sentence")->type_name("TEXT")->allow_extra_args(false);
  sub->footer("Dates: YYYY-MM-DD, today, yesterday, a weekday name, -3d, -2w (and for --until: +4w, tomorrow).");
  return sub;
}

namespace {

void start_pairing(Context& context, const PairOptions& options)
{
  if (options.date || options.outcome) {
    throw UsageError("--date and --outcome go with --end");
  }
  const auto records = context.load_records();
  const auto& config = records.config;
  const AutoCommit autocommit(context, config);
  const auto& mentee = core::resolve_person(records, options.who);
  const std::string mentor = options.mentor ? core::resolve_person(records, *options.mentor).slug : config.me;
  if (mentor == mentee.slug) {
    throw UsageError(fmt::format("{} cannot be paired with themselves", mentee.name),
                     "name the mentee, and the mentor with --mentor when it is not you");
  }
  core::NewPairing pairing;
  pairing.mentor = mentor;
  pairing.mentee = mentee.slug;
  pairing.mentor_name = records.name_of(mentor);
  pairing.mentee_name = mentee.name;
  pairing.kind = config.default_kind;
  if (options.kind) {
    auto kind = core::parse_kind(*options.kind);
    if (!kind) {
      throw UsageError(fmt::format("--kind: \"{}\" is not a kind", *options.kind),
                       fmt::format("use one of: {}", core::kind_choices()));
    }
    pairing.kind = *kind;
  }
  pairing.started = options.start ? parse_any_date("--start", *options.start, context.today()) : context.today();
  if (options.until) {
    pairing.until = parse_any_date("--until", *options.until, context.today());
    if (*pairing.until <= pairing.started) {
      throw UsageError(fmt::format("--until {} is not after the start, {}", pairing.until->iso(), pairing.started.iso()));
    }
  }
  int cadence = config.default_cadence;
  if (options.cadence) {
    auto parsed = util::parse_cadence(*options.cadence);
    if (!parsed) {
      throw UsageError(fmt::format("--cadence: \"{}\" is not a cadence", *options.cadence),
                       "write 2w, 4w, 10d (days or weeks), or none for as needed");
    }
    cadence = *parsed;
  }
  pairing.cadence = util::format_cadence(cadence);
  pairing.duration = util::format_duration(
    options.duration ? parse_duration_option("--duration", *options.duration) : config.default_duration);
  pairing.paid = !options.pro_bono;
  if (options.sponsor) {
    pairing.sponsor = single_line("--sponsor", *options.sponsor);
  }
  for (std::size_t i = 0; i < options.goals.size(); ++i) {
    pairing.goals.push_back(core::NewGoal{fmt::format("g{}", i + 1), single_line("--goal", options.goals[i])});
  }
  for (const auto* existing : core::pairings_between(records, mentor, mentee.slug)) {
    if (existing->mentor == mentor && existing->kind == pairing.kind && existing->status != core::Status::ended) {
      throw Error(fmt::format("{} is already a {} {} pairing between them", existing->slug,
                              core::to_string(existing->status), core::to_string(existing->kind)),
                  fmt::format("end it first with `mentor pair {} --end`, or log to it", existing->slug));
    }
  }

  const auto text = core::pairing_text(pairing);
  const auto& dir = context.dir();
  const auto lock = dir.lock();
  // The id is chosen under the lock, so two at once cannot take the same one.
  auto slug = core::new_pairing_slug(records, mentor, mentee.slug);
  for (int n = 2; dir.exists(store::RecordsDir::record_file(store::Folder::pairings, slug)); ++n) {
    slug = fmt::format("{}--{}-{}", mentor, mentee.slug, n);
  }
  const auto file = store::RecordsDir::record_file(store::Folder::pairings, slug);
  core::Problems problems;
  const auto written = core::build_pairing(store::parse_document(dir.display(file), text), slug, problems);
  if (problems.has_errors() || written.mentor != mentor || written.mentee != mentee.slug
      || written.goals.size() != pairing.goals.size()) {
    throw Error("internal error: the new pairing file would not read back as written; nothing was written");
  }
  dir.create(file, text);
  std::cout << fmt::format("started {} {} on {}: {}\n", core::to_string(pairing.kind), slug, pairing.started.iso(),
                           dir.display(file));
  autocommit.commit({file}, fmt::format("pair: {} ({}, from {})", slug, core::to_string(pairing.kind),
                                        pairing.started.iso()));
}

void change_status(Context& context, const PairOptions& options)
{
  if (options.mentor || options.kind || options.start || options.until || options.cadence || options.duration
      || !options.goals.empty() || options.pro_bono || options.sponsor) {
    throw UsageError("--mentor, --kind, --start, --until, --cadence, --duration, --goal, --pro-bono and --sponsor "
                     "are for starting a pairing",
                     "to change them on an existing pairing, edit its file");
  }
  if (!options.end && (options.date || options.outcome)) {
    throw UsageError("--date and --outcome go with --end");
  }
  const auto want = options.end ? core::Want::active_or_paused : options.pause ? core::Want::active : core::Want::paused;
  const auto records = context.load_records();
  const AutoCommit autocommit(context, records.config);
  const auto slug = core::resolve_pairing(records, options.who, want).slug;
  const auto date = options.date ? parse_past_date("--date", *options.date, context.today()) : context.today();
  std::string outcome;
  if (options.outcome) {
    outcome = single_line("--outcome", *options.outcome);
  }

  const auto& dir = context.dir();
  const auto lock = dir.lock();
  store::Document document;
  const auto pairing = context.reload_pairing(slug, document);
  const auto file = store::RecordsDir::record_file(store::Folder::pairings, slug);
  store::Patch patch(document);
  std::string done;
  if (options.end) {
    if (pairing.status == core::Status::ended) {
      throw Error(fmt::format("{} has already ended", slug));
    }
    if (date < pairing.started) {
      throw UsageError(fmt::format("--date {} is before the pairing started ({})", date.iso(), pairing.started.iso()));
    }
    patch.replace_scalar({}, "status", "ended");
    std::vector<store::Entry> lines;
    if (document.root.find("ended")) {
      patch.replace_scalar({}, "ended", date.iso());
    } else {
      lines.push_back(store::Entry{"ended", {}, store::Node::scalar(date.iso())});
    }
    if (options.outcome) {
      if (document.root.find("outcome")) {
        patch.replace_scalar({}, "outcome", outcome);
      } else {
        lines.push_back(store::Entry{"outcome", {}, store::Node::scalar(outcome)});
      }
    }
    if (!lines.empty()) {
      patch.insert_keys({}, lines, {"ended", "until", "started", "status"});
    }
    done = fmt::format("ended {} on {}", slug, date.iso());
  } else {
    const auto* status = options.pause ? "paused" : "active";
    patch.replace_scalar({}, "status", status);
    done = fmt::format("{} {}", options.pause ? "paused" : "resumed", slug);
  }
  dir.replace(file, patch.result());
  std::cout << fmt::format("{}: {}\n", done, dir.display(file));
  autocommit.commit({file}, "pair: " + done);
}

} // namespace

void run_pair(Context& context, const PairOptions& options)
{
  if (options.end || options.pause || options.resume) {
    change_status(context, options);
  } else {
    start_pairing(context, options);
  }
}

} // namespace mentor::cli
