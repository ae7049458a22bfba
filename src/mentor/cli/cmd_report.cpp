#include "mentor/cli/commands.hpp"
#include "mentor/core/report.hpp"
#include "mentor/render/report.hpp"
#include "mentor/util/atomic_file.hpp"
#include "mentor/util/error.hpp"
#include "mentor/util/period.hpp"
#include "mentor/util/text.hpp"

#include <fmt/format.h>

#include <iostream>

namespace mentor::cli {

CLI::App* setup_report(CLI::App& app, ReportOptions& options)
{
  auto* sub = app.add_subcommand("report", "Summaries for a period; the ICF coaching log");
  auto* month = sub->add_option("--month", options.month, "A calendar month, YYYY-MM")->type_name("YYYY-MM");
  auto* period = sub->add_option("--period", options.period,
                                 "2026-10, 2026-Q3, 2026, this month, last month, this quarter, last quarter, "
                                 "this year, last year")
                   ->type_name("EXPR");
  auto* from = sub->add_option("--from", options.from, "First day of the period (with --to)")->type_name("DATE");
  auto* to = sub->add_option("--to", options.to, "Day after the period ends: the end is exclusive (with --from)")
               ->type_name("DATE");
  month->excludes(period)->excludes(from)->excludes(to);
  period->excludes(from)->excludes(to);
  sub->add_option("--by", options.by, "Group the table by pairing, person, kind or month")
    ->check(CLI::IsMember({"pairing", "person", "kind", "month"}));
  sub->add_option("--format", options.format, "text, markdown, json or csv (default: from -o's extension, else text)")
    ->check(CLI::IsMember({"text", "markdown", "json", "csv"}));
  sub->add_flag("--icf", options.icf,
                "The ICF coaching log: one row per coaching client where you are the coach (default period: all time)");
  sub->add_flag("--redact", options.redact,
                "Pseudonyms (or stable codes) instead of names; no emails, contact details or notes");
  sub->add_option("-o,--output", options.output, "Write to FILE (atomically) instead of standard output")
    ->type_name("FILE");
  sub->footer("Default period: the last full month. The resolved range is always shown; ends are exclusive.\n"
              "What you gave (you are the coach or mentor), what you received (you are the coachee or\n"
              "mentee) and pairings between others are kept apart.");
  return sub;
}

namespace {

util::Period all_time(const core::Records& records, util::Date today)
{
  util::Date first = today;
  for (const auto& pairing : records.pairings) {
    first = std::min(first, pairing.started);
    for (const auto& session : pairing.sessions) {
      first = std::min(first, session.date);
    }
  }
  return util::Period{first, today.add_days(1)};
}

// As everywhere, a weekday name is the most recent one; forms that look
// ahead (tomorrow, +3d) are accepted too, for an exclusive end.
util::Date report_date(const std::string& option, const std::string& text, util::Date today)
{
  if (auto date = util::parse_date_expression(util::trim(text), today)) {
    return *date;
  }
  return parse_any_date(option, text, today);
}

std::optional<util::Period> chosen_period(const ReportOptions& options, util::Date today)
{
  if (options.month) {
    auto period = util::parse_month(*options.month);
    if (!period) {
      throw UsageError(fmt::format("--month: \"{}\" is not a month", *options.month), "write it as YYYY-MM, such as 2026-10");
    }
    return period;
  }
  if (options.period) {
    auto period = util::parse_period(*options.period, today);
    if (!period) {
      throw UsageError(fmt::format("--period: \"{}\" is not a period", *options.period), std::string(util::period_help()));
    }
    return period;
  }
  if (options.from || options.to) {
    if (!options.from || !options.to) {
      throw UsageError("--from and --to go together", "give both, such as --from 2026-01-01 --to 2026-04-01 (end exclusive)");
    }
    const util::Period period{report_date("--from", *options.from, today), report_date("--to", *options.to, today)};
    if (period.to <= period.from) {
      throw UsageError(fmt::format("--to {} is not after --from {}", period.to.iso(), period.from.iso()),
                       "the end is exclusive: --from 2026-10-01 --to 2026-11-01 is October");
    }
    return period;
  }
  return std::nullopt;
}

} // namespace

void run_report(Context& context, const ReportOptions& options)
{
  const auto today = context.today();
  auto period = chosen_period(options, today);
  render::Format format = render::Format::text;
  if (options.format) {
    format = *render::parse_format(*options.format);
  } else if (options.output) {
    format = render::format_from_extension(*options.output).value_or(render::Format::text);
  }
  if (options.output && options.output->empty()) {
    throw UsageError("-o: the file name is empty");
  }

  const auto records = context.load_records();
  const core::Names names(records, options.redact ? core::Redact::yes : core::Redact::no);
  const auto style = options.output ? render::Style(false) : context.style_for_stdout();
  std::string out;
  if (options.icf) {
    if (options.by != "pairing") {
      throw UsageError("--by does not apply to --icf: the ICF log has one row per client");
    }
    const auto log = core::build_icf_log(records, period.value_or(all_time(records, today)), today, names);
    out = render::icf_output(log, format, style, today);
  } else {
    const auto report = core::build_report(records, period.value_or(util::last_full_month(today)),
                                           *core::parse_group_by(options.by), names);
    out = render::report_output(report, format, style);
  }
  if (!options.output) {
    std::cout << out;
    return;
  }
  // The whole text is ready before the file is touched, and it is replaced
  // in one step: an error never leaves a partial report behind.
  util::write_file_atomic(*options.output, out, util::Overwrite::yes, 0600);
  std::cout << fmt::format("wrote {}\n", *options.output);
}

} // namespace mentor::cli
