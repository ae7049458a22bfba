#include "mentor/store/document.hpp"

#include <fmt/format.h>

#include <utility>

namespace mentor::store {

Node Node::scalar(std::string value)
{
  Node node;
  node.kind = Kind::scalar;
  node.value = std::move(value);
  return node;
}

Node Node::sequence()
{
  return sequence(std::vector<Node>());
}

Node Node::sequence(std::vector<Node> items)
{
  Node node;
  node.kind = Kind::sequence;
  node.items = std::move(items);
  return node;
}

Node Node::map()
{
  Node node;
  node.kind = Kind::map;
  return node;
}

const Node* Node::find(std::string_view key) const
{
  const Entry* entry = find_entry(key);
  return entry ? &entry->value : nullptr;
}

Node* Node::find(std::string_view key)
{
  return const_cast<Node*>(std::as_const(*this).find(key));
}

const Entry* Node::find_entry(std::string_view key) const
{
  if (!is_map()) {
    return nullptr;
  }
  for (const auto& entry : entries) {
    if (entry.key == key) {
      return &entry;
    }
  }
  return nullptr;
}

std::size_t Node::entry_index(std::string_view key) const
{
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].key == key) {
      return i;
    }
  }
  return std::string::npos;
}

Node& Node::add(std::string key, Node child)
{
  entries.push_back(Entry{std::move(key), {}, std::move(child)});
  return *this;
}

const Node* walk(const Node& root, const NodePath& path)
{
  const Node* node = &root;
  for (const auto& step : path) {
    if (const auto* key = std::get_if<std::string>(&step)) {
      node = node->find(*key);
    } else {
      const auto index = std::get<std::size_t>(step);
      node = node->is_sequence() && index < node->items.size() ? &node->items[index] : nullptr;
    }
    if (!node) {
      return nullptr;
    }
  }
  return node;
}

Node* walk(Node& root, const NodePath& path)
{
  return const_cast<Node*>(walk(std::as_const(root), path));
}

std::string path_to_string(const NodePath& path)
{
  std::string out;
  for (const auto& step : path) {
    if (const auto* key = std::get_if<std::string>(&step)) {
      out += out.empty() ? *key : "." + *key;
    } else {
      out += fmt::format("[{}]", std::get<std::size_t>(step));
    }
  }
  return out.empty() ? "(top)" : out;
}

namespace {

std::string difference(const Node& a, const Node& b, const std::string& where)
{
  if (a.kind != b.kind) {
    return fmt::format("{}: the kind of value differs", where);
  }
  switch (a.kind) {
  case Node::Kind::null:
    return {};
  case Node::Kind::scalar:
    return a.value == b.value ? std::string()
                              : fmt::format("{}: \"{}\" instead of \"{}\"", where, b.value, a.value);
  case Node::Kind::sequence:
    if (a.items.size() != b.items.size()) {
      return fmt::format("{}: {} items instead of {}", where, b.items.size(), a.items.size());
    }
    for (std::size_t i = 0; i < a.items.size(); ++i) {
      auto d = difference(a.items[i], b.items[i], fmt::format("{}[{}]", where, i));
      if (!d.empty()) {
        return d;
      }
    }
    return {};
  case Node::Kind::map:
    if (a.entries.size() != b.entries.size()) {
      return fmt::format("{}: {} keys instead of {}", where, b.entries.size(), a.entries.size());
    }
    for (std::size_t i = 0; i < a.entries.size(); ++i) {
      if (a.entries[i].key != b.entries[i].key) {
        return fmt::format("{}: key \"{}\" instead of \"{}\"", where, b.entries[i].key, a.entries[i].key);
      }
      auto d = difference(a.entries[i].value, b.entries[i].value, where + "." + a.entries[i].key);
      if (!d.empty()) {
        return d;
      }
    }
    return {};
  }
  return {};
}

} // namespace

bool same_content(const Node& a, const Node& b)
{
  if (a.kind != b.kind || a.value != b.value || a.items.size() != b.items.size()
      || a.entries.size() != b.entries.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    if (!same_content(a.items[i], b.items[i])) {
      return false;
    }
  }
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    if (a.entries[i].key != b.entries[i].key || !same_content(a.entries[i].value, b.entries[i].value)) {
      return false;
    }
  }
  return true;
}

std::string describe_difference(const Node& a, const Node& b)
{
  auto d = difference(a, b, "(top)");
  return d.empty() ? "no difference" : d;
}

} // namespace mentor::store
