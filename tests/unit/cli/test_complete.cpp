#include "mentor/cli/app.hpp"
#include "mentor/cli/complete.hpp"
#include "mentor/core/model.hpp"
#include "mentor/util/date.hpp"
#include "mentor/util/period.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/cli_test.hpp"

using namespace mentor;
using namespace mentor::cli;
using mentor::testutil::EnvVar;
using mentor::testutil::Records;
using mentor::testutil::run_mentor;
using mentor::testutil::TempDir;
using mentor::testutil::write_text;

namespace fs = std::filesystem;

namespace {

using Words = std::vector<std::string>;

// The candidates' values for `mentor WORDS...`, sorted, run from `cwd`.
Words values(const Words& words, const fs::path& cwd = fs::path("/"))
{
  EnvVar dir("MENTOR_DIR", std::nullopt);
  CommandLine cli;
  Words out;
  for (const auto& candidate : complete(cli.app, words, cwd).candidates) {
    out.push_back(candidate.value);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Completion::Paths paths(const Words& words)
{
  CommandLine cli;
  return complete(cli.app, words, "/").paths;
}

bool has(const Words& list, const std::string& value)
{
  return std::find(list.begin(), list.end(), value) != list.end();
}

Words sorted(Words list)
{
  std::sort(list.begin(), list.end());
  return list;
}

} // namespace

TEST_SUITE("cli::complete")
{
  TEST_CASE("command names, with their descriptions")
  {
    CHECK(values({""})
          == Words{"add", "check", "help", "init", "list", "log", "merge-file", "pair", "report", "review", "show"});
    CHECK(values({"l"}) == Words{"list", "log"});
    CHECK(values({"re"}) == Words{"report", "review"});
    CHECK(values({"zzz"}).empty());
    CommandLine cli;
    const auto completion = complete(cli.app, {"lo"}, "/");
    REQUIRE(completion.candidates.size() == 1);
    CHECK(completion.candidates[0].description == "Record a session");
    // A global option before the command changes nothing.
    CHECK(values({"--today", "2026-11-20", "sh"}) == Words{"show"});
  }

  TEST_CASE("options of a command, and the global ones")
  {
    const auto log = values({"log", "--"});
    for (const auto* option : {"--date", "--duration", "--topic", "--action", "--due", "--done", "--type", "--edit",
                               "--help", "--dir", "--today", "--color"}) {
      CAPTURE(option);
      CHECK(has(log, option));
    }
    CHECK_FALSE(has(log, "--format"));
    CHECK_FALSE(has(log, "--version")); // only before the command
    CHECK(values({"log", "zoe", "--d"}) == Words{"--date", "--dir", "--done", "--due", "--duration"});
    CHECK(values({"--"}) == Words{"--color", "--dir", "--help", "--today", "--version"});
    // Long names only: -o is --output.
    CHECK(has(values({"report", "-"}), "--output"));
    CHECK_FALSE(has(values({"report", "-"}), "-o"));
  }

  TEST_CASE("an option already given is not offered again, unless it repeats")
  {
    const auto after = values({"log", "zoe", "--date", "today", "--topic", "x", "--edit", "--"});
    CHECK_FALSE(has(after, "--date"));
    CHECK_FALSE(has(after, "--edit"));
    CHECK(has(after, "--topic"));
    CHECK(has(after, "--duration"));
    // Nor what it excludes.
    const auto report = values({"report", "--month", "2026-10", "--"});
    CHECK_FALSE(has(report, "--period"));
    CHECK_FALSE(has(report, "--from"));
    CHECK(has(report, "--format"));
  }

  TEST_CASE("the values of options with a fixed set")
  {
    CHECK(values({"report", "--format", ""}) == Words{"csv", "json", "markdown", "text"});
    CHECK(values({"report", "--format", "m"}) == Words{"markdown"});
    CHECK(values({"report", "--format=j"}) == Words{"--format=json"});
    CHECK(values({"report", "--by", ""}) == Words{"kind", "month", "pairing", "person"});
    CHECK(values({"review", "--format", ""}) == Words{"json", "text"});
    CHECK(values({"check", "--format", ""}) == Words{"json", "text"});
    CHECK(values({"--color", ""}) == Words{"always", "auto", "never"});
    CHECK(values({"list", "--color=n"}) == Words{"--color=never"});
    CHECK(values({"list", ""}) == Words{"pairings", "people"});
    CHECK(values({"pair", "zoe", "--kind", ""}) == Words{"coaching", "mentoring", "peer", "shadowing", "supervision"});
    CHECK(values({"log", "zoe", "--type", "c"}) == Words{"chemistry", "closing"});
    CHECK(values({"review", "zoe", "--record", "--goal", "g1="}) == Words{"g1=achieved", "g1=dropped", "g1=open"});
    CHECK(values({"review", "zoe", "--record", "--goal", "g2=d"}) == Words{"g2=dropped"});
    CHECK(values({"review", "zoe", "--record", "--goal", "g"}).empty());
    // mentor help PAGE: the commands, and "files" for the format.
    CHECK(values({"help", "r"}) == Words{"report", "review"});
    CHECK(values({"help", "f"}) == Words{"files"});
    CHECK(values({"help", "files", "f"}).empty());
  }

  TEST_CASE("offered values are the ones the commands accept")
  {
    for (const auto& kind : values({"pair", "x", "--kind", ""})) {
      CHECK(core::parse_kind(kind));
    }
    CHECK(values({"pair", "x", "--kind", ""}).size() == core::kind_names().size());
    for (const auto& type : values({"log", "x", "--type", ""})) {
      CHECK(core::parse_session_type(type));
    }
    const auto periods = values({"report", "--period", ""});
    CHECK(sorted(periods)
          == sorted({"last-month", "last-quarter", "last-year", "this-month", "this-quarter", "this-year"}));
    for (const auto& period : periods) {
      CAPTURE(period);
      CHECK(util::parse_period(period, util::Date::from_ymd(2026, 11, 20)));
    }
  }

  TEST_CASE("file and directory names are left to the shell")
  {
    CHECK(paths({"report", "-o", ""}) == Completion::Paths::files);
    CHECK(paths({"report", "--output", "x"}) == Completion::Paths::files);
    CHECK(paths({"report", "--output=x"}) == Completion::Paths::files);
    CHECK(paths({"--dir", ""}) == Completion::Paths::dirs);
    CHECK(paths({"log", "--dir", ""}) == Completion::Paths::dirs);
    CHECK(paths({"init", ""}) == Completion::Paths::dirs);
    CHECK(paths({"log", ""}) == Completion::Paths::none);
    CommandLine cli;
    Completion files;
    files.paths = Completion::Paths::files;
    CHECK(format_completion(files) == ":files\n");
  }

  TEST_CASE("free text gets nothing, or the options when nothing is typed")
  {
    CHECK(values({"log", "zoe", "--topic", ""}).empty());
    CHECK(values({"add", "--email", ""}).empty());
    CHECK(values({"add", "Zo"}).empty());
    CHECK(has(values({"log", "zoe", ""}), "--duration")); // NOTES is free text
    CHECK(has(values({"add", ""}), "--email"));
    // After "--", words are positionals only.
    CHECK(values({"log", "zoe", "--", "--"}).empty());
  }

  TEST_CASE("WHO: people and pairings from the records directory")
  {
    Records records;
    const Words all = {"phil-rumens", "phil-rumens--zoe-nunez", "zoe-nunez"};
    SUBCASE("--dir earlier on the line")
    {
      CHECK(values({"--dir", records.dir(), "log", ""}) == all);
      CHECK(values({"log", "--dir", records.dir(), "z"}) == Words{"zoe-nunez"});
      CHECK(values({"show", "--dir=" + records.dir(), "phil-rumens-"}) == Words{"phil-rumens--zoe-nunez"});
      CHECK(values({"pair", "zoe", "--mentor", "ph", "--dir", records.dir()}).empty()); // --dir comes later
      CHECK(values({"--dir", records.dir(), "pair", "zoe", "--mentor", "ph"})
            == Words{"phil-rumens", "phil-rumens--zoe-nunez"});
      CHECK(values({"--dir", records.dir(), "review", "--format", "json", ""}) == all);
    }
    SUBCASE("$MENTOR_DIR")
    {
      CommandLine cli;
      EnvVar dir("MENTOR_DIR", records.dir());
      CHECK(complete(cli.app, {"show", "zo"}, "/").candidates.size() == 1);
    }
    SUBCASE("the nearest parent with mentor.yaml")
    {
      CHECK(values({"log", ""}, records.path("people")) == all);
      CHECK(values({"log", "p"}, records.temp().path()).empty());
      // With nothing to offer and nothing typed: the options.
      CHECK(has(values({"log", ""}, records.temp().path()), "--date"));
    }
    SUBCASE("described as person or pairing")
    {
      CommandLine cli;
      const auto completion = complete(cli.app, {"--dir", records.dir(), "show", "z"}, "/");
      REQUIRE(completion.candidates.size() == 1);
      CHECK(completion.candidates[0].description == "person");
    }
    SUBCASE("only file names count: no record is read")
    {
      write_text(records.path("people/broken.yaml"), "name: [unclosed\n");
      write_text(records.path("people/Not A Slug.yaml"), "name: x\n");
      write_text(records.path("people/notes.txt"), "x\n");
      CHECK(values({"--dir", records.dir(), "show", "b"}) == Words{"broken"});
      CHECK(values({"--dir", records.dir(), "show", "N"}).empty());
      CHECK(values({"--dir", records.dir(), "show", "n"}).empty());
    }
  }

  TEST_CASE("WHO: a missing or broken directory gives nothing, quietly")
  {
    TempDir temp;
    CHECK(values({"--dir", (temp / "missing").string(), "log", "p"}).empty());
    CHECK(values({"--dir", temp.path().string(), "log", "p"}).empty()); // no mentor.yaml
    write_text(temp / "mentor.yaml", "version: [\n");
    write_text(temp / "people", "a file, not a folder\n");
    write_text(temp / "pairings/p--q.yaml", "mentor: [\n");
    CHECK(values({"--dir", temp.path().string(), "log", "p"}) == Words{"p--q"});
    fs::remove_all(temp / "pairings");
    CHECK(values({"--dir", temp.path().string(), "log", "p"}).empty());
    CHECK(values({"--dir", "", "log", "p"}).empty());
    CHECK(values({"--dir"}) == Words{"--dir"});
  }

  TEST_CASE("every option of every command is known to the completer")
  {
    // A new option with a new type name fails here until it is given a
    // completer, or listed as free text.
    CommandLine cli;
    std::vector<const CLI::App*> apps = {&cli.app};
    for (const auto* command : cli.commands) {
      apps.push_back(command);
    }
    for (const auto* app : apps) {
      for (const auto* option : app->get_options()) {
        if (option->get_items_expected_max() == 0) {
          continue; // a flag
        }
        const bool positional = option->get_positional() && !option->nonpositional();
        const auto type = option->get_type_name();
        const auto key = positional ? option->get_name() : type.substr(0, type.find(':'));
        CAPTURE(app->get_name());
        CAPTURE(option->get_name());
        CHECK((type.find(":{") != std::string::npos || has_completer(key) || is_free_text(key)));
        CHECK_FALSE((has_completer(key) && is_free_text(key)));
      }
    }
  }

  TEST_CASE("mentor __complete prints one candidate a line")
  {
    const auto result = run_mentor({"__complete", "rep"});
    CHECK(result.code == 0);
    CHECK(result.out == "report\tSummaries for a period; the ICF coaching log\n");
    CHECK(result.err.empty());
    CHECK(run_mentor({"__complete", "report", "--format", "c"}).out == "csv\n");
    CHECK(run_mentor({"__complete", "report", "-o", ""}).out == ":files\n");
    // Hidden from the help.
    CHECK(run_mentor({"--help"}).out.find("__complete") == std::string::npos);
  }
}
