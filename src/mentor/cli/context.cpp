#include "mentor/cli/context.hpp"

#include "mentor/core/build.hpp"
#include "mentor/util/duration.hpp"
#include "mentor/util/error.hpp"
#include "mentor/util/text.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace mentor::cli {

Context::Context(const GlobalOptions& options) : m_options(options)
{
  if (options.today.empty()) {
    m_today = util::today_local();
  } else if (auto date = util::parse_iso_date(options.today)) {
    m_today = *date;
  } else {
    throw UsageError(fmt::format("--today: \"{}\" is not a date", options.today),
                     "write it as YYYY-MM-DD (it also comes from $MENTOR_TODAY)");
  }
}

const store::RecordsDir& Context::dir()
{
  if (!m_dir) {
    std::optional<std::string> dir;
    if (!m_options.dir.empty()) {
      dir = m_options.dir;
    }
    m_dir = store::RecordsDir::locate(dir, std::filesystem::current_path());
  }
  return *m_dir;
}

core::Records Context::read_records(core::Problems& problems)
{
  const auto& records_dir = dir();
  core::Records records;
  // Every file is read even after a problem, so that one run shows them all.
  auto load = [&](const std::string& file, auto&& build) {
    try {
      build(records_dir.load(file));
      return true;
    } catch (const store::SourceError& e) {
      for (const auto& problem : e.problems()) {
        problems.add(problem);
      }
    } catch (const Error& e) {
      store::Problem problem;
      problem.file = records_dir.display(file);
      problem.message = e.what();
      problem.hint = e.hint();
      problems.add(std::move(problem));
    }
    return false;
  };
  load(store::RecordsDir::config_file(),
       [&](const store::Document& doc) { records.config = core::build_config(doc, problems); });
  for (const auto& slug : records_dir.list(store::Folder::people)) {
    const auto file = store::RecordsDir::record_file(store::Folder::people, slug);
    if (!load(file, [&](const store::Document& doc) { records.people.push_back(core::build_person(doc, slug, problems)); })) {
      // The person exists, even if their file cannot be read: references to
      // them are not a second problem.
      core::Person person;
      person.slug = slug;
      person.file = records_dir.display(file);
      records.people.push_back(std::move(person));
    }
  }
  for (const auto& slug : records_dir.list(store::Folder::pairings)) {
    load(store::RecordsDir::record_file(store::Folder::pairings, slug), [&](const store::Document& doc) {
      records.pairings.push_back(core::build_pairing(doc, slug, problems));
    });
  }
  return records;
}

core::Records Context::load_records()
{
  core::Problems problems;
  auto records = read_records(problems);
  problems.throw_if_errors();
  return records;
}

core::Pairing Context::reload_pairing(const std::string& slug, store::Document& document)
{
  document = dir().load(store::RecordsDir::record_file(store::Folder::pairings, slug));
  core::Problems problems;
  auto pairing = core::build_pairing(document, slug, problems);
  problems.throw_if_errors();
  return pairing;
}

render::Style Context::style_for_stdout() const
{
  bool color = false;
  if (m_options.color == "always") {
    color = true;
  } else if (m_options.color == "auto") {
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    color = isatty(STDOUT_FILENO) && !(no_color && *no_color) && !(term && std::string_view(term) == "dumb");
  }
  return render::Style(color);
}

util::Date parse_past_date(const std::string& option, const std::string& text, util::Date today)
{
  if (auto date = util::parse_date_expression(util::trim(text), today)) {
    return *date;
  }
  throw UsageError(fmt::format("{}: \"{}\" is not a date", option, text), std::string(util::date_expression_help()));
}

util::Date parse_any_date(const std::string& option, const std::string& text, util::Date today)
{
  const auto lower = util::to_lower_ascii(util::trim(text));
  if (lower == "tomorrow") {
    return today.add_days(1);
  }
  if (lower.size() >= 3 && lower[0] == '+' && (lower.back() == 'd' || lower.back() == 'w')) {
    const auto digits = lower.substr(1, lower.size() - 2);
    if (!digits.empty() && digits.size() <= 4 && digits.find_first_not_of("0123456789") == std::string::npos) {
      const long n = std::stol(digits) * (lower.back() == 'w' ? 7 : 1);
      return today.add_days(n);
    }
  }
  if (auto past = util::parse_date_expression(lower, today)) {
    // A weekday name for a date ahead means the next such day.
    if (!util::parse_iso_date(lower) && lower.find_first_of("0123456789") == std::string::npos
        && lower != "today" && lower != "yesterday") {
      const auto next = past->add_days(7);
      return next == today ? next.add_days(7) : next;
    }
    return *past;
  }
  throw UsageError(fmt::format("{}: \"{}\" is not a date", option, text),
                   "write YYYY-MM-DD, today, tomorrow, +3d, +2w, or a weekday name (the next one)");
}

int parse_duration_option(const std::string& option, const std::string& text)
{
  if (auto minutes = util::parse_duration(text)) {
    return *minutes;
  }
  throw UsageError(fmt::format("{}: \"{}\" is not a duration", option, text),
                   "write minutes or hours: 45, 45m, 1h, 1.5h, 1h30m (at most 24h)");
}

std::string single_line(const std::string& option, const std::string& text)
{
  const auto trimmed = std::string(util::trim(text));
  if (trimmed.empty()) {
    throw UsageError(fmt::format("{}: the text is empty", option));
  }
  if (trimmed.find_first_of("\r\n") != std::string::npos) {
    throw UsageError(fmt::format("{}: the text must be one line", option));
  }
  if (util::find_invalid_utf8(trimmed)) {
    throw UsageError(fmt::format("{}: the text is not valid UTF-8", option));
  }
  for (std::size_t i = 0; i < trimmed.size(); ++i) {
    const auto c = static_cast<unsigned char>(trimmed[i]);
    const auto next = i + 1 < trimmed.size() ? static_cast<unsigned char>(trimmed[i + 1]) : 0;
    // C0 and DEL, and C1 (U+0080..U+009F, written C2 80..C2 9F): they would
    // garble a terminal when the text is shown.
    if ((c < 0x20 && c != '\t') || c == 0x7f || (c == 0xC2 && next >= 0x80 && next <= 0x9F)) {
      throw UsageError(fmt::format("{}: the text holds a control character", option));
    }
  }
  if (trimmed.find("\xE2\x80\xA8") != std::string::npos || trimmed.find("\xE2\x80\xA9") != std::string::npos) {
    throw UsageError(fmt::format("{}: the text must be one line", option));
  }
  return trimmed;
}

} // namespace mentor::cli
