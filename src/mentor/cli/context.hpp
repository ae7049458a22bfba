#pragma once

#include "mentor/core/build.hpp"
#include "mentor/core/model.hpp"
#include "mentor/core/who.hpp"
#include "mentor/render/style.hpp"
#include "mentor/store/records_dir.hpp"
#include "mentor/util/date.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace mentor::cli {

// Options every command accepts, before or after its name.
struct GlobalOptions
{
  std::string dir;          // --dir, $MENTOR_DIR
  std::string today;        // --today, $MENTOR_TODAY
  std::string color = "auto";
};

// What a command works with: the records directory, today, output style.
class Context
{
public:
  explicit Context(const GlobalOptions& options);

  util::Date today() const { return m_today; }
  const GlobalOptions& options() const { return m_options; }

  // The records directory, located on first use (throws when there is none).
  const store::RecordsDir& dir();

  // Every record in the directory, checked, in summary: without the notes
  // of people and sessions (core::load_summary; see add_notes). Throws
  // store::SourceError with all problems found when any file is refused.
  core::Records load_records();

  // Every record that can be read, with what is wrong in each file added to
  // `problems` instead of thrown, and each pairing checked as it is read
  // (core::check_pairing): for mentor check.
  core::Records check_records(core::Problems& problems);

  // Reads the notes of one pairing or person of `records` from its file.
  // Throws store::SourceError when the file has errors now.
  void add_pairing_notes(core::Records& records, std::string_view slug);
  void add_person_notes(core::Records& records, std::string_view slug);

  // What a command acting on one pairing needs, and only that: mentor.yaml,
  // the pairing WHO names (Want as in core::resolve_pairing) with its notes,
  // and its two people. A pairing is found by its file name when WHO is a
  // pairing's id or a person's id (`mentor check` warns about a pairing
  // whose file name does not match its people); otherwise every record is
  // read. Returns the records and the pairing's slug.
  std::pair<core::Records, std::string> records_for_pairing(std::string_view who, core::Want want);

  // Re-reads one pairing (under the writer lock) and builds it, refusing it
  // when it has problems.
  core::Pairing reload_pairing(const std::string& slug, store::Document& document);

  render::Style style_for_stdout() const;

private:
  GlobalOptions m_options;
  util::Date m_today;
  std::optional<store::RecordsDir> m_dir;
};

// A date typed on the command line (util::parse_date_expression); throws
// UsageError naming the option and the accepted forms.
util::Date parse_past_date(const std::string& option, const std::string& text, util::Date today);

// A date that may lie ahead (due dates, planned ends): the past forms plus
// "tomorrow", "+3d", "+2w" and a weekday name meaning the next such day.
util::Date parse_any_date(const std::string& option, const std::string& text, util::Date today);

// A duration typed on the command line; throws UsageError.
int parse_duration_option(const std::string& option, const std::string& text);

// One line of text from an option (no line breaks, not empty); throws UsageError.
std::string single_line(const std::string& option, const std::string& text);

} // namespace mentor::cli
