// Fuzz target `patch`: the patch writer's two in-place edits, as `pair`
// (status, ended, outcome) and `review --record` (a goal's status) use them,
// on any file and with any value. The input is the file's text, then a NUL
// byte and `name=value` lines:
//
//   edit=replace|insert   map=N (which block map: 0 is the top, then the
//   maps inside it in file order)   key=N (which of its keys, for replace)
//   name=…  (the new key, for insert)   value=…  (repeat: one line each)
//
// Then either store::Patch refuses with a mentor::Error, or the new text
// reads back through yaml-cpp's Node API as the old tree with exactly that
// value replaced or that key added, and differs from the old text in one
// line (replace) or by inserted text only (insert). Anything else aborts.

#include "fuzz_support.hpp"

#include "mentor/store/parse.hpp"
#include "mentor/store/writer.hpp"
#include "mentor/util/error.hpp"

#include <fmt/format.h>

#include <cstdlib>

using namespace mentor;

namespace {

struct MapAt
{
  store::NodePath path;
  const store::Node* node;
};

// Every map of the tree, parents before children, in file order.
void collect_maps(const store::Node& node, store::NodePath& path, std::vector<MapAt>& out)
{
  if (node.is_map()) {
    out.push_back(MapAt{path, &node});
    for (const auto& entry : node.entries) {
      path.emplace_back(entry.key);
      collect_maps(entry.value, path, out);
      path.pop_back();
    }
  } else if (node.is_sequence()) {
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      path.emplace_back(i);
      collect_maps(node.items[i], path, out);
      path.pop_back();
    }
  }
}

std::size_t number(const std::string& text)
{
  return static_cast<std::size_t>(std::strtoul(text.c_str(), nullptr, 10));
}

// The yaml-cpp node at `path`.
YAML::Node at_path(YAML::Node node, const store::NodePath& path)
{
  for (const auto& step : path) {
    if (const auto* key = std::get_if<std::string>(&step)) {
      node.reset(node[*key]);
    } else {
      node.reset(node[std::get<std::size_t>(step)]);
    }
  }
  return node;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const auto input = fuzz::split_input(data, size);
  store::Document document;
  try {
    document = store::parse_document("pairings/ann--bob.yaml", input.text);
  } catch (const Error&) {
    fuzz::count("not read");
    return 0;
  }
  std::vector<MapAt> maps;
  store::NodePath path;
  collect_maps(document.root, path, maps);
  if (maps.empty()) {
    return 0;
  }
  const auto& map = maps[number(input.get("map", "0")) % maps.size()];
  std::string value;
  for (const auto& line : input.all("value")) {
    value += (value.empty() ? "" : "\n") + line;
  }
  const bool replace = input.get("edit", "replace") == "replace";
  std::string key;
  if (replace) {
    if (map.node->entries.empty()) {
      return 0;
    }
    key = map.node->entries[number(input.get("key", "0")) % map.node->entries.size()].key;
  } else {
    key = input.get("name", "done");
    if (map.node->find(key)) {
      return 0;  // the commands only insert keys a map does not have
    }
  }

  std::string text;
  try {
    store::Patch patch(document);
    if (replace) {
      patch.replace_scalar(map.path, key, value);
    } else {
      patch.insert_keys(map.path, {store::Entry{key, {}, store::Node::scalar(value)}},
                        {"ended", "until", "started", "status", "due", "text", "id"});
    }
    text = patch.result();
  } catch (const Error& e) {
    FUZZ_CHECK(*e.what() != '\0', "a refusal says why");
    fuzz::count("refused");
    return 0;
  }

  const auto changed = fmt::format("--- before\n{}\n--- after\n{}", document.text, text);
  FUZZ_CHECK(replace ? fuzz::is_single_line_replacement(document.text, text)
                     : fuzz::is_single_insertion(document.text, text),
             "more of the file changed than the edit\n" + changed);
  YAML::Node expected;
  try {
    expected = fuzz::load_yaml(document.text);
  } catch (const YAML::Exception&) {
    fuzz::count("not read by yaml-cpp");
    return 0;  // not the writer's doing
  }
  YAML::Node actual;
  try {
    actual = fuzz::load_yaml(text);
  } catch (const YAML::Exception& e) {
    FUZZ_CHECK(false, fmt::format("yaml-cpp cannot read the new file: {}\n{}", e.what(), changed));
  }
  at_path(expected, map.path)[key] = value;
  std::string where;
  FUZZ_CHECK(fuzz::same_yaml(expected, actual, where),
             fmt::format("yaml-cpp reads the new file differently from what was intended: {}\n{}", where, changed));
  fuzz::count(replace ? "replaced" : "inserted");
  return 0;
}
