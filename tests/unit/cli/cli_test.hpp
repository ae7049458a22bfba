#pragma once

// Helpers for the cli tests: run mentor in-process with a captured stdout
// and stderr, set environment variables for one test, make a records
// directory to work in.

#include "mentor/cli/context.hpp"
#include "mentor/cli/run.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "testutil.hpp"

namespace mentor::testutil {

// What std::cout and std::cerr receive while it lives.
class Capture
{
public:
  Capture() : m_out_old(std::cout.rdbuf(m_out.rdbuf())), m_err_old(std::cerr.rdbuf(m_err.rdbuf())) {}
  ~Capture()
  {
    std::cout.rdbuf(m_out_old);
    std::cerr.rdbuf(m_err_old);
  }
  Capture(const Capture&) = delete;
  Capture& operator=(const Capture&) = delete;

  std::string out() const { return m_out.str(); }
  std::string err() const { return m_err.str(); }

private:
  std::ostringstream m_out;
  std::ostringstream m_err;
  std::streambuf* m_out_old;
  std::streambuf* m_err_old;
};

struct RunResult
{
  int code = -1;
  std::string out;
  std::string err;
};

// mentor::cli::run with argv = "mentor" followed by `args`. The variables
// that would point it elsewhere are cleared unless a test sets them itself
// (pass keep_env = true).
inline RunResult run_mentor(const std::vector<std::string>& args, bool keep_env = false)
{
  std::optional<EnvVar> dir;
  std::optional<EnvVar> today;
  if (!keep_env) {
    dir.emplace("MENTOR_DIR", std::nullopt);
    today.emplace("MENTOR_TODAY", std::nullopt);
  }
  EnvVar no_color("NO_COLOR", "1");
  std::vector<std::string> storage;
  storage.emplace_back("mentor");
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : storage) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);
  RunResult result;
  Capture capture;
  result.code = mentor::cli::run(static_cast<int>(storage.size()), argv.data());
  result.out = capture.out();
  result.err = capture.err();
  return result;
}

// Everything in a records directory, read the way commands read it.
inline core::Records load_records(const std::string& dir)
{
  cli::GlobalOptions options;
  options.dir = dir;
  options.today = "2026-11-20";
  cli::Context context(options);
  // In full, notes included: the tests look at what was written.
  auto records = context.load_records();
  for (const auto& person : records.people) {
    context.add_person_notes(records, person.slug);
  }
  for (const auto& pairing : records.pairings) {
    context.add_pairing_notes(records, pairing.slug);
  }
  return records;
}

// The permission bits of a file, such as 0600.
using testutil::mode_of;

// A records directory made by `mentor init`, for Phil Rumens, with Zoë Núñez
// added and (unless `with_pairing` is false) a coaching pairing with her
// started on 2026-11-01.
class Records
{
public:
  explicit Records(bool with_pairing = true)
  {
    const auto root = dir();
    must({"init", root, "--no-git", "--me", "Phil Rumens"});
    must({"add", "Zoë Núñez", "--dir", root, "--org", "City Library"});
    if (with_pairing) {
      must({"pair", "zoe", "--dir", root, "--today", "2026-11-01", "--goal", "Chair meetings"});
    }
  }

  std::string dir() const { return (m_temp.path() / "records").string(); }
  std::filesystem::path path(const std::string& relative) const { return m_temp.path() / "records" / relative; }
  std::filesystem::path pairing_file() const { return path("pairings/phil-rumens--zoe-nunez.yaml"); }
  const TempDir& temp() const { return m_temp; }
  core::Records load() const { return load_records(dir()); }

  // Runs a command against this directory (adds --dir).
  RunResult run(std::vector<std::string> args) const
  {
    args.push_back("--dir");
    args.push_back(dir());
    return run_mentor(args);
  }

private:
  static void must(const std::vector<std::string>& args)
  {
    const auto result = run_mentor(args);
    INFO("setup: ", args[0], " -> ", result.err);
    REQUIRE(result.code == 0);
  }
  TempDir m_temp;
};

} // namespace mentor::testutil
