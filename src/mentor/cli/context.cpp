#include "mentor/cli/context.hpp"

#include "mentor/core/build.hpp"
#include "mentor/core/check.hpp"
#include "mentor/core/load.hpp"
#include "mentor/util/slug.hpp"
#include "mentor/util/duration.hpp"
#include "mentor/util/error.hpp"
#include "mentor/util/text.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <set>
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

core::Records Context::check_records(core::Problems& problems)
{
  auto options = core::load_options_from_environment();
  // Checked as they are read, so that positions need not be kept for all.
  // A people/ folder that cannot be listed (a link, a file) is reported by
  // load_summary; here it only means that no one exists.
  std::vector<std::string> people;
  try {
    people = dir().list(store::Folder::people);
  } catch (const Error&) {
  }
  const auto exists = [&](std::string_view slug) { return std::binary_search(people.begin(), people.end(), slug); };
  options.inspect_pairing = [&](const core::Pairing& pairing, core::Problems& found) {
    core::check_pairing(pairing, exists, found);
  };
  auto records = core::load_summary(dir(), problems, options);
  core::check_config(records, problems);
  return records;
}

core::Records Context::load_records()
{
  core::Problems problems;
  auto records = core::load_summary(dir(), problems, core::load_options_from_environment());
  problems.throw_if_errors();
  return records;
}

void Context::add_pairing_notes(core::Records& records, std::string_view slug)
{
  for (auto& pairing : records.pairings) {
    if (pairing.slug == slug) {
      core::Problems problems;
      pairing = core::load_pairing(dir(), pairing.slug, problems);
      problems.throw_if_errors();
    }
  }
}

void Context::add_person_notes(core::Records& records, std::string_view slug)
{
  for (auto& person : records.people) {
    if (person.slug == slug) {
      core::Problems problems;
      person = core::load_person(dir(), person.slug, problems);
      problems.throw_if_errors();
    }
  }
}

namespace {

// Pairings between `me` and `other` by their file names: "me--other",
// "other--me", each maybe with "-2", "-3"….
std::vector<std::string> named_pairings(const std::vector<std::string>& slugs, const std::string& me,
                                        const std::string& other)
{
  std::vector<std::string> out;
  for (const auto& base : {me + "--" + other, other + "--" + me}) {
    for (const auto& slug : slugs) {
      if (slug == base
          || (slug.starts_with(base + "-") && slug.size() > base.size() + 1
              && slug.find_first_not_of("0123456789", base.size() + 1) == std::string::npos)) {
        out.push_back(slug);
      }
    }
  }
  return out;
}

} // namespace

std::pair<core::Records, std::string> Context::records_for_pairing(std::string_view who, core::Want want)
{
  const auto& records_dir = dir();
  const std::string typed(util::trim(who));
  core::Problems problems;
  core::Records records;
  records.config = core::load_config(records_dir, problems);
  problems.throw_if_errors();
  const auto& me = records.config.me;

  const auto pairing_slugs = records_dir.list(store::Folder::pairings);
  std::vector<std::string> candidates;
  if (std::binary_search(pairing_slugs.begin(), pairing_slugs.end(), typed)) {
    candidates.push_back(typed);
  } else if (util::is_valid_slug(typed) && typed != me
             && records_dir.exists(store::RecordsDir::record_file(store::Folder::people, typed))) {
    candidates = named_pairings(pairing_slugs, me, typed);
  }
  bool found = false;
  if (!candidates.empty()) {
    std::set<std::string> people;
    for (const auto& slug : candidates) {
      records.pairings.push_back(core::load_pairing(records_dir, slug, problems));
      people.insert(records.pairings.back().mentor);
      people.insert(records.pairings.back().mentee);
    }
    problems.throw_if_errors();
    for (const auto& slug : people) {
      if (util::is_valid_slug(slug) && records_dir.exists(store::RecordsDir::record_file(store::Folder::people, slug))) {
        records.people.push_back(core::load_person(records_dir, slug, problems));
      }
    }
    problems.throw_if_errors();
    try {
      const auto& pairing = core::resolve_pairing(records, typed, want);
      // Found by name, and really between these two: done.
      found = records.pairing(typed) || pairing.mentor == typed || pairing.mentee == typed;
    } catch (const Error&) {
      // Not found among the files named after them: look everywhere, which
      // also gives the full message.
    }
  }
  if (!found) {
    records = load_records();
  }
  const auto slug = core::resolve_pairing(records, typed, want).slug;
  if (!found) {
    add_pairing_notes(records, slug);
  }
  return {std::move(records), slug};
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
