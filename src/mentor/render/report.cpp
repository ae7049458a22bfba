#include "mentor/render/report.hpp"

#include "mentor/render/topics.hpp"

#include "mentor/render/json.hpp"
#include "mentor/render/table.hpp"
#include "mentor/util/duration.hpp"
#include "mentor/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace mentor::render {

namespace {

constexpr std::size_t k_width = 80;

using Lines = std::vector<std::string>;

std::string_view side_title(core::Side side)
{
  switch (side) {
  case core::Side::gave:
    return "What I gave (I am the coach or mentor)";
  case core::Side::received:
    return "What I received (I am the coachee or mentee)";
  case core::Side::others:
    return "Between others";
  }
  return {};
}

double hours_of(long minutes)
{
  return static_cast<double>(minutes) / 60.0;
}

std::string plural(long n, std::string_view word)
{
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string upper(std::string_view text)
{
  std::string out(text);
  for (auto& ch : out) {
    if (ch >= 'a' && ch <= 'z') {
      ch = static_cast<char>(ch - 'a' + 'A');
    }
  }
  return out;
}

std::string right(std::string_view text, std::size_t width)
{
  const auto shown = util::display_width(text);
  return (shown < width ? std::string(width - shown, ' ') : std::string()) + std::string(text);
}

std::string indent(std::string_view text, std::string_view by)
{
  std::string out;
  for (auto line : util::split_lines(text)) {
    out += line.empty() ? std::string() : std::string(by) + std::string(line);
    out += "\n";
  }
  return out;
}

std::string join(const Lines& parts, std::string_view separator)
{
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out += (i == 0 ? "" : std::string(separator)) + parts[i];
  }
  return out;
}

std::string trim_right(std::string line)
{
  while (!line.empty() && line.back() == ' ') {
    line.pop_back();
  }
  return line;
}

// ---- csv (RFC 4180) --------------------------------------------------------

std::string csv_field(std::string_view text)
{
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(text);
  }
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"') {
      out += '"';
    }
    out += ch;
  }
  return out + "\"";
}

std::string csv_row(const Lines& fields)
{
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    out += (i == 0 ? "" : ",") + csv_field(fields[i]);
  }
  return out + "\r\n";
}

// ---- markdown --------------------------------------------------------------

// Markdown text on one line (a heading, a list item).
std::string md_inline(std::string_view text)
{
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    }
    out += text[i] == '\n' || text[i] == '\r' ? ' ' : text[i];
  }
  return out;
}

std::string md_cell(std::string_view text)
{
  std::string out;
  for (char ch : md_inline(text)) {
    out += ch == '|' ? std::string("\\|") : std::string(1, ch);
  }
  return out;
}

std::string md_row(const Lines& cells)
{
  std::string out = "|";
  for (const auto& cell : cells) {
    out += " " + md_cell(cell) + " |";
  }
  return out + "\n";
}

std::string md_rule(const std::vector<bool>& numeric)
{
  std::string out = "|";
  for (bool number : numeric) {
    out += number ? "---:|" : "---|";
  }
  return out + "\n";
}

// ---- the grouped table -----------------------------------------------------

enum class Cell { key, label, kind, sessions, hours };

struct Column
{
  std::string_view title;
  Cell cell;
};

std::vector<Column> group_columns(core::GroupBy by)
{
  switch (by) {
  case core::GroupBy::pairing:
    return {{"Pairing", Cell::key},
            {"With", Cell::label},
            {"Kind", Cell::kind},
            {"Sessions", Cell::sessions},
            {"Hours", Cell::hours}};
  case core::GroupBy::person:
    return {{"Person", Cell::key}, {"Name", Cell::label}, {"Sessions", Cell::sessions}, {"Hours", Cell::hours}};
  case core::GroupBy::kind:
    return {{"Kind", Cell::key}, {"Sessions", Cell::sessions}, {"Hours", Cell::hours}};
  case core::GroupBy::month:
    return {{"Month", Cell::key}, {"Sessions", Cell::sessions}, {"Hours", Cell::hours}};
  }
  return {};
}

bool numeric(Cell cell)
{
  return cell == Cell::sessions || cell == Cell::hours;
}

std::string cell_text(const core::Row& row, Cell cell)
{
  switch (cell) {
  case Cell::key:
    return row.key;
  case Cell::label:
    return row.label;
  case Cell::kind:
    return row.kind;
  case Cell::sessions:
    return std::to_string(row.sessions);
  case Cell::hours:
    return util::format_hours(row.minutes);
  }
  return {};
}

// A Table whose numeric columns are right-aligned: their cells (header
// included) come padded on the left to the column's width, and are never cut.
Table aligned_table(Lines headers, std::vector<Lines> rows, const std::vector<bool>& numbers)
{
  for (std::size_t c = 0; c < headers.size(); ++c) {
    if (!numbers[c]) {
      continue;
    }
    std::size_t width = util::display_width(headers[c]);
    for (const auto& row : rows) {
      width = std::max(width, util::display_width(row[c]));
    }
    headers[c] = right(headers[c], width);
    for (auto& row : rows) {
      row[c] = right(row[c], width);
    }
  }
  Table table(std::move(headers));
  for (std::size_t c = 0; c < numbers.size(); ++c) {
    if (numbers[c]) {
      table.keep_whole(c);
    }
  }
  for (auto& row : rows) {
    table.add_row(std::move(row));
  }
  return table;
}

Table group_table(core::GroupBy by, const std::vector<core::Row>& rows)
{
  const auto columns = group_columns(by);
  Lines headers;
  std::vector<bool> numbers;
  for (const auto& column : columns) {
    headers.push_back(upper(column.title));
    numbers.push_back(numeric(column.cell));
  }
  std::vector<Lines> cells;
  for (const auto& row : rows) {
    Lines line;
    for (const auto& column : columns) {
      line.push_back(one_line(cell_text(row, column.cell)));
    }
    cells.push_back(std::move(line));
  }
  auto table = aligned_table(std::move(headers), std::move(cells), numbers);
  if (by == core::GroupBy::pairing || by == core::GroupBy::person) {
    table.keep_whole(0);  // ids a user may copy; the names give way
  }
  return table;
}

// ---- report ----------------------------------------------------------------

std::vector<std::pair<std::string, std::string>> totals_lines(const core::Totals& totals)
{
  return {
      {"Sessions", std::to_string(totals.sessions)},
      {"Hours", util::format_hours(totals.minutes)},
      {"People seen", std::to_string(totals.people_seen)},
      {"Pairings", fmt::format("{} active, {} started, {} ended", totals.pairings_active, totals.pairings_started,
                               totals.pairings_ended)},
      {"Goals", fmt::format("{} achieved", totals.goals_achieved)},
      {"Actions", fmt::format("{} agreed, {} done, {} open at the end, {} overdue at the end", totals.actions_agreed,
                              totals.actions_done, totals.actions_open_at_end, totals.actions_overdue_at_end)},
  };
}

std::string report_text(const core::Report& report, const Style& style)
{
  std::string out = style.bold(fmt::format("Report for {}{}", util::describe(report.period),
                                           report.redacted ? ", names redacted" : ""))
                    + "\n";
  if (report.sides.empty()) {
    return out + "No sessions or pairings in this period.\n";
  }
  for (const auto& side : report.sides) {
    out += "\n" + style.bold(side_title(side.side)) + "\n";
    const auto totals = totals_lines(side.totals);
    std::size_t label_width = 0;
    for (const auto& [label, value] : totals) {
      label_width = std::max(label_width, label.size() + 1);
    }
    for (const auto& [label, value] : totals) {
      out += hanging_text(value, "  " + pad(label + ":", label_width) + "  ", k_width);
    }
    if (!side.rows.empty()) {
      out += "\n" + indent(group_table(report.by, side.rows).render(style, k_width - 2), "  ");
    }
    if (!side.topics.empty()) {
      out += "\n" + hanging_text(topic_list(side.topics), "  Topics: ", k_width);
    }
  }
  return out;
}

std::string report_markdown(const core::Report& report)
{
  Lines blocks;
  blocks.push_back("# Report: " + util::describe(report.period) + "\n");
  if (report.redacted) {
    blocks.emplace_back("Names redacted.\n");
  }
  if (report.sides.empty()) {
    blocks.emplace_back("No sessions or pairings in this period.\n");
  }
  const auto columns = group_columns(report.by);
  for (const auto& side : report.sides) {
    blocks.push_back("## " + std::string(side_title(side.side)) + "\n");
    std::string totals;
    for (const auto& [label, value] : totals_lines(side.totals)) {
      totals += "- " + label + ": " + value + "\n";
    }
    blocks.push_back(totals);
    if (!side.rows.empty()) {
      Lines headers;
      std::vector<bool> numbers;
      for (const auto& column : columns) {
        headers.emplace_back(column.title);
        numbers.push_back(numeric(column.cell));
      }
      std::string table = md_row(headers) + md_rule(numbers);
      for (const auto& row : side.rows) {
        Lines cells;
        for (const auto& column : columns) {
          cells.push_back(cell_text(row, column.cell));
        }
        table += md_row(cells);
      }
      blocks.push_back(table);
    }
    if (!side.topics.empty()) {
      blocks.emplace_back("### Topics\n");
      std::string list;
      for (const auto& topic : side.topics) {
        list += fmt::format("- {} ({})\n", md_inline(topic.topic), topic.count);
      }
      blocks.push_back(list);
    }
  }
  return join(blocks, "\n");
}

std::string report_json(const core::Report& report)
{
  JsonWriter json;
  json.begin_object();
  json.key("from").value(report.period.from.iso());
  json.key("to").value(report.period.to.iso());
  json.key("by").value(core::to_string(report.by));
  json.key("redacted").value(report.redacted);
  json.key("sides").begin_array();
  for (const auto& side : report.sides) {
    const auto& totals = side.totals;
    json.begin_object();
    json.key("side").value(core::to_string(side.side));
    json.key("totals").begin_object();
    json.key("sessions").value(totals.sessions);
    json.key("minutes").value(totals.minutes);
    json.key("hours").value(hours_of(totals.minutes), 2);
    json.key("people_seen").value(totals.people_seen);
    json.key("pairings_active").value(totals.pairings_active);
    json.key("pairings_started").value(totals.pairings_started);
    json.key("pairings_ended").value(totals.pairings_ended);
    json.key("goals_achieved").value(totals.goals_achieved);
    json.key("actions_agreed").value(totals.actions_agreed);
    json.key("actions_done").value(totals.actions_done);
    json.key("actions_open_at_end").value(totals.actions_open_at_end);
    json.key("actions_overdue_at_end").value(totals.actions_overdue_at_end);
    json.end_object();
    json.key("rows").begin_array();
    for (const auto& row : side.rows) {
      json.begin_object();
      json.key("key").value(row.key);
      json.key("label").value(row.label);
      json.key("kind").optional(row.kind);
      json.key("sessions").value(row.sessions);
      json.key("minutes").value(row.minutes);
      json.key("hours").value(hours_of(row.minutes), 2);
      json.end_object();
    }
    json.end_array();
    write_topics(json.key("topics"), side.topics);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return json.str();
}

std::string report_csv(const core::Report& report)
{
  std::string out = csv_row({"from", "to", "side", "group_by", "key", "label", "kind", "sessions", "minutes", "hours"});
  const auto from = report.period.from.iso();
  const auto to = report.period.to.iso();
  const std::string by(core::to_string(report.by));
  for (const auto& side : report.sides) {
    const std::string name(core::to_string(side.side));
    for (const auto& row : side.rows) {
      out += csv_row({from, to, name, by, row.key, row.label, row.kind, std::to_string(row.sessions),
                      std::to_string(row.minutes), util::format_hours(row.minutes)});
    }
  }
  return out;
}

// ---- ICF -------------------------------------------------------------------

const Lines k_icf_columns = {"Client Name", "Contact Information", "Individual/Group", "Number in Group", "Start Date",
                             "End Date",    "Paid Hours",          "Pro-bono Hours"};

int group_size(const core::IcfRow& row)
{
  return row.group ? row.number_in_group : 1;
}

Lines icf_cells(const core::IcfRow& row)
{
  return {
      row.client,      row.contact,   row.group ? "Group" : "Individual",   std::to_string(group_size(row)),
      row.start.iso(), row.end.iso(), util::format_hours(row.paid_minutes), util::format_hours(row.pro_bono_minutes)};
}

long pro_bono_minutes(const core::IcfLog& log)
{
  return log.total_minutes - log.paid_minutes;
}

struct Progress
{
  bool hours = false;
  bool paid = false;
  bool clients = false;
  bool recent = false;
  bool met() const { return hours && paid && clients && recent; }
};

Progress progress(const core::IcfLog& log, const core::Credential& credential)
{
  return {log.total_minutes >= 60L * credential.hours, log.paid_minutes >= 60L * credential.paid_hours,
          log.clients >= credential.clients, log.last_18_months_minutes >= 60L * credential.recent_hours};
}

std::string totals_sentence(const core::IcfLog& log)
{
  return fmt::format("Total: {} hours ({} paid, {} pro bono), {}.", util::format_hours(log.total_minutes),
                     util::format_hours(log.paid_minutes), util::format_hours(pro_bono_minutes(log)),
                     plural(log.clients, "client"));
}

// The hours of the last 18 months against what each credential asks.
std::string recent_sentence(const core::IcfLog& log, core::Date today, const Style& style)
{
  std::string against;
  for (const auto& credential : core::icf_credentials()) {
    against += against.empty() ? "" : ", ";
    if (credential.recent_hours == 0) {
      against += credential.name + " none";
    } else {
      against += fmt::format("{} {}{}", credential.name, credential.recent_hours,
                             progress(log, credential).recent ? " " + style.green("✓") : "");
    }
  }
  return fmt::format("18 months to {}: {} hours; needed: {}", today.iso(),
                     util::format_hours(log.last_18_months_minutes), against);
}

std::size_t natural_width(const Lines& headers, const std::vector<Lines>& rows)
{
  std::size_t sum = headers.empty() ? 0 : 2 * (headers.size() - 1);
  for (std::size_t c = 0; c < headers.size(); ++c) {
    std::size_t width = util::display_width(headers[c]);
    for (const auto& row : rows) {
      width = std::max(width, util::display_width(row[c]));
    }
    sum += width;
  }
  return sum;
}

std::string icf_table_text(const core::IcfLog& log, const Style& style)
{
  // ICF's own headers take 119 columns: shorter ones here, group size folded
  // into the type, and the contact column only when everything fits.
  Lines headers = {"CLIENT", "CONTACT", "TYPE", "START", "END", "PAID", "PRO BONO"};
  std::vector<bool> numbers = {false, false, false, false, false, true, true};
  std::vector<Lines> rows;
  bool any_contact = false;
  for (const auto& row : log.rows) {
    any_contact = any_contact || !row.contact.empty();
    rows.push_back({one_line(row.client), one_line(row.contact),
                    row.group ? fmt::format("group of {}", group_size(row)) : std::string("individual"),
                    row.start.iso(), row.end.iso(), util::format_hours(row.paid_minutes),
                    util::format_hours(row.pro_bono_minutes)});
  }
  const bool fits = natural_width(headers, rows) <= k_width;
  const bool drop_contact = !any_contact || !fits;
  if (drop_contact) {
    headers.erase(headers.begin() + 1);
    numbers.erase(numbers.begin() + 1);
    for (auto& row : rows) {
      row.erase(row.begin() + 1);
    }
  }
  auto table = aligned_table(std::move(headers), std::move(rows), numbers);
  for (std::size_t c = 1; c < numbers.size(); ++c) {
    table.keep_whole(c); // only the names give way
  }
  std::string out = table.render(style, k_width);
  if (any_contact && !fits) {
    out += style.dim("(Contact information left out to fit; the csv, markdown and json have it.)") + "\n";
  }
  return out;
}

std::string credentials_text(const core::IcfLog& log, const Style& style)
{
  const auto& credentials = core::icf_credentials();
  std::size_t name_width = 0;
  std::size_t hours_width = 0;
  std::size_t paid_width = 0;
  std::size_t clients_width = 0;
  for (const auto& credential : credentials) {
    name_width = std::max(name_width, util::display_width(credential.name));
    hours_width = std::max(hours_width, std::to_string(credential.hours).size());
    paid_width = std::max(paid_width, std::to_string(credential.paid_hours).size());
    clients_width = std::max(clients_width, std::to_string(credential.clients).size());
  }
  const auto hours = util::format_hours(log.total_minutes);
  const auto paid = util::format_hours(log.paid_minutes);
  // "100 ✓" or "100", padded as if plain so that colour does not shift columns.
  auto required = [&](int number, bool met, std::size_t width) {
    const auto text = std::to_string(number);
    const auto shown = text.size() + (met ? 2 : 0);
    return text + (met ? " " + style.green("✓") : std::string()) + std::string(width + 2 - shown, ' ');
  };
  std::string out = style.bold("Progress toward ICF credentials") + "\n";
  for (const auto& credential : credentials) {
    const auto done = progress(log, credential);
    out += trim_right(fmt::format("  {}  hours {} / {}  paid {} / {}  clients {} / {}",
                                  pad(one_line(credential.name), name_width), hours,
                                  required(credential.hours, done.hours, hours_width), paid,
                                  required(credential.paid_hours, done.paid, paid_width), log.clients,
                                  required(credential.clients, done.clients, clients_width)))
           + "\n";
  }
  return out;
}

std::string icf_text(const core::IcfLog& log, const Style& style, core::Date today)
{
  std::string out = style.bold(fmt::format("ICF coaching log for {}{}", util::describe(log.period),
                                           log.redacted ? ", names redacted" : ""))
                    + "\n\n";
  if (log.rows.empty()) {
    out += "No coaching sessions in this period.\n";
  } else {
    out += icf_table_text(log, style);
    out += "\n" + wrap_text(totals_sentence(log), k_width, "");
  }
  out += "\n" + credentials_text(log, style);
  out += wrap_text(recent_sentence(log, today, style), k_width, "  ");
  return out;
}

std::string icf_markdown(const core::IcfLog& log, core::Date today)
{
  Lines blocks;
  blocks.push_back("# ICF coaching log: " + util::describe(log.period) + "\n");
  if (log.redacted) {
    blocks.emplace_back("Names redacted.\n");
  }
  if (log.rows.empty()) {
    blocks.emplace_back("No coaching sessions in this period.\n");
  } else {
    std::string table = md_row(k_icf_columns) + md_rule({false, false, false, true, false, false, true, true});
    for (const auto& row : log.rows) {
      table += md_row(icf_cells(row));
    }
    blocks.push_back(table);
    blocks.push_back(totals_sentence(log) + "\n");
  }
  blocks.emplace_back("## Progress toward ICF credentials\n");
  const auto hours = util::format_hours(log.total_minutes);
  const auto paid = util::format_hours(log.paid_minutes);
  std::string table =
      md_row({"Credential", "Hours", "Paid hours", "Clients", "Last 18 months", "Met"})
      + md_rule({false, true, true, true, true, false});
  const auto recent = util::format_hours(log.last_18_months_minutes);
  for (const auto& credential : core::icf_credentials()) {
    table += md_row({credential.name, fmt::format("{} / {}", hours, credential.hours),
                     fmt::format("{} / {}", paid, credential.paid_hours),
                     fmt::format("{} / {}", log.clients, credential.clients),
                     credential.recent_hours > 0 ? fmt::format("{} / {}", recent, credential.recent_hours)
                                                 : recent + " (none needed)",
                     progress(log, credential).met() ? "yes" : "no"});
  }
  blocks.push_back(table);
  blocks.push_back(recent_sentence(log, today, Style(false)) + "\n");
  return join(blocks, "\n");
}

std::string icf_json(const core::IcfLog& log)
{
  JsonWriter json;
  json.begin_object();
  json.key("from").value(log.period.from.iso());
  json.key("to").value(log.period.to.iso());
  json.key("redacted").value(log.redacted);
  json.key("rows").begin_array();
  for (const auto& row : log.rows) {
    json.begin_object();
    json.key("client").value(row.client);
    json.key("contact").optional(row.contact);
    json.key("individual_group").value(row.group ? "Group" : "Individual");
    json.key("number_in_group").value(group_size(row));
    json.key("start").value(row.start.iso());
    json.key("end").value(row.end.iso());
    json.key("paid_hours").value(hours_of(row.paid_minutes), 2);
    json.key("pro_bono_hours").value(hours_of(row.pro_bono_minutes), 2);
    json.end_object();
  }
  json.end_array();
  json.key("totals").begin_object();
  json.key("hours").value(hours_of(log.total_minutes), 2);
  json.key("paid_hours").value(hours_of(log.paid_minutes), 2);
  json.key("pro_bono_hours").value(hours_of(pro_bono_minutes(log)), 2);
  json.key("clients").value(log.clients);
  json.key("hours_last_18_months").value(hours_of(log.last_18_months_minutes), 2);
  json.end_object();
  json.key("credentials").begin_array();
  for (const auto& credential : core::icf_credentials()) {
    json.begin_object();
    json.key("name").value(credential.name);
    json.key("hours").value(credential.hours);
    json.key("paid_hours").value(credential.paid_hours);
    json.key("clients").value(credential.clients);
    json.key("hours_last_18_months");
    credential.recent_hours > 0 ? json.value(credential.recent_hours) : json.null();
    json.key("met").value(progress(log, credential).met());
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return json.str();
}

std::string icf_csv(const core::IcfLog& log)
{
  std::string out = csv_row(k_icf_columns);
  for (const auto& row : log.rows) {
    out += csv_row(icf_cells(row));
  }
  return out;
}

} // namespace

std::optional<Format> parse_format(std::string_view text)
{
  const auto name = util::to_lower_ascii(text);
  if (name == "text") {
    return Format::text;
  }
  if (name == "markdown") {
    return Format::markdown;
  }
  if (name == "json") {
    return Format::json;
  }
  if (name == "csv") {
    return Format::csv;
  }
  return std::nullopt;
}

std::optional<Format> format_from_extension(std::string_view path)
{
  const auto slash = path.find_last_of("/\\");
  const auto base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const auto dot = base.rfind('.');
  if (dot == std::string_view::npos || dot == 0) {
    return std::nullopt;
  }
  const auto extension = util::to_lower_ascii(base.substr(dot + 1));
  if (extension == "txt" || extension == "text") {
    return Format::text;
  }
  if (extension == "md" || extension == "markdown") {
    return Format::markdown;
  }
  if (extension == "json") {
    return Format::json;
  }
  if (extension == "csv") {
    return Format::csv;
  }
  return std::nullopt;
}

std::string report_output(const core::Report& report, Format format, const Style& style)
{
  switch (format) {
  case Format::text:
    return report_text(report, style);
  case Format::markdown:
    return report_markdown(report);
  case Format::json:
    return report_json(report);
  case Format::csv:
    return report_csv(report);
  }
  return {};
}

std::string icf_output(const core::IcfLog& log, Format format, const Style& style, core::Date today)
{
  switch (format) {
  case Format::text:
    return icf_text(log, style, today);
  case Format::markdown:
    return icf_markdown(log, today);
  case Format::json:
    return icf_json(log);
  case Format::csv:
    return icf_csv(log);
  }
  return {};
}

} // namespace mentor::render
