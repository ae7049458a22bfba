#include "mentor/render/report.hpp"
#include "mentor/util/text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace mentor;
using render::Format;
using util::Date;

namespace {

std::vector<std::string> lines_of(const std::string& text)
{
  std::vector<std::string> out;
  for (auto line : util::split_lines(text)) {
    out.emplace_back(line);
  }
  return out;
}

bool contains(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

void check_fits(const std::string& text, std::size_t width = 80)
{
  for (const auto& line : lines_of(text)) {
    CAPTURE(line);
    CHECK(util::display_width(line) <= width);
    CHECK_FALSE(line.ends_with(" "));
  }
}

Date ymd(int y, int m, int d)
{
  return Date::from_ymd(y, m, d);
}

const render::Style k_plain(false);
const render::Style k_color(true);
const Date k_today = ymd(2026, 11, 20);

core::Totals totals(int sessions, long minutes, int people, int active, int started, int ended, int goals, int agreed,
                    int done, int open, int overdue)
{
  return {sessions, minutes, people, active, started, ended, goals, agreed, done, open, overdue};
}

// I coach Zoë and mentor Sam; Aisha mentors me.
core::Report sample_report()
{
  core::Report report;
  report.period = util::month_of(2026, 10);
  report.by = core::GroupBy::pairing;
  core::SideReport gave;
  gave.side = core::Side::gave;
  gave.totals = totals(3, 150, 2, 2, 1, 0, 1, 4, 1, 3, 1);
  gave.rows = {{"phil--sam", "Sam Lee", "mentoring", 1, 60}, {"phil--zoe", "Zoë Núñez", "coaching", 2, 90}};
  gave.topics = {{"leadership", 2}, {"delegation", 1}};
  core::SideReport received;
  received.side = core::Side::received;
  received.totals = totals(1, 45, 1, 1, 0, 0, 0, 1, 0, 1, 0);
  received.rows = {{"aisha--phil", "Aisha Rahman", "mentoring", 1, 45}};
  report.sides = {gave, received};
  return report;
}

core::Report empty_report()
{
  core::Report report;
  report.period = util::month_of(2026, 10);
  return report;
}

core::IcfLog sample_icf()
{
  core::IcfLog log;
  log.period = util::month_of(2026, 10);
  log.rows = {
      {"Zoë Núñez", "zoe@example.org", false, 1, ymd(2026, 10, 5), ymd(2026, 10, 26), 90, 0},
      {"Team Alpha", "lead@alpha.example", true, 5, ymd(2026, 10, 12), ymd(2026, 10, 12), 0, 120},
  };
  log.total_minutes = 210;
  log.paid_minutes = 90;
  log.clients = 2;
  log.last_18_months_minutes = 6030;
  return log;
}

} // namespace

TEST_SUITE("render::report formats")
{
  TEST_CASE("parse_format: the four names")
  {
    CHECK(render::parse_format("text") == Format::text);
    CHECK(render::parse_format("markdown") == Format::markdown);
    CHECK(render::parse_format("json") == Format::json);
    CHECK(render::parse_format("csv") == Format::csv);
    CHECK(render::parse_format("CSV") == Format::csv);
    CHECK_FALSE(render::parse_format("md"));
    CHECK_FALSE(render::parse_format(""));
    CHECK_FALSE(render::parse_format("html"));
    CHECK_FALSE(render::parse_format("text "));
  }

  TEST_CASE("format_from_extension: by the file name's extension, case-insensitive")
  {
    CHECK(render::format_from_extension("out.txt") == Format::text);
    CHECK(render::format_from_extension("out.text") == Format::text);
    CHECK(render::format_from_extension("reports/2026-10.md") == Format::markdown);
    CHECK(render::format_from_extension("Report.MarkDown") == Format::markdown);
    CHECK(render::format_from_extension("/tmp/x.JSON") == Format::json);
    CHECK(render::format_from_extension("icf.log.csv") == Format::csv);
    CHECK_FALSE(render::format_from_extension("report"));
    CHECK_FALSE(render::format_from_extension("report.pdf"));
    CHECK_FALSE(render::format_from_extension("report."));
    CHECK_FALSE(render::format_from_extension("dir.md/report"));
    CHECK_FALSE(render::format_from_extension(".md"));
    CHECK_FALSE(render::format_from_extension(""));
  }
}

TEST_SUITE("render::report_output")
{
  TEST_CASE("text: period, then each side's totals, table and topics")
  {
    const auto out = render::report_output(sample_report(), Format::text, k_plain);
    CHECK(out
          == "Report for 2026-10-01 to 2026-11-01 (end exclusive)\n"
             "\n"
             "What I gave (I am the coach or mentor)\n"
             "  Sessions:     3\n"
             "  Hours:        2.50\n"
             "  People seen:  2\n"
             "  Pairings:     2 active, 1 started, 0 ended\n"
             "  Goals:        1 achieved\n"
             "  Actions:      4 agreed, 1 done, 3 open at the end, 1 overdue at the end\n"
             "\n"
             "  PAIRING    WITH       KIND       SESSIONS  HOURS\n"
             "  phil--sam  Sam Lee    mentoring         1   1.00\n"
             "  phil--zoe  Zoë Núñez  coaching          2   1.50\n"
             "\n"
             "  Topics: leadership (2), delegation (1)\n"
             "\n"
             "What I received (I am the coachee or mentee)\n"
             "  Sessions:     1\n"
             "  Hours:        0.75\n"
             "  People seen:  1\n"
             "  Pairings:     1 active, 0 started, 0 ended\n"
             "  Goals:        0 achieved\n"
             "  Actions:      1 agreed, 0 done, 1 open at the end, 0 overdue at the end\n"
             "\n"
             "  PAIRING      WITH          KIND       SESSIONS  HOURS\n"
             "  aisha--phil  Aisha Rahman  mentoring         1   0.75\n");
    check_fits(out);
  }

  TEST_CASE("text: the others side, and the table's columns follow --by")
  {
    core::Report report;
    report.period = util::month_of(2026, 9);
    report.redacted = true;
    core::SideReport others;
    others.side = core::Side::others;
    others.totals = totals(2, 120, 2, 1, 0, 1, 0, 0, 0, 0, 0);
    report.sides = {others};

    SUBCASE("by person")
    {
      report.by = core::GroupBy::person;
      report.sides[0].rows = {{"P-042", "P-042", "", 2, 120}};
      CHECK(render::report_output(report, Format::text, k_plain)
            == "Report for 2026-09-01 to 2026-10-01 (end exclusive), names redacted\n"
               "\n"
               "Between others\n"
               "  Sessions:     2\n"
               "  Hours:        2.00\n"
               "  People seen:  2\n"
               "  Pairings:     1 active, 0 started, 1 ended\n"
               "  Goals:        0 achieved\n"
               "  Actions:      0 agreed, 0 done, 0 open at the end, 0 overdue at the end\n"
               "\n"
               "  PERSON  NAME   SESSIONS  HOURS\n"
               "  P-042   P-042         2   2.00\n");
    }
    SUBCASE("by kind")
    {
      report.by = core::GroupBy::kind;
      report.sides[0].rows = {{"supervision", "supervision", "", 2, 120}};
      const auto out = render::report_output(report, Format::text, k_plain);
      CHECK(contains(out, "\n  KIND         SESSIONS  HOURS\n"
                          "  supervision         2   2.00\n"));
    }
    SUBCASE("by month")
    {
      report.by = core::GroupBy::month;
      report.sides[0].rows = {{"2026-09", "2026-09", "", 12, 725}};
      const auto out = render::report_output(report, Format::text, k_plain);
      CHECK(contains(out, "\n  MONTH    SESSIONS  HOURS\n"
                          "  2026-09        12  12.08\n"));
    }
  }

  TEST_CASE("text: an empty report says so after the period")
  {
    CHECK(render::report_output(empty_report(), Format::text, k_plain)
          == "Report for 2026-10-01 to 2026-11-01 (end exclusive)\n"
             "No sessions or pairings in this period.\n");
  }

  TEST_CASE("text: colour only through the style")
  {
    const auto plain = render::report_output(sample_report(), Format::text, k_plain);
    CHECK_FALSE(contains(plain, "\x1b"));
    const auto colored = render::report_output(sample_report(), Format::text, k_color);
    CHECK(contains(colored, "\x1b[1mReport for 2026-10-01 to 2026-11-01 (end exclusive)\x1b[0m\n"));
    CHECK(contains(colored, "\x1b[1mWhat I gave (I am the coach or mentor)\x1b[0m\n"));
  }

  TEST_CASE("text: long names, keys, topics and big numbers still fit 80 columns")
  {
    auto report = sample_report();
    auto& gave = report.sides[0];
    gave.totals = totals(12345, 9876543, 1234, 1234, 1234, 1234, 1234, 123456, 123456, 123456, 123456);
    gave.rows.push_back({"phil-rumens--maximiliana-von-und-zu-liechtenstein-hohenberg",
                         "Maximiliana von und zu Liechtenstein-Hohenberg, Chief Transformation Officer", "supervision",
                         12345, 9876543});
    gave.rows.push_back({"evil", "Line\nbreak\x1b[31m and tab\t", "coaching", 1, 1});
    gave.topics.clear();
    for (int i = 0; i < 10; ++i) {
      gave.topics.push_back({"a rather long topic name number " + std::to_string(i), 100 - i});
    }
    const auto out = render::report_output(report, Format::text, k_plain);
    check_fits(out);
    CHECK_FALSE(contains(out, "\x1b"));
    CHECK_FALSE(contains(out, "\t"));
    // Control characters became spaces (the cell is then clipped to fit).
    CHECK(contains(out, "  evil         "));
    CHECK(contains(out, "Line break …"));
    CHECK(contains(out, "  Topics: a rather long topic name number 0 (100), a rather long topic name\n"
                        "          number 1 (99),"));
    CHECK(contains(out, "supervision     12345  164609.05\n"));
  }

  TEST_CASE("markdown: headings, totals as a list, a pipe table, topics as a list")
  {
    CHECK(render::report_output(sample_report(), Format::markdown, k_color)
          == "# Report: 2026-10-01 to 2026-11-01 (end exclusive)\n"
             "\n"
             "## What I gave (I am the coach or mentor)\n"
             "\n"
             "- Sessions: 3\n"
             "- Hours: 2.50\n"
             "- People seen: 2\n"
             "- Pairings: 2 active, 1 started, 0 ended\n"
             "- Goals: 1 achieved\n"
             "- Actions: 4 agreed, 1 done, 3 open at the end, 1 overdue at the end\n"
             "\n"
             "| Pairing | With | Kind | Sessions | Hours |\n"
             "|---|---|---|---:|---:|\n"
             "| phil--sam | Sam Lee | mentoring | 1 | 1.00 |\n"
             "| phil--zoe | Zoë Núñez | coaching | 2 | 1.50 |\n"
             "\n"
             "### Topics\n"
             "\n"
             "- leadership (2)\n"
             "- delegation (1)\n"
             "\n"
             "## What I received (I am the coachee or mentee)\n"
             "\n"
             "- Sessions: 1\n"
             "- Hours: 0.75\n"
             "- People seen: 1\n"
             "- Pairings: 1 active, 0 started, 0 ended\n"
             "- Goals: 0 achieved\n"
             "- Actions: 1 agreed, 0 done, 1 open at the end, 0 overdue at the end\n"
             "\n"
             "| Pairing | With | Kind | Sessions | Hours |\n"
             "|---|---|---|---:|---:|\n"
             "| aisha--phil | Aisha Rahman | mentoring | 1 | 0.75 |\n");
  }

  TEST_CASE("markdown: pipes escaped and line breaks flattened in cells; empty and redacted reports")
  {
    auto report = sample_report();
    report.by = core::GroupBy::person;
    report.sides.resize(1);
    report.sides[0].rows = {{"a|b", "Ann | Bo\r\nand co", "", 1, 30}};
    report.sides[0].topics = {{"two\nlines", 1}};
    const auto out = render::report_output(report, Format::markdown, k_plain);
    CHECK(contains(out, "| Person | Name | Sessions | Hours |\n"
                        "|---|---|---:|---:|\n"
                        "| a\\|b | Ann \\| Bo and co | 1 | 0.50 |\n"));
    CHECK(contains(out, "- two lines (1)\n"));

    auto empty = empty_report();
    empty.redacted = true;
    CHECK(render::report_output(empty, Format::markdown, k_plain)
          == "# Report: 2026-10-01 to 2026-11-01 (end exclusive)\n"
             "\n"
             "Names redacted.\n"
             "\n"
             "No sessions or pairings in this period.\n");
  }

  TEST_CASE("json: one object, stable key order, hours with two decimals")
  {
    auto report = sample_report();
    report.sides.resize(1);
    report.sides[0].rows = {{"phil--zoe", "Zoë \"Z\" Núñez\\", "coaching", 2, 90}, {"x", "Line\nTwo", "", 1, 1}};
    report.sides[0].topics = {{"tab\there", 1}};
    CHECK(render::report_output(report, Format::json, k_color) == R"({
  "from": "2026-10-01",
  "to": "2026-11-01",
  "by": "pairing",
  "redacted": false,
  "sides": [
    {
      "side": "gave",
      "totals": {
        "sessions": 3,
        "minutes": 150,
        "hours": 2.50,
        "people_seen": 2,
        "pairings_active": 2,
        "pairings_started": 1,
        "pairings_ended": 0,
        "goals_achieved": 1,
        "actions_agreed": 4,
        "actions_done": 1,
        "actions_open_at_end": 3,
        "actions_overdue_at_end": 1
      },
      "rows": [
        {
          "key": "phil--zoe",
          "label": "Zoë \"Z\" Núñez\\",
          "kind": "coaching",
          "sessions": 2,
          "minutes": 90,
          "hours": 1.50
        },
        {
          "key": "x",
          "label": "Line\nTwo",
          "kind": null,
          "sessions": 1,
          "minutes": 1,
          "hours": 0.02
        }
      ],
      "topics": [
        {
          "topic": "tab\there",
          "count": 1
        }
      ]
    }
  ]
}
)");
  }

  TEST_CASE("json: an empty report has no sides")
  {
    auto report = empty_report();
    report.by = core::GroupBy::month;
    report.redacted = true;
    CHECK(render::report_output(report, Format::json, k_plain)
          == "{\n"
             "  \"from\": \"2026-10-01\",\n"
             "  \"to\": \"2026-11-01\",\n"
             "  \"by\": \"month\",\n"
             "  \"redacted\": true,\n"
             "  \"sides\": []\n"
             "}\n");
  }

  TEST_CASE("csv: one header row, a row per group of every side, CRLF line ends")
  {
    CHECK(render::report_output(sample_report(), Format::csv, k_color)
          == "from,to,side,group_by,key,label,kind,sessions,minutes,hours\r\n"
             "2026-10-01,2026-11-01,gave,pairing,phil--sam,Sam Lee,mentoring,1,60,1.00\r\n"
             "2026-10-01,2026-11-01,gave,pairing,phil--zoe,Zoë Núñez,coaching,2,90,1.50\r\n"
             "2026-10-01,2026-11-01,received,pairing,aisha--phil,Aisha Rahman,mentoring,1,45,0.75\r\n");
  }

  TEST_CASE("csv: fields with commas, quotes or line breaks are quoted, quotes doubled")
  {
    auto report = sample_report();
    report.by = core::GroupBy::person;
    report.sides.resize(1);
    report.sides[0].rows = {
        {"lee", "Lee, Sam", "", 1, 60}, {"ann", "Ann \"Nan\" O'Neil", "", 1, 45},
        {"bo", "Bo\nChen", "", 1, 50},  {"cy", "Cy\r\nDee", "", 1, 20},
        {"di", "\"", "", 1, 0},
    };
    CHECK(render::report_output(report, Format::csv, k_plain)
          == "from,to,side,group_by,key,label,kind,sessions,minutes,hours\r\n"
             "2026-10-01,2026-11-01,gave,person,lee,\"Lee, Sam\",,1,60,1.00\r\n"
             "2026-10-01,2026-11-01,gave,person,ann,\"Ann \"\"Nan\"\" O'Neil\",,1,45,0.75\r\n"
             "2026-10-01,2026-11-01,gave,person,bo,\"Bo\nChen\",,1,50,0.83\r\n"
             "2026-10-01,2026-11-01,gave,person,cy,\"Cy\r\nDee\",,1,20,0.33\r\n"
             "2026-10-01,2026-11-01,gave,person,di,\"\"\"\",,1,0,0.00\r\n");
  }

  TEST_CASE("csv: an empty report is the header row alone")
  {
    CHECK(render::report_output(empty_report(), Format::csv, k_plain)
          == "from,to,side,group_by,key,label,kind,sessions,minutes,hours\r\n");
  }
}

TEST_SUITE("render::icf_output")
{
  TEST_CASE("csv: ICF's exact columns, one row per client")
  {
    CHECK(render::icf_output(sample_icf(), Format::csv, k_plain, k_today)
          == "Client Name,Contact Information,Individual/Group,Number in Group,Start Date,End Date,Paid Hours,"
             "Pro-bono Hours\r\n"
             "Zoë Núñez,zoe@example.org,Individual,1,2026-10-05,2026-10-26,1.50,0.00\r\n"
             "Team Alpha,lead@alpha.example,Group,5,2026-10-12,2026-10-12,0.00,2.00\r\n");
  }

  TEST_CASE("csv: quoting, redacted contacts left empty, individual always 1 in group")
  {
    core::IcfLog log;
    log.period = util::month_of(2026, 10);
    log.redacted = true;
    log.rows = {{"Smith, \"Jo\"", "", false, 3, ymd(2026, 10, 1), ymd(2026, 10, 31), 61, 59},
                {"Two\nLines", "", false, 1, ymd(2026, 10, 2), ymd(2026, 10, 2), 0, 1}};
    CHECK(render::icf_output(log, Format::csv, k_plain, k_today)
          == "Client Name,Contact Information,Individual/Group,Number in Group,Start Date,End Date,Paid Hours,"
             "Pro-bono Hours\r\n"
             "\"Smith, \"\"Jo\"\"\",,Individual,1,2026-10-01,2026-10-31,1.02,0.98\r\n"
             "\"Two\nLines\",,Individual,1,2026-10-02,2026-10-02,0.00,0.02\r\n");
  }

  TEST_CASE("text: the log, totals, and progress toward each credential")
  {
    const auto out = render::icf_output(sample_icf(), Format::text, k_plain, k_today);
    CHECK(out
          == "ICF coaching log for 2026-10-01 to 2026-11-01 (end exclusive)\n"
             "\n"
             "CLIENT      TYPE        START       END         PAID  PRO BONO\n"
             "Zoë Núñez   individual  2026-10-05  2026-10-26  1.50      0.00\n"
             "Team Alpha  group of 5  2026-10-12  2026-10-12  0.00      2.00\n"
             "(Contact information left out to fit; the csv, markdown and json have it.)\n"
             "\n"
             "Total: 3.50 hours (1.50 paid, 2.00 pro bono), 2 clients.\n"
             "\n"
             "Progress toward ICF credentials\n"
             "  ACC  hours 3.50 / 100     paid 1.50 / 75      clients 2 / 8\n"
             "  PCC  hours 3.50 / 500     paid 1.50 / 450     clients 2 / 25\n"
             "  MCC  hours 3.50 / 2500    paid 1.50 / 2250    clients 2 / 35\n"
             "  18 months to 2026-11-20: 100.50 hours; needed: ACC 25 ✓, PCC 50 ✓, MCC none\n");
    check_fits(out);
  }

  TEST_CASE("text: the contact column when it fits; ticks for what is met")
  {
    core::IcfLog log;
    log.period = util::month_of(2026, 10);
    log.rows = {{"Zoë", "z@x.org", false, 1, ymd(2026, 10, 5), ymd(2026, 10, 26), 6000, 30}};
    log.total_minutes = 30030;
    log.paid_minutes = 30000;
    log.clients = 30;
    log.last_18_months_minutes = 30030;
    const auto out = render::icf_output(log, Format::text, k_plain, k_today);
    CHECK(contains(out, "\n\nCLIENT  CONTACT  TYPE        START       END           PAID  PRO BONO\n"
                        "Zoë     z@x.org  individual  2026-10-05  2026-10-26  100.00      0.50\n\n"
                        "Total: 500.50 hours (500.00 paid, 0.50 pro bono), 30 clients.\n"));
    CHECK(contains(out, "Progress toward ICF credentials\n"
                        "  ACC  hours 500.50 / 100 ✓   paid 500.00 / 75 ✓    clients 30 / 8 ✓\n"
                        "  PCC  hours 500.50 / 500 ✓   paid 500.00 / 450 ✓   clients 30 / 25 ✓\n"
                        "  MCC  hours 500.50 / 2500    paid 500.00 / 2250    clients 30 / 35\n"));
    CHECK_FALSE(contains(out, "left out"));
    check_fits(out);
    const auto colored = render::icf_output(log, Format::text, k_color, k_today);
    CHECK(contains(colored, "hours 500.50 / 100 \x1b[32m✓\x1b[0m   paid"));
  }

  TEST_CASE("text: redacted and empty; long client names are clipped to fit")
  {
    core::IcfLog log;
    log.period = util::month_of(2026, 10);
    log.redacted = true;
    CHECK(render::icf_output(log, Format::text, k_plain, k_today)
          == "ICF coaching log for 2026-10-01 to 2026-11-01 (end exclusive), names redacted\n"
             "\n"
             "No coaching sessions in this period.\n"
             "\n"
             "Progress toward ICF credentials\n"
             "  ACC  hours 0.00 / 100     paid 0.00 / 75      clients 0 / 8\n"
             "  PCC  hours 0.00 / 500     paid 0.00 / 450     clients 0 / 25\n"
             "  MCC  hours 0.00 / 2500    paid 0.00 / 2250    clients 0 / 35\n"
             "  18 months to 2026-11-20: 0.00 hours; needed: ACC 25, PCC 50, MCC none\n");

    log.rows = {{std::string(60, 'x'), "", true, 12, ymd(2026, 10, 5), ymd(2026, 10, 26), 0, 99999}};
    const auto out = render::icf_output(log, Format::text, k_plain, k_today);
    check_fits(out);
    CHECK(contains(out, "group of 12"));
    CHECK(contains(out, "1666.65\n"));
    CHECK(contains(out, "…"));
  }

  TEST_CASE("markdown: the period, ICF's columns as a pipe table, progress")
  {
    auto log = sample_icf();
    log.rows[1].client = "Team | Alpha";
    CHECK(render::icf_output(log, Format::markdown, k_color, k_today)
          == "# ICF coaching log: 2026-10-01 to 2026-11-01 (end exclusive)\n"
             "\n"
             "| Client Name | Contact Information | Individual/Group | Number in Group | Start Date | End Date "
             "| Paid Hours | Pro-bono Hours |\n"
             "|---|---|---|---:|---|---|---:|---:|\n"
             "| Zoë Núñez | zoe@example.org | Individual | 1 | 2026-10-05 | 2026-10-26 | 1.50 | 0.00 |\n"
             "| Team \\| Alpha | lead@alpha.example | Group | 5 | 2026-10-12 | 2026-10-12 | 0.00 | 2.00 |\n"
             "\n"
             "Total: 3.50 hours (1.50 paid, 2.00 pro bono), 2 clients.\n"
             "\n"
             "## Progress toward ICF credentials\n"
             "\n"
             "| Credential | Hours | Paid hours | Clients | Last 18 months | Met |\n"
             "|---|---:|---:|---:|---:|---|\n"
             "| ACC | 3.50 / 100 | 1.50 / 75 | 2 / 8 | 100.50 / 25 | no |\n"
             "| PCC | 3.50 / 500 | 1.50 / 450 | 2 / 25 | 100.50 / 50 | no |\n"
             "| MCC | 3.50 / 2500 | 1.50 / 2250 | 2 / 35 | 100.50 (none needed) | no |\n"
             "\n"
             "18 months to 2026-11-20: 100.50 hours; needed: ACC 25 ✓, PCC 50 ✓, MCC none\n");
  }

  TEST_CASE("json: rows, totals and credentials")
  {
    auto log = sample_icf();
    log.rows[0].client = "Zoë \"Z\"";
    log.rows[1].contact.clear();
    log.total_minutes = 6000;
    log.paid_minutes = 4500;
    log.clients = 8;
    CHECK(render::icf_output(log, Format::json, k_color, k_today) == R"({
  "from": "2026-10-01",
  "to": "2026-11-01",
  "redacted": false,
  "rows": [
    {
      "client": "Zoë \"Z\"",
      "contact": "zoe@example.org",
      "individual_group": "Individual",
      "number_in_group": 1,
      "start": "2026-10-05",
      "end": "2026-10-26",
      "paid_hours": 1.50,
      "pro_bono_hours": 0.00
    },
    {
      "client": "Team Alpha",
      "contact": null,
      "individual_group": "Group",
      "number_in_group": 5,
      "start": "2026-10-12",
      "end": "2026-10-12",
      "paid_hours": 0.00,
      "pro_bono_hours": 2.00
    }
  ],
  "totals": {
    "hours": 100.00,
    "paid_hours": 75.00,
    "pro_bono_hours": 25.00,
    "clients": 8,
    "hours_last_18_months": 100.50
  },
  "credentials": [
    {
      "name": "ACC",
      "hours": 100,
      "paid_hours": 75,
      "clients": 8,
      "hours_last_18_months": 25,
      "met": true
    },
    {
      "name": "PCC",
      "hours": 500,
      "paid_hours": 450,
      "clients": 25,
      "hours_last_18_months": 50,
      "met": false
    },
    {
      "name": "MCC",
      "hours": 2500,
      "paid_hours": 2250,
      "clients": 35,
      "hours_last_18_months": null,
      "met": false
    }
  ]
}
)");
  }

  TEST_CASE("json: an empty log")
  {
    core::IcfLog log;
    log.period = util::month_of(2026, 10);
    log.redacted = true;
    const auto out = render::icf_output(log, Format::json, k_plain, k_today);
    CHECK(contains(out, "  \"redacted\": true,\n  \"rows\": [],\n  \"totals\": {\n    \"hours\": 0.00,\n"));
  }
}
