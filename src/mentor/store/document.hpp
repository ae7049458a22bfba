#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mentor::store {

// Where a value starts in its file: 1-based line and column (in bytes), and
// the byte offset into the file's text.
struct Mark
{
  int line = 0;
  int col = 0;
  std::size_t offset = 0;
};

struct Entry;

// A YAML value as read from a file, with the position of every node. This is
// our own small tree (not YAML::Node) so that no layer above `store` sees
// yaml-cpp, and so that marks and styles survive.
class Node
{
public:
  enum class Kind { null, scalar, sequence, map };

  static Node scalar(std::string value);
  // (Two overloads, not a default argument: clang instantiates the default
  // `{}` where Entry is not yet complete, and refuses it.)
  static Node sequence();
  static Node sequence(std::vector<Node> items);
  static Node map();

  Kind kind = Kind::null;
  std::string value;       // scalars only
  bool plain = true;       // scalar written without quotes or block indicator
  bool flow = false;       // collection written as [..] or {..}
  Mark mark;
  std::vector<Node> items;     // sequences
  std::vector<Entry> entries;  // maps, in file order

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_map() const { return kind == Kind::map; }

  // Map lookup; nullptr when absent or when this is not a map.
  const Node* find(std::string_view key) const;
  Node* find(std::string_view key);
  const Entry* find_entry(std::string_view key) const;
  std::size_t entry_index(std::string_view key) const; // npos when absent

  // Appends an entry (maps) and returns *this, for building new values.
  Node& add(std::string key, Node child);
};

struct Entry
{
  std::string key;
  Mark key_mark;
  Node value;
};

// One step into a tree: a map key or a sequence index.
using PathStep = std::variant<std::string, std::size_t>;
using NodePath = std::vector<PathStep>;

const Node* walk(const Node& root, const NodePath& path);
Node* walk(Node& root, const NodePath& path);
std::string path_to_string(const NodePath& path);

// Same values, ignoring marks and how they were written (quoting, flow or
// block): what a reader of the file would get.
bool same_content(const Node& a, const Node& b);

// A human description of the first place where a and b differ, for errors.
std::string describe_difference(const Node& a, const Node& b);

// A parsed file: its display path, its exact bytes, and the tree.
struct Document
{
  std::string path;   // as shown to the user, e.g. "pairings/a--b.yaml"
  std::string text;   // the file's bytes, exactly as read
  Node root;
};

} // namespace mentor::store
