#include "mentor/cli/context.hpp"
#include "mentor/util/error.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <string>

#include "cli/cli_test.hpp"

using namespace mentor;
using namespace mentor::cli;
using mentor::testutil::EnvVar;
using mentor::util::Date;

namespace {

// 2026-11-20 is a Friday.
const Date k_today = Date::from_ymd(2026, 11, 20);

std::string iso(Date date)
{
  return date.iso();
}

// The message of the UsageError that `f` throws; fails the test otherwise.
template<typename F>
std::string usage_error(F&& f)
{
  try {
    f();
  } catch (const UsageError& e) {
    CHECK(e.exit_code() == 2);
    return e.what();
  } catch (const std::exception& e) {
    FAIL("not a UsageError: ", e.what());
    return {};
  }
  FAIL("no exception");
  return {};
}

} // namespace

TEST_SUITE("cli::context")
{
  TEST_CASE("parse_past_date")
  {
    SUBCASE("ISO and the relative forms")
    {
      CHECK(iso(parse_past_date("--date", "2026-11-02", k_today)) == "2026-11-02");
      CHECK(iso(parse_past_date("--date", "today", k_today)) == "2026-11-20");
      CHECK(iso(parse_past_date("--date", "yesterday", k_today)) == "2026-11-19");
      CHECK(iso(parse_past_date("--date", "-3d", k_today)) == "2026-11-17");
      CHECK(iso(parse_past_date("--date", "-2w", k_today)) == "2026-11-06");
    }
    SUBCASE("a weekday name is the most recent one before today")
    {
      CHECK(iso(parse_past_date("--date", "monday", k_today)) == "2026-11-16");
      CHECK(iso(parse_past_date("--date", "thu", k_today)) == "2026-11-19");
      CHECK(iso(parse_past_date("--date", "Saturday", k_today)) == "2026-11-14");
      // Today is a Friday: "friday" is a week ago.
      CHECK(iso(parse_past_date("--date", "friday", k_today)) == "2026-11-13");
    }
    SUBCASE("anything else is a UsageError naming the option and the text")
    {
      for (const std::string bad : {"tomorrow", "+3d", "2026-02-30", "20261120", "next week", "", "-d"}) {
        CAPTURE(bad);
        const auto message = usage_error([&] { parse_past_date("--date", bad, k_today); });
        CHECK(message.find("--date") != std::string::npos);
        CHECK(message.find("\"" + bad + "\"") != std::string::npos);
      }
    }
    SUBCASE("the hint says which forms are accepted")
    {
      try {
        parse_past_date("--start", "soon", k_today);
        FAIL("no exception");
      } catch (const UsageError& e) {
        CHECK(std::string(e.what()).find("--start") != std::string::npos);
        CHECK(e.hint().find("YYYY-MM-DD") != std::string::npos);
      }
    }
  }

  TEST_CASE("parse_any_date")
  {
    SUBCASE("the past forms still work")
    {
      CHECK(iso(parse_any_date("--due", "2026-12-24", k_today)) == "2026-12-24");
      CHECK(iso(parse_any_date("--due", "2026-01-01", k_today)) == "2026-01-01");
      CHECK(iso(parse_any_date("--due", "today", k_today)) == "2026-11-20");
      CHECK(iso(parse_any_date("--due", "yesterday", k_today)) == "2026-11-19");
      CHECK(iso(parse_any_date("--due", "-3d", k_today)) == "2026-11-17");
      CHECK(iso(parse_any_date("--due", "-1w", k_today)) == "2026-11-13");
    }
    SUBCASE("tomorrow, +Nd, +Nw")
    {
      CHECK(iso(parse_any_date("--due", "tomorrow", k_today)) == "2026-11-21");
      CHECK(iso(parse_any_date("--due", "Tomorrow", k_today)) == "2026-11-21");
      CHECK(iso(parse_any_date("--due", "+3d", k_today)) == "2026-11-23");
      CHECK(iso(parse_any_date("--due", "+2w", k_today)) == "2026-12-04");
      CHECK(iso(parse_any_date("--due", "+2W", k_today)) == "2026-12-04");
      CHECK(iso(parse_any_date("--due", "+0d", k_today)) == "2026-11-20");
      CHECK(iso(parse_any_date("--due", "+45d", k_today)) == "2027-01-04");
    }
    SUBCASE("a weekday name is the next one after today")
    {
      CHECK(iso(parse_any_date("--due", "monday", k_today)) == "2026-11-23");
      CHECK(iso(parse_any_date("--due", "sat", k_today)) == "2026-11-21");
      CHECK(iso(parse_any_date("--due", "Thursday", k_today)) == "2026-11-26");
      // Today is a Friday: "friday" is a week ahead, never today.
      CHECK(iso(parse_any_date("--due", "friday", k_today)) == "2026-11-27");
    }
    SUBCASE("anything else is a UsageError naming the option")
    {
      for (const std::string bad : {"+3", "+d", "+-3d", "+3x", "+12345d", "2026-13-01", "someday", "", "+3 d"}) {
        CAPTURE(bad);
        const auto message = usage_error([&] { parse_any_date("--until", bad, k_today); });
        CHECK(message.find("--until") != std::string::npos);
        CHECK(message.find("\"" + bad + "\"") != std::string::npos);
      }
    }
  }

  TEST_CASE("parse_duration_option")
  {
    CHECK(parse_duration_option("--duration", "45") == 45);
    CHECK(parse_duration_option("--duration", "45m") == 45);
    CHECK(parse_duration_option("--duration", "1h") == 60);
    CHECK(parse_duration_option("--duration", "1.5h") == 90);
    CHECK(parse_duration_option("--duration", "1h30m") == 90);
    CHECK(parse_duration_option("--duration", "24h") == 24 * 60);
    for (const std::string bad : {"", "0", "0m", "25h", "abc", "-5m", "1h 30m", "1.01h"}) {
      CAPTURE(bad);
      const auto message = usage_error([&] { parse_duration_option("--duration", bad); });
      CHECK(message.find("--duration") != std::string::npos);
      CHECK(message.find("\"" + bad + "\"") != std::string::npos);
    }
  }

  TEST_CASE("single_line")
  {
    SUBCASE("one line of text, trimmed")
    {
      CHECK(single_line("--goal", "Chair meetings") == "Chair meetings");
      CHECK(single_line("--goal", "  padded  ") == "padded");
      CHECK(single_line("--goal", "Zoë 张伟 🎉") == "Zoë 张伟 🎉");
      CHECK(single_line("--goal", "tab\tinside") == "tab\tinside");
      // A line break at the very end is white space, trimmed like a space.
      CHECK(single_line("--goal", "ends in a newline\n") == "ends in a newline");
    }
    SUBCASE("refused: empty, line breaks, control characters, invalid UTF-8")
    {
      const std::vector<std::string> bad = {
          "",
          "   ",
          "\n",
          "two\nlines",
          "carriage\rreturn",
          "crlf\r\ninside",
          "bell\x07",
          "escape \x1b[31mred",
          std::string("nul\0byte", 8),
          "delete\x7f",
          "bad \xC3\x28 utf8",
          "truncated \xE2\x82",
          "overlong \xC0\xAF",
      };
      for (const auto& text : bad) {
        CAPTURE(text);
        const auto message = usage_error([&] { single_line("--action", text); });
        CHECK(message.find("--action") != std::string::npos);
      }
    }
    SUBCASE("the message says what is wrong")
    {
      CHECK(usage_error([] { single_line("--topic", ""); }).find("empty") != std::string::npos);
      CHECK(usage_error([] { single_line("--topic", "a\nb"); }).find("one line") != std::string::npos);
      CHECK(usage_error([] { single_line("--topic", "a\x01"); }).find("control") != std::string::npos);
      CHECK(usage_error([] { single_line("--topic", "a\xFF"); }).find("UTF-8") != std::string::npos);
    }
  }

  TEST_CASE("Context: today")
  {
    SUBCASE("--today pins the day")
    {
      GlobalOptions options;
      options.today = "2026-11-20";
      CHECK(Context(options).today() == k_today);
    }
    SUBCASE("without it, the local day")
    {
      const auto before = util::today_local();
      const auto today = Context(GlobalOptions{}).today();
      CHECK(today >= before);
      CHECK(today - before <= 1);
    }
    SUBCASE("an invalid --today is a UsageError")
    {
      for (const std::string bad : {"2026-02-30", "yesterday", "20261120", "2026-11-20x", " "}) {
        CAPTURE(bad);
        GlobalOptions options;
        options.today = bad;
        const auto message = usage_error([&] { Context context(options); });
        CHECK(message.find("--today") != std::string::npos);
        CHECK(message.find(bad) != std::string::npos);
      }
    }
  }

  TEST_CASE("Context: style_for_stdout")
  {
    GlobalOptions options;
    options.today = "2026-11-20";
    SUBCASE("always")
    {
      options.color = "always";
      EnvVar no_color("NO_COLOR", "1");
      CHECK(Context(options).style_for_stdout().color());
    }
    SUBCASE("never")
    {
      options.color = "never";
      EnvVar no_color("NO_COLOR", std::nullopt);
      EnvVar term("TERM", "xterm-256color");
      CHECK_FALSE(Context(options).style_for_stdout().color());
    }
    SUBCASE("auto with NO_COLOR")
    {
      EnvVar no_color("NO_COLOR", "1");
      CHECK_FALSE(Context(options).style_for_stdout().color());
    }
    SUBCASE("auto follows whether stdout is a terminal")
    {
      EnvVar no_color("NO_COLOR", std::nullopt);
      EnvVar term("TERM", "xterm-256color");
      CHECK(Context(options).style_for_stdout().color() == (isatty(STDOUT_FILENO) != 0));
    }
  }

  TEST_CASE("Context: the records directory")
  {
    SUBCASE("--dir that is not a records directory is an Error (exit 1)")
    {
      mentor::testutil::TempDir temp;
      GlobalOptions options;
      options.today = "2026-11-20";
      options.dir = temp.path().string();
      Context context(options);
      CHECK_THROWS_AS(context.dir(), Error);
      try {
        context.dir();
      } catch (const Error& e) {
        CHECK(e.exit_code() == 1);
        CHECK(std::string(e.what()).find("mentor.yaml") != std::string::npos);
      }
    }
    SUBCASE("load_records reads people and pairings")
    {
      mentor::testutil::Records records;
      GlobalOptions options;
      options.today = "2026-11-20";
      options.dir = records.dir();
      Context context(options);
      CHECK(context.dir().root() == std::filesystem::path(records.dir()));
      const auto loaded = context.load_records();
      CHECK(loaded.config.me == "phil-rumens");
      REQUIRE(loaded.people.size() == 2);
      CHECK(loaded.people[0].slug == "phil-rumens");
      CHECK(loaded.people[1].name == "Zoë Núñez");
      REQUIRE(loaded.pairings.size() == 1);
      CHECK(loaded.pairings[0].slug == "phil-rumens--zoe-nunez");
    }
    SUBCASE("load_records reports every broken file at once")
    {
      mentor::testutil::Records records;
      mentor::testutil::write_text(records.path("people/broken-one.yaml"), "name: [unclosed\n");
      mentor::testutil::write_text(records.path("people/broken-two.yaml"), "name: a\nname: b\n");
      GlobalOptions options;
      options.today = "2026-11-20";
      options.dir = records.dir();
      Context context(options);
      try {
        context.load_records();
        FAIL("no exception");
      } catch (const Error& e) {
        const std::string message = e.what();
        CHECK(e.exit_code() == 1);
        CHECK(message.find("broken-one.yaml") != std::string::npos);
        CHECK(message.find("broken-two.yaml") != std::string::npos);
      }
    }
  }
}
