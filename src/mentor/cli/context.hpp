#pragma once

#include "mentor/core/build.hpp"
#include "mentor/core/model.hpp"
#include "mentor/render/style.hpp"
#include "mentor/store/records_dir.hpp"
#include "mentor/util/date.hpp"

#include <optional>
#include <string>

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

  // Every record in the directory, checked. Throws store::SourceError with
  // all problems found when any file is refused.
  core::Records load_records();

  // Every record that can be read, with what is wrong in each file added to
  // `problems` instead of thrown (for mentor check).
  core::Records read_records(core::Problems& problems);

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
