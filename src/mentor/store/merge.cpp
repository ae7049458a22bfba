#include "mentor/store/merge.hpp"

#include "mentor/store/parse.hpp"
#include "mentor/store/source_error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace mentor::store {

namespace {

// Two lists are aligned with a table of this many cells at most (after
// their common start and end are set aside); beyond it, a conflict.
constexpr std::size_t k_max_alignment_cells = 4'000'000;

// A value and the bytes it owns in its file: for a map entry, its key line,
// its value and the comments after it; for a list item, its dash line, the
// item and the comments after it.
struct Span
{
  const Document* doc = nullptr;
  const Node* node = nullptr;
  std::size_t begin = 0;
  std::size_t end = 0;

  std::string_view text() const { return std::string_view(doc->text).substr(begin, end - begin); }
};

// A block map or list cut into the lines before its first key or item (the
// head) and one span per key or item.
struct Split
{
  Span head;
  std::vector<Span> children;
  Span tail;  // blank lines and comments after the last child, before what follows
  std::vector<std::string> keys;  // maps only
};

enum class Shape { map, sequence, empty, other };

std::size_t line_start(std::string_view text, std::size_t offset)
{
  while (offset > 0 && text[offset - 1] != '\n') {
    --offset;
  }
  return offset;
}

bool only_spaces(std::string_view text)
{
  return text.find_first_not_of(' ') == std::string_view::npos;
}

std::size_t next_line(std::string_view text, std::size_t offset)
{
  const auto nl = text.find('\n', offset);
  return nl == std::string_view::npos ? text.size() : nl + 1;
}

// Where the blank lines and comments at the end of [from, end) start, when
// the comments are indented no deeper than `col` (deeper ones could be the
// text of a block value).
std::size_t trailing_lines(std::string_view text, std::size_t from, std::size_t end, std::size_t col)
{
  while (end > from) {
    const auto line = line_start(text, end - 1);
    if (line < from) {
      break;
    }
    const auto content = text.substr(line, end - line);
    const auto indent = content.find_first_not_of(" \r\n");
    if (indent != std::string_view::npos && !(content[indent] == '#' && indent <= col)) {
      break;
    }
    end = line;
  }
  return end;
}

Shape shape_of(const Node& node)
{
  if (node.is_null() || (node.flow && node.items.empty() && node.entries.empty())) {
    return Shape::empty;
  }
  if (node.flow) {
    return Shape::other;
  }
  if (node.is_map()) {
    return Shape::map;
  }
  return node.is_sequence() ? Shape::sequence : Shape::other;
}

// Where each key or item of a block map or list starts, or nullopt when the
// layout is one this merge does not cut up (keys sharing a line, an item
// starting on the line after its dash, …).
std::optional<Split> split(const Span& span)
{
  Split split;
  const std::string_view text = span.doc->text;
  const Node& node = *span.node;
  std::vector<std::size_t> starts;
  if (shape_of(node) == Shape::empty) {
    split.head = Span{span.doc, span.node, span.begin, span.end};
    split.tail = Span{span.doc, span.node, span.end, span.end};
    return split;
  }
  std::size_t col = 0;  // where the keys or dashes are
  if (shape_of(node) == Shape::map) {
    col = static_cast<std::size_t>(node.entries.front().key_mark.col - 1);
    for (std::size_t k = 0; k < node.entries.size(); ++k) {
      const auto key = node.entries[k].key_mark.offset;
      const auto line = line_start(text, key);
      if (only_spaces(text.substr(line, key - line)) && line >= span.begin) {
        starts.push_back(line);
      } else if (k == 0 && key >= span.begin) {
        starts.push_back(key);  // the first key of a list item, after its dash
      } else {
        return std::nullopt;
      }
      split.keys.push_back(node.entries[k].key);
    }
  } else if (shape_of(node) == Shape::sequence) {
    const auto dash_col = static_cast<std::size_t>(node.mark.col - 1);
    col = dash_col;
    for (std::size_t k = 0; k < node.items.size(); ++k) {
      const auto content = node.items[k].mark.offset;
      const auto line = line_start(text, content);
      const auto dash = line + dash_col;
      if (dash >= content || text[dash] != '-' || !only_spaces(text.substr(dash + 1, content - dash - 1))
          || content == dash + 1) {
        return std::nullopt;
      }
      if (only_spaces(text.substr(line, dash_col)) && line >= span.begin) {
        starts.push_back(line);
      } else if (k == 0 && dash == node.mark.offset && dash >= span.begin) {
        starts.push_back(dash);  // a list nested in a list item: `- - a`
      } else {
        return std::nullopt;
      }
    }
  } else {
    return std::nullopt;
  }
  const auto tail = trailing_lines(text, next_line(text, starts.back()), span.end, col);
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const auto end = k + 1 < starts.size() ? starts[k + 1] : tail;
    const Node* child = node.is_map() ? &node.entries[k].value : &node.items[k];
    if (starts[k] >= end || end > span.end) {
      return std::nullopt;
    }
    split.children.push_back(Span{span.doc, child, starts[k], end});
  }
  split.head = Span{span.doc, span.node, span.begin, starts.front()};
  split.tail = Span{span.doc, span.node, tail, span.end};
  return split;
}

// The value as a message shows it: one-line text, else nothing.
std::string shown(const Node& node)
{
  if (node.is_scalar() && node.value.find('\n') == std::string::npos && node.value.size() <= 60) {
    return node.value;
  }
  if (node.is_null()) {
    return "(empty)";
  }
  return {};
}

std::string place(const std::string& where)
{
  return where.empty() ? "the file" : fmt::format("`{}`", where);
}

class Merger
{
public:
  explicit Merger(const MergeRules& rules) : m_rules(rules) {}

  std::string out;
  std::vector<std::string> conflicts;

  // Merges three versions of one value (each with the bytes it owns),
  // appending the merged bytes to `out`; returns the merged value.
  Node merge(const std::string& where, const Span& b, const Span& o, const Span& t)
  {
    if (const Span* taken = one_sided(b, o, t)) {
      emit(*taken, where);
      return *taken->node;
    }
    const auto sb = shape_of(*b.node), so = shape_of(*o.node), st = shape_of(*t.node);
    if (so == st && (so == Shape::map || so == Shape::sequence) && (sb == so || sb == Shape::empty)) {
      const auto bs = split(b), os = split(o), ts = split(t);
      if (bs && os && ts) {
        return so == Shape::map ? merge_map(where, *bs, *os, *ts) : merge_sequence(where, *bs, *os, *ts);
      }
      conflict(fmt::format("{} was changed on both sides and is laid out in a way mentor does not merge",
                           place(where)));
    } else if (same_content(*o.node, *t.node)) {
      conflict(fmt::format("{} was changed on both sides to the same value, written differently", place(where)));
    } else {
      const auto ours = shown(*o.node), theirs = shown(*t.node);
      conflict(!ours.empty() && !theirs.empty()
                 ? fmt::format("{} was changed on both sides (ours: {}, theirs: {})", place(where), ours, theirs)
                 : fmt::format("{} was changed on both sides", place(where)));
    }
    emit(o, where);
    return *o.node;
  }

private:
  void conflict(std::string message) { conflicts.push_back(std::move(message)); }

  // Ours when theirs did not change or made the same change, theirs when
  // only they changed; nullptr when both changed it differently.
  static const Span* one_sided(const Span& b, const Span& o, const Span& t)
  {
    if (b.text() == t.text() || o.text() == t.text()) {
      return &o;
    }
    return b.text() == o.text() ? &t : nullptr;
  }

  // Appends a span's bytes. A span that starts a line in its file must
  // start a line here too (and one that starts mid-line, after a dash, must
  // follow one), or the indentation would not read back.
  void emit(const Span& span, const std::string& where)
  {
    const bool starts_line = span.begin == 0 || span.doc->text[span.begin - 1] == '\n';
    const bool at_line = out.empty() || out.back() == '\n';
    if (starts_line != at_line) {
      conflict(fmt::format("{} cannot be put in its place without changing its layout", place(where)));
    }
    out += span.text();
  }

  // The lines before the first key or item, or after the last: one side's
  // change, or the same change on both.
  void merge_lines(const std::string& where, const Span& b, const Span& o, const Span& t, std::string_view which)
  {
    if (const Span* taken = one_sided(b, o, t)) {
      emit(*taken, where);
    } else {
      conflict(fmt::format("the lines that {} {} were changed on both sides", which, place(where)));
      emit(o, where);
    }
  }

  static std::size_t index_of(const std::vector<std::string>& keys, const std::string& key)
  {
    const auto it = std::find(keys.begin(), keys.end(), key);
    return it == keys.end() ? std::string::npos : static_cast<std::size_t>(it - keys.begin());
  }

  Node merge_map(const std::string& where, const Split& b, const Split& o, const Split& t)
  {
    auto child_where = [&](const std::string& key) { return where.empty() ? key : where + "." + key; };
    // Their keys that the base has must still be in the base's order:
    // moving keys around is not something this merge can apply.
    std::vector<std::string> b_order, t_order;
    for (const auto& key : b.keys) {
      if (index_of(t.keys, key) != std::string::npos) {
        b_order.push_back(key);
      }
    }
    for (const auto& key : t.keys) {
      if (index_of(b.keys, key) != std::string::npos) {
        t_order.push_back(key);
      }
    }
    if (b_order != t_order) {
      conflict(fmt::format("the keys of {} were reordered on their side", place(where)));
    }

    // Our keys in our order, with theirs added after the key before them.
    std::vector<std::string> order = o.keys;
    for (std::size_t j = 0; j < t.keys.size(); ++j) {
      const auto& key = t.keys[j];
      if (index_of(b.keys, key) != std::string::npos || index_of(o.keys, key) != std::string::npos) {
        continue;
      }
      std::size_t at = 0;
      for (std::size_t p = j; p-- > 0;) {
        const auto found = index_of(order, t.keys[p]);
        if (found != std::string::npos) {
          at = found + 1;
          break;
        }
      }
      // Keys added at the same place on both sides: ours first.
      while (at < order.size() && index_of(b.keys, order[at]) == std::string::npos
             && index_of(t.keys, order[at]) == std::string::npos) {
        ++at;
      }
      order.insert(order.begin() + static_cast<std::ptrdiff_t>(at), key);
    }

    merge_lines(where, b.head, o.head, t.head, "start");
    Node result = Node::map();
    for (const auto& key : b.keys) {
      const auto bi = index_of(b.keys, key), oi = index_of(o.keys, key), ti = index_of(t.keys, key);
      if (oi != std::string::npos && ti == std::string::npos && o.children[oi].text() != b.children[bi].text()) {
        conflict(fmt::format("{} was deleted on their side and changed on ours", place(child_where(key))));
      }
      if (ti != std::string::npos && oi == std::string::npos && t.children[ti].text() != b.children[bi].text()) {
        conflict(fmt::format("{} was deleted on our side and changed on theirs", place(child_where(key))));
      }
    }
    for (const auto& key : order) {
      const auto bi = index_of(b.keys, key), oi = index_of(o.keys, key), ti = index_of(t.keys, key);
      const auto name = child_where(key);
      if (oi == std::string::npos) {
        emit(t.children[ti], name);
        result.add(key, *t.children[ti].node);
      } else if (bi != std::string::npos && ti != std::string::npos) {
        result.add(key, merge(name, b.children[bi], o.children[oi], t.children[ti]));
      } else if (bi != std::string::npos) {
        // Deleted on their side: gone, unless we changed it (a conflict,
        // reported above, and ours is kept).
        if (o.children[oi].text() != b.children[bi].text()) {
          emit(o.children[oi], name);
          result.add(key, *o.children[oi].node);
        }
      } else {
        if (ti != std::string::npos && t.children[ti].text() != o.children[oi].text()) {
          conflict(fmt::format("{} was added on both sides with different values", place(name)));
        }
        emit(o.children[oi], name);
        result.add(key, *o.children[oi].node);
      }
    }
    merge_lines(where, b.tail, o.tail, t.tail, "end");
    return result;
  }

  // How list items are matched across versions.
  struct Identity
  {
    std::string key;  // a key of every item; empty: by value or by text
    bool by_value = false;
  };

  Identity identity_of(const std::vector<const Split*>& lists) const
  {
    auto every = [&](auto&& pred) {
      for (const auto* list : lists) {
        for (const auto& child : list->children) {
          if (!pred(*child.node)) {
            return false;
          }
        }
      }
      return true;
    };
    for (const auto& key : m_rules.identity_keys) {
      if (every([&](const Node& item) {
            const Node* value = item.find(key);
            return value && value->is_scalar();
          })) {
        return Identity{key, false};
      }
    }
    return Identity{{}, every([](const Node& item) { return item.is_scalar(); })};
  }

  static std::string identity(const Identity& how, const Span& item)
  {
    if (!how.key.empty()) {
      return item.node->find(how.key)->value;
    }
    return how.by_value ? item.node->value : std::string(item.text());
  }

  // For each item of `base`, the index of the item of `side` it is matched
  // with, or -1: the longest run of items in the same order with the same
  // identity, preferring items whose text did not change at all.
  static std::optional<std::vector<long>> align(const std::vector<Span>& base, const std::vector<Span>& side,
                                                const std::vector<std::string>& base_ids,
                                                const std::vector<std::string>& side_ids)
  {
    std::vector<long> match(base.size(), -1);
    std::size_t head = 0;
    while (head < base.size() && head < side.size() && base[head].text() == side[head].text()) {
      match[head] = static_cast<long>(head);
      ++head;
    }
    std::size_t tail = 0;
    while (tail < base.size() - head && tail < side.size() - head
           && base[base.size() - 1 - tail].text() == side[side.size() - 1 - tail].text()) {
      match[base.size() - 1 - tail] = static_cast<long>(side.size() - 1 - tail);
      ++tail;
    }
    const std::size_t n = base.size() - head - tail, m = side.size() - head - tail;
    if (n == 0 || m == 0) {
      return match;
    }
    if (n * m > k_max_alignment_cells) {
      return std::nullopt;
    }
    auto weight = [&](std::size_t i, std::size_t j) -> int {
      if (base_ids[head + i] != side_ids[head + j]) {
        return 0;
      }
      return base[head + i].text() == side[head + j].text() ? 2 : 1;
    };
    // best[i][j]: the best total for base[i..] and side[j..].
    std::vector<int> best((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> int& { return best[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;) {
      for (std::size_t j = m; j-- > 0;) {
        int value = std::max(at(i + 1, j), at(i, j + 1));
        if (const int w = weight(i, j); w > 0) {
          value = std::max(value, w + at(i + 1, j + 1));
        }
        at(i, j) = value;
      }
    }
    for (std::size_t i = 0, j = 0; i < n && j < m;) {
      if (const int w = weight(i, j); w > 0 && at(i, j) == w + at(i + 1, j + 1)) {
        match[head + i] = static_cast<long>(head + j);
        ++i;
        ++j;
      } else if (at(i, j) == at(i + 1, j)) {
        ++i;
      } else {
        ++j;
      }
    }
    return match;
  }

  // Items of `side` added after base item `anchor` (-1: before the first),
  // as indexes into side.children, by anchor + 1.
  static std::vector<std::vector<std::size_t>> additions(const std::vector<long>& match, std::size_t side_size)
  {
    std::vector<long> base_of(side_size, -1);
    for (std::size_t i = 0; i < match.size(); ++i) {
      if (match[i] >= 0) {
        base_of[static_cast<std::size_t>(match[i])] = static_cast<long>(i);
      }
    }
    std::vector<std::vector<std::size_t>> added(match.size() + 1);
    long anchor = -1;
    for (std::size_t j = 0; j < side_size; ++j) {
      if (base_of[j] >= 0) {
        anchor = base_of[j];
      } else {
        added[static_cast<std::size_t>(anchor + 1)].push_back(j);
      }
    }
    return added;
  }

  // Items added at the same place on both sides: all kept, in the order of
  // the rules' key when they all have it, else ours first; an item added
  // on both sides with the same text is kept once.
  void merge_additions(const std::string& where, const Split& o, const std::vector<std::size_t>& ours,
                       const Split& t, const std::vector<std::size_t>& theirs, Node& result)
  {
    std::vector<std::size_t> kept;
    for (auto j : theirs) {
      bool same_text = false;
      for (auto i : ours) {
        if (o.children[i].text() == t.children[j].text()) {
          same_text = true;
        } else if (same_content(*o.children[i].node, *t.children[j].node)) {
          conflict(fmt::format("the same item was added to {} on both sides, written differently", place(where)));
        }
      }
      if (!same_text) {
        kept.push_back(j);
      }
    }
    auto order_value = [&](const Span& item) -> const std::string* {
      if (m_rules.order_key.empty()) {
        return nullptr;
      }
      const Node* value = item.node->find(m_rules.order_key);
      return value && value->is_scalar() ? &value->value : nullptr;
    };
    bool ordered = !ours.empty() && !kept.empty();
    for (auto i : ours) {
      ordered = ordered && order_value(o.children[i]);
    }
    for (auto j : kept) {
      ordered = ordered && order_value(t.children[j]);
    }
    std::size_t a = 0, c = 0;
    while (a < ours.size() || c < kept.size()) {
      bool take_ours = c == kept.size()
                       || (a < ours.size() && (!ordered || *order_value(o.children[ours[a]]) <= *order_value(t.children[kept[c]])));
      const Span& item = take_ours ? o.children[ours[a++]] : t.children[kept[c++]];
      emit(item, where);
      result.items.push_back(*item.node);
    }
  }

  Node merge_sequence(const std::string& where, const Split& b, const Split& o, const Split& t)
  {
    const auto how = identity_of({&b, &o, &t});
    auto ids = [&](const Split& list) {
      std::vector<std::string> out_ids;
      for (const auto& child : list.children) {
        out_ids.push_back(identity(how, child));
      }
      return out_ids;
    };
    const auto b_ids = ids(b), o_ids = ids(o), t_ids = ids(t);
    const auto o_match = align(b.children, o.children, b_ids, o_ids);
    const auto t_match = align(b.children, t.children, b_ids, t_ids);
    if (!o_match || !t_match) {
      conflict(fmt::format("{} has too many changes on both sides to merge", place(where)));
      emit(Span{o.head.doc, o.head.node, o.head.begin, o.tail.end}, where);
      return *o.head.node;
    }
    const auto o_added = additions(*o_match, o.children.size());
    const auto t_added = additions(*t_match, t.children.size());
    auto item_where = [&](const std::string& id, std::size_t index) {
      return how.key.empty() && !how.by_value ? fmt::format("{}[{}]", where, index)
                                              : fmt::format("{}[{}]", where, id);
    };

    merge_lines(where, b.head, o.head, t.head, "start");
    Node result = Node::sequence();
    merge_additions(where, o, o_added[0], t, t_added[0], result);
    for (std::size_t i = 0; i < b.children.size(); ++i) {
      const long oi = (*o_match)[i], ti = (*t_match)[i];
      const auto name = item_where(b_ids[i], i);
      const auto& base_item = b.children[i];
      if (oi >= 0 && ti >= 0) {
        result.items.push_back(merge(name, base_item, o.children[static_cast<std::size_t>(oi)],
                                     t.children[static_cast<std::size_t>(ti)]));
      } else if (oi >= 0) {
        const auto& ours = o.children[static_cast<std::size_t>(oi)];
        if (ours.text() != base_item.text()) {
          conflict(fmt::format("{} was deleted on their side and changed on ours", place(name)));
          emit(ours, name);
          result.items.push_back(*ours.node);
        }
      } else if (ti >= 0) {
        if (t.children[static_cast<std::size_t>(ti)].text() != base_item.text()) {
          conflict(fmt::format("{} was deleted on our side and changed on theirs", place(name)));
        }
      }
      merge_additions(where, o, o_added[i + 1], t, t_added[i + 1], result);
    }
    merge_lines(where, b.tail, o.tail, t.tail, "end");
    return result;
  }

  const MergeRules& m_rules;
};

} // namespace

MergeOutcome merge_three_way(const Document& base, const Document& ours, const Document& theirs,
                             const MergeRules& rules)
{
  MergeOutcome outcome;
  Merger merger(rules);
  const Node merged = merger.merge({}, Span{&base, &base.root, 0, base.text.size()},
                                   Span{&ours, &ours.root, 0, ours.text.size()},
                                   Span{&theirs, &theirs.root, 0, theirs.text.size()});
  outcome.conflicts = std::move(merger.conflicts);
  if (!outcome.conflicts.empty()) {
    return outcome;
  }
  // The bytes put together must read as the tree put together.
  try {
    const auto reread = parse_document(ours.path, merger.out);
    if (!same_content(reread.root, merged)) {
      outcome.conflicts.push_back(fmt::format("the merged file would not read back as intended ({})",
                                              describe_difference(merged, reread.root)));
      return outcome;
    }
  } catch (const SourceError& e) {
    outcome.conflicts.push_back(fmt::format("the merged file would not read back: {}", e.what()));
    return outcome;
  }
  outcome.clean = true;
  outcome.text = std::move(merger.out);
  outcome.merged = merged;
  return outcome;
}

} // namespace mentor::store
