#include "fuzz_support.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace mentor::fuzz {

void fail(const char* file, int line, const char* condition, const std::string& detail)
{
  std::fprintf(stderr, "%s:%d: fuzz property broken: %s\n%s\n", file, line, condition, detail.c_str());
  std::abort();
}

namespace {

std::map<std::string, int>& outcome_counts()
{
  static std::map<std::string, int> counts;
  return counts;
}

} // namespace

void count(const char* outcome)
{
  ++outcome_counts()[outcome];
}

const std::map<std::string, int>& counts()
{
  return outcome_counts();
}

std::vector<std::string> Input::all(std::string_view name) const
{
  std::vector<std::string> values;
  for (const auto& [key, value] : params) {
    if (key == name) {
      values.push_back(value);
    }
  }
  return values;
}

std::string Input::get(std::string_view name, std::string fallback) const
{
  for (const auto& [key, value] : params) {
    if (key == name) {
      return value;
    }
  }
  return fallback;
}

bool Input::has(std::string_view name) const
{
  return std::any_of(params.begin(), params.end(), [&](const auto& param) { return param.first == name; });
}

Input split_input(const std::uint8_t* data, std::size_t size)
{
  Input input;
  const std::string all(reinterpret_cast<const char*>(data), size);
  const auto nul = all.find('\0');
  input.text = all.substr(0, nul);
  if (nul == std::string::npos) {
    return input;
  }
  std::string_view rest = std::string_view(all).substr(nul + 1);
  while (!rest.empty()) {
    const auto end = rest.find('\n');
    const auto line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    const auto eq = line.find('=');
    if (eq != std::string_view::npos) {
      input.params.emplace_back(std::string(line.substr(0, eq)), std::string(line.substr(eq + 1)));
    }
  }
  return input;
}

YAML::Node load_yaml(const std::string& text)
{
  return YAML::Load(text);
}

bool same_yaml(const YAML::Node& a, const YAML::Node& b, std::string& where)
{
  if (a.Type() != b.Type()) {
    where = "different kinds of value";
    return false;
  }
  switch (a.Type()) {
  case YAML::NodeType::Scalar:
    if (a.Scalar() != b.Scalar()) {
      where = "\"" + a.Scalar() + "\" / \"" + b.Scalar() + "\"";
      return false;
    }
    return true;
  case YAML::NodeType::Sequence:
    if (a.size() != b.size()) {
      where = "lists of " + std::to_string(a.size()) + " / " + std::to_string(b.size()) + " items";
      return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!same_yaml(a[i], b[i], where)) {
        where = "[" + std::to_string(i) + "]: " + where;
        return false;
      }
    }
    return true;
  case YAML::NodeType::Map:
    if (a.size() != b.size()) {
      where = "maps of " + std::to_string(a.size()) + " / " + std::to_string(b.size()) + " keys";
      return false;
    }
    for (const auto& entry : a) {
      const auto key = entry.first.Scalar();
      const YAML::Node other = b[key];
      if (!other.IsDefined() || !same_yaml(entry.second, other, where)) {
        where = key + ": " + (other.IsDefined() ? where : "missing");
        return false;
      }
    }
    return true;
  case YAML::NodeType::Null:
  case YAML::NodeType::Undefined:
    return true;
  }
  return true;
}

bool is_subsequence(std::string_view before, std::string_view after)
{
  std::size_t i = 0;
  for (std::size_t j = 0; i < before.size() && j < after.size(); ++j) {
    if (before[i] == after[j]) {
      ++i;
    }
  }
  return i == before.size();
}

namespace {

// Lengths of the common prefix and of the common suffix of a and b that
// do not overlap in the shorter of the two.
std::pair<std::size_t, std::size_t> common_ends(std::string_view a, std::string_view b)
{
  const auto shorter = std::min(a.size(), b.size());
  std::size_t prefix = 0;
  while (prefix < shorter && a[prefix] == b[prefix]) {
    ++prefix;
  }
  std::size_t suffix = 0;
  while (suffix < shorter - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  return {prefix, suffix};
}

} // namespace

bool is_single_insertion(std::string_view before, std::string_view after)
{
  const auto [prefix, suffix] = common_ends(before, after);
  return after.size() >= before.size() && prefix + suffix == before.size();
}

bool is_single_line_replacement(std::string_view before, std::string_view after)
{
  const auto [prefix, suffix] = common_ends(before, after);
  const auto removed = before.substr(prefix, before.size() - prefix - suffix);
  const auto added = after.substr(prefix, after.size() - prefix - suffix);
  return removed.find('\n') == std::string_view::npos && added.find('\n') == std::string_view::npos;
}

} // namespace mentor::fuzz
