#pragma once

// What the fuzz targets share: how an input is split into a file and the
// parameters of a change, a check that aborts (so that libFuzzer, and the
// replay test, report a broken property as a crash), and an independent
// reading of YAML (yaml-cpp's Node API, not mentor's parser) to compare
// files before and after a change.

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Every target defines this; libFuzzer calls it, and so does replay_main.cpp.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace mentor::fuzz {

[[noreturn]] void fail(const char* file, int line, const char* condition, const std::string& detail);

// Unlike assert(), also on in release builds.
#define FUZZ_CHECK(condition, detail)                                  \
  do {                                                                 \
    if (!(condition)) {                                                \
      ::mentor::fuzz::fail(__FILE__, __LINE__, #condition, (detail)); \
    }                                                                  \
  } while (false)

// How each run ended ("written", "refused", …), counted so that the replay
// can show (and the tests can require) that the seeds reach every outcome.
void count(const char* outcome);
const std::map<std::string, int>& counts();

// An input is a file's text, then optionally a NUL byte and parameters (a
// NUL byte is never part of a file mentor reads). Parameters are lines of
// `name=value`; a name may repeat.
struct Input
{
  std::string text;
  std::vector<std::pair<std::string, std::string>> params;

  // Every value given for `name`, in order.
  std::vector<std::string> all(std::string_view name) const;
  // The first value given for `name`, or `fallback`.
  std::string get(std::string_view name, std::string fallback = {}) const;
  bool has(std::string_view name) const;
};

Input split_input(const std::uint8_t* data, std::size_t size);

// The file as an independent YAML reader sees it; throws YAML::Exception.
YAML::Node load_yaml(const std::string& text);

// Same content: scalars compared as text (quoting and tags ignored), maps
// by key regardless of order. `where` receives the first difference.
bool same_yaml(const YAML::Node& a, const YAML::Node& b, std::string& where);

// The new text keeps every byte of the old one, in order: only insertions.
bool is_subsequence(std::string_view before, std::string_view after);

// ... with text inserted at a single place.
bool is_single_insertion(std::string_view before, std::string_view after);

// The new text is the old one with one range of a single line replaced.
bool is_single_line_replacement(std::string_view before, std::string_view after);

} // namespace mentor::fuzz
